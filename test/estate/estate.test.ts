import { fixture } from "./load";
import {
  DirectConnectEstate,
  EstateClaimSource,
  EstateGateway,
  FailureKind,
  PathVia,
  ResiliencyModel,
  RuleSeverity,
} from "../../src";

const estate = (name: string, model?: ResiliencyModel) =>
  DirectConnectEstate.fromDescribeOutputs(fixture(name), { title: name, model });
const only = (e: DirectConnectEstate): EstateGateway => {
  expect(e.gateways).toHaveLength(1);
  return e.gateways[0];
};
const slots = (g: EstateGateway) => g.topology.locations.flatMap((l) => l.deviceSlots);
const ruleIds = (e: DirectConnectEstate) => e.findings.map((f) => f.ruleId);

describe("device slots come from the real AWS devices (awsDeviceV2)", () => {
  test("two standalone connections on one device are one slot, and a shared device is reported", () => {
    const e = estate("one-device");
    const g = only(e);
    expect(slots(g).map((s) => s.ports.length)).toEqual([2]);
    expect(ruleIds(e)).toContain("estateSharedDevice");
    // a slot of standalone connections is no LAG: the LAG rules do not judge it
    expect(ruleIds(e)).not.toContain("minimumLinksZero");
    expect(ruleIds(e)).not.toContain("lagNotRedundant");
    expect(g.modelMet).toBeUndefined();
    expect(g.worstSingleFailure!.survivingCapacityGbps).toBe(0);
  });

  test("two LAGs on one device are one slot: the gateway meets High, not Maximum", () => {
    const e = estate("two-lags-one-device");
    const hub = e.gateways.find((g) => g.name === "hub-dxgw")!;
    const eqdc2 = hub.topology.locations.find((l) => l.location === "EqDC2")!;
    expect(eqdc2.deviceSlots).toHaveLength(1);
    expect(eqdc2.deviceSlots[0].ports).toHaveLength(4);
    expect(eqdc2.deviceSlots[0].capacityGbps).toBe(40);
    expect(hub.modelMet).toBe(ResiliencyModel.HIGH);
    // the shared device takes both LAGs: 20 of 60 Gbps are left
    expect(hub.worstSingleFailure!.survivingCapacityGbps).toBe(20);
    expect(e.findings.filter((f) => f.ruleId === "estateSharedDevice")).toHaveLength(2);
  });

  test("hosted connections are slots at their speed, below 1 Gbps", () => {
    const e = estate("two-lags-one-device");
    const branch = e.gateways.find((g) => g.name === "branch-dxgw")!;
    expect(
      slots(branch)[0]
        .ports.map((p) => p.speedGbps)
        .sort(),
    ).toEqual([0.2, 0.5]);
    expect(e.circuits.filter((c) => c.kind === "hosted connection")).toHaveLength(2);
    // the 200 Mbps one is still being ordered: only 0.5 Gbps is up now
    expect(branch.now!.survivingCapacityGbps).toBeCloseTo(0.5, 9);
  });
});

describe("claims", () => {
  test("a resiliency group's intended model is the gateway's claim, and holds when met", () => {
    const e = estate("maximum");
    const g = only(e);
    expect(g.claimSource).toBe(EstateClaimSource.RESILIENCY_GROUP);
    expect(g.topology.model).toBe(ResiliencyModel.MAXIMUM);
    expect(g.claimMet).toBe(true);
    expect(g.modelMet).toBe(ResiliencyModel.MAXIMUM);
    // 4 slots of 2 x 10 Gbps in 2 locations: a location's loss leaves 40 Gbps
    expect(slots(g)).toHaveLength(4);
    expect(g.worstSingleFailure!.survivingCapacityGbps).toBe(40);
    expect(e.resiliencyGroups.map((r) => r.met)).toEqual([true]);
    expect(e.failsOn(RuleSeverity.ERROR)).toBe(false);
    expect(e.verdictLines().every((l) => l.startsWith("PASS "))).toBe(true);
  });

  test("a group whose connections do not meet its intended model fails", () => {
    const e = estate("group-not-met");
    expect(e.resiliencyGroups).toHaveLength(1);
    const group = e.resiliencyGroups[0];
    expect(group.intendedResiliencyModel).toBe("maximum-resiliency");
    expect(group.met).toBe(false);
    expect(group.verdict).toMatch(/^FAIL resiliency group payments .*NOT met/);
    expect(e.findings[0]).toMatchObject({ ruleId: "resiliencyGroupModel", severity: RuleSeverity.ERROR });
    expect(e.failsOn(RuleSeverity.ERROR)).toBe(true);
    // the gateway holds a connection outside the group: it claims nothing, and meets High (EqSE2 has one device)
    const g = only(e);
    expect(g.claimSource).toBe(EstateClaimSource.NONE);
    expect(g.modelMet).toBe(ResiliencyModel.HIGH);
  });

  test("without a group, the verdict says which model the paths meet", () => {
    expect(only(estate("one-location")).modelMet).toBe(ResiliencyModel.DEVELOPMENT_AND_TEST);
    expect(only(estate("one-location")).verdict).toMatch(
      /^INFO gateway dev-dxgw .*meets Development and Test/,
    );
    expect(ruleIds(estate("one-location"))).toEqual(["singleLocation"]);
  });

  test("the model option claims a model for every gateway: an error where it is not met", () => {
    const e = estate("one-location", ResiliencyModel.HIGH);
    const g = only(e);
    expect(g.claimSource).toBe(EstateClaimSource.OPTIONS);
    expect(g.claimMet).toBe(false);
    expect(g.verdict).toMatch(
      /^FAIL gateway dev-dxgw .*claims High Resiliency \(--model\): NOT met \(modelLocations/,
    );
    expect(e.failsOn(RuleSeverity.ERROR)).toBe(true);
  });
});

describe("states now", () => {
  test("a down connection and its interface are failed in the scenario now, and today's model drops", () => {
    const e = estate("vpn-wrong-gateway");
    const g = only(e);
    // the EqSE2 port and its interface's BGP session (down too)
    expect(g.now!.failures.map((f) => f.kind)).toEqual([FailureKind.PORT, FailureKind.VIRTUAL_INTERFACE]);
    expect(g.now!.survivingCapacityGbps).toBe(10);
    expect(g.modelAsBuilt).toBe(ResiliencyModel.HIGH);
    expect(g.modelMet).toBeUndefined();
    expect(g.verdict).toContain(
      "meets no resiliency model today (High Resiliency with everything available)",
    );
    expect(ruleIds(e)).toContain("estateNotAvailable");
  });

  test("every connection state: gone ones are not counted, the others not available are failed now", () => {
    const e = estate("every-state");
    const state = (s: string) => e.circuits.find((c) => c.state === s)!;
    for (const gone of ["deleting", "deleted", "rejected"]) expect(state(gone).slotId).toBeUndefined();
    for (const kept of ["ordering", "requested", "pending", "available", "down", "unknown"]) {
      expect(state(kept).slotId).toMatch(/^EqDC2\/Slot\d$/);
    }
    const message = e.findings.find((f) => f.ruleId === "estateNotAvailable")!.message;
    for (const s of ["ordering", "requested", "pending", "down", "unknown"]) {
      expect(message).toContain(`(${s})`);
    }
    for (const s of ["deleting", "deleted", "rejected"]) expect(message).not.toContain(`(${s})`);
    expect(state("ordering").kind).toBe("hosted connection");
  });
});

describe("a VPN backs only the gateway it terminates on", () => {
  test("a VPN on a transit gateway no Direct Connect gateway is associated with backs nothing", () => {
    const e = estate("vpn-wrong-gateway");
    const g = only(e);
    expect(g.topology.vpnBackup).toBeUndefined();
    expect(ruleIds(e)).toContain("estateVpnUnreached");
    // the worst single failure today cuts the gateway off: no VPN to fall back on
    expect(g.worstSingleFailure!.paths.map((p) => p.via)).toEqual([PathVia.NONE]);
  });

  test("a VPN on the transit gateway the Direct Connect gateway is associated with backs it", () => {
    const g = only(estate("maximum"));
    expect(g.topology.vpnBackup!.targetId).toBe(g.topology.gatewayAssociations![0].associatedGatewayId);
    // 2 connections x 2 tunnels with BGP on a transit gateway (ECMP), 1.25 Gbps each
    expect(g.topology.vpnBackup!.capacityGbps).toBe(5);
  });
});

describe("input", () => {
  test("an output without its list is an error naming it", () => {
    expect(() => DirectConnectEstate.fromDescribeOutputs({ describeConnections: { lags: [] } })).toThrow(
      /^`describeConnections` is not the output of the AWS call: expected an object like \{ "connections": \[\.\.\.\] \}.*\[estateInput\]$/s,
    );
  });

  test("an output may be given as its pages", () => {
    const whole = fixture("maximum");
    const connections = whole.describeConnections.connections;
    const paged = DirectConnectEstate.fromDescribeOutputs({
      ...whole,
      describeConnections: [
        { connections: connections.slice(0, 3), nextToken: "t" },
        { connections: connections.slice(3) },
      ],
    });
    expect(paged.circuits).toEqual(DirectConnectEstate.fromDescribeOutputs(whole).circuits);
  });

  test("an estate of connections only: no gateway, every slot idle", () => {
    const e = DirectConnectEstate.fromDescribeOutputs({
      describeConnections: fixture("one-location").describeConnections,
    });
    expect(e.gateways).toEqual([]);
    expect(e.idleSlots.map((s) => s.id)).toEqual(["EqDC2/Slot1", "EqDC2/Slot2"]);
  });
});

describe("analysis", () => {
  test("the analysis of one gateway's paths, and an error naming an unknown gateway id", () => {
    const e = estate("maximum");
    const g = only(e);
    expect(e.analysisOf(g.gatewayId).maxFailures).toBe(2);
    expect(e.analysisOf(g.gatewayId).baseline.survivingCapacityGbps).toBe(80);
    expect(() => e.analysisOf("dxgw-nope")).toThrow(
      /^`gatewayId` "dxgw-nope" is no gateway of the estate: one of .*\[estateGatewayUnknown\]$/,
    );
  });
});

describe("report", () => {
  test("the report has the verdicts, the circuits, the state now and each gateway's picture", () => {
    const report = estate("vpn-wrong-gateway").report();
    expect(report).toMatch(/^# Direct Connect estate report: vpn-wrong-gateway/);
    expect(report).toContain("## Verdicts");
    expect(report).toContain("## Now: prod-dxgw");
    expect(report).toContain("## Direct Connect report: gateway prod-dxgw");
    expect(report).toContain("```mermaid");
    expect(report).toContain("| **down** |");
  });

  test("the report of the fixture with two LAGs on one device is as reviewed", () => {
    expect(estate("two-lags-one-device").report()).toMatchSnapshot();
  });
});
