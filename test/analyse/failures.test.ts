import { VPN_GATEWAY, associate, plan, vif, withVpn } from "./topologies";
import {
  ConnectionBandwidth,
  ConnectionTopology,
  FailureAnalysis,
  FailureKind,
  FailureScenario,
  PathVia,
  ResiliencyModel,
  VirtualInterfaceType,
  VpnTarget,
} from "../../src";
import { MAX_FAILURE_SCENARIOS, analyseFailures, countFailureScenarios } from "../../src/analyse/failures";
import { modelPromise } from "../../src/analyse/promise";

// The failure analysis is pure TypeScript: these tests need no CDK app. Topologies come from the planner,
// altered where a test needs a layout the planner refuses.

const GBPS_10 = ConnectionBandwidth.GBPS_10;
const prod = vif("prod", "dxgw-1", 100);

/** The ids of a scenario's failed elements. */
const ids = (s: FailureScenario) => s.failures.map((f) => f.id);

/** The scenario whose failed elements are exactly `wanted`. */
function find(scenarios: FailureScenario[], ...wanted: string[]): FailureScenario {
  const found = scenarios.find((s) => ids(s).join(" + ") === wanted.join(" + "));
  if (!found) throw new Error(`no scenario ${wanted.join(" + ")}`);
  return found;
}

describe("a Maximum layout (2 locations x 2 slots x 1 port, one transit virtual interface)", () => {
  const topology = plan(ResiliencyModel.MAXIMUM, ["EqDC2", "EqSE2"], GBPS_10, { virtualInterfaces: [prod] });

  test("the baseline: every slot carries, 40 Gbps, 4 BGP sessions to the gateway", () => {
    // WHEN
    const analysis = analyseFailures(topology);
    // THEN
    expect(analysis.maxFailures).toBe(1);
    expect(analysis.baseline).toEqual({
      failures: [],
      survivingSlots: ["EqDC2/Slot1", "EqDC2/Slot2", "EqSE2/Slot1", "EqSE2/Slot2"],
      survivingCapacityGbps: 40,
      paths: [{ target: "dxgw-1", via: PathVia.DIRECT_CONNECT, bgpSessions: 4 }],
      vpnOnly: false,
      vpnCapacityGbps: 0,
    });
  });

  test("one scenario per element, in topology order, each with its kind, id and description", () => {
    // WHEN
    const scenarios = analyseFailures(topology).scenarios();
    // THEN: 2 locations + 4 slots + 4 ports + 4 virtual interfaces
    expect(scenarios.map((s) => s.failures.length)).toEqual(Array(14).fill(1));
    expect(scenarios.slice(0, 4).map((s) => s.failures[0])).toEqual([
      { kind: FailureKind.LOCATION, id: "EqDC2", description: "loss of location EqDC2" },
      {
        kind: FailureKind.DEVICE,
        id: "EqDC2/Slot1",
        description: "failure of device EqDC2/Slot1 (LAG Dx-EqDC2-d1)",
      },
      {
        kind: FailureKind.PORT,
        id: "EqDC2/Slot1/Port1",
        description: "failure of port EqDC2/Slot1/Port1 (Dx-EqDC2-d1-p1)",
      },
      {
        kind: FailureKind.VIRTUAL_INTERFACE,
        id: "EqDC2/Slot1/Vif-prod",
        description: "loss of the BGP session of virtual interface EqDC2/Slot1/Vif-prod (transit)",
      },
    ]);
  });

  test("surviving capacity and sessions: a location, a device, a port, a BGP session", () => {
    // WHEN
    const scenarios = analyseFailures(topology).scenarios();
    const summary = (s: FailureScenario) => [
      s.survivingCapacityGbps,
      s.paths[0].bgpSessions,
      s.survivingSlots,
    ];
    // THEN
    expect(summary(find(scenarios, "EqDC2"))).toEqual([20, 2, ["EqSE2/Slot1", "EqSE2/Slot2"]]);
    expect(summary(find(scenarios, "EqSE2/Slot2"))).toEqual([
      30,
      3,
      ["EqDC2/Slot1", "EqDC2/Slot2", "EqSE2/Slot1"],
    ]);
    // one port is the whole LAG here (MinimumLinks not set: a LAG with no port up carries nothing)
    expect(summary(find(scenarios, "EqDC2/Slot2/Port1"))).toEqual([
      30,
      3,
      ["EqDC2/Slot1", "EqSE2/Slot1", "EqSE2/Slot2"],
    ]);
    // the slot's only BGP session lost: its ports are up, but it carries nothing
    expect(summary(find(scenarios, "EqDC2/Slot1/Vif-prod"))).toEqual([
      30,
      3,
      ["EqDC2/Slot2", "EqSE2/Slot1", "EqSE2/Slot2"],
    ]);
  });

  test("4 x 10 Gbps, one interface per slot: the loss of a BGP session leaves 30 Gbps, not 40", () => {
    const s = find(analyseFailures(topology).scenarios(), "EqSE2/Slot2/Vif-prod");
    expect(s.failures[0].description).toBe(
      "loss of the BGP session of virtual interface EqSE2/Slot2/Vif-prod (transit)",
    );
    expect(s.survivingCapacityGbps).toBe(30);
  });

  test("a slot counts while one of its BGP sessions is up; a slot with no interface counts by its ports", () => {
    // GIVEN two interfaces on every slot of a High layout, and none on EqSE2's
    const two = plan(ResiliencyModel.HIGH, ["EqDC2", "EqSE2"], GBPS_10, {
      virtualInterfaces: [prod, vif("test", "dxgw-1", 101)],
    });
    const [dc, se] = two.locations;
    const altered: ConnectionTopology = {
      ...two,
      locations: [dc, { ...se, deviceSlots: [{ ...se.deviceSlots[0], virtualInterfaces: [] }] }],
    };
    // WHEN
    const scenarios = analyseFailures(altered, { maxFailures: 2 }).scenarios();
    // THEN one session of two lost: the slot still carries; both lost: it does not
    expect(find(scenarios, "EqDC2/Slot1/Vif-prod").survivingCapacityGbps).toBe(20);
    const both = find(scenarios, "EqDC2/Slot1/Vif-prod", "EqDC2/Slot1/Vif-test");
    expect([both.survivingCapacityGbps, both.survivingSlots]).toEqual([10, ["EqSE2/Slot1"]]);
    // a port lost on a slot whose sessions are all lost is not counted twice
    expect(
      find(
        analyseFailures(altered, { maxFailures: 3 }).scenarios(),
        "EqDC2/Slot1/Port1",
        "EqDC2/Slot1/Vif-prod",
        "EqDC2/Slot1/Vif-test",
      ).survivingCapacityGbps,
    ).toBe(10);
  });

  test("the promise is met: any 1 device (30 Gbps left at worst), any 1 location (20 Gbps)", () => {
    // WHEN
    const verdicts = analyseFailures(topology).verdicts();
    // THEN
    expect(verdicts).toEqual([
      { claim: "any 1 device failure", kinds: [FailureKind.DEVICE], met: true, worstCapacityGbps: 30 },
      { claim: "any 1 location failure", kinds: [FailureKind.LOCATION], met: true, worstCapacityGbps: 20 },
    ]);
  });

  test("the worst single failure is the first location lost (least capacity, then the first)", () => {
    expect(ids(analyseFailures(topology).worst())).toEqual(["EqDC2"]);
  });

  test("with 2 failures: 14 single and 71 pair scenarios; the worst loses both locations", () => {
    // WHEN
    const analysis = analyseFailures(topology, { maxFailures: 2 });
    // THEN: C(14, 2) = 91 pairs, less the 20 that hold an element with one inside it (per location:
    // the location with its 6 elements, each slot with its port and virtual interface)
    expect(analysis.scenarioCount).toBe(85);
    expect(countFailureScenarios(topology, 2)).toBe(85);
    expect(ids(analysis.worst())).toEqual(["EqDC2", "EqSE2"]);
    expect(analysis.worst().paths).toEqual([{ target: "dxgw-1", via: PathVia.NONE, bgpSessions: 0 }]);
    // the verdicts still judge single failures
    expect(analysis.verdicts().map((v) => v.met)).toEqual([true, true]);
  });

  test("scenario(index) reads one scenario as scenarios() has it", () => {
    const analysis = analyseFailures(topology, { maxFailures: 2 });
    expect(analysis.scenario(20)).toEqual(analysis.scenarios()[20]);
    expect(analysis.scenario(84)).toEqual(analysis.scenarios()[84]);
  });

  test("fails when scenario(index) is given no scenario's index", () => {
    const analysis = analyseFailures(topology);
    expect(() => analysis.scenario(14)).toThrow(/`index` 14 is not a scenario: a whole number from 0 to 13/);
    expect(() => analysis.scenario(-1)).toThrow(/`index` -1/);
    expect(() => analysis.scenario(1.5)).toThrow(/`index` 1.5/);
  });
});

describe("broken layouts: the promise, computed, is refuted with its counter-example", () => {
  // Two devices in one location, as Development and Test plans them.
  const oneLocation = plan(ResiliencyModel.DEVELOPMENT_AND_TEST, ["EqDC2"], GBPS_10, {
    virtualInterfaces: [prod],
  });

  test("all ports in one location claiming Maximum: any device yes, any location no (loss of EqDC2)", () => {
    // GIVEN
    const claimed: ConnectionTopology = { ...oneLocation, model: ResiliencyModel.MAXIMUM };
    // WHEN
    const [device, location] = analyseFailures(claimed).verdicts();
    // THEN
    expect(device).toMatchObject({ claim: "any 1 device failure", met: true, worstCapacityGbps: 10 });
    expect(location).toMatchObject({ claim: "any 1 location failure", met: false, worstCapacityGbps: 0 });
    expect(location.counterExample).toEqual({
      failures: [{ kind: FailureKind.LOCATION, id: "EqDC2", description: "loss of location EqDC2" }],
      survivingSlots: [],
      survivingCapacityGbps: 0,
      paths: [{ target: "dxgw-1", via: PathVia.NONE, bgpSessions: 0 }],
      vpnOnly: false,
      vpnCapacityGbps: 0,
    });
  });

  test("all ports in one location claiming High: any port and any device yes, any location no", () => {
    // GIVEN
    const claimed: ConnectionTopology = { ...oneLocation, model: ResiliencyModel.HIGH };
    // WHEN
    const verdicts = analyseFailures(claimed, { maxFailures: 2 }).verdicts();
    // THEN
    expect(
      verdicts.map((v) => [v.claim, v.met, v.worstCapacityGbps, v.counterExample && ids(v.counterExample)]),
    ).toEqual([
      ["any 1 port failure", true, 10, undefined],
      ["any 1 device failure", true, 10, undefined],
      ["any 1 location failure", false, 0, ["EqDC2"]],
    ]);
  });

  test("the same layout as Development and Test meets its one claim", () => {
    expect(analyseFailures(oneLocation).verdicts()).toEqual([
      { claim: "any 1 device failure", kinds: [FailureKind.DEVICE], met: true, worstCapacityGbps: 10 },
    ]);
  });

  test("two slots on one device (one LAG of two ports) claiming Development and Test: a device failure refutes it", () => {
    // GIVEN one device slot of 2 x 10 Gbps: its two ports share one AWS device
    const oneDevice: ConnectionTopology = {
      ...plan(ResiliencyModel.CLASSIC, ["EqDC2"], ConnectionBandwidth.gbps(20), {
        virtualInterfaces: [prod],
      }),
      model: ResiliencyModel.DEVELOPMENT_AND_TEST,
    };
    // WHEN
    const analysis = analyseFailures(oneDevice);
    const [device] = analysis.verdicts();
    // THEN: a port failure leaves half, the device failure nothing
    expect(find(analysis.scenarios(), "EqDC2/Slot1/Port2").survivingCapacityGbps).toBe(10);
    expect(device).toMatchObject({ claim: "any 1 device failure", met: false, worstCapacityGbps: 0 });
    expect(ids(device.counterExample!)).toEqual(["EqDC2/Slot1"]);
    expect(device.counterExample!.paths).toEqual([{ target: "dxgw-1", via: PathVia.NONE, bgpSessions: 0 }]);
  });

  test("a claim that keeps capacity but loses a gateway is refuted: a target on one slot only", () => {
    // GIVEN a second gateway reached from EqDC2/Slot1 only
    const topology = plan(ResiliencyModel.DEVELOPMENT_AND_TEST, ["EqDC2"], GBPS_10, {
      virtualInterfaces: [prod, vif("dev", "dxgw-2", 200, VirtualInterfaceType.PRIVATE)],
    });
    const [slot1, slot2] = topology.locations[0].deviceSlots;
    const altered: ConnectionTopology = {
      ...topology,
      locations: [
        {
          location: "EqDC2",
          deviceSlots: [slot1, { ...slot2, virtualInterfaces: slot2.virtualInterfaces.slice(0, 1) }],
        },
      ],
    };
    // WHEN
    const [device] = analyseFailures(altered).verdicts();
    // THEN
    expect(device).toMatchObject({ met: false, worstCapacityGbps: 10 });
    expect(ids(device.counterExample!)).toEqual(["EqDC2/Slot1"]);
    expect(device.counterExample!.paths).toEqual([
      { target: "dxgw-1", via: PathVia.DIRECT_CONNECT, bgpSessions: 1 },
      { target: "dxgw-2", via: PathVia.NONE, bgpSessions: 0 },
    ]);
  });

  test("Classic promises nothing: no verdicts", () => {
    const classic = plan(ResiliencyModel.CLASSIC, ["EqDC2"], GBPS_10);
    expect(analyseFailures(classic).verdicts()).toEqual([]);
  });
});

describe("LAG minimum links", () => {
  const lag = (minimumLinks?: number) =>
    plan(ResiliencyModel.MAXIMUM, ["EqDC2", "EqSE2"], ConnectionBandwidth.gbps(40), {
      virtualInterfaces: [prod],
      minimumLinks,
    });
  const port = (n: number) => `EqDC2/Slot1/Port${n}`;

  test("minimumLinks equal to the ports: one port failure takes the whole 40 Gbps slot down", () => {
    // WHEN
    const analysis = analyseFailures(lag(4));
    const s = find(analysis.scenarios(), port(1));
    // THEN
    expect(analysis.baseline.survivingCapacityGbps).toBe(160);
    expect(s.survivingCapacityGbps).toBe(120);
    expect(s.survivingSlots).toEqual(["EqDC2/Slot2", "EqSE2/Slot1", "EqSE2/Slot2"]);
    expect(s.paths).toEqual([{ target: "dxgw-1", via: PathVia.DIRECT_CONNECT, bgpSessions: 3 }]);
  });

  test("minimumLinks 2 of 4: the slot carries on 3 and 2 ports, and goes down at 1", () => {
    // WHEN
    const scenarios = analyseFailures(lag(2), { maxFailures: 3 }).scenarios();
    const capacity = (...failed: string[]) => find(scenarios, ...failed).survivingCapacityGbps;
    // THEN
    expect(capacity(port(1))).toBe(150);
    expect(capacity(port(1), port(2))).toBe(140);
    expect(capacity(port(1), port(2), port(3))).toBe(120);
    expect(find(scenarios, port(1), port(2), port(3)).paths[0].bgpSessions).toBe(3);
  });

  test("minimumLinks not set: the slot carries while any port is up", () => {
    const scenarios = analyseFailures(lag(), { maxFailures: 3 }).scenarios();
    expect(find(scenarios, port(1), port(2), port(3)).survivingCapacityGbps).toBe(130);
    expect(find(scenarios, port(1), port(2), port(3)).paths[0].bgpSessions).toBe(4);
  });

  test("minimumLinks 0: a LAG with no member up is down all the same (facts §4.2)", () => {
    const scenarios = analyseFailures(lag(0), { maxFailures: 4 }).scenarios();
    const s = find(scenarios, port(1), port(2), port(3), port(4));
    expect(s.survivingCapacityGbps).toBe(120);
    expect(s.survivingSlots).not.toContain("EqDC2/Slot1");
    expect(s.paths[0].bgpSessions).toBe(3);
  });

  test("a BGP session lost on a slot that is down anyway is not counted twice", () => {
    const scenarios = analyseFailures(lag(4), { maxFailures: 2 }).scenarios();
    const s = find(scenarios, port(1), "EqDC2/Slot1/Vif-prod");
    expect([s.survivingCapacityGbps, s.paths[0].bgpSessions]).toEqual([120, 3]);
  });
});

describe("the VPN backup", () => {
  // High: one slot in each of two locations, a transit VIF, and a VPN to a transit gateway over BGP
  const high = plan(ResiliencyModel.HIGH, ["EqDC2", "EqSE2"], GBPS_10, { virtualInterfaces: [prod] });
  const topology = withVpn(high, 2);

  test("both Direct Connect slots down (2 failures): only the VPN is left, 4 tunnels x 1.25 Gbps (ECMP)", () => {
    // WHEN
    const scenarios = analyseFailures(topology, { maxFailures: 2 }).scenarios();
    // THEN
    for (const failed of [
      ["EqDC2/Slot1", "EqSE2/Slot1"],
      ["EqDC2", "EqSE2"],
    ]) {
      expect(find(scenarios, ...failed)).toMatchObject({
        survivingSlots: [],
        survivingCapacityGbps: 0,
        paths: [{ target: "dxgw-1", via: PathVia.VPN, bgpSessions: 0 }],
        vpnOnly: true,
        vpnCapacityGbps: 5,
      });
    }
    // a customer gateway lost with one location: Direct Connect still carries, the VPN has 2 tunnels
    expect(find(scenarios, "EqDC2", "vpn/edge1")).toMatchObject({
      survivingCapacityGbps: 10,
      vpnOnly: false,
      vpnCapacityGbps: 2.5,
    });
  });

  test("the VPN elements: a customer gateway with both its tunnels, and each tunnel", () => {
    const singles = analyseFailures(topology).scenarios();
    expect(singles.slice(-6).map((s) => [s.failures[0].kind, s.failures[0].id, s.vpnCapacityGbps])).toEqual([
      [FailureKind.CUSTOMER_GATEWAY, "vpn/edge1", 2.5],
      [FailureKind.VPN_TUNNEL, "vpn/edge1/Tunnel1", 3.75],
      [FailureKind.VPN_TUNNEL, "vpn/edge1/Tunnel2", 3.75],
      [FailureKind.CUSTOMER_GATEWAY, "vpn/edge2", 2.5],
      [FailureKind.VPN_TUNNEL, "vpn/edge2/Tunnel1", 3.75],
      [FailureKind.VPN_TUNNEL, "vpn/edge2/Tunnel2", 3.75],
    ]);
    expect(singles[singles.length - 6].failures[0].description).toBe(
      "failure of customer gateway edge1 (both its tunnels)",
    );
  });

  test("3 and 4 failures: the VPN on what is left of it, then nothing", () => {
    // WHEN
    const scenarios = analyseFailures(topology, { maxFailures: 4 }).scenarios();
    // THEN
    expect(find(scenarios, "EqDC2", "EqSE2", "vpn/edge1")).toMatchObject({
      vpnOnly: true,
      vpnCapacityGbps: 2.5,
    });
    expect(find(scenarios, "EqDC2", "EqSE2", "vpn/edge1/Tunnel2")).toMatchObject({ vpnCapacityGbps: 3.75 });
    expect(find(scenarios, "EqDC2", "EqSE2", "vpn/edge1", "vpn/edge2")).toMatchObject({
      paths: [{ target: "dxgw-1", via: PathVia.NONE, bgpSessions: 0 }],
      vpnOnly: false,
      vpnCapacityGbps: 0,
    });
  });

  test("static routing to a virtual private gateway: one tunnel carries, whatever else is up", () => {
    // GIVEN
    const vgw = withVpn(high, 2, VpnTarget.VIRTUAL_PRIVATE_GATEWAY, ["10.0.0.0/16"]);
    // WHEN
    const analysis = analyseFailures(vgw, { maxFailures: 3 });
    // THEN
    expect(analysis.baseline.vpnCapacityGbps).toBe(1.25);
    expect(find(analysis.scenarios(), "EqDC2", "EqSE2", "vpn/edge1")).toMatchObject({
      vpnOnly: true,
      vpnCapacityGbps: 1.25,
    });
  });

  test("the VPN never backs up public virtual interfaces", () => {
    // GIVEN a public virtual interface on every slot too
    const withPublic: ConnectionTopology = {
      ...topology,
      locations: topology.locations.map((l) => ({
        ...l,
        deviceSlots: l.deviceSlots.map((s) => ({
          ...s,
          virtualInterfaces: [
            ...s.virtualInterfaces,
            {
              ...s.virtualInterfaces[0],
              id: `${s.id}/Vif-web`,
              name: "web",
              interfaceType: VirtualInterfaceType.PUBLIC,
              target: "",
            },
          ],
        })),
      })),
    };
    // WHEN
    const s = find(analyseFailures(withPublic, { maxFailures: 2 }).scenarios(), "EqDC2", "EqSE2");
    // THEN
    expect(s.paths).toEqual([
      { target: "dxgw-1", via: PathVia.VPN, bgpSessions: 0 },
      { target: "public", via: PathVia.NONE, bgpSessions: 0 },
    ]);
    expect(s.vpnOnly).toBe(true);
  });
});

describe("the VPN backs only the gateway it terminates on (vpnTargetMismatch, docs/facts.md §6)", () => {
  const VGW_A = VPN_GATEWAY[VpnTarget.VIRTUAL_PRIVATE_GATEWAY];
  const TGW = VPN_GATEWAY[VpnTarget.TRANSIT_GATEWAY];
  const bothLocations = (t: ConnectionTopology) =>
    find(analyseFailures(t, { maxFailures: 2 }).scenarios(), "EqDC2", "EqSE2");

  test("a VPN on one virtual private gateway never keeps a second one, reached by a private interface directly", () => {
    // GIVEN private interfaces straight to the VPN's virtual private gateway and to another one
    const direct = plan(ResiliencyModel.HIGH, ["EqDC2", "EqSE2"], GBPS_10, {
      virtualInterfaces: [
        vif("a", VGW_A, 100, VirtualInterfaceType.PRIVATE),
        vif("b", "vgw-0fedcba9876543210", 101, VirtualInterfaceType.PRIVATE),
      ],
    });
    const topology = withVpn(direct, 2, VpnTarget.VIRTUAL_PRIVATE_GATEWAY, ["10.0.0.0/16"]);
    // WHEN both Direct Connect locations are lost
    const s = bothLocations(topology);
    // THEN
    expect(s.paths).toEqual([
      { target: VGW_A, via: PathVia.VPN, bgpSessions: 0 },
      { target: "vgw-0fedcba9876543210", via: PathVia.NONE, bgpSessions: 0 },
    ]);
    expect(s.vpnOnly).toBe(true);
  });

  test("a VPN on a transit gateway backs only the Direct Connect gateways associated with that transit gateway", () => {
    // GIVEN dxgw-1 associated with the VPN's transit gateway, dxgw-2 with another one
    const two = plan(ResiliencyModel.HIGH, ["EqDC2", "EqSE2"], GBPS_10, {
      virtualInterfaces: [vif("a", "dxgw-1", 100), vif("b", "dxgw-2", 101)],
    });
    const topology = associate(
      withVpn(two, 2, VpnTarget.TRANSIT_GATEWAY, undefined, false),
      ["dxgw-1", TGW],
      ["dxgw-2", "tgw-0fedcba9876543210"],
    );
    // WHEN
    const s = bothLocations(topology);
    // THEN
    expect(s.paths).toEqual([
      { target: "dxgw-1", via: PathVia.VPN, bgpSessions: 0 },
      { target: "dxgw-2", via: PathVia.NONE, bgpSessions: 0 },
    ]);
    expect(s.vpnOnly).toBe(true);
  });

  test("a Direct Connect gateway associated with the VPN's virtual private gateway is backed by it", () => {
    const topology = associate(
      withVpn(
        plan(ResiliencyModel.HIGH, ["EqDC2", "EqSE2"], GBPS_10, {
          virtualInterfaces: [vif("a", "dxgw-1", 100, VirtualInterfaceType.PRIVATE)],
        }),
        1,
        VpnTarget.VIRTUAL_PRIVATE_GATEWAY,
        ["10.0.0.0/16"],
        false,
      ),
      ["dxgw-1", VGW_A],
    );
    expect(bothLocations(topology).paths).toEqual([{ target: "dxgw-1", via: PathVia.VPN, bgpSessions: 0 }]);
  });

  test("with no association known, the VPN backs no Direct Connect gateway", () => {
    const topology = withVpn(
      plan(ResiliencyModel.HIGH, ["EqDC2", "EqSE2"], GBPS_10, { virtualInterfaces: [prod] }),
      2,
      VpnTarget.TRANSIT_GATEWAY,
      undefined,
      false,
    );
    const s = bothLocations(topology);
    expect(s.paths).toEqual([{ target: "dxgw-1", via: PathVia.NONE, bgpSessions: 0 }]);
    expect(s.vpnOnly).toBe(false);
    expect(s.vpnCapacityGbps).toBe(5);
  });
});

describe("folding: no scenario holds an element with one inside it", () => {
  const topology = withVpn(
    plan(ResiliencyModel.MAXIMUM, ["EqDC2", "EqSE2"], ConnectionBandwidth.gbps(20), {
      virtualInterfaces: [prod],
    }),
    2,
  );

  test("2 failures: never a port, slot or session with its own slot or location, nor a tunnel with its gateway", () => {
    // WHEN
    const analysis = analyseFailures(topology, { maxFailures: 2 });
    const singles = analysis.scenarios().filter((s) => s.failures.length === 1);
    const pairs = analysis.scenarios().filter((s) => s.failures.length === 2);
    // THEN: ids are paths, so an element inside another has the other's id and "/" in front
    const nested = (a: string, b: string) => b.startsWith(`${a}/`) || a.startsWith(`${b}/`);
    expect(pairs.filter((s) => nested(s.failures[0].id, s.failures[1].id))).toEqual([]);
    // and every other pair is there, once
    const elements = singles.map((s) => s.failures[0].id);
    const expected = elements.flatMap((a, i) =>
      elements.slice(i + 1).flatMap((b) => (nested(a, b) ? [] : [[a, b]])),
    );
    expect(pairs.map(ids)).toEqual(expected);
    expect(elements.length).toBe(2 + 4 + 8 + 4 + 6);
    expect(pairs.length).toBe(244); // C(24, 2) = 276, less 2 x 8 + 4 x 3 + 2 x 2 nested pairs
  });
});

describe("existing circuits", () => {
  // a new slot and an existing connection at one location
  const topology = plan(ResiliencyModel.CLASSIC, ["EqDC2"], GBPS_10, {
    existingSlots: [{ location: "EqDC2", slotNumber: 2, connectionId: "dxcon-abcdefgh" }],
    virtualInterfaces: [prod],
  });

  test("only their slot (device) and location fail; their capacity is the circuit's", () => {
    // WHEN
    const analysis = analyseFailures(topology);
    // THEN
    expect(analysis.scenarios().map((s) => ids(s)[0])).toEqual([
      "EqDC2",
      "EqDC2/Slot1",
      "EqDC2/Slot1/Port1",
      "EqDC2/Slot1/Vif-prod",
      "EqDC2/Slot2",
      "EqDC2/Slot2/Vif-prod",
    ]);
    expect(analysis.baseline.survivingCapacityGbps).toBe(20);
    expect(analysis.scenario(4).failures[0].description).toBe(
      "failure of device EqDC2/Slot2 (existing circuit dxcon-abcdefgh)",
    );
    expect(analysis.scenario(4).survivingCapacityGbps).toBe(10);
    // the circuit's only BGP session lost: it carries nothing
    expect(analysis.scenario(5)).toMatchObject({
      survivingCapacityGbps: 10,
      paths: [{ target: "dxgw-1", via: PathVia.DIRECT_CONNECT, bgpSessions: 1 }],
    });
  });
});

describe("worst()", () => {
  test("ties on capacity go to the scenario with fewer Direct Connect paths", () => {
    // GIVEN one 10 Gbps slot in each of two locations; the only virtual interface is on EqSE2's
    const topology = plan(ResiliencyModel.HIGH, ["EqDC2", "EqSE2"], GBPS_10, { virtualInterfaces: [prod] });
    const [dc, se] = topology.locations;
    const altered: ConnectionTopology = {
      ...topology,
      locations: [{ ...dc, deviceSlots: [{ ...dc.deviceSlots[0], virtualInterfaces: [] }] }, se],
    };
    // WHEN
    const worst = analyseFailures(altered).worst();
    // THEN: losing either location leaves 10 Gbps; losing EqSE2 also loses the gateway
    expect(ids(worst)).toEqual(["EqSE2"]);
    expect(worst.paths).toEqual([{ target: "dxgw-1", via: PathVia.NONE, bgpSessions: 0 }]);
  });

  test("_worstFrom ranks as worst() does: least capacity, then fewest gateways with a Direct Connect path, then scenario order", () => {
    // GIVEN one 10 Gbps slot in each of two locations; the only virtual interface is on EqSE2's
    const topology = plan(ResiliencyModel.HIGH, ["EqDC2", "EqSE2"], GBPS_10, { virtualInterfaces: [prod] });
    const [dc, se] = topology.locations;
    const altered: ConnectionTopology = {
      ...topology,
      locations: [{ ...dc, deviceSlots: [{ ...dc.deviceSlots[0], virtualInterfaces: [] }] }, se],
    };
    // WHEN
    const analysis = analyseFailures(altered);
    const ranked = analysis._worstFrom(0, 3).map(ids);
    // THEN every single failure leaves 10 Gbps but the EqSE2 ones lose the gateway: they come first, in order
    expect(analysis.scenarios().map((s) => s.survivingCapacityGbps)).toEqual([10, 10, 10, 10, 10, 10, 10]);
    expect(ranked).toEqual([["EqSE2"], ["EqSE2/Slot1"], ["EqSE2/Slot1/Port1"]]);
    expect(ranked[0]).toEqual(ids(analysis.worst()));
    expect(analysis._worstFrom(0, 7).map(ids).slice(3)).toEqual([
      ["EqSE2/Slot1/Vif-prod"],
      ["EqDC2"],
      ["EqDC2/Slot1"],
      ["EqDC2/Slot1/Port1"],
    ]);
  });

  test("a topology with nothing to fail: no scenarios, worst() is the baseline", () => {
    const empty: ConnectionTopology = { ...plan(ResiliencyModel.CLASSIC, ["EqDC2"], GBPS_10), locations: [] };
    const analysis = analyseFailures(empty, { maxFailures: 2 });
    expect(analysis.scenarioCount).toBe(0);
    expect(analysis.scenarios()).toEqual([]);
    expect(analysis.worst()).toEqual(analysis.baseline);
    expect(analysis.baseline.survivingCapacityGbps).toBe(0);
  });
});

describe("the scenario count and its cap", () => {
  // 200 ports: 5 locations x 10 slots x 4 x 10 Gbps, a virtual interface on every slot
  const tenSlots = plan(
    ResiliencyModel.CLASSIC,
    ["EqDC1", "EqDC2", "EqDC3", "EqDC4", "EqDC5"].map((location) => ({ location, deviceSlots: 10 })),
    ConnectionBandwidth.gbps(40),
    { virtualInterfaces: [prod] },
  );

  test("is known before the analysis runs", () => {
    // 5 + 50 + 200 + 50 = 305 elements
    expect(countFailureScenarios(tenSlots, 1)).toBe(305);
    expect(FailureAnalysis.countScenarios(tenSlots, 1)).toBe(305);
    expect(countFailureScenarios(tenSlots, 4)).toBeGreaterThan(MAX_FAILURE_SCENARIOS);
  });

  test("fails when the scenarios would be more than MAX_FAILURE_SCENARIOS, naming maxFailures and what fits", () => {
    expect(FailureAnalysis.MAX_SCENARIOS).toBe(MAX_FAILURE_SCENARIOS);
    const count = countFailureScenarios(tenSlots, 4).toLocaleString("en-US");
    const fits = countFailureScenarios(tenSlots, 3);
    expect(fits).toBeLessThanOrEqual(MAX_FAILURE_SCENARIOS);
    expect(() => analyseFailures(tenSlots, { maxFailures: 4 })).toThrow(
      new RegExp(
        `^\`maxFailures\` 4 makes ${count} failure scenarios for this topology \\(305 failure elements\\); an analysis ` +
          `evaluates at most 5,000,000 \\(FailureAnalysis.MAX_SCENARIOS\\). \`maxFailures: 3\` makes ${fits.toLocaleString("en-US")}. ` +
          "\\[analysisScenarioLimit\\]$",
      ),
    );
  });

  test.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "2", null])(
    "fails when maxFailures is %p",
    (maxFailures) => {
      const small = plan(ResiliencyModel.CLASSIC, ["EqDC2"], GBPS_10);
      if (maxFailures === null) {
        // null is "not given", as everywhere in this library
        expect(analyseFailures(small, { maxFailures: null as any }).maxFailures).toBe(1);
        return;
      }
      expect(() => analyseFailures(small, { maxFailures: maxFailures as any })).toThrow(
        /`maxFailures` .* is not allowed: a whole number from 1/,
      );
      expect(() => countFailureScenarios(small, maxFailures as any)).toThrow(/`maxFailures`/);
    },
  );
});

describe("modelPromise", () => {
  test("the single failures each model covers", () => {
    expect(modelPromise(ResiliencyModel.MAXIMUM)).toEqual([[FailureKind.DEVICE], [FailureKind.LOCATION]]);
    expect(modelPromise(ResiliencyModel.HIGH)).toEqual([
      [FailureKind.PORT],
      [FailureKind.DEVICE],
      [FailureKind.LOCATION],
    ]);
    expect(modelPromise(ResiliencyModel.DEVELOPMENT_AND_TEST)).toEqual([[FailureKind.DEVICE]]);
    expect(modelPromise(ResiliencyModel.CLASSIC)).toEqual([]);
    expect(FailureAnalysis.modelPromise(ResiliencyModel.HIGH)).toEqual(modelPromise(ResiliencyModel.HIGH));
  });

  test("fails when given no model", () => {
    expect(() => modelPromise({ name: "Ultra" } as any)).toThrow(/`model` Ultra is not a ResiliencyModel/);
  });
});
