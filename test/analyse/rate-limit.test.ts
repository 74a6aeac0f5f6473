import { plan, vif } from "./topologies";
import { ConnectionBandwidth, FailureScenario, ResiliencyModel, VirtualInterfaceType } from "../../src";
import { analyseFailures } from "../../src/analyse/failures";
import type { PlanVirtualInterface } from "../../src/core/request";

// Rate limits cap what a slot carries: hand-derived numbers on a Maximum layout (2 locations x 2 slots).

/** A transit spec with a rate limit of `gbps`. */
function limited(name: string, vlan: number, gbps: number): PlanVirtualInterface {
  return { ...vif(name, "dxgw-1", vlan), rateLimit: { value: `${gbps}Gbps`, rateGbps: gbps } };
}

/** The capacity left by the scenario whose failed elements are exactly `ids`. */
function left(scenarios: FailureScenario[], ...ids: string[]): number {
  const s = scenarios.find((x) => x.failures.map((f) => f.id).join(" + ") === ids.join(" + "));
  if (!s) throw new Error(`no scenario ${ids.join(" + ")}`);
  return s.survivingCapacityGbps;
}

const LOCATIONS = ["EqDC2", "EqSE2"];

describe("one interface limited to 5 Gbps on 2 x 10 Gbps LAGs", () => {
  const topology = plan(ResiliencyModel.MAXIMUM, LOCATIONS, ConnectionBandwidth.gbps(20), {
    virtualInterfaces: [limited("prod", 100, 5)],
  });

  test("the topology carries the rate limit", () => {
    expect(topology.locations[0].deviceSlots[0].virtualInterfaces[0].rateLimitGbps).toBe(5);
  });

  test("each slot carries min(20, 5) = 5: 4 x 5 = 20 Gbps; one port down still 5 per slot", () => {
    const analysis = analyseFailures(topology, { maxFailures: 2 });
    const scenarios = analysis.scenarios();
    expect(analysis.baseline.survivingCapacityGbps).toBe(20);
    // min(10, 5) = 5: nothing lost
    expect(left(scenarios, "EqDC2/Slot1/Port1")).toBe(20);
    // both ports of a LAG: the slot carries nothing
    expect(left(scenarios, "EqDC2/Slot1/Port1", "EqDC2/Slot1/Port2")).toBe(15);
    // its one interface lost: the slot carries nothing
    expect(left(scenarios, "EqDC2/Slot1/Vif-prod")).toBe(15);
    expect(left(scenarios, "EqDC2/Slot1")).toBe(15);
    expect(left(scenarios, "EqDC2")).toBe(10);
  });
});

describe("two interfaces limited to 5 Gbps each on one 10 Gbps port per slot", () => {
  const topology = plan(ResiliencyModel.MAXIMUM, LOCATIONS, ConnectionBandwidth.GBPS_10, {
    virtualInterfaces: [limited("prod", 100, 5), limited("test", 101, 5)],
  });

  test("each slot carries min(10, 5 + 5) = 10; one interface lost: 5; the port lost: 0", () => {
    const analysis = analyseFailures(topology, { maxFailures: 2 });
    const scenarios = analysis.scenarios();
    expect(analysis.baseline.survivingCapacityGbps).toBe(40);
    expect(left(scenarios, "EqDC2/Slot1/Vif-prod")).toBe(35);
    expect(left(scenarios, "EqDC2/Slot1/Vif-prod", "EqDC2/Slot1/Vif-test")).toBe(30);
    expect(left(scenarios, "EqDC2/Slot1/Vif-prod", "EqDC2/Slot2/Vif-test")).toBe(30);
    expect(left(scenarios, "EqDC2/Slot1/Port1")).toBe(30);
  });
});

describe("one limited (2 Gbps) and one unlimited interface on one 10 Gbps port per slot", () => {
  const topology = plan(ResiliencyModel.MAXIMUM, LOCATIONS, ConnectionBandwidth.GBPS_10, {
    virtualInterfaces: [limited("prod", 100, 2), vif("bulk", "dxgw-1", 101, VirtualInterfaceType.TRANSIT)],
  });

  test("the unlimited one up: the port's 10; only the limited one up: 2", () => {
    const analysis = analyseFailures(topology, { maxFailures: 2 });
    const scenarios = analysis.scenarios();
    expect(analysis.baseline.survivingCapacityGbps).toBe(40);
    expect(left(scenarios, "EqDC2/Slot1/Vif-prod")).toBe(40);
    expect(left(scenarios, "EqDC2/Slot1/Vif-bulk")).toBe(32);
    expect(left(scenarios, "EqDC2/Slot1/Vif-bulk", "EqSE2/Slot2/Vif-bulk")).toBe(24);
  });
});

test("a 500 Mbps limit: 4 slots of one 1 Gbps port carry 4 x 0.5 = 2 Gbps", () => {
  const topology = plan(ResiliencyModel.MAXIMUM, LOCATIONS, ConnectionBandwidth.GBPS_1, {
    virtualInterfaces: [{ ...vif("prod", "dxgw-1", 100), rateLimit: { value: "500Mbps", rateGbps: 0.5 } }],
  });
  expect(analyseFailures(topology).baseline.survivingCapacityGbps).toBe(2);
});
