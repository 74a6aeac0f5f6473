import { Aspects, CfnResource, RemovalPolicy, Stack } from "aws-cdk-lib";
import { CfnConnection } from "aws-cdk-lib/aws-directconnect";
import { IConstruct } from "constructs";
import {
  MAXIMUM,
  ON_PREMISES,
  RawLayoutSpec,
  RawSlot,
  findings,
  rawLayout,
  standaloneConnections,
  transitVif,
} from "./raw";
import { DirectConnectAudit, DirectConnectAuditProps, ResiliencyModel } from "../../src";
import { newApp } from "../support/synth";

// The audit on apps built only from raw L1 resources: one planted fault per rule, each reported by
// exactly its rule on the resource it concerns, and nothing else.

/** A stack `Dx` with a raw layout, audited with `props`. */
function audited(spec: RawLayoutSpec, props: DirectConnectAuditProps = {}) {
  const app = newApp();
  const stack = new Stack(app, "Dx");
  const built = rawLayout(stack, spec);
  Aspects.of(app).add(new DirectConnectAudit(props));
  return { app, stack, built };
}

const path = (c: IConstruct) => `/${c.node.path}`;
const MAX = { model: ResiliencyModel.MAXIMUM, onPremisesPrefixes: ON_PREMISES };
const slots = (...changes: Array<[number, RawSlot]>): RawSlot[] =>
  MAXIMUM.map((slot, i) => ({ ...slot, ...(changes.find(([at]) => at === i)?.[1] ?? {}) }));

describe("a clean layout", () => {
  test("a raw Maximum Resiliency layout (two locations, two LAGs each, a transit VIF on every LAG, a resiliency group, a BGP VPN) audits clean", () => {
    // GIVEN / WHEN
    const { app } = audited({ slots: MAXIMUM, group: "maximum-resiliency", vpn: "bgp" }, MAX);
    // THEN
    expect(findings(app)).toEqual([]);
  });

  test("without the audit's model, the resiliency group's is the claim: clean too", () => {
    const { app } = audited({ slots: MAXIMUM, group: "maximum-resiliency", vpn: "bgp" });
    expect(findings(app)).toEqual([]);
  });
});

describe("one planted fault per rule, reported by exactly that rule on its resource", () => {
  test("modelLocations: all four LAGs in one location, Maximum claimed (error on the stack)", () => {
    const { app, stack } = audited(
      { slots: MAXIMUM.map((s) => ({ ...s, location: "EqDC2" })), group: "maximum-resiliency" },
      MAX,
    );
    expect(findings(app)).toEqual([["modelLocations", path(stack), "error"]]);
  });

  test("modelLocations: claimed by the resiliency group, reported on the group", () => {
    const { app, built } = audited({
      slots: MAXIMUM.map((s) => ({ ...s, location: "EqDC2" })),
      group: "maximum-resiliency",
    });
    expect(findings(app)).toEqual([["modelLocations", path(built.group!), "error"]]);
  });

  test('modelDeviceSlots: the two "redundant" ports of EqSE2 in one LAG (one device), Maximum claimed', () => {
    const { app, built } = audited(
      {
        slots: [MAXIMUM[0], MAXIMUM[1], { location: "EqSE2", ports: 2, minimumLinks: 2 }],
        group: "maximum-resiliency",
      },
      MAX,
    );
    expect(findings(app)).toEqual([["modelDeviceSlots", path(built.lags[2]), "error"]]);
  });

  test("modelPromise: High claimed, but the LAG of EqSE2 has no member ports (it never carries)", () => {
    const { app, stack } = audited(
      { slots: [{ location: "EqDC2" }, { location: "EqSE2", ports: 0 }] },
      { model: ResiliencyModel.HIGH },
    );
    expect(findings(app)).toEqual([["modelPromise", path(stack), "error"]]);
  });

  test("resiliencyGroupModel: a group claims Maximum but holds the connections of EqDC2 only", () => {
    const { app, built } = audited({
      slots: MAXIMUM,
      group: "maximum-resiliency",
      groupLocations: ["EqDC2"],
    });
    expect(findings(app)).toEqual([["resiliencyGroupModel", path(built.group!), "error"]]);
  });

  test("resiliencyGroupModel: a group that holds no connection at all", () => {
    const { app, built } = audited({ slots: MAXIMUM, group: "high-resiliency", groupLocations: [] });
    expect(findings(app)).toEqual([["resiliencyGroupModel", path(built.group!), "error"]]);
  });

  test("singleLocation: no claim, both LAGs in one location (warning on the stack)", () => {
    const { app, stack } = audited({ slots: [{ location: "EqDC2" }, { location: "EqDC2" }] });
    expect(findings(app)).toEqual([["singleLocation", path(stack), "warning"]]);
  });

  test("lagNotRedundant: no claim, the only device of EqDC2 is a LAG of two ports", () => {
    const { app, built } = audited({
      slots: [{ location: "EqDC2", ports: 2, minimumLinks: 2 }, { location: "EqSE2" }],
    });
    expect(findings(app)).toEqual([["lagNotRedundant", path(built.lags[0]), "warning"]]);
  });

  test("mixedPortSpeeds: one LAG of 1 Gbps ports among 10 Gbps ones, Maximum claimed", () => {
    const { app, built } = audited(
      { slots: slots([3, { location: "EqSE2", speed: "1Gbps" }]), group: "maximum-resiliency" },
      MAX,
    );
    expect(findings(app)).toEqual([["mixedPortSpeeds", path(built.lags[3]), "error"]]);
  });

  test("virtualInterfaceMissing: a LAG without the transit VIF the others have", () => {
    const { app, built } = audited({ slots: [{ location: "EqDC2" }, { location: "EqSE2", vif: false }] });
    expect(findings(app)).toEqual([["virtualInterfaceMissing", path(built.lags[1]), "warning"]]);
  });

  test("minimumLinksZero: a LAG of two ports without MinimumLinks", () => {
    const { app, built } = audited(
      { slots: slots([1, { location: "EqDC2", ports: 2 }]), group: "maximum-resiliency" },
      MAX,
    );
    expect(findings(app)).toEqual([["minimumLinksZero", path(built.lags[1]), "warning"]]);
  });

  test("removalPolicyDestroy: a port and a LAG without DeletionPolicy Retain, each on itself", () => {
    const { app, built } = audited(
      {
        slots: slots(
          [0, { location: "EqDC2", retainPorts: false }],
          [2, { location: "EqSE2", retainLag: false }],
        ),
        group: "maximum-resiliency",
      },
      MAX,
    );
    expect(findings(app)).toEqual([
      ["removalPolicyDestroy", path(built.ports[0][0]), "warning"],
      ["removalPolicyDestroy", path(built.lags[2]), "warning"],
    ]);
  });

  test("macSecMismatch: a LAG requests MACsec and its port does not", () => {
    const { app, built } = audited(
      {
        slots: slots([0, { location: "EqDC2", lagMacSec: true, portMacSec: false }]),
        group: "maximum-resiliency",
      },
      MAX,
    );
    expect(findings(app)).toEqual([["macSecMismatch", path(built.ports[0][0]), "warning"]]);
  });

  test("vpnStaticRouteWins: a static VPN to the transit gateway routes 192.168.1.0/24, within the Direct Connect prefix 192.168.0.0/16", () => {
    const { app, built } = audited(
      { slots: MAXIMUM, group: "maximum-resiliency", vpn: "tgw-static", staticRoute: "192.168.1.0/24" },
      MAX,
    );
    expect(findings(app)).toEqual([["vpnStaticRouteWins", path(built.routes[0]), "error"]]);
  });

  test("vpnMoreSpecific: a static VPN to a virtual private gateway routes a prefix more specific than Direct Connect's", () => {
    const { app, built } = audited(
      { slots: MAXIMUM, group: "maximum-resiliency", vpn: "vgw-static", staticRoute: "192.168.1.0/24" },
      MAX,
    );
    expect(findings(app)).toEqual(built.routes.map((r) => ["vpnMoreSpecific", path(r), "warning"]));
  });

  test("existingCircuitLocation: a transit VIF on an existing connection known only by its id", () => {
    // GIVEN a clean layout and one more interface, on dxcon-abc12345
    const app = newApp();
    const stack = new Stack(app, "Dx");
    rawLayout(stack, { slots: MAXIMUM, group: "maximum-resiliency" });
    const vif = existingVif(stack);
    // WHEN
    Aspects.of(app).add(new DirectConnectAudit(MAX));
    // THEN
    expect(findings(app)).toEqual([["existingCircuitLocation", path(vif), "warning"]]);
  });
});

/** A transit VIF on the existing connection dxcon-abc12345, to the layout's gateway. */
function existingVif(stack: Stack): CfnResource {
  return new CfnResource(stack, "ExistingVif", {
    type: "AWS::DirectConnect::TransitVirtualInterface",
    properties: {
      ConnectionId: "dxcon-abc12345",
      DirectConnectGatewayId: (stack.node.findChild("Gateway") as any).attrDirectConnectGatewayId,
      VirtualInterfaceName: "existing",
      Vlan: 200,
      BgpPeers: [{ AddressFamily: "ipv4", Asn: "65010" }],
    },
  });
}

describe("existing circuits", () => {
  test("an existing connection placed with `existingCircuits` audits clean, and joins its location", () => {
    // GIVEN
    const app = newApp();
    const stack = new Stack(app, "Dx");
    rawLayout(stack, { slots: MAXIMUM, group: "maximum-resiliency" });
    existingVif(stack);
    const props = { ...MAX, existingCircuits: [{ connectionId: "dxcon-abc12345", location: "EqSE2" }] };
    // WHEN
    Aspects.of(app).add(new DirectConnectAudit(props));
    // THEN
    expect(findings(app)).toEqual([]);
    const [topology] = DirectConnectAudit.topologies(app, props);
    const eqse2 = topology.locations.find((l) => l.location === "EqSE2")!;
    expect(eqse2.deviceSlots.map((s) => s.existingConnectionId)).toEqual([
      undefined,
      undefined,
      "dxcon-abc12345",
    ]);
  });

  test("an unplaced existing circuit turns off the location checks of its layout: one location is not reported", () => {
    const app = newApp();
    const stack = new Stack(app, "Dx");
    rawLayout(stack, { slots: [{ location: "EqDC2" }, { location: "EqDC2" }] });
    const vif = existingVif(stack);
    Aspects.of(app).add(new DirectConnectAudit({ model: ResiliencyModel.HIGH }));
    expect(findings(app)).toEqual([["existingCircuitLocation", path(vif), "warning"]]);
  });
});

describe("layouts across stacks", () => {
  test("a resiliency group that holds the ports of two stacks (one location each) makes them one layout", () => {
    // GIVEN two stacks, one per location, with VIFs to one gateway, and a group holding the ports of both
    const app = newApp();
    const dc = new Stack(app, "DxEqDC2");
    const se = new Stack(app, "DxEqSE2");
    const a = rawLayout(dc, { slots: [MAXIMUM[0], MAXIMUM[1]] });
    const b = rawLayout(se, { slots: [MAXIMUM[2], MAXIMUM[3]], gateway: a.gateway });
    new CfnResource(se, "Group", {
      type: "AWS::DirectConnect::ResiliencyGroup",
      properties: {
        ResiliencyGroupName: "dx-group",
        IntendedResiliencyModel: "maximum-resiliency",
        ConnectionArns: [...a.ports, ...b.ports].flat().map((p) => p.ref),
      },
    });
    // WHEN
    Aspects.of(app).add(new DirectConnectAudit());
    // THEN one Maximum layout of four slots in two locations, nothing reported
    expect(findings(app)).toEqual([]);
    const topologies = DirectConnectAudit.topologies(app);
    expect(
      topologies.map((t) => [t.model.name, t.locations.map((l) => `${l.location}:${l.deviceSlots.length}`)]),
    ).toEqual([["Maximum Resiliency", ["EqDC2:2", "EqSE2:2"]]]);
  });

  test("virtual interfaces to one gateway make the slots of two stacks one layout", () => {
    const app = newApp();
    const a = rawLayout(new Stack(app, "DxEqDC2"), { slots: [MAXIMUM[0], MAXIMUM[1]] });
    rawLayout(new Stack(app, "DxEqSE2"), { slots: [MAXIMUM[2], MAXIMUM[3]], gateway: a.gateway });
    Aspects.of(app).add(new DirectConnectAudit({ model: ResiliencyModel.MAXIMUM }));
    expect(findings(app)).toEqual([]);
  });

  test("two stacks with a gateway each, one location each, are two layouts of one location", () => {
    // the gateways have one logical id in two stacks: they are told apart by their stacks
    const app = newApp();
    rawLayout(new Stack(app, "DxEqDC2"), { slots: [MAXIMUM[0], MAXIMUM[1]] });
    rawLayout(new Stack(app, "DxEqSE2"), { slots: [MAXIMUM[2], MAXIMUM[3]] });
    Aspects.of(app).add(new DirectConnectAudit());
    expect(findings(app)).toEqual([
      ["singleLocation", "/DxEqDC2", "warning"],
      ["singleLocation", "/DxEqSE2", "warning"],
    ]);
    expect(
      DirectConnectAudit.topologies(app).map(
        (t) => t.locations[0].deviceSlots[0].virtualInterfaces[0].target,
      ),
    ).toEqual(["DxEqDC2/Gateway", "DxEqSE2/Gateway"]);
  });
});

describe("what the audit rebuilds", () => {
  test("standalone connections are slots of one port, with the virtual interfaces on them", () => {
    // GIVEN two connections without a LAG, in two locations, a transit VIF on each
    const app = newApp();
    const stack = new Stack(app, "Dx");
    standaloneConnections(stack, rawLayout(stack, { slots: [] }).gateway);
    // WHEN
    Aspects.of(app).add(new DirectConnectAudit({ model: ResiliencyModel.HIGH }));
    // THEN
    expect(findings(app)).toEqual([]);
    const [topology] = DirectConnectAudit.topologies(app);
    expect(
      topology.locations.map((l) =>
        l.deviceSlots.map((s) => [s.id, s.lagName, s.ports.length, s.virtualInterfaces[0].target]),
      ),
    ).toEqual([[["EqDC2/Slot1", "dx-EqDC2", 1, "Gateway"]], [["EqSE2/Slot1", "dx-EqSE2", 1, "Gateway"]]]);
  });

  test("a new port that joins an existing LAG by its id places that LAG in the port's location", () => {
    // GIVEN a clean layout, and a new port joining dxlag-abc12345 in EqSE2, which carries a VIF
    const app = newApp();
    const stack = new Stack(app, "Dx");
    const { gateway } = rawLayout(stack, { slots: MAXIMUM, group: "maximum-resiliency" });
    const port = new CfnConnection(stack, "Joining", {
      connectionName: "dx-joining",
      location: "EqSE2",
      bandwidth: "10Gbps",
      lagId: "dxlag-abc12345",
    });
    port.applyRemovalPolicy(RemovalPolicy.RETAIN);
    transitVif(stack, "ExistingLagVif", "dxlag-abc12345", gateway, 300);
    // WHEN
    Aspects.of(app).add(new DirectConnectAudit(MAX));
    // THEN it is a third device slot in EqSE2: nothing to report
    expect(findings(app)).toEqual([]);
    const [topology] = DirectConnectAudit.topologies(app);
    const eqse2 = topology.locations.find((l) => l.location === "EqSE2")!;
    expect(
      eqse2.deviceSlots.map((s) => [s.existingConnectionId, s.ports.map((p) => p.connectionName)]),
    ).toEqual([
      [undefined, ["dx-EqSE2-1-p1"]],
      [undefined, ["dx-EqSE2-2-p1"]],
      ["dxlag-abc12345", ["dx-joining"]],
    ]);
  });
});
