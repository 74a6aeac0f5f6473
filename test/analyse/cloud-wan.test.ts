import { plan, vif } from "./topologies";
import {
  ConnectionBandwidth,
  ConnectionTopology,
  FailureScenario,
  PathVia,
  ResiliencyModel,
  TargetPath,
} from "../../src";
import { analyseFailures } from "../../src/analyse/failures";

// A Cloud WAN core network is a gateway target behind its Direct Connect gateways: one path per core
// network, with the BGP sessions left to the gateways attached to it. Hand-derived on a Maximum layout
// (2 locations x 2 slots, one 10 Gbps port each): `prod` lands on dxgw-1 and `dev` on dxgw-2 on every
// slot, so each gateway has 4 sessions and the core network both gateways are attached to has 8.

const CORE = "core-network-0123456789abcdef0";
const OTHER = "core-network-0fedcba987654321f";

function topology(): ConnectionTopology {
  const planned = plan(ResiliencyModel.MAXIMUM, ["EqDC2", "EqSE2"], ConnectionBandwidth.GBPS_10, {
    virtualInterfaces: [vif("prod", "dxgw-1", 100), vif("dev", "dxgw-2", 101)],
  });
  return {
    ...planned,
    coreNetworkAttachments: [
      { directConnectGatewayId: "dxgw-1", coreNetworkId: CORE, edgeLocations: ["us-east-1"] },
      {
        directConnectGatewayId: "dxgw-2",
        coreNetworkId: CORE,
        edgeLocations: ["eu-west-1"],
        routingPolicyLabel: "onprem",
      },
      // no interface lands on dxgw-9: its core network has no path to count
      { directConnectGatewayId: "dxgw-9", coreNetworkId: OTHER, edgeLocations: ["us-west-2"] },
    ],
  };
}

/** The scenario whose failed elements are exactly `ids`. */
function scenario(scenarios: FailureScenario[], ...ids: string[]): FailureScenario {
  const s = scenarios.find((x) => x.failures.map((f) => f.id).join(" + ") === ids.join(" + "));
  if (!s) throw new Error(`no scenario ${ids.join(" + ")}`);
  return s;
}

const dc = (target: string, bgpSessions: number): TargetPath => ({
  target,
  via: PathVia.DIRECT_CONNECT,
  bgpSessions,
});

describe("a core network attached to two Direct Connect gateways", () => {
  const analysis = analyseFailures(topology(), { maxFailures: 2 });
  const scenarios = analysis.scenarios();

  test("baseline: 4 sessions per gateway, 4 + 4 = 8 to the core network; none to the unattached one", () => {
    expect(analysis.baseline.paths).toEqual([dc("dxgw-1", 4), dc("dxgw-2", 4), dc(CORE, 8)]);
  });

  test("one prod interface lost: dxgw-1 keeps 3, the core network 3 + 4 = 7", () => {
    expect(scenario(scenarios, "EqDC2/Slot1/Vif-prod").paths).toEqual([
      dc("dxgw-1", 3),
      dc("dxgw-2", 4),
      dc(CORE, 7),
    ]);
  });

  test("one location lost: 2 per gateway, 4 to the core network", () => {
    expect(scenario(scenarios, "EqDC2").paths).toEqual([dc("dxgw-1", 2), dc("dxgw-2", 2), dc(CORE, 4)]);
  });

  test("both locations lost: the core network is cut off with its gateways", () => {
    expect(scenario(scenarios, "EqDC2", "EqSE2").paths).toEqual([
      { target: "dxgw-1", via: PathVia.NONE, bgpSessions: 0 },
      { target: "dxgw-2", via: PathVia.NONE, bgpSessions: 0 },
      { target: CORE, via: PathVia.NONE, bgpSessions: 0 },
    ]);
  });

  test("the core network path adds nothing to capacity: 4 x 10 Gbps, one location lost 20", () => {
    expect(analysis.baseline.survivingCapacityGbps).toBe(40);
    expect(scenario(scenarios, "EqDC2").survivingCapacityGbps).toBe(20);
  });
});

test("a core network behind one of two gateways: reached while that gateway is", () => {
  const t = topology();
  const one = { ...t, coreNetworkAttachments: t.coreNetworkAttachments!.slice(0, 1) };
  const analysis = analyseFailures(one, { maxFailures: 1 });
  expect(analysis.baseline.paths).toEqual([dc("dxgw-1", 4), dc("dxgw-2", 4), dc(CORE, 4)]);
  expect(scenario(analysis.scenarios(), "EqDC2/Slot1/Vif-dev").paths[2]).toEqual(dc(CORE, 4));
});

test("without attachments the paths are those of the gateways alone", () => {
  const t = topology();
  const analysis = analyseFailures({ ...t, coreNetworkAttachments: undefined }, { maxFailures: 1 });
  expect(analysis.baseline.paths).toEqual([dc("dxgw-1", 4), dc("dxgw-2", 4)]);
});
