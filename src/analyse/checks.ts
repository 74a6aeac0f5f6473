import { PortHourPrices } from "./cost";
import { chooseBandwidth, worstCoveredCapacity } from "./sizing";
import { ConnectionBandwidth } from "../core/bandwidth";
import { given } from "../core/props";
import { checkModelPromise } from "./rules/model-promise";
import { RuleFinding } from "../core/rule";
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
  readonly bandwidth?: ConnectionBandwidth;
  readonly requiredBandwidthGbps?: number;
  readonly expectedPeakGbps?: number;
  readonly prices: PortHourPrices;
}

/** The bandwidth to plan with, and how it was chosen (for the report). */
export interface SizedBandwidth {
  readonly bandwidth?: ConnectionBandwidth;
  readonly chosen?: string;
  readonly requiredGbps?: number;
  readonly expectedPeakGbps?: number;
}

/**
 * Issue 9, sizing: without `bandwidth`, the cheapest bandwidth whose layout keeps
 * `requiredBandwidthGbps` through the worst failure its model covers; with both, the given one, checked.
 * The findings of the capacity props in `out`; undefined when one is an error. When `plan` refuses
 * every bandwidth, the largest is returned unchosen: planning it again reports why.
 */
export function sizeBandwidth(
  request: CapacityRequest,
  plan: (bandwidth: ConnectionBandwidth) => ConnectionTopology | undefined,
  out: RuleFinding[],
): SizedBandwidth | undefined {
  const capacities = [
    ...checkCapacityGbps(request.requiredBandwidthGbps, "requiredBandwidthGbps"),
    ...checkCapacityGbps(request.expectedPeakGbps, "expectedPeakGbps"),
  ];
  out.push(...capacities);
  if (capacities.length > 0) return undefined;
  const requiredGbps = capacityOf(request.requiredBandwidthGbps);
  const expectedPeakGbps = capacityOf(request.expectedPeakGbps);
  if (requiredGbps === undefined || given(request.bandwidth)) {
    return { bandwidth: request.bandwidth, requiredGbps, expectedPeakGbps };
  }
  const choice = chooseBandwidth(requiredGbps, plan, request.prices);
  if (choice === undefined) {
    return { bandwidth: ConnectionBandwidth.all().slice(-1)[0], requiredGbps, expectedPeakGbps };
  }
  const reachable = checkRequiredReachable(
    requiredGbps,
    choice.worstCoveredGbps,
    choice.bandwidth.toString(),
  );
  out.push(...reachable);
  if (reachable.length > 0) return undefined;
  return {
    bandwidth: choice.bandwidth,
    requiredGbps,
    expectedPeakGbps,
    chosen:
      `chosen for \`requiredBandwidthGbps\` ${requiredGbps}: the cheapest that keeps it through the worst covered ` +
      `failure, ${choice.worstCoveredGbps} Gbps left, about $${choice.monthlyUsd.toFixed(2)} per month`,
  };
}

/** A design rule's message as a construct's error: the prop in front, the layout's words after it. */
function namingProp(f: RuleFinding, props: string): RuleFinding {
  return { ...f, message: `${props}: ${f.message.charAt(0).toLowerCase()}${f.message.slice(1)}` };
}

/**
 * The model's promise, proven on the planned topology (an error naming `model` with the first
 * counter-example when it does not hold), mixed port speeds (naming the props that set them), a given
 * bandwidth against `requiredBandwidthGbps`, and the warning when the worst covered failure leaves less
 * than the expected peak. The sizing rules still throw and return warnings: read here as findings.
 */
export function checkCapacity(topology: ConnectionTopology, sized: SizedBandwidth): RuleFinding[] {
  // The audit's messages speak of the layout and name the slot; the construct's name the props.
  const broken = [
    ...checkModelPromise(topology).map((f) => namingProp(f, "`model`")),
    ...checkMixedPortSpeeds(topology).map((f) => ({
      ...f,
      message: `\`bandwidth\` and \`existingSlots\`: ${f.message}`,
    })),
  ];
  if (broken.length > 0) return broken;
  const worst = worstCoveredCapacity(topology).gbps;
  const found: RuleFinding[] = [];
  const required = sized.requiredGbps;
  if (required !== undefined && sized.chosen === undefined) {
    found.push(...checkRequiredKept(required, worst, topology.bandwidth.toString()));
  }
  return [...found, ...checkExpectedPeak(sized.expectedPeakGbps, worst)];
}
