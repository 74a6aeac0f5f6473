/** The failover drill (`FailoverDrill`): what it tests, and for how long. */
import { errorRule, finding, warningRule, ruleFamily } from "../core/fail";
import { wholeNumberFindings } from "../core/props";
import { RuleFinding } from "../core/rule";
import { SOURCES } from "../core/sources";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const DRILL_RULES = ruleFamily({
  DRILL_WITHOUT_INTERFACES: errorRule({
    id: "drillWithoutInterfaces",
    what: "a failover drill over `connections` that carry no virtual interface",
    why: "the failover test puts the BGP sessions of a virtual interface down: without one there is nothing to test",
    prop: "connections",
    source: SOURCES.failoverTest,
  }),
  DRILL_INTERFACE_NAME: errorRule({
    id: "drillInterfaceName",
    what: "`virtualInterfaceNames` empty, or naming no virtual interface spec of the `connections`",
    why: "a drill that tests nothing, or not what was asked, proves nothing",
    prop: "virtualInterfaceNames",
  }),
  DRILL_ONLY_PATH: errorRule({
    id: "drillOnlyPath",
    what: "a drill that would test the only virtual interface to a gateway",
    why: "the test takes that interface's BGP sessions down for its whole duration: the gateway would be cut off",
    prop: "connections",
    source: SOURCES.failoverTest,
  }),
  DRILL_DURATION: errorRule({
    id: "drillDuration",
    what:
      "`testDuration`, `checkAfter` or `restoreTimeout` not a literal Duration of whole minutes in its range " +
      "(test: 1 to 4,320 minutes)",
    why: "a failover test runs from 1 minute to 72 hours, and the durations shape the state machine's waits at synth",
    prop: "testDuration",
    source: SOURCES.failoverTest,
  }),
  DRILL_CHECK_AFTER: errorRule({
    id: "drillCheckAfter",
    what: "`checkAfter` less than 2 minutes shorter than `testDuration`",
    why: "the traffic check must run while the test still holds the session down",
    prop: "checkAfter",
  }),
  DRILL_TRAFFIC_PERCENT: errorRule({
    id: "drillTrafficPercent",
    what: "`trafficRetainedPercent` outside 0 to 100",
    why: "the share of the traffic before the test that the other paths must carry during it",
    prop: "trafficRetainedPercent",
  }),
  DRILL_ALARMS: errorRule({
    id: "drillAlarms",
    what: "more than 100 `alarms` for the drill's guard",
    why: "the guard reads them with one DescribeAlarms call, which takes at most 100 alarm names",
    prop: "alarms",
    source: SOURCES.describeAlarms,
  }),
  DRILL_HISTORY_LIMIT: warningRule({
    id: "drillHistoryLimit",
    what: "a drill whose execution history may near the 25,000 events of a Standard execution (more than about 20,000)",
    why:
      "Step Functions fails an execution at 25,000 history events, possibly while a test holds a BGP session down " +
      "(AWS restores it after `testDuration`)",
    prop: "virtualInterfaceNames",
    source: SOURCES.stepFunctionsQuotas,
  }),
});
export const {
  DRILL_WITHOUT_INTERFACES,
  DRILL_INTERFACE_NAME,
  DRILL_ONLY_PATH,
  DRILL_DURATION,
  DRILL_CHECK_AFTER,
  DRILL_TRAFFIC_PERCENT,
  DRILL_ALARMS,
  DRILL_HISTORY_LIMIT,
} = DRILL_RULES;

/** The share of the traffic the other paths must keep, 0 to 100 percent. */
export function checkTrafficRetainedPercent(percent: number): RuleFinding[] {
  return wholeNumberFindings(DRILL_TRAFFIC_PERCENT, percent, "trafficRetainedPercent", { min: 0, max: 100 });
}

/** `checkAfter` at least 2 minutes shorter than `testDuration`. */
export function checkCheckAfter(checkAfter: number, testDuration: number): RuleFinding[] {
  if (checkAfter <= testDuration - 2) return [];
  return [
    finding(
      DRILL_CHECK_AFTER,
      `\`checkAfter\` (${checkAfter} minutes) must be at least 2 minutes shorter than \`testDuration\` ` +
        `(${testDuration} minutes): the check runs while the test holds the session down.`,
    ),
  ];
}

/** At most 100 alarms (one DescribeAlarms call). */
export function checkDrillAlarmCount(count: number): RuleFinding[] {
  if (count <= 100) return [];
  return [finding(DRILL_ALARMS, `\`alarms\` has ${count} alarms: at most 100 (one DescribeAlarms call).`)];
}

/** The warning when a drill's history (`events`, estimated) may near the execution's 25,000 events. */
export function checkDrillHistory(events: number): RuleFinding[] {
  if (events <= 20_000) return [];
  return [
    finding(
      DRILL_HISTORY_LIMIT,
      `The drill's execution history may reach about ${events} events; Step Functions fails an execution at ` +
        "25,000, possibly while a test holds a BGP session down (AWS restores it after `testDuration`). Split the " +
        "drill into several FailoverDrills with `virtualInterfaceNames`.",
    ),
  ];
}
