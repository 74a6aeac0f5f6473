import { Stack } from "aws-cdk-lib";
import { rawLayout, standaloneConnections } from "./raw";
import { DirectConnectAudit } from "../../src";
import { analyseFailures } from "../../src/analyse/failures";
import { rateLimitGbpsOf } from "../../src/core/rate-limit";
import { newApp } from "../support/synth";

// The audit reads the `RateLimit` of raw virtual interfaces (a Rate Limiter set next to the constructs,
// with an L1 or an override) and caps what their slots carry, as the constructs' analysis does.

describe("rateLimitGbpsOf: the schema's pattern ^[0-9]+\\.?[0-9]*(Mbps|Gbps|Tbps)$", () => {
  test.each([
    ["500Mbps", 0.5],
    ["50Mbps", 0.05],
    ["5Gbps", 5],
    ["1.6Tbps", 1600],
  ])("%s is %d Gbps", (value, gbps) => {
    expect(rateLimitGbpsOf(value)).toBeCloseTo(gbps, 9);
  });

  test.each([["5 Gbps"], ["Gbps"], ["5gbps"], [5], [undefined]])("%p is no rate limit", (value) => {
    expect(rateLimitGbpsOf(value)).toBeUndefined();
  });
});

describe("the audit of two standalone 10 Gbps connections, a transit VIF on each", () => {
  /** The topology the audit rebuilds when the VIF of EqDC2 has `RateLimit: rate` (none if undefined). */
  function audit(rate: string | undefined) {
    const app = newApp();
    const stack = new Stack(app, "Dx");
    const [eqdc2] = standaloneConnections(stack, rawLayout(stack, { slots: [] }).gateway);
    if (rate !== undefined) eqdc2.addPropertyOverride("RateLimit", rate);
    const [topology] = DirectConnectAudit.topologies(app);
    return topology;
  }

  test("without a rate limit: 2 x 10 = 20 Gbps", () => {
    const topology = audit(undefined);
    expect(topology.locations[0].deviceSlots[0].virtualInterfaces[0].rateLimitGbps).toBeUndefined();
    expect(analyseFailures(topology, { maxFailures: 1 }).baseline.survivingCapacityGbps).toBe(20);
  });

  test("RateLimit 500Mbps on EqDC2's interface: min(10, 0.5) + 10 = 10.5 Gbps", () => {
    const topology = audit("500Mbps");
    expect(topology.locations[0].deviceSlots[0].virtualInterfaces[0].rateLimitGbps).toBeCloseTo(0.5, 9);
    expect(analyseFailures(topology, { maxFailures: 1 }).baseline.survivingCapacityGbps).toBeCloseTo(10.5, 9);
  });
});
