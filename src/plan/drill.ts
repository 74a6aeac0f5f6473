// The plan of a failover drill: which virtual interfaces are tested, in which order, and which paths
// guard each test. Pure TypeScript (no aws-cdk-lib): the construct hands it what it read from the
// connections, with token strings for the deploy-time ids.

import { finding } from "../core/fail";
import { RuleFinding } from "../core/rule";
import { VirtualInterfaceType } from "../core/topology";
import { DRILL_INTERFACE_NAME, DRILL_ONLY_PATH, DRILL_WITHOUT_INTERFACES } from "../rules/drill";

/** One virtual interface as the drill plan sees it. */
export interface DrillInterface {
  /** The spec's name (its purpose). */
  readonly name: string;
  /** The location code of its slot. */
  readonly location: string;
  /** The slot number. */
  readonly slotNumber: number;
  /** Transit, private or public. */
  readonly interfaceType: VirtualInterfaceType;
  /** The gateway it lands on (an id or a token string); empty for public interfaces. */
  readonly target: string;
  /** A readable name of that gateway, for messages. */
  readonly targetLabel: string;
}

/** One test of the drill: the interface whose BGP sessions go down, and every path to its gateway. */
export interface DrillStepPlan<T extends DrillInterface> {
  /** The interface under test. */
  readonly tested: T;
  /** Every interface to the same gateway, the tested one included, in the drill's order. */
  readonly paths: T[];
}

/**
 * The group of paths an interface belongs to: its gateway, or `public` for the public interfaces (the
 * grouping of the failure analysis, where every public interface reaches the AWS public endpoints).
 */
export function pathGroupOf(vif: DrillInterface): string {
  return vif.interfaceType === VirtualInterfaceType.PUBLIC ? "public" : vif.target;
}

/** The drill's order: location code, slot number, then spec name (never the order of the props). */
export function drillOrder(a: DrillInterface, b: DrillInterface): number {
  return compare(a.location, b.location) || a.slotNumber - b.slotNumber || compare(a.name, b.name);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The steps of a drill over `all` the interfaces of the connections, testing those whose spec name is
 * in `names` (all when undefined), in the drill's order (`checkDrill` tells what is wrong with them).
 */
export function planDrill<T extends DrillInterface>(
  all: ReadonlyArray<T>,
  names?: ReadonlyArray<string>,
): DrillStepPlan<T>[] {
  const sorted = [...all].sort(drillOrder);
  const tested = names === undefined ? sorted : sorted.filter((v) => names.includes(v.name));
  return tested.map((vif) => ({
    tested: vif,
    paths: sorted.filter((other) => pathGroupOf(other) === pathGroupOf(vif)),
  }));
}

/**
 * What is wrong with a drill over `all` the interfaces, testing `names` (all when undefined): no
 * interface at all (then nothing else), a name that matches no spec, and each tested interface that is
 * the only path to its gateway (taking its BGP sessions down would cut the gateway off).
 */
export function checkDrill<T extends DrillInterface>(
  all: ReadonlyArray<T>,
  names?: ReadonlyArray<string>,
): RuleFinding[] {
  if (all.length === 0) {
    return [
      finding(
        DRILL_WITHOUT_INTERFACES,
        "`connections` carry no virtual interfaces: a failover drill tests virtual interfaces (give the " +
          "constructs `virtualInterfaces`).",
      ),
    ];
  }
  const known = [...new Set(all.map((v) => v.name))].sort(compare);
  const unknown = (names ?? []).filter((name) => !known.includes(name));
  return [
    ...unknown.map((name) =>
      finding(
        DRILL_INTERFACE_NAME,
        `\`virtualInterfaceNames\`: ${JSON.stringify(name)} is the name of no virtual interface spec of the ` +
          `\`connections\` (their specs: ${known.join(", ")}).`,
      ),
    ),
    ...planDrill(all, names)
      .filter((step) => step.paths.length < 2)
      .map(({ tested: vif }) =>
        finding(
          DRILL_ONLY_PATH,
          `\`connections\`: the virtual interface ${vif.name} at ${vif.location} slot ${vif.slotNumber} is the only ` +
            `path to ${vif.targetLabel}: its failover test would cut that gateway off. Add a path to it (another ` +
            "slot or location), or leave its spec out with `virtualInterfaceNames`.",
        ),
      ),
  ];
}

/** The FIS actions of one drill step, by name (`Guard-`, `Disconnect-`, `Pause-` and the interface's key). */
export interface DrillStepActions {
  /** The key of the tested interface: `<location>-Slot<n>-<spec name>`, e.g. `EqDC2-Slot1-prod`. */
  readonly key: string;
  /** The `aws:fis:wait` before the guard, after the previous step (none on a template's first step). */
  readonly pause?: string;
  /** The `aws:cloudwatch:assert-alarm-state` on the guard alarms (none without alarms). */
  readonly guard?: string;
  /** The `aws:directconnect:virtual-interface-disconnect` of the tested interface. */
  readonly disconnect: string;
  /** Its target. */
  readonly target: string;
}

/** The experiment templates of a drill: its steps in order, each template a run of consecutive steps. */
export interface DrillTemplatePlan<T extends DrillInterface> {
  /** The steps of this template, in the drill's order. */
  readonly steps: ReadonlyArray<{
    readonly step: number;
    readonly plan: DrillStepPlan<T>;
    readonly actions: DrillStepActions;
  }>;
}

/** What shapes the templates: the guard, the durations and FIS's bounds of one template. */
export interface DrillTemplateLimits {
  /** Whether each step has a guard action. */
  readonly guarded: boolean;
  /** Minutes each interface is down. */
  readonly stepMinutes: number;
  /** Minutes of the pause between two steps. */
  readonly pauseMinutes: number;
  /** The most actions in one template. */
  readonly actionsPerTemplate: number;
  /** The most minutes of one experiment. */
  readonly experimentMinutes: number;
}

/** The key of an interface in the drill's action names: `<location>-Slot<n>-<spec name>`. */
export function drillKey(vif: DrillInterface): string {
  return `${vif.location}-Slot${vif.slotNumber}-${vif.name}`;
}

/**
 * The drill's steps as FIS experiment templates: each step a pause (not the first of a template), a
 * guard (with alarms) and a disconnect, chained; a new template when the next step would pass the
 * actions or minutes of one experiment. The minutes count the disconnects and pauses: a guard checks
 * the alarms once and ends (FIS does not say how long it takes; it is not counted).
 */
export function planDrillTemplates<T extends DrillInterface>(
  steps: ReadonlyArray<DrillStepPlan<T>>,
  limits: DrillTemplateLimits,
): DrillTemplatePlan<T>[] {
  const templates: Array<{
    steps: DrillTemplatePlan<T>["steps"][number][];
    actions: number;
    minutes: number;
  }> = [];
  steps.forEach((plan, i) => {
    const current = templates[templates.length - 1];
    const fixed = 1 + (limits.guarded ? 1 : 0);
    const fits =
      current !== undefined &&
      current.actions + fixed + 1 <= limits.actionsPerTemplate &&
      current.minutes + limits.pauseMinutes + limits.stepMinutes <= limits.experimentMinutes;
    const key = drillKey(plan.tested);
    const actions: DrillStepActions = {
      key,
      pause: fits ? `Pause-${key}` : undefined,
      guard: limits.guarded ? `Guard-${key}` : undefined,
      disconnect: `Disconnect-${key}`,
      target: `Vif-${key}`,
    };
    const step = { step: i + 1, plan, actions };
    if (fits) {
      current.steps.push(step);
      current.actions += fixed + 1;
      current.minutes += limits.pauseMinutes + limits.stepMinutes;
    } else {
      templates.push({ steps: [step], actions: fixed, minutes: limits.stepMinutes });
    }
  });
  return templates.map((t) => ({ steps: t.steps }));
}
