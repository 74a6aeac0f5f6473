/**
 * A bridge while issue 14 converts the rule families in parallel: some checks of other families still
 * throw their first error. `caught` runs such a check and records its error as the finding of its rule,
 * so that the caller can report it together with its own findings. To delete when nothing uses it.
 */
import { Rule, RuleError, finding } from "./fail";
import type { RuleFinding } from "./rule";

/**
 * Runs a check that still throws (`check`), recording its errors into `out` as findings of `rules` (the
 * rules it can break); returns its value, or undefined when it threw. Any other exception passes.
 */
export function caught<T>(rules: ReadonlyArray<Rule>, check: () => T, out: RuleFinding[]): T | undefined {
  try {
    return check();
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    const found = e.errors.map((error) => {
      const rule = rules.find((r) => r.id === error.ruleId);
      if (rule === undefined) throw e;
      return finding(rule, error.message.slice(0, -` [${error.ruleId}]`.length));
    });
    out.push(...found);
    return undefined;
  }
}
