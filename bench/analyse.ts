import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  ConnectionBandwidth,
  ConnectionTopology,
  FailureAnalysis,
  ResiliencyModel,
  VirtualInterfaceType,
  VpnTarget,
} from "../src";
import { median } from "./stats";
import { analyseFailures } from "../src/analyse/failures";
import { TunnelBandwidth } from "../src/core/tunnel-bandwidth";
import { planTopology } from "../src/plan/planner";
import { planVpnBackup } from "../src/plan/vpn";

// The failure-analysis benchmark (issue 9): analyseFailures at 50, 200 and 1,000 ports for 1 and 2
// simultaneous failures. The main layouts are 2 x 10 Gbps LAGs (2 ports per device slot), one transit
// virtual interface on every slot, and a VPN backup of 2 customer gateways (4 tunnels, BGP to a transit
// gateway). A last layout, 1,000 single-port slots, comes near MAX_FAILURE_SCENARIOS at 2 failures.
// Run with `npx projen bench`; it writes bench/results.json and prints a table. Not a test: the figures
// depend on the machine.

interface Layout {
  readonly ports: number;
  readonly locations: number;
  readonly slotsPerLocation: number;
  readonly portsPerSlot: number;
  /** Timed repetitions per maxFailures (after one untimed warm-up run): min and median are reported. */
  readonly runs: Record<number, number>;
}

const LAYOUTS: Layout[] = [
  { ports: 50, locations: 5, slotsPerLocation: 5, portsPerSlot: 2, runs: { 1: 21, 2: 11 } },
  { ports: 200, locations: 10, slotsPerLocation: 10, portsPerSlot: 2, runs: { 1: 21, 2: 11 } },
  { ports: 1000, locations: 50, slotsPerLocation: 10, portsPerSlot: 2, runs: { 1: 21, 2: 7 } },
  { ports: 1000, locations: 100, slotsPerLocation: 10, portsPerSlot: 1, runs: { 1: 11, 2: 3 } },
];

function topologyOf(l: Layout): ConnectionTopology {
  const { topology } = planTopology({
    model: ResiliencyModel.CLASSIC,
    bandwidth: ConnectionBandwidth.gbps(10 * l.portsPerSlot),
    namePrefix: "Bench",
    locations: Array.from({ length: l.locations }, (_, i) => ({
      location: `Loc${String(i + 1).padStart(2, "0")}`,
      deviceSlots: l.slotsPerLocation,
    })),
    virtualInterfaces: [
      {
        name: "prod",
        interfaceType: VirtualInterfaceType.TRANSIT,
        target: "dxgw-bench",
        vlan: 100,
        customerAsn: 65000,
        addressFamilies: ["ipv4"],
      },
    ],
  });
  const vpn = planVpnBackup(
    {
      target: VpnTarget.TRANSIT_GATEWAY,
      targetId: "tgw-0123456789abcdef0",
      customerGateways: [1, 2].map((n) => ({
        name: `edge${n}`,
        ipAddress: `203.0.113.${n}`,
        bgpAsn: 65010 + n,
      })),
      tunnelBandwidth: TunnelBandwidth.STANDARD,
    },
    { hasVirtualInterfaces: true, jumbo: false },
  );
  return { ...topology, vpnBackup: vpn.topology };
}

/**
 * The bytes of all ArrayBuffers after full garbage collections (node --expose-gc), with a pause between
 * them: V8 frees the memory of collected ArrayBuffers a little later.
 */
async function arrayBuffers(): Promise<number> {
  const gc = (global as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("run with node --expose-gc (npx projen bench)");
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return process.memoryUsage().arrayBuffers;
}

async function measure(layout: Layout, k: number) {
  const topology = topologyOf(layout);
  const times: number[] = [];
  let analysis: FailureAnalysis | undefined = analyseFailures(topology, { maxFailures: k }); // warm-up
  const held = await arrayBuffers();
  analysis = undefined;
  const tableMB = (held - (await arrayBuffers())) / 2 ** 20;
  for (let run = 0; run < layout.runs[k]; run++) {
    const start = process.hrtime.bigint();
    analysis = analyseFailures(topology, { maxFailures: k });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const scenarios = analysis!.scenarioCount;
  const worst = analysis!
    .worst()
    .failures.map((f) => f.id)
    .join(" + ");
  const elements = analyseFailures(topology).scenarioCount;
  const minMs = Math.min(...times);
  const medianMs = median(times);
  const { runs, ...shape } = layout;
  return {
    ...shape,
    elements,
    maxFailures: k,
    scenarios,
    runs: runs[k],
    tableMB: round(tableMB),
    minMs: round(minMs),
    medianMs: round(medianMs),
    maxMs: round(Math.max(...times)),
    nsPerScenarioMin: round((minMs * 1e6) / scenarios),
    nsPerScenarioMedian: round((medianMs * 1e6) / scenarios),
    worst,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

async function main(): Promise<void> {
  const results = [];
  for (const layout of LAYOUTS) {
    for (const k of [1, 2]) results.push(await measure(layout, k));
  }
  const out = {
    description:
      "analyseFailures time per layout and maxFailures: locations x slots per location x ports per slot (10 Gbps " +
      "ports), one transit virtual interface per slot, a VPN backup of 2 customer gateways (4 tunnels); min, median " +
      "and max of the timed runs after one warm-up run, wall-clock, one thread; tableMB: the typed arrays one " +
      "analysis holds (ArrayBuffer bytes released when it is dropped).",
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
    },
    date: new Date().toISOString().slice(0, 10),
    results,
  };
  fs.writeFileSync(path.join(__dirname, "results.json"), JSON.stringify(out, undefined, 2) + "\n");
  console.log(
    "ports  layout      elements  k  scenarios   min ms  median ms  ns/scenario (median)  arrays MB",
  );
  for (const r of results) {
    const layout = `${r.locations}x${r.slotsPerLocation}x${r.portsPerSlot}`;
    console.log(
      [
        String(r.ports).padStart(5),
        layout.padEnd(10),
        String(r.elements).padStart(8),
        String(r.maxFailures).padStart(2),
        String(r.scenarios).padStart(10),
        r.minMs.toFixed(1).padStart(8),
        r.medianMs.toFixed(1).padStart(10),
        r.nsPerScenarioMedian.toFixed(0).padStart(21),
        r.tableMB.toFixed(1).padStart(10),
      ].join(" "),
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
