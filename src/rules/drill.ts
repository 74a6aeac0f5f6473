/** The failover drill (`FailoverDrill`): what it tests, for how long, and under which guard. */
import { errorRule, finding, warningRule, ruleFamily } from "../core/fail";
import { RuleFinding } from "../core/rule";
import { SOURCES } from "../core/sources";

/**
 * The FIS bounds the drill relies on (docs/facts.md §2.1): the `duration` of
 * `aws:directconnect:virtual-interface-disconnect` (10 minutes to 12 hours), the alarms of one
 * `aws:cloudwatch:assert-alarm-state` (up to 5), the stop conditions (5), the actions (20) and the
 * duration (12 hours) of one experiment template.
 */
export const FIS_LIMITS = {
  minStepMinutes: 10,
  maxStepMinutes: 12 * 60,
  /** `aws:fis:wait`: one minute to 12 hours. */
  minPauseMinutes: 1,
  maxPauseMinutes: 12 * 60,
  alarmsPerAssert: 5,
  stopConditionsPerTemplate: 5,
  actionsPerTemplate: 20,
  experimentMinutes: 12 * 60,
} as const;

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
    what: "a drill that would test the only Direct Connect virtual interface to a gateway",
    why: "the step takes that interface's BGP sessions down for its whole duration: the gateway would be cut off",
    prop: "connections",
    source: SOURCES.failoverTest,
  }),
  DRILL_DURATION: errorRule({
    id: "drillDuration",
    what:
      "`stepDuration` not a literal Duration of whole minutes from 10 minutes to 12 hours, or `pauseBetweenSteps` " +
      "not one from 1 minute to 12 hours",
    why:
      "the `duration` of aws:directconnect:virtual-interface-disconnect runs from PT10M to PT12H and that of " +
      "aws:fis:wait from PT1M to PT12H; the durations shape the experiment template at synth",
    prop: "stepDuration",
    source: SOURCES.fisDirectConnectAction,
  }),
  DRILL_UNGUARDED: errorRule({
    id: "drillUnguarded",
    what: "a drill without guard `alarms`, unless `unguardedReason` acknowledges it",
    why:
      "without alarms no step waits for the other paths to be healthy and nothing stops the experiment: each " +
      "interface would go down whatever the state of the rest",
    prop: "alarms",
    source: SOURCES.fisStopConditions,
  }),
  DRILL_ALARMS: errorRule({
    id: "drillAlarms",
    what: "more than 5 guard `alarms`",
    why:
      "an experiment template takes at most 5 stop conditions, and aws:cloudwatch:assert-alarm-state at most 5 " +
      "alarms (combine more into a composite alarm)",
    prop: "alarms",
    source: SOURCES.fisQuotas,
  }),
  DRILL_OTHER_ACCOUNT: errorRule({
    id: "drillOtherAccount",
    what: "a drill in one account over the virtual interfaces of `connections` in another",
    why: "only the account that owns a virtual interface may run its failover test",
    prop: "connections",
    source: SOURCES.failoverTest,
  }),
  DRILL_SPLIT: warningRule({
    id: "drillSplit",
    what: "a drill that needs more than one experiment template (more than 20 actions, or more than 12 hours, in one)",
    why:
      "FIS runs at most 20 actions and 12 hours in one experiment: the drill is split into templates that you " +
      "start one after the other, each only after the previous one completed",
    prop: "virtualInterfaceNames",
    source: SOURCES.fisQuotas,
  }),
});
export const {
  DRILL_WITHOUT_INTERFACES,
  DRILL_INTERFACE_NAME,
  DRILL_ONLY_PATH,
  DRILL_DURATION,
  DRILL_UNGUARDED,
  DRILL_ALARMS,
  DRILL_OTHER_ACCOUNT,
  DRILL_SPLIT,
} = DRILL_RULES;

/** Guard alarms: at least one (unless acknowledged with a reason), at most 5. */
export function checkDrillAlarms(count: number, unguardedReason: string | undefined): RuleFinding[] {
  if (count > FIS_LIMITS.stopConditionsPerTemplate) {
    return [
      finding(
        DRILL_ALARMS,
        `\`alarms\` has ${count} alarms: at most ${FIS_LIMITS.stopConditionsPerTemplate} (the stop conditions of ` +
          "an experiment template, and the alarms of one aws:cloudwatch:assert-alarm-state); combine them into a " +
          "composite alarm.",
      ),
    ];
  }
  if (count > 0 || (unguardedReason !== undefined && unguardedReason.trim() !== "")) return [];
  return [
    finding(
      DRILL_UNGUARDED,
      "The drill has no guard `alarms`: no step would wait for the other paths to be healthy, and nothing would " +
        "stop the experiment. Give `alarms` (e.g. the `headroomAlarms` of the monitoring), or acknowledge it with " +
        "`unguardedReason`.",
    ),
  ];
}

/**
 * The interfaces' account differs from the drill's (both known): only the owner may run the failover
 * test. `drillAccount` and `connectionsAccount` are undefined when not known at synth.
 */
export function checkDrillAccount(
  drillAccount: string | undefined,
  connections: ReadonlyArray<{ readonly path: string; readonly account: string | undefined }>,
): RuleFinding[] {
  if (drillAccount === undefined) return [];
  return connections
    .filter((c) => c.account !== undefined && c.account !== drillAccount)
    .map((c) =>
      finding(
        DRILL_OTHER_ACCOUNT,
        `\`connections\`: the virtual interfaces of ${c.path} are in account ${c.account}, the drill in account ` +
          `${drillAccount}: only the account that owns a virtual interface may run its failover test. Make the ` +
          "drill in a stack of that account.",
      ),
    );
}

/** The warning when the drill takes several experiment templates, started one after the other. */
export function checkDrillSplit(templateCount: number): RuleFinding[] {
  if (templateCount <= 1) return [];
  return [
    finding(
      DRILL_SPLIT,
      `The drill needs ${templateCount} experiment templates (FIS runs at most ${FIS_LIMITS.actionsPerTemplate} ` +
        `actions and ${FIS_LIMITS.experimentMinutes / 60} hours in one experiment): start them in the order of ` +
        "`experimentTemplates`, each after the previous experiment completed. Or split the drill with " +
        "`virtualInterfaceNames`.",
    ),
  ];
}
