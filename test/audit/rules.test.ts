import {
  ConnectionBandwidth,
  ConnectionTopology,
  ResiliencyModel,
  TopologyDeviceSlot,
  VpnTarget,
} from "../../src";
import { checkDesign, checkResiliencyGroupModel } from "../../src/analyse/rules/design";
import { plan, vif, withVpn } from "../analyse/topologies";

// The design rules on topologies as the planner builds them (the planner can call the same functions):
// the planned models are clean, and each rule finds its fact, at the element it concerns.

const G10 = ConnectionBandwidth.GBPS_10;
const prod = { virtualInterfaces: [vif("prod", "dxgw-1", 101)] };

/** The rule ids and places of every finding of a layout. */
const found = (t: ConnectionTopology) => checkDesign(t).map((f) => [f.rule.id, f.at ?? "layout"]);

/** The topology with one slot changed. */
function withSlot(
  t: ConnectionTopology,
  id: string,
  change: (s: TopologyDeviceSlot) => TopologyDeviceSlot,
): ConnectionTopology {
  return {
    ...t,
    locations: t.locations.map((l) => ({
      ...l,
      deviceSlots: l.deviceSlots.map((s) => (s.id === id ? change(s) : s)),
    })),
  };
}

const maximum = plan(ResiliencyModel.MAXIMUM, ["EqDC2", "EqSE2"], G10, prod);

describe("the planned models", () => {
  test.each([
    ["Maximum", maximum],
    ["High", plan(ResiliencyModel.HIGH, ["EqDC2", "EqSE2"], G10, prod)],
    ["Development and Test", plan(ResiliencyModel.DEVELOPMENT_AND_TEST, ["EqDC2"], G10, prod)],
    ["High with a BGP VPN", withVpn(plan(ResiliencyModel.HIGH, ["EqDC2", "EqSE2"], G10, prod), 2)],
  ])("%s breaks no design rule", (_, topology) => {
    expect(found(topology)).toEqual([]);
  });

  test("a LAG of two ports breaks only minimumLinksZero, until minimum links are set", () => {
    const twenty = ConnectionBandwidth.gbps(20);
    expect(found(plan(ResiliencyModel.HIGH, ["EqDC2", "EqSE2"], twenty))).toEqual([
      ["minimumLinksZero", "EqDC2/Slot1"],
      ["minimumLinksZero", "EqSE2/Slot1"],
    ]);
    expect(found(plan(ResiliencyModel.HIGH, ["EqDC2", "EqSE2"], twenty, { minimumLinks: 2 }))).toEqual([]);
  });

  test("minimumLinks below the ports per LAG still breaks minimumLinksZero: the LAG stays up, overloaded", () => {
    const twenty = ConnectionBandwidth.gbps(20);
    expect(found(plan(ResiliencyModel.HIGH, ["EqDC2", "EqSE2"], twenty, { minimumLinks: 1 }))).toEqual([
      ["minimumLinksZero", "EqDC2/Slot1"],
      ["minimumLinksZero", "EqSE2/Slot1"],
    ]);
  });
});

describe("each rule on a planned layout", () => {
  test("modelLocations and modelDeviceSlots: a Classic layout claimed as Maximum", () => {
    const custom = plan(ResiliencyModel.CLASSIC, [{ location: "EqDC2", deviceSlots: 1 }], G10);
    expect(found({ ...custom, model: ResiliencyModel.MAXIMUM })).toEqual([
      ["modelLocations", "layout"],
      ["modelDeviceSlots", "EqDC2/Slot1"],
    ]);
  });

  test("singleLocation and lagNotRedundant: a Classic layout of one LAG of two ports", () => {
    expect(
      found(plan(ResiliencyModel.CLASSIC, ["EqDC2"], ConnectionBandwidth.gbps(20), { minimumLinks: 2 })),
    ).toEqual([
      ["singleLocation", "layout"],
      ["lagNotRedundant", "EqDC2/Slot1"],
    ]);
  });

  test("modelPromise: a Maximum layout whose slots in EqSE2 need more ports up than they have", () => {
    const broken = ["EqSE2/Slot1", "EqSE2/Slot2"].reduce(
      (t, id) => withSlot(t, id, (s) => ({ ...s, minimumLinks: 2 })),
      maximum,
    );
    const [finding] = checkDesign(broken);
    expect([finding.rule.id, finding.at]).toEqual(["modelPromise", undefined]);
    expect(finding.message).toMatch(
      /does not meet Maximum Resiliency: it promises to survive any 1 location failure, but loss of location EqDC2 leaves 0 Gbps and no Direct Connect BGP session to dxgw-1/,
    );
  });

  test("mixedPortSpeeds, virtualInterfaceMissing, removalPolicyDestroy, macSecMismatch: at their slot or port", () => {
    let t = withSlot(maximum, "EqDC2/Slot1", (s) => ({
      ...s,
      ports: s.ports.map((p) => ({ ...p, speedGbps: 1, bandwidth: "1Gbps" })),
    }));
    t = withSlot(t, "EqDC2/Slot2", (s) => ({ ...s, virtualInterfaces: [] }));
    t = withSlot(t, "EqSE2/Slot1", (s) => ({
      ...s,
      retained: false,
      ports: s.ports.map((p) => ({ ...p, retained: false })),
    }));
    t = withSlot(t, "EqSE2/Slot2", (s) => ({
      ...s,
      requestMacSec: true,
      ports: s.ports.map((p) => ({ ...p, requestMacSec: false })),
    }));
    expect(found(t)).toEqual([
      ["mixedPortSpeeds", "EqDC2/Slot1"],
      ["virtualInterfaceMissing", "EqDC2/Slot2"],
      ["removalPolicyDestroy", "EqSE2/Slot1"],
      ["removalPolicyDestroy", "EqSE2/Slot1/Port1"],
      ["macSecMismatch", "EqSE2/Slot2/Port1"],
    ]);
  });

  test("vpnStaticRouteWins (transit gateway) and vpnMoreSpecific (virtual private gateway), as the planner's VPN checks", () => {
    const high = plan(ResiliencyModel.HIGH, ["EqDC2", "EqSE2"], G10, prod);
    const tgw = withVpn(high, 2, VpnTarget.TRANSIT_GATEWAY, ["172.16.0.0/12"]);
    const routes = (t: ConnectionTopology, staticRoutes: string[]) => ({
      ...t,
      vpnBackup: { ...t.vpnBackup!, staticRoutes },
    });
    expect(found(routes(tgw, ["10.1.0.0/16", "10.1.2.0/24", "10.0.0.0/8"]))).toEqual([
      ["vpnStaticRouteWins", "vpn/route/10.1.0.0/16"],
      ["vpnStaticRouteWins", "vpn/route/10.1.2.0/24"],
    ]);
    const vgw = withVpn(high, 2, VpnTarget.VIRTUAL_PRIVATE_GATEWAY, ["172.16.0.0/12"]);
    expect(found(routes(vgw, ["10.1.0.0/16", "10.1.2.0/24"]))).toEqual([
      ["vpnMoreSpecific", "vpn/route/10.1.2.0/24"],
    ]);
  });

  test("existingCircuitLocation: a slot of unknown location turns off the location rules", () => {
    const dc = plan(ResiliencyModel.DEVELOPMENT_AND_TEST, ["EqDC2"], G10, prod);
    const unknown = withSlot({ ...dc, model: ResiliencyModel.MAXIMUM }, "EqDC2/Slot2", (s) => ({
      ...s,
      locationUnknown: true,
    }));
    expect(found(unknown)).toEqual([["existingCircuitLocation", "EqDC2/Slot2"]]);
  });

  test("resiliencyGroupModel: the group's members in one location, Maximum claimed", () => {
    const group = {
      ...plan(ResiliencyModel.DEVELOPMENT_AND_TEST, ["EqDC2"], G10, prod),
      model: ResiliencyModel.MAXIMUM,
    };
    const [finding] = checkResiliencyGroupModel({ ...group, resiliencyGroupName: "dx" });
    expect(finding.message).toMatch(
      /^Resiliency group dx claims Maximum Resiliency \(maximum-resiliency\), but the connections it holds do not meet it: Maximum Resiliency needs at least 2 distinct locations/,
    );
    expect(checkResiliencyGroupModel(maximum)).toEqual([]);
  });
});
