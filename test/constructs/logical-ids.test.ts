import { Stack } from "aws-cdk-lib";
import { ConnectionBandwidth, HighResiliency, MaximumResiliencyConnections } from "../../src";
import { newStack, templateOf } from "../support/synth";

// Logical IDs are a public contract (design.md): a changed logical ID of a port is a new physical order.

/** Logical ID -> resource (type and properties) of a stack's LAGs, ports and resiliency group. */
function resources(stack: Stack): Record<string, { Type: string; Properties: unknown }> {
  const all = templateOf(stack).toJSON().Resources as Record<string, any>;
  return Object.fromEntries(
    Object.entries(all).map(([id, r]) => [id, { Type: r.Type, Properties: r.Properties }]),
  );
}

function build(make: (stack: Stack) => void): Record<string, { Type: string; Properties: unknown }> {
  const stack = newStack();
  make(stack);
  return resources(stack);
}

const PHYSICAL = ["AWS::DirectConnect::Lag", "AWS::DirectConnect::Connection"];
const physicalIds = (r: Record<string, { Type: string }>) =>
  Object.keys(r)
    .filter((id) => PHYSICAL.includes(r[id].Type))
    .sort();

test("logical IDs read as construct id, location code, slot and member", () => {
  const r = build(
    (s) =>
      new HighResiliency(s, "Dx", {
        locations: ["EqDC2", "CS32A-24FL"],
        bandwidth: ConnectionBandwidth.gbps(20),
      }),
  );
  expect(physicalIds(r).map((id) => id.replace(/[0-9A-F]{8}$/, ""))).toEqual([
    "DxCS32A24FLSlot1Lag",
    "DxCS32A24FLSlot1Port1",
    "DxCS32A24FLSlot1Port2",
    "DxEqDC2Slot1Lag",
    "DxEqDC2Slot1Port1",
    "DxEqDC2Slot1Port2",
  ]);
});

test("reordering locations changes nothing in the template", () => {
  const a = build(
    (s) =>
      new MaximumResiliencyConnections(s, "Dx", {
        locations: ["EqDC2", "EqSE2", "EqCH2"],
        bandwidth: ConnectionBandwidth.GBPS_10,
      }),
  );
  const b = build(
    (s) =>
      new MaximumResiliencyConnections(s, "Dx", {
        locations: ["EqCH2", "EqDC2", "EqSE2"],
        bandwidth: ConnectionBandwidth.GBPS_10,
      }),
  );
  expect(physicalIds(a)).toHaveLength(12);
  expect(b).toEqual(a);
});

test("adding a location only adds resources: every existing LAG and port keeps its ID and properties", () => {
  const before = build(
    (s) =>
      new MaximumResiliencyConnections(s, "Dx", {
        locations: ["EqDC2", "EqSE2"],
        bandwidth: ConnectionBandwidth.gbps(20),
      }),
  );
  const after = build(
    (s) =>
      new MaximumResiliencyConnections(s, "Dx", {
        locations: ["EqCH2", "EqDC2", "EqSE2"],
        bandwidth: ConnectionBandwidth.gbps(20),
      }),
  );
  for (const id of physicalIds(before)) {
    expect(after[id]).toEqual(before[id]);
  }
  const added = physicalIds(after).filter((id) => !(id in before));
  expect(added).toHaveLength(6); // 2 LAGs + 4 ports at EqCH2
  for (const id of added) {
    expect((after[id].Properties as any).Location).toBe("EqCH2");
  }
});

test("replacing HighResiliency by MaximumResiliencyConnections under the same id keeps every LAG and port and adds slot 2", () => {
  const high = build(
    (s) =>
      new HighResiliency(s, "Dx", { locations: ["EqDC2", "EqSE2"], bandwidth: ConnectionBandwidth.gbps(20) }),
  );
  const max = build(
    (s) =>
      new MaximumResiliencyConnections(s, "Dx", {
        locations: ["EqDC2", "EqSE2"],
        bandwidth: ConnectionBandwidth.gbps(20),
      }),
  );
  expect(physicalIds(high)).toHaveLength(6);
  for (const id of physicalIds(high)) {
    expect(max[id]).toEqual(high[id]);
  }
  const added = physicalIds(max).filter((id) => !(id in high));
  expect(added.map((id) => id.replace(/[0-9A-F]{8}$/, "")).sort()).toEqual([
    "DxEqDC2Slot2Lag",
    "DxEqDC2Slot2Port1",
    "DxEqDC2Slot2Port2",
    "DxEqSE2Slot2Lag",
    "DxEqSE2Slot2Port1",
    "DxEqSE2Slot2Port2",
  ]);
});
