/** The options of the monitoring (alarms and dashboard) of a construct. */
import { errorRule, finding, ruleFamily } from "../core/fail";
import { show, wholeNumberFindings } from "../core/props";
import { RuleFinding } from "../core/rule";
import { SOURCES } from "../core/sources";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const MONITORING_RULES = ruleFamily({
  EVALUATION_PERIODS_RANGE: errorRule({
    id: "evaluationPeriodsRange",
    what: "`evaluationPeriods` of the monitoring outside 1 to 60",
    why: "the one-minute periods a port must be down before its alarm goes off",
    prop: "evaluationPeriods",
    source: SOURCES.directConnectMetrics,
  }),
  LIGHT_LEVEL_RANGE: errorRule({
    id: "lightLevelRange",
    what: "`lightLevelMinimumDbm` outside -40 to 10 dBm",
    why: "a receive power threshold outside what optics report is a typo: the alarm would always or never go off",
    prop: "lightLevelMinimumDbm",
    source: SOURCES.directConnectMetrics,
  }),
  ERROR_COUNT_RANGE: errorRule({
    id: "errorCountThresholdRange",
    what: "`errorCountThreshold` below 1",
    why: "0 errors is no alarm",
    prop: "errorCountThreshold",
    source: SOURCES.directConnectMetrics,
  }),
});
export const { EVALUATION_PERIODS_RANGE, LIGHT_LEVEL_RANGE, ERROR_COUNT_RANGE } = MONITORING_RULES;

/** One-minute periods before a port alarm: 1 to 60. */
export function checkEvaluationPeriods(periods: number): RuleFinding[] {
  return wholeNumberFindings(EVALUATION_PERIODS_RANGE, periods, "evaluationPeriods", { min: 1, max: 60 });
}

/** Errors in five minutes from which a port alarm goes off: 1 or more. */
export function checkErrorCountThreshold(threshold: number): RuleFinding[] {
  return wholeNumberFindings(ERROR_COUNT_RANGE, threshold, "errorCountThreshold", { min: 1, max: 1e9 });
}

/** A receive power threshold in dBm, -40 to 10. */
export function checkLightLevel(dbm: number): RuleFinding[] {
  if (typeof dbm === "number" && Number.isFinite(dbm) && dbm <= 10 && dbm >= -40) return [];
  return [
    finding(
      LIGHT_LEVEL_RANGE,
      `\`lightLevelMinimumDbm\` ${show(dbm)} is not allowed: a power in dBm from -40 to 10.`,
    ),
  ];
}
