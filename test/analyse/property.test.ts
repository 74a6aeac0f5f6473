import * as fc from "fast-check";
import { plan, vif } from "./topologies";
import {
  ConnectionBandwidth,
  ConnectionTopology,
  FailureKind,
  FailureScenario,
  PathVia,
  ResiliencyModel,
  TopologyDeviceSlot,
  TunnelBandwidth,
  VpnRouting,
  VpnTarget,
} from "../../src";
import { analyseFailures, countFailureScenarios } from "../../src/analyse/failures";
import { modelPromise } from "../../src/analyse/promise";

// The analysis agrees exactly with a brute-force reference written here, separately and simply: every
// subset of up to k elements, nested ones dropped, and the whole state recomputed from scratch for each.
// ANALYSE_RUNS and ANALYSE_SEED explore more (e.g. ANALYSE_RUNS=5000 locally).

const RUNS = Number(process.env.ANALYSE_RUNS ?? 300);
const SEED = Number(process.env.ANALYSE_SEED ?? 20261201);

// ---------------------------------------------------------------------------------------------------
// Random small topologies: planned, then altered (minimum links per slot, some interfaces removed or
// made public, a VPN backup)

const MODELS = [
  ResiliencyModel.MAXIMUM,
  ResiliencyModel.HIGH,
  ResiliencyModel.DEVELOPMENT_AND_TEST,
  ResiliencyModel.CLASSIC,
];

const recipe = fc.record({
  slotsPerLocation: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
  ports: fc.integer({ min: 1, max: 3 }),
  minimumLinks: fc.array(fc.option(fc.integer({ min: 0, max: 3 })), { minLength: 10, maxLength: 10 }),
  vifs: fc.array(
    fc.record({
      type: fc.constantFrom("transit", "private", "public"),
      // a Direct Connect gateway, or the VPN's own gateway reached directly
      target: fc.constantFrom("dxgw-a", "dxgw-b", "tgw-or-vgw"),
    }),
    { maxLength: 2 },
  ),
  dropVif: fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
  existingCircuit: fc.boolean(),
  vpn: fc.option(
    fc.record({
      gateways: fc.integer({ min: 1, max: 2 }),
      target: fc.constantFrom("transitGateway", "virtualPrivateGateway"),
      routing: fc.constantFrom("bgp", "static"),
    }),
  ),
  // each Direct Connect gateway associated with the VPN's gateway, another gateway, or nothing
  associations: fc.array(fc.constantFrom("tgw-or-vgw", "tgw-other", null), { minLength: 2, maxLength: 2 }),
  model: fc.constantFrom(...MODELS),
  k: fc.integer({ min: 1, max: 3 }),
});
type Recipe = typeof recipe extends fc.Arbitrary<infer T> ? T : never;

function build(r: Recipe): ConnectionTopology {
  const planned = plan(
    ResiliencyModel.CLASSIC,
    r.slotsPerLocation.map((deviceSlots, i) => ({ location: `Loc${i + 1}`, deviceSlots })),
    ConnectionBandwidth.gbps(10 * r.ports),
    {
      virtualInterfaces: r.vifs.map((v, i) => vif(`v${i}`, v.target, 100 + i)),
      existingSlots: r.existingCircuit
        ? [{ location: "Loc1", slotNumber: 9, connectionId: "dxcon-abcdefgh" }]
        : [],
    },
  );
  let slot = 0;
  const alter = (s: TopologyDeviceSlot): TopologyDeviceSlot => {
    const n = slot++;
    return {
      ...s,
      minimumLinks: r.minimumLinks[n] ?? undefined,
      virtualInterfaces: s.virtualInterfaces
        .map((v, i) =>
          r.vifs[i].type === "public" ? { ...v, type: "public", target: "" } : { ...v, type: r.vifs[i].type },
        )
        .filter((_, i) => !r.dropVif[n * 2 + i]),
    };
  };
  const locations = planned.locations.map((l) => ({ ...l, deviceSlots: l.deviceSlots.map(alter) }));
  const vpnBackup =
    r.vpn === null
      ? undefined
      : {
          target: r.vpn.target as VpnTarget,
          targetId: "tgw-or-vgw",
          routing: r.vpn.routing as VpnRouting,
          connections: Array.from({ length: r.vpn.gateways }, (_, i) => ({
            name: `edge${i + 1}`,
            customerGatewayIp: `203.0.113.${i + 1}`,
            bgpAsn: 65001,
            tunnels: 2,
          })),
          bandwidthPerTunnel: TunnelBandwidth.STANDARD,
          tunnelBandwidth: "standard",
          tunnelBandwidthGbps: 1.25,
          capacityGbps: 0,
          acceleration: false,
        };
  const gatewayAssociations = ["dxgw-a", "dxgw-b"].flatMap((directConnectGatewayId, i) => {
    const associatedGatewayId = r.associations[i];
    return associatedGatewayId === null ? [] : [{ directConnectGatewayId, associatedGatewayId }];
  });
  return { ...planned, model: r.model, locations, vpnBackup, gatewayAssociations };
}

// ---------------------------------------------------------------------------------------------------
// The reference

interface RefElement {
  readonly kind: FailureKind;
  readonly id: string;
  /** The ids of the elements it lies inside. */
  readonly inside: string[];
}

function referenceElements(t: ConnectionTopology): RefElement[] {
  const out: RefElement[] = [];
  for (const l of t.locations) {
    out.push({ kind: FailureKind.LOCATION, id: l.location, inside: [] });
    for (const s of l.deviceSlots) {
      out.push({ kind: FailureKind.DEVICE, id: s.id, inside: [l.location] });
      const ports = s.existingConnectionId === undefined ? s.ports : [];
      for (const p of ports) out.push({ kind: FailureKind.PORT, id: p.id, inside: [l.location, s.id] });
      for (const v of s.virtualInterfaces) {
        out.push({ kind: FailureKind.VIRTUAL_INTERFACE, id: v.id, inside: [l.location, s.id] });
      }
    }
  }
  for (const c of t.vpnBackup?.connections ?? []) {
    const gateway = `vpn/${c.name}`;
    out.push({ kind: FailureKind.CUSTOMER_GATEWAY, id: gateway, inside: [] });
    for (let n = 1; n <= c.tunnels; n++) {
      out.push({ kind: FailureKind.VPN_TUNNEL, id: `${gateway}/Tunnel${n}`, inside: [gateway] });
    }
  }
  return out;
}

/** Every subset of 1 .. k elements with none inside another, by size, then lexicographically. */
function referenceSubsets(elements: RefElement[], k: number): RefElement[][] {
  const out: RefElement[][] = [];
  const pick = (size: number, start: number, chosen: RefElement[]): void => {
    if (chosen.length === size) {
      const ids = new Set(chosen.map((e) => e.id));
      if (!chosen.some((e) => e.inside.some((id) => ids.has(id)))) out.push(chosen);
      return;
    }
    for (let i = start; i < elements.length; i++) pick(size, i + 1, [...chosen, elements[i]]);
  };
  for (let size = 1; size <= k; size++) pick(size, 0, []);
  return out;
}

/** A scenario as the reference sees it: the whole topology evaluated with `failed` down. */
type Plain = Omit<FailureScenario, "failures"> & { failures: Array<{ kind: FailureKind; id: string }> };

function referenceScenario(t: ConnectionTopology, failed: RefElement[]): Plain {
  const down = new Set(failed.map((e) => e.id));
  const survivingSlots: string[] = [];
  let capacity = 0;
  const sessions = new Map<string, number>();
  const publicTarget = new Map<string, boolean>();
  for (const l of t.locations) {
    for (const s of l.deviceSlots) {
      for (const v of s.virtualInterfaces) {
        const name = v.interfaceType === "public" ? "public" : v.target;
        if (!sessions.has(name)) sessions.set(name, 0);
        publicTarget.set(name, v.interfaceType === "public");
      }
      if (down.has(l.location) || down.has(s.id)) continue;
      let carries: boolean;
      let slotCapacity: number;
      if (s.existingConnectionId !== undefined) {
        carries = true;
        slotCapacity = s.capacityGbps;
      } else {
        const up = s.ports.filter((p) => !down.has(p.id));
        carries = up.length >= Math.max(1, s.minimumLinks ?? 0);
        slotCapacity = up.reduce((sum, p) => sum + p.speedGbps, 0);
      }
      // a slot carries while one of its BGP sessions is up (by its ports when it has none)
      if (s.virtualInterfaces.length > 0 && s.virtualInterfaces.every((v) => down.has(v.id))) carries = false;
      if (!carries) continue;
      survivingSlots.push(s.id);
      capacity += slotCapacity;
      for (const v of s.virtualInterfaces) {
        const name = v.interfaceType === "public" ? "public" : v.target;
        if (!down.has(v.id)) sessions.set(name, sessions.get(name)! + 1);
      }
    }
  }
  const vpn = t.vpnBackup;
  let vpnCapacityGbps = 0;
  if (vpn !== undefined) {
    let up = 0;
    for (const c of vpn.connections) {
      if (down.has(`vpn/${c.name}`)) continue;
      for (let n = 1; n <= c.tunnels; n++) if (!down.has(`vpn/${c.name}/Tunnel${n}`)) up++;
    }
    const ecmp = vpn.target === "transitGateway" && vpn.routing === "bgp";
    vpnCapacityGbps = (ecmp ? up : Math.min(up, 1)) * vpn.tunnelBandwidthGbps;
  }
  const paths = [...sessions.entries()].map(([target, bgpSessions]) => ({
    target,
    bgpSessions,
    via:
      bgpSessions > 0
        ? PathVia.DIRECT_CONNECT
        : !publicTarget.get(target) && vpn !== undefined && vpnCapacityGbps > 0 && backs(t, target)
          ? PathVia.VPN
          : PathVia.NONE,
  }));
  return {
    failures: failed.map((e) => ({ kind: e.kind, id: e.id })),
    survivingSlots,
    survivingCapacityGbps: capacity,
    paths,
    vpnOnly: paths.some((p) => p.via === PathVia.VPN),
    vpnCapacityGbps,
  };
}

/** Whether the VPN backs a target: its own gateway, or a Direct Connect gateway associated with it. */
function backs(t: ConnectionTopology, target: string): boolean {
  const gateway = t.vpnBackup!.targetId;
  return (
    target === gateway ||
    (t.gatewayAssociations ?? []).some(
      (a) => a.directConnectGatewayId === target && a.associatedGatewayId === gateway,
    )
  );
}

/** The reference's worst: least capacity, then fewest Direct Connect paths, then first. */
function referenceWorst(scenarios: Plain[], baseline: Plain): Plain {
  const direct = (s: Plain) => s.paths.filter((p) => p.via === PathVia.DIRECT_CONNECT).length;
  let worst: Plain | undefined;
  for (const s of scenarios) {
    if (
      worst === undefined ||
      s.survivingCapacityGbps < worst.survivingCapacityGbps ||
      (s.survivingCapacityGbps === worst.survivingCapacityGbps && direct(s) < direct(worst))
    ) {
      worst = s;
    }
  }
  return worst ?? baseline;
}

/** The reference's verdicts: met, worst capacity and counter-example per claim, from single failures. */
function referenceVerdicts(t: ConnectionTopology, singles: Plain[], baseline: Plain) {
  return modelPromise(t.model).map((kinds) => {
    const covered = singles.filter((s) => kinds.includes(s.failures[0].kind));
    const broken = covered.find(
      (s) => !(s.survivingCapacityGbps > 0) || s.paths.some((p) => p.via !== PathVia.DIRECT_CONNECT),
    );
    const capacities = covered.map((s) => s.survivingCapacityGbps);
    return {
      kinds,
      met: broken === undefined,
      worstCapacityGbps: capacities.length === 0 ? baseline.survivingCapacityGbps : Math.min(...capacities),
      counterExample: broken,
    };
  });
}

/** A scenario of the analysis without descriptions, as the reference has it. */
function plain(s: FailureScenario): Plain {
  return { ...s, failures: s.failures.map((f) => ({ kind: f.kind, id: f.id })) };
}

// ---------------------------------------------------------------------------------------------------

test(`${RUNS} random small topologies: the analysis agrees exactly with the brute-force reference`, () => {
  let scenarios = 0;
  fc.assert(
    fc.property(recipe, (r) => {
      // GIVEN
      const topology = build(r);
      // WHEN
      const analysis = analyseFailures(topology, { maxFailures: r.k });
      // THEN
      const elements = referenceElements(topology);
      const baseline = referenceScenario(topology, []);
      const expected = referenceSubsets(elements, r.k).map((failed) => referenceScenario(topology, failed));
      expect(plain(analysis.baseline)).toEqual(baseline);
      expect(analysis.scenarios().map(plain)).toEqual(expected);
      expect(analysis.scenarioCount).toBe(expected.length);
      expect(countFailureScenarios(topology, r.k)).toBe(expected.length);
      expect(plain(analysis.worst())).toEqual(referenceWorst(expected, baseline));
      const singles = expected.filter((s) => s.failures.length === 1);
      const verdicts = analysis.verdicts().map((v) => ({
        kinds: v.kinds,
        met: v.met,
        worstCapacityGbps: v.worstCapacityGbps,
        counterExample: v.counterExample && plain(v.counterExample),
      }));
      expect(verdicts).toEqual(referenceVerdicts(topology, singles, baseline));
      scenarios += expected.length;
    }),
    { numRuns: RUNS, seed: SEED },
  );
  // the generator reaches sizeable cases, not only trivial ones
  expect(scenarios / RUNS).toBeGreaterThan(50);
});

/**
 * The count by another road: the generating polynomial of the containment forest, f(element) = x +
 * the product of f over the elements directly inside it, truncated at degree k; the sum of the
 * coefficients of x^1 .. x^k of the product over the outermost elements.
 */
function polynomialCount(elements: RefElement[], k: number): number {
  const times = (a: number[], b: number[]) => {
    const c = new Array<number>(k + 1).fill(0);
    for (let i = 0; i <= k; i++) for (let j = 0; i + j <= k; j++) c[i + j] += a[i] * b[j];
    return c;
  };
  const f = (e: RefElement | undefined): number[] => {
    const children = elements.filter((c) => c.inside[c.inside.length - 1] === e?.id);
    const product = children.map(f).reduce(times, [1, ...new Array<number>(k).fill(0)]);
    if (e !== undefined && k >= 1) product[1] += 1;
    return product;
  };
  return f(undefined)
    .slice(1)
    .reduce((a, b) => a + b, 0);
}

test(`${RUNS} random topologies with up to 6 failures: the count is the generating polynomial's, and is what runs`, () => {
  fc.assert(
    fc.property(recipe, fc.integer({ min: 1, max: 6 }), (r, k) => {
      const topology = build(r);
      const expected = polynomialCount(referenceElements(topology), k);
      expect(countFailureScenarios(topology, k)).toBe(expected);
      if (expected <= 200_000) {
        // the analysis checks that it enumerates exactly the scenarios it counted
        expect(analyseFailures(topology, { maxFailures: k }).scenarioCount).toBe(expected);
      }
    }),
    { numRuns: RUNS, seed: SEED + 1 },
  );
});
