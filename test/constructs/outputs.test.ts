import { CfnParameter, Stack } from "aws-cdk-lib";
import {
  ConnectionBandwidth,
  DirectConnectGateway,
  HighResiliency,
  MaximumResiliencyConnections,
  ResiliencyModel,
  ResilientConnections,
  VirtualInterface,
} from "../../src";
import { newStack, templateOf } from "../support/synth";

// Issue 17: `outputs: true` makes the ids a network team reads after deploy stack outputs, named (like
// every logical ID of the library) by location, slot, member number and purpose.

const TWO = ["EqDC2", "EqSE2"];

describe("outputs: the ids as stack outputs", () => {
  const outputsOf = (stack: Stack) => templateOf(stack).findOutputs("*");

  test("none by default", () => {
    const stack = newStack();
    new MaximumResiliencyConnections(stack, "Dx", {
      locations: TWO,
      bandwidth: ConnectionBandwidth.gbps(20),
    });
    expect(outputsOf(stack)).toEqual({});
  });

  test("one per LAG, port and virtual interface, each the resource's id with a description", () => {
    // GIVEN
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gateway");
    // WHEN
    new MaximumResiliencyConnections(stack, "Dx", {
      locations: TWO,
      bandwidth: ConnectionBandwidth.gbps(20),
      virtualInterfaces: [VirtualInterface.transit({ name: "prod", gateway, vlan: 101, customerAsn: 65010 })],
      outputs: true,
    });
    // THEN
    const template = templateOf(stack);
    const outputs = Object.values(outputsOf(stack));
    const values = (attribute: string) =>
      outputs
        .filter((o) => o.Value["Fn::GetAtt"]?.[1] === attribute)
        .map((o) => o.Value["Fn::GetAtt"][0])
        .sort();
    const ids = (type: string) => Object.keys(template.findResources(type)).sort();
    expect(values("LagId")).toEqual(ids("AWS::DirectConnect::Lag"));
    expect(values("ConnectionId")).toEqual(ids("AWS::DirectConnect::Connection"));
    expect(values("VirtualInterfaceId")).toEqual(ids("AWS::DirectConnect::TransitVirtualInterface"));
    expect(outputs).toHaveLength(4 + 8 + 4);
    for (const o of outputs) expect(o.Description).toMatch(/^The dx(lag|con|vif)- id of /);
    // each says what it is, in the words of the report
    expect(outputs.map((o) => o.Description)).toEqual(
      expect.arrayContaining([
        "The dxlag- id of LAG Dx-EqDC2-d1 (EqDC2, slot 1, 2 x 10Gbps).",
        "The dxcon- id of port Dx-EqDC2-d1-p2 (EqDC2, slot 1, member 2, 10Gbps): its LOA-CFA is aws directconnect describe-loa --connection-id <this id>.",
        "The dxvif- id of virtual interface Dx-EqSE2-d2-prod (transit, VLAN 101, EqSE2, slot 2).",
      ]),
    );
  });

  test("names are stable: reordering and adding locations, slots (High to Maximum) and specs renames none", () => {
    const build = (make: (stack: Stack, gateway: DirectConnectGateway) => void) => {
      const stack = newStack();
      make(stack, new DirectConnectGateway(stack, "Gateway"));
      return outputsOf(stack);
    };
    const spec = (gateway: DirectConnectGateway, name = "prod", vlan = 101) =>
      VirtualInterface.transit({ name, gateway, vlan, customerAsn: 65010 });
    const high = build(
      (s, g) =>
        new HighResiliency(s, "Dx", {
          locations: ["EqDC2", "EqSE2"],
          bandwidth: ConnectionBandwidth.GBPS_10,
          virtualInterfaces: [spec(g)],
          outputs: true,
        }),
    );
    const maximum = build(
      (s, g) =>
        new MaximumResiliencyConnections(s, "Dx", {
          locations: ["EqSE2", "EqCH2", "EqDC2"],
          bandwidth: ConnectionBandwidth.GBPS_10,
          virtualInterfaces: [spec(g, "dev", 102), spec(g)],
          outputs: true,
        }),
    );
    // every output of the smaller layout is in the larger one under the same name, with the same value
    expect(Object.keys(high)).toHaveLength(2 + 2 + 2);
    expect(maximum).toMatchObject(high);
    expect(Object.keys(maximum)).toHaveLength(6 + 6 + 12);
    // named by location, slot, member and purpose
    expect(Object.keys(high).sort()).toEqual([
      expect.stringMatching(/^DxEqDC2Slot1LagId[0-9A-F]{8}$/),
      expect.stringMatching(/^DxEqDC2Slot1Port1ConnectionId[0-9A-F]{8}$/),
      expect.stringMatching(/^DxEqDC2Slot1VifprodVirtualInterfaceId[0-9A-F]{8}$/),
      expect.stringMatching(/^DxEqSE2Slot1LagId[0-9A-F]{8}$/),
      expect.stringMatching(/^DxEqSE2Slot1Port1ConnectionId[0-9A-F]{8}$/),
      expect.stringMatching(/^DxEqSE2Slot1VifprodVirtualInterfaceId[0-9A-F]{8}$/),
    ]);
  });

  test("a name known only at deploy (a namePrefix token) is left out: a description is a literal string", () => {
    // GIVEN
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gateway");
    // WHEN
    new HighResiliency(stack, "Dx", {
      locations: TWO,
      bandwidth: ConnectionBandwidth.GBPS_10,
      namePrefix: new CfnParameter(stack, "Prefix").valueAsString,
      virtualInterfaces: [VirtualInterface.transit({ name: "prod", gateway, vlan: 101, customerAsn: 65010 })],
      outputs: true,
    });
    // THEN (CloudFormation takes no intrinsic function in an output's Description)
    const descriptions = Object.values(outputsOf(stack)).map((o) => o.Description);
    expect(descriptions).toHaveLength(6);
    for (const d of descriptions) expect(typeof d).toBe("string");
    expect(descriptions).toEqual(
      expect.arrayContaining([
        "The dxlag- id of LAG (EqDC2, slot 1, 1 x 10Gbps).",
        "The dxvif- id of virtual interface (transit, VLAN 101, EqSE2, slot 1).",
      ]),
    );
  });

  test("an existing circuit has no LAG or port output: only its interfaces", () => {
    const stack = newStack();
    const gateway = DirectConnectGateway.fromGatewayId(
      stack,
      "Shared",
      "5f294f92-bafb-4011-916d-9b0bdeadbeef",
    );
    new ResilientConnections(stack, "Dx", {
      model: ResiliencyModel.HIGH,
      locations: [{ location: "EqSE2" }],
      existingSlots: [{ location: "EqDC2", slotNumber: 1, connectionId: "dxcon-fg5678gh" }],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [VirtualInterface.transit({ name: "prod", gateway, vlan: 101, customerAsn: 65010 })],
      outputs: true,
    });
    expect(
      Object.keys(outputsOf(stack))
        .map((k) => k.replace(/[0-9A-F]{8}$/, ""))
        .sort(),
    ).toEqual([
      "DxEqDC2Slot1VifprodVirtualInterfaceId",
      "DxEqSE2Slot1LagId",
      "DxEqSE2Slot1Port1ConnectionId",
      "DxEqSE2Slot1VifprodVirtualInterfaceId",
    ]);
  });

  test.each(["yes", 1, {}])("fails when outputs is %p", (value) => {
    expect(
      () =>
        new HighResiliency(newStack(), "Dx", {
          locations: TWO,
          bandwidth: ConnectionBandwidth.GBPS_10,
          outputs: value as any,
        }),
    ).toThrow(/^`outputs` must be true or false, got .+\. \[propType\]$/);
  });
});
