import {
  ConnectionBandwidth,
  DevTest,
  HighResiliency,
  MaximumResiliencyConnections,
  ResiliencyModel,
  ResilientConnections,
} from "../../src";
import { newStack, templateOf } from "../support/synth";

// One committed snapshot per model. A changed snapshot is a reviewed commit: the test run never
// rewrites it (jest --ci), `npx projen test:update` does, on purpose.

test("Maximum Resiliency, 2 locations, 20 Gbps per slot", () => {
  const stack = newStack();
  new MaximumResiliencyConnections(stack, "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.gbps(20),
  });
  expect(templateOf(stack).toJSON()).toMatchSnapshot();
});

test("High Resiliency, 2 locations, 10 Gbps, MACsec, provider", () => {
  const stack = newStack();
  new HighResiliency(stack, "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.GBPS_10,
    requestMacSec: true,
    providerName: "Example Carrier",
  });
  expect(templateOf(stack).toJSON()).toMatchSnapshot();
});

test("Development and Test, 1 Gbps", () => {
  const stack = newStack();
  new DevTest(stack, "Lab", { location: "EqDC2", bandwidth: ConnectionBandwidth.GBPS_1 });
  expect(templateOf(stack).toJSON()).toMatchSnapshot();
});

test("Classic custom layout, 3 + 1 slots, 100 Gbps", () => {
  const stack = newStack();
  new ResilientConnections(stack, "Dx", {
    model: ResiliencyModel.CLASSIC,
    locations: [{ location: "EqDC2", deviceSlots: 3 }, { location: "EqSE2" }],
    bandwidth: ConnectionBandwidth.GBPS_100,
  });
  expect(templateOf(stack).toJSON()).toMatchSnapshot();
});
