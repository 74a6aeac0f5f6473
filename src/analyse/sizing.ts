import { PortHourPrices } from "./cost";
import { FailureAnalysis } from "./failures";
import { modelPromise } from "./promise";
import { FailureKind } from "./scenario";
import { ConnectionBandwidth } from "../core/bandwidth";
import { ConnectionTopology } from "../core/topology";

/** A bandwidth the sizing chose, and why. */
export interface SizingChoice {
  /** The capacity of every device slot. */
  readonly bandwidth: ConnectionBandwidth;
  /** The Direct Connect capacity the worst failure the model covers leaves, in Gbps. */
  readonly worstCoveredGbps: number;
  /** The estimated port-hour cost per month, in US dollars. */
  readonly monthlyUsd: number;
}

/**
 * The Direct Connect capacity the worst single failure the topology's model covers leaves (any single
 * failure for Classic), and whether every claim of the model holds.
 */
export function worstCoveredCapacity(topology: ConnectionTopology): { gbps: number; promiseKept: boolean } {
  const analysis = FailureAnalysis.analyse(topology);
  const kinds = modelPromise(topology.model).flat();
  const covered = kinds.length > 0 ? kinds : Object.values(FailureKind);
  const worst = analysis._worstSingle(covered);
  const gbps = Math.min(analysis.baseline.survivingCapacityGbps, worst?.survivingCapacityGbps ?? Infinity);
  return { gbps, promiseKept: analysis.verdicts().every((v) => v.met) };
}

/**
 * The cheapest bandwidth per device slot (port speed and ports per LAG, within the LAG limits) whose
 * layout keeps `requiredGbps` through the worst failure its model covers; when none does, the one that
 * keeps the most (`checkRequiredReachable` then names `requiredBandwidthGbps`). `plan` lays out the
 * construct with one bandwidth; a bandwidth it refuses (undefined, for example 1 Gbps with MACsec) is
 * not a candidate. Undefined when it refuses them all.
 */
export function chooseBandwidth(
  requiredGbps: number,
  plan: (bandwidth: ConnectionBandwidth) => ConnectionTopology | undefined,
  prices: PortHourPrices,
): SizingChoice | undefined {
  const candidates: SizingChoice[] = [];
  for (const bandwidth of ConnectionBandwidth.all()) {
    const topology = plan(bandwidth);
    if (topology === undefined) continue;
    const worst = worstCoveredCapacity(topology);
    candidates.push({
      bandwidth,
      worstCoveredGbps: worst.gbps,
      monthlyUsd: prices.estimate(topology).monthlyUsd,
    });
  }
  if (candidates.length === 0) return undefined;
  const meeting = candidates
    .filter((c) => c.worstCoveredGbps >= requiredGbps)
    .sort((a, b) => a.monthlyUsd - b.monthlyUsd || a.bandwidth.portCount - b.bandwidth.portCount);
  if (meeting.length > 0) return meeting[0];
  return candidates.reduce((a, b) => (b.worstCoveredGbps > a.worstCoveredGbps ? b : a));
}
