/** What a construct reports at synth: the report's analysis, and the warning of a change that replaces resources. */
import { errorRule, finding, warningRule, ruleFamily } from "../core/fail";
import { wholeNumberFindings } from "../core/props";
import { RuleFinding } from "../core/rule";
import { SOURCES } from "../core/sources";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const REPORT_RULES = ruleFamily({
  REPORT_MAX_FAILURES_RANGE: errorRule({
    id: "reportMaxFailuresRange",
    what: "`reportMaxFailures` outside 1 to 10",
    why: "the report analyses every combination of up to that many simultaneous failures",
    prop: "reportMaxFailures",
  }),
  REPORT_SCENARIO_LIMIT: errorRule({
    id: "reportScenarioLimit",
    what: "`reportMaxFailures` that makes more failure scenarios than an analysis evaluates",
    why: "the report is written at synth, too late to refuse: the depth is checked at construction",
    prop: "reportMaxFailures",
  }),
  REPLACES_RESOURCES: warningRule({
    id: "replacesResources",
    what:
      "a change that replaces or removes Direct Connect or VPN resources, compared with the previous synth in the output " +
      "directory",
    why: "a replaced port is a new order and LOA; a replaced interface or VPN connection a new session",
    source: SOURCES.updateBehaviors,
  }),
});
export const { REPORT_MAX_FAILURES_RANGE, REPORT_SCENARIO_LIMIT, REPLACES_RESOURCES } = REPORT_RULES;

/** The report's depth, 1 to 10 simultaneous failures. */
export function checkReportMaxFailures(depth: number): RuleFinding[] {
  return wholeNumberFindings(REPORT_MAX_FAILURES_RANGE, depth, "reportMaxFailures", { min: 1, max: 10 });
}

/** The scenarios of that depth (`count`), at most what an analysis evaluates (`max`). */
export function checkReportScenarios(depth: number, count: number, max: number): RuleFinding[] {
  if (count <= max) return [];
  return [
    finding(
      REPORT_SCENARIO_LIMIT,
      `\`reportMaxFailures\` ${depth} makes ${count} failure scenarios; an analysis evaluates at most ` +
        `${max}. Ask for fewer simultaneous failures.`,
    ),
  ];
}
