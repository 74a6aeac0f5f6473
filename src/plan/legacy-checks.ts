/**
 * Transitional: the checks of the families that still throw their errors and return `PlanWarning`s
 * (virtual interfaces, VPN, sizing, the report), read as findings, so that the planner and the
 * constructs collect every finding in one list. This file goes when those checks return findings.
 */
import { RuleError } from "../core/fail";
import { PlanWarning, RuleFinding, RuleInfo, RuleSeverity } from "../core/rule";

/** The rule of a finding that a throwing check reported by id only (reports read its id and severity). */
function ruleOf(id: string, severity: RuleSeverity): RuleInfo {
  return { id, severity, what: id, why: id, audit: false };
}

/** The findings of an error thrown by a check: each error it lists, its message without the id. */
export function findingsOfError(error: RuleError): RuleFinding[] {
  return error.errors.map((e) => {
    const suffix = ` [${e.ruleId}]`;
    const message = e.message.endsWith(suffix) ? e.message.slice(0, -suffix.length) : e.message;
    return { rule: ruleOf(e.ruleId, RuleSeverity.ERROR), message };
  });
}

/** The findings of the warnings a check returned. */
export function findingsOfWarnings(warnings: ReadonlyArray<PlanWarning>): RuleFinding[] {
  return warnings.map((w) => ({ rule: ruleOf(w.id, RuleSeverity.WARNING), message: w.message }));
}

/**
 * Runs a check that throws its errors: what it returns, or `fallback` with its errors put in `out` as
 * findings (anything else than a `RuleError` is thrown on).
 */
export function caught<T>(check: () => T, fallback: T, out: RuleFinding[]): T {
  try {
    return check();
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    out.push(...findingsOfError(e));
    return fallback;
  }
}
