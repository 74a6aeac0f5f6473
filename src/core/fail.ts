import { PlanWarning, RuleFinding, RuleInfo, RuleSeverity } from "./rule";

/** A rule whose breach is an error. */
export type ErrorRule = RuleInfo & { readonly severity: RuleSeverity.ERROR };
/** A rule whose breach is a warning. */
export type WarningRule = RuleInfo & { readonly severity: RuleSeverity.WARNING };

/** What a rule says, but its severity; `audit` defaults to false (the planner checks it only). */
export type RuleText = Omit<RuleInfo, "severity" | "audit"> & { readonly audit?: boolean };

/** A rule whose breach fails synth: AWS refuses it at deploy, or the layout does not do what it claims. */
export function errorRule(text: RuleText): ErrorRule {
  return { ...text, severity: RuleSeverity.ERROR, audit: text.audit ?? false };
}

/** A rule whose breach is a warning annotation, acknowledgeable by its id. */
export function warningRule(text: RuleText): WarningRule {
  return { ...text, severity: RuleSeverity.WARNING, audit: text.audit ?? false };
}

/**
 * The Error of a broken rule: the message the user reads (naming the prop in backticks, the bad value
 * and what is allowed) and, for programs, the id of the rule (`RuleCatalogue.byId(ruleId)`).
 */
export class RuleError extends Error {
  /** The id of the broken rule. */
  public readonly ruleId: string;

  constructor(rule: ErrorRule, message: string) {
    super(message);
    this.ruleId = rule.id;
  }
}

/** Throws the Error of a broken rule: every error of the planner goes through here. */
export function fail(rule: ErrorRule, message: string): never {
  throw new RuleError(rule, message);
}

/** Throws the Error of an error finding: a design rule (rules/design) that the planner checks too. */
export function raise(finding: RuleFinding): never {
  throw new RuleError(finding.rule as ErrorRule, finding.message);
}

/** The warning of a broken rule (risky but legal): the emit layer annotates it with the rule's id. */
export function warn(rule: WarningRule, message: string): PlanWarning {
  return { id: rule.id, message };
}
