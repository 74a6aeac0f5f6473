import { ConnectionBandwidth, PortHourPrices, ResiliencyModel } from "../../src";
import { planTopology } from "../../src/plan/planner";

// The cost estimate: ports x port-hour price x 730 hours (AWS Direct Connect pricing, read 2026-09-20).

const plan = (bandwidth: ConnectionBandwidth, existing = false) =>
  planTopology({
    model: ResiliencyModel.MAXIMUM,
    bandwidth,
    namePrefix: "Dx",
    locations: [{ location: "EqDC2" }, { location: "EqSE2", deviceSlots: existing ? 1 : undefined }],
    existingSlots: existing
      ? [{ location: "EqSE2", slotNumber: 2, connectionId: "dxcon-fg5678gh" }]
      : undefined,
  }).topology;

test("Maximum Resiliency at 10 Gbps: 4 ports x $2.25 x 730 h", () => {
  const cost = PortHourPrices.AWS_LIST_PRICES.estimate(plan(ConnectionBandwidth.GBPS_10));
  expect(cost).toEqual({
    lines: [{ portSpeedGbps: 10, ports: 4, hourlyUsd: 2.25, monthlyUsd: 6570 }],
    ports: 4,
    hoursPerMonth: 730,
    monthlyUsd: 6570,
    source: expect.stringMatching(/aws\.amazon\.com\/directconnect\/pricing.*2026-09-20/),
  });
});

test("a LAG per slot costs its ports: 8 x 10 Gbps at 20 Gbps per slot", () => {
  expect(PortHourPrices.AWS_LIST_PRICES.estimate(plan(ConnectionBandwidth.gbps(20))).monthlyUsd).toBe(
    8 * 2.25 * 730,
  );
});

test("the list prices per speed: 1, 10, 100, 400 Gbps", () => {
  const p = PortHourPrices.AWS_LIST_PRICES;
  expect([1, 10, 100, 400].map((s) => p.hourly(s))).toEqual([0.3, 2.25, 22.5, 85]);
});

test("existing circuits are not counted (they are paid already)", () => {
  expect(PortHourPrices.AWS_LIST_PRICES.estimate(plan(ConnectionBandwidth.GBPS_10, true)).ports).toBe(3);
});

test("your own prices replace the speeds you give; the others keep the list price", () => {
  const p = PortHourPrices.of({ gbps10: 2, source: "our rate card" });
  expect([p.hourly(1), p.hourly(10), p.source]).toEqual([0.3, 2, "our rate card"]);
  expect(p.estimate(plan(ConnectionBandwidth.GBPS_10)).monthlyUsd).toBe(4 * 2 * 730);
});

test("fails when a price is not a number of dollars, 0 or more", () => {
  expect(() => PortHourPrices.of({ gbps100: -1 })).toThrow(/^`gbps100` -1 is not a price/);
  expect(() => PortHourPrices.of({ gbps1: "0.3" as any })).toThrow(/^`gbps1` 0.3 is not a price/);
  expect(() => PortHourPrices.AWS_LIST_PRICES.hourly(40)).toThrow(
    /^`portSpeedGbps` 40 is not a dedicated port speed/,
  );
});
