import { PortHourPrices } from "./cost";
import { chooseBandwidth, worstCoveredCapacity } from "./sizing";
import { ConnectionBandwidth } from "../core/bandwidth";
import { given } from "../core/props";
import { checkModelPromise } from "./rules/model-promise";
import { raiseAll, warningsOf } from "../core/fail";
import { PlanWarning } from "../core/rule";
import { ConnectionTopology } from "../core/topology";
import { checkMixedPortSpeeds } from "../rules/design/mixed-port-speeds";
import {
  capacityOf,
  checkCapacityGbps,
  checkExpectedPeak,
  checkRequiredKept,
  checkRequiredReachable,
} from "../rules/sizing";

/** What the construct asks of the analysis: sizing and the traffic to keep. */
export interface CapacityRequest {
  readonly bandwidth?: unknown;
  readonly requiredBandwidthGbps?: unknown;
  readonly expectedPeakGbps?: unknown;
  readonly prices: PortHourPrices;
}

/** The bandwidth to plan with, and how it was chosen (for the report). */
export interface SizedBandwidth {
  readonly bandwidth: unknown;
  readonly chosen?: string;
  readonly requiredGbps?: number;
  readonly expectedPeakGbps?: number;
}

/**
 * Issue 9, sizing: without `bandwidth`, the cheapest bandwidth whose layout keeps
 * `requiredBandwidthGbps` through the worst failure its model covers; with both, the given one, checked.
 */
export function sizeBandwidth(
  request: CapacityRequest,
  plan: (bandwidth: ConnectionBandwidth) => ConnectionTopology,
): SizedBandwidth {
  const requiredGbps = capacityGbps(request.requiredBandwidthGbps, "requiredBandwidthGbps");
  const expectedPeakGbps = capacityGbps(request.expectedPeakGbps, "expectedPeakGbps");
  if (requiredGbps === undefined || given(request.bandwidth)) {
    return { bandwidth: request.bandwidth, requiredGbps, expectedPeakGbps };
  }
  const choice = chooseBandwidth(requiredGbps, plan, request.prices);
  raiseAll(
    checkRequiredReachable(requiredGbps, choice.worstCoveredGbps, choice.bandwidth.toString()),
    "requiredBandwidthGbps",
  );
  return {
    bandwidth: choice.bandwidth,
    requiredGbps,
    expectedPeakGbps,
    chosen:
      `chosen for \`requiredBandwidthGbps\` ${requiredGbps}: the cheapest that keeps it through the worst covered ` +
      `failure, ${choice.worstCoveredGbps} Gbps left, about $${choice.monthlyUsd.toFixed(2)} per month`,
  };
}

/**
 * The model's promise, proven on the planned topology (an Error naming `model` with the first
 * counter-example when it does not hold), a given bandwidth against `requiredBandwidthGbps`, and the
 * warning when the worst covered failure leaves less than the expected peak.
 */
export function checkCapacity(topology: ConnectionTopology, sized: SizedBandwidth): PlanWarning[] {
  const [broken] = checkModelPromise(topology, "`model`: this layout");
  // The audit's message names the slot; the construct's names the props that set the speeds.
  const mixed = checkMixedPortSpeeds(topology).map((f) => ({
    ...f,
    message: `\`bandwidth\` and \`existingSlots\`: ${f.message}`,
  }));
  raiseAll([...(broken ? [broken] : []), ...mixed], "the layout");
  const worst = worstCoveredCapacity(topology).gbps;
  if (sized.requiredGbps !== undefined && sized.chosen === undefined) {
    raiseAll(
      checkRequiredKept(sized.requiredGbps, worst, topology.bandwidth.toString()),
      "requiredBandwidthGbps",
    );
  }
  return warningsOf(checkExpectedPeak(sized.expectedPeakGbps, worst));
}

/** A capacity prop (rules/sizing): its error thrown, else its value. */
function capacityGbps(value: unknown, prop: string): number | undefined {
  raiseAll(checkCapacityGbps(value as number | undefined, prop), prop);
  return capacityOf(value as number | undefined);
}
