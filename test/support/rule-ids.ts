import { RuleCatalogue } from "../../src";

/** The catalogued rule ids of the error `build` throws (it must throw). */
export function ruleIdsOf(build: () => unknown): string[] {
  try {
    build();
  } catch (e) {
    return RuleCatalogue.ruleIdsOf((e as Error).message);
  }
  throw new Error("no error");
}
