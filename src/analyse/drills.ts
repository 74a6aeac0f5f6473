import { FailureKind, FailureScenario } from "./scenario";
import { ConnectionTopology } from "../core/topology";

// Which failover-drill steps rehearse which failure scenario, for the report. Pure: the drill hands
// the construct plain data (its name and the interfaces it tests, by their topology ids).
//
// A drill step takes one virtual interface's BGP sessions down with the failover test
// (https://docs.aws.amazon.com/directconnect/latest/UserGuide/resiliency_failover.html), its ports up.
// It rehearses the BGP side of the failures that lose that interface: its own session, and the port,
// device and location under it when their failure takes its slot down. It never takes two interfaces
// down at once, nor a port, a device's optics or the VPN.

/** One step of a failover drill that tests an interface of the construct. */
export interface ReportDrillStep {
  /** The step's number in the drill's order, from 1. */
  readonly step: number;
  /** The topology id of the interface it tests, e.g. `EqDC2/Slot1/Vif-prod`. */
  readonly virtualInterfaceId: string;
  /** Its FIS action (`aws:directconnect:virtual-interface-disconnect`), e.g. `Disconnect-EqDC2-Slot1-prod`. */
  readonly action?: string;
  /** Its guard action (`aws:cloudwatch:assert-alarm-state`), if the drill has guard alarms. */
  readonly guard?: string;
  /** The construct path of its experiment template. */
  readonly template?: string;
}

/** A failover drill over the construct, as the report sees it. */
export interface ReportDrill {
  /** The drill's construct path. */
  readonly name: string;
  /** The interfaces it tests in all, of this construct and others. */
  readonly stepCount: number;
  /** Its experiment templates (more than one when FIS's limits of one template split it). */
  readonly templateCount?: number;
  /** Its steps that test an interface of this construct, in order. */
  readonly steps: ReadonlyArray<ReportDrillStep>;
}

/** How far the drills rehearse one scenario. */
export enum DrillCoverage {
  /** Every interface the scenario loses is tested by a step. */
  REHEARSED = "rehearsed",
  /** Some of them are. */
  PARTLY = "partly",
  /** None of them is. */
  NOT_DRILLED = "not drilled",
  /** The scenario loses no BGP session, or is a failure of the VPN: the failover test cannot act on it. */
  NOT_DRILLABLE = "not drillable",
}

/** What the drills do for one scenario, and its words for the report's table. */
export interface ScenarioDrills {
  readonly coverage: DrillCoverage;
  readonly text: string;
}

const VPN_KINDS: ReadonlyArray<FailureKind> = [FailureKind.CUSTOMER_GATEWAY, FailureKind.VPN_TUNNEL];

/** The ids of the interfaces a scenario loses: failed themselves, or on a slot that stopped carrying. */
function lostInterfaces(
  topology: ConnectionTopology,
  baseline: FailureScenario,
  scenario: FailureScenario,
): string[] {
  const carrying = new Set(baseline.survivingSlots);
  const surviving = new Set(scenario.survivingSlots);
  const failed = new Set(
    scenario.failures.filter((f) => f.kind === FailureKind.VIRTUAL_INTERFACE).map((f) => f.id),
  );
  return topology.locations
    .flatMap((l) => l.deviceSlots)
    .flatMap((slot) => {
      const slotDown = carrying.has(slot.id) && !surviving.has(slot.id);
      return slot.virtualInterfaces.filter((v) => slotDown || failed.has(v.id)).map((v) => v.id);
    });
}

/** The step labels per interface id: `1` with one drill, `<drill> 1` with several. */
export function stepLabels(drills: ReadonlyArray<ReportDrill>): Map<string, string[]> {
  const labels = new Map<string, string[]>();
  for (const drill of drills) {
    for (const s of drill.steps) {
      const label = drills.length === 1 ? String(s.step) : `${drill.name} ${s.step}`;
      labels.set(s.virtualInterfaceId, [...(labels.get(s.virtualInterfaceId) ?? []), label]);
    }
  }
  return labels;
}

/**
 * What the drills rehearse of one scenario: the steps that take down an interface the scenario loses,
 * "its BGP side" for a failure of a port, device or location (the drill keeps the ports up).
 */
export function scenarioDrills(
  topology: ConnectionTopology,
  baseline: FailureScenario,
  scenario: FailureScenario,
  labels: ReadonlyMap<string, string[]>,
): ScenarioDrills {
  if (scenario.failures.every((f) => VPN_KINDS.includes(f.kind))) {
    return {
      coverage: DrillCoverage.NOT_DRILLABLE,
      text: "not drillable: the failover test acts on Direct Connect BGP sessions, not on the VPN",
    };
  }
  const lost = lostInterfaces(topology, baseline, scenario);
  if (lost.length === 0) {
    return {
      coverage: DrillCoverage.NOT_DRILLABLE,
      text: "not drillable: no BGP session is lost; the failover test acts on BGP sessions, not on optics or devices",
    };
  }
  const drilled = lost.filter((v) => labels.has(v));
  const missing = lost.filter((v) => !labels.has(v));
  if (drilled.length === 0) {
    return {
      coverage: DrillCoverage.NOT_DRILLED,
      text: `none: no drill tests ${lost.length === 1 ? lost[0] : `${lost.join(", ")}`}`,
    };
  }
  const steps = drilled.flatMap((v) => labels.get(v)!);
  const bgpOnly = scenario.failures.some((f) => f.kind !== FailureKind.VIRTUAL_INTERFACE);
  const text =
    `${steps.length === 1 ? "step" : "steps"} ${steps.join(", ")}` +
    (drilled.length > 1 ? ", one at a time" : "") +
    (bgpOnly ? " (its BGP side)" : "") +
    (missing.length > 0 ? `; not drilled: ${missing.join(", ")}` : "");
  return { coverage: missing.length === 0 ? DrillCoverage.REHEARSED : DrillCoverage.PARTLY, text };
}
