import { PortHourPrices } from "./cost";
import { FailureAnalysis } from "./failures";
import { chooseBandwidth, worstCoveredCapacity } from "./sizing";
import { ConnectionBandwidth } from "../plan/bandwidth";
import { given, show } from "../plan/props";
import { PlanWarning } from "../plan/rules/rule";
import { ConnectionTopology } from "../plan/topology";

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

/** A capacity in Gbps: a positive number, or undefined when not given. */
function gbpsOf(value: unknown, prop: string): number | undefined {
  if (!given(value)) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new Error(`\`${prop}\` ${show(value)} is not allowed: a positive number of Gbps.`);
  }
  return value;
}

/**
 * Issue 9, sizing: without `bandwidth`, the cheapest bandwidth whose layout keeps
 * `requiredBandwidthGbps` through the worst failure its model covers; with both, the given one, checked.
 */
export function sizeBandwidth(
  request: CapacityRequest,
  plan: (bandwidth: ConnectionBandwidth) => ConnectionTopology,
): SizedBandwidth {
  const requiredGbps = gbpsOf(request.requiredBandwidthGbps, "requiredBandwidthGbps");
  const expectedPeakGbps = gbpsOf(request.expectedPeakGbps, "expectedPeakGbps");
  if (requiredGbps === undefined || given(request.bandwidth)) {
    return { bandwidth: request.bandwidth, requiredGbps, expectedPeakGbps };
  }
  const choice = chooseBandwidth(requiredGbps, plan, request.prices);
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
  const broken = FailureAnalysis.analyse(topology)
    .verdicts()
    .find((v) => !v.met);
  if (broken) {
    const s = broken.counterExample!;
    throw new Error(
      `\`model\`: this layout does not meet ${topology.model.name}: it promises to survive ${broken.claim}, but ` +
        `${s.failures.map((f) => f.description).join(" and ")} leaves ${s.survivingCapacityGbps} Gbps and ` +
        `${s.paths.filter((p) => p.bgpSessions === 0).length} gateway target(s) without a Direct Connect path.`,
    );
  }
  const worst = worstCoveredCapacity(topology).gbps;
  if (sized.requiredGbps !== undefined && sized.chosen === undefined && worst < sized.requiredGbps) {
    throw new Error(
      `\`requiredBandwidthGbps\` ${sized.requiredGbps}: with \`bandwidth\` ${topology.bandwidth} the worst failure ` +
        `the model covers leaves ${worst} Gbps. Leave \`bandwidth\` out to let the planner choose, or raise it.`,
    );
  }
  if (sized.expectedPeakGbps === undefined || worst >= sized.expectedPeakGbps) return [];
  return [
    {
      id: "capacityAfterFailure",
      message:
        `\`expectedPeakGbps\` ${sized.expectedPeakGbps}: the worst failure the model covers leaves ${worst} Gbps of ` +
        "Direct Connect, less than the expected peak: the surviving paths would be overloaded. Raise `bandwidth`, " +
        "or give `requiredBandwidthGbps` to let the planner size it.",
    },
  ];
}
