import { PlanWarning, RuleFinding, RuleInfo, RuleSeverity } from "./rule";

/**
 * Only a rule that belongs to a family (`ruleFamily`) can make a finding: the brand is a type, so a
 * rule left out of its family's list does not compile where it is used, and the catalogue, which
 * lists the families, has every rule.
 */
/** A rule of a family (the brand exists in types only). */
export type Rule = RuleInfo & { readonly inFamily: true };
/** A rule whose breach is an error. */
export type ErrorRule = Rule & { readonly severity: RuleSeverity.ERROR };

/** What a rule says, but its severity; `audit` defaults to false (the planner checks it only). */
export type RuleText = Omit<RuleInfo, "severity" | "audit"> & { readonly audit?: boolean };

/** A rule before it joins its family. */
export type RuleDraft = RuleInfo & { readonly draft: true };

/** A rule whose breach fails synth: AWS refuses it at deploy, or the layout does not do what it claims. */
export function errorRule(text: RuleText): RuleDraft & { readonly severity: RuleSeverity.ERROR } {
  return { ...text, severity: RuleSeverity.ERROR, audit: text.audit ?? false } as any;
}

/** A rule whose breach is a warning annotation, acknowledgeable by its id. */
export function warningRule(text: RuleText): RuleDraft & { readonly severity: RuleSeverity.WARNING } {
  return { ...text, severity: RuleSeverity.WARNING, audit: text.audit ?? false } as any;
}

/** The rules of a draft family, each branded as the family's own. */
export type Family<T extends Record<string, RuleDraft>> = {
  readonly [K in keyof T]: Omit<T[K], "draft"> & Rule;
};

/**
 * A family of rules: the one list its file exports (`export const PORT_RULES = ruleFamily({...})`),
 * which the catalogue (analyse/catalogue.ts) gathers. Its members are the rules that can make findings.
 */
export function ruleFamily<T extends Record<string, RuleDraft>>(drafts: T): Family<T> {
  return drafts as unknown as Family<T>;
}

/** The rules of a family, as a list. */
export function rulesOf(family: Record<string, Rule>): Rule[] {
  return Object.values(family);
}

/**
 * A finding of a broken rule: what every check returns (`check...(): RuleFinding[]`). `message`
 * names the prop in backticks, the bad value and what is allowed; `at` says where, when not the
 * whole construct.
 */
export function finding(rule: Rule, message: string, at?: string): RuleFinding {
  return at === undefined ? { rule, message } : { rule, message, at };
}

/** The error findings of a list. */
export function errorsOf(findings: ReadonlyArray<RuleFinding>): RuleFinding[] {
  return findings.filter((f) => f.rule.severity === RuleSeverity.ERROR);
}

/** The warning findings of a list, as warnings. */
export function warningsOf(findings: ReadonlyArray<RuleFinding>): PlanWarning[] {
  return findings
    .filter((f) => f.rule.severity === RuleSeverity.WARNING)
    .map((f) => ({ id: f.rule.id, message: f.message }));
}

/**
 * The Error of a broken rule: the message the user reads (naming the prop in backticks, the bad value
 * and what is allowed), ending with the rule's id in brackets so that every language sees it (jsii
 * carries only the message to Python, Java, C# and Go), and, for programs, `ruleId`
 * (`RuleCatalogue.byId(ruleId)`).
 *
 * A construct collects the errors of all its independent checks and throws one `RuleError` listing
 * each (`errors`); its `ruleId` is then the first one's.
 */
export class RuleError extends Error {
  /** The id of the broken rule (of the first, when this lists several). */
  public readonly ruleId: string;
  /** Every error this one reports: itself alone, or each of several found in one construct. */
  public readonly errors: ReadonlyArray<RuleError>;

  constructor(ruleId: string, message: string, errors?: ReadonlyArray<RuleError>) {
    super(errors === undefined ? `${message} [${ruleId}]` : message);
    this.name = "RuleError";
    this.ruleId = ruleId;
    this.errors = errors ?? [this];
  }
}

/**
 * The one place findings become an exception, at the edge: every error finding thrown at once, one
 * alone as it is, several as one `RuleError` listing each (`<subject>: N errors:` and one
 * `- message [ruleId]` line each; `subject` says where, e.g. the construct's path). Warnings and an
 * empty list pass.
 */
export function raiseAll(findings: ReadonlyArray<RuleFinding>, subject: string): void {
  const errors = findings
    .filter((f) => f.rule.severity === RuleSeverity.ERROR)
    .map((f) => new RuleError(f.rule.id, f.message));
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) {
    const lines = errors.map((e) => `  - ${e.message}`);
    throw new RuleError(
      errors[0].ruleId,
      `${subject}: ${errors.length} errors:\n${lines.join("\n")}`,
      errors,
    );
  }
}
