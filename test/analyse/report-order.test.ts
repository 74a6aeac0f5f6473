import { plan, vif } from "./topologies";
import {
  ConnectionBandwidth,
  ConnectionTopology,
  FailureAnalysis,
  PortHourPrices,
  ResiliencyModel,
} from "../../src";
import { renderReport } from "../../src/analyse/report";

// The report's table of the worst scenarios of several failures ranks them as FailureAnalysis.worst() does:
// least Direct Connect capacity left, then fewest gateways with a Direct Connect path, then scenario order.

/** Maximum in two locations with the interface on EqSE2's slots only: EqDC2's slots carry, but reach no gateway. */
function eqse2Only(): ConnectionTopology {
  const t = plan(ResiliencyModel.MAXIMUM, ["EqDC2", "EqSE2"], ConnectionBandwidth.GBPS_10, {
    virtualInterfaces: [vif("prod", "dxgw-1", 100)],
  });
  const [dc, se] = t.locations;
  return {
    ...t,
    locations: [{ ...dc, deviceSlots: dc.deviceSlots.map((s) => ({ ...s, virtualInterfaces: [] })) }, se],
  };
}

/** The failure column of the report's table of several failures, in its order. */
function worstPairs(topology: ConnectionTopology): string[] {
  const report = renderReport({
    title: "Order",
    topology,
    analysis: FailureAnalysis._analyseAtMost(topology, 2),
    cost: PortHourPrices.AWS_LIST_PRICES.estimate(topology),
    sizing: {},
    label: (target) => target,
  });
  const section = report.split("## Up to 2 simultaneous failures")[1].split("\n## ")[0];
  return section
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("| Failure"))
    .map((l) => l.split(" | ").slice(0, 3).join(" | "));
}

test("the worst pairs: least capacity, then fewest gateways with a Direct Connect path, then scenario order", () => {
  const rows = worstPairs(eqse2Only());
  expect(rows).toEqual([
    "| loss of location EqDC2 + loss of location EqSE2 | 0 Gbps | dxgw-1: **none**",
    // 10 Gbps left on an EqDC2 slot, which reaches no gateway: before the 10 Gbps that keep one
    "| failure of device EqDC2/Slot1 (LAG Dx-EqDC2-d1) + loss of location EqSE2 | 10 Gbps | dxgw-1: **none**",
    "| failure of port EqDC2/Slot1/Port1 (Dx-EqDC2-d1-p1) + loss of location EqSE2 | 10 Gbps | dxgw-1: **none**",
    "| failure of device EqDC2/Slot2 (LAG Dx-EqDC2-d2) + loss of location EqSE2 | 10 Gbps | dxgw-1: **none**",
    "| failure of port EqDC2/Slot2/Port1 (Dx-EqDC2-d2-p1) + loss of location EqSE2 | 10 Gbps | dxgw-1: **none**",
    "| loss of location EqDC2 + failure of device EqSE2/Slot1 (LAG Dx-EqSE2-d1) | 10 Gbps | dxgw-1: 1 BGP session",
    "| loss of location EqDC2 + failure of port EqSE2/Slot1/Port1 (Dx-EqSE2-d1-p1) | 10 Gbps | dxgw-1: 1 BGP session",
    "| loss of location EqDC2 + loss of the BGP session of virtual interface EqSE2/Slot1/Vif-prod (transit) | 10 Gbps | dxgw-1: 1 BGP session",
    "| loss of location EqDC2 + failure of device EqSE2/Slot2 (LAG Dx-EqSE2-d2) | 10 Gbps | dxgw-1: 1 BGP session",
    "| loss of location EqDC2 + failure of port EqSE2/Slot2/Port1 (Dx-EqSE2-d2-p1) | 10 Gbps | dxgw-1: 1 BGP session",
  ]);
});

test("the first of the worst pairs is FailureAnalysis.worst()", () => {
  const topology = eqse2Only();
  const worst = FailureAnalysis.analyse(topology, { maxFailures: 2 }).worst();
  expect(worstPairs(topology)[0]).toContain(worst.failures.map((f) => f.description).join(" + "));
});
