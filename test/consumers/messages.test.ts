import * as messages from "./validation-messages.json";
import { ConnectionBandwidth, MaximumResiliencyConnections } from "../../src";
import { newStack } from "../support/synth";

// The Python consumer test (test/python/test_consumer.py) expects these exact messages from Python.

test("the message Python users must see is the TypeScript message", () => {
  expect(
    () =>
      new MaximumResiliencyConnections(newStack(), "Dx", {
        locations: ["EqDC2"],
        bandwidth: ConnectionBandwidth.GBPS_10,
      }),
  ).toThrow(new Error(messages.maximumWithOneLocation));
});
