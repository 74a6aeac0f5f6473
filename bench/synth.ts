import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isDeepStrictEqual } from "util";
import { App, CfnOutput, CfnResource, Stack } from "aws-cdk-lib";
import { ConnectionBandwidth, ResiliencyModel, ResilientConnections, VirtualInterface } from "../src";
import { median } from "./stats";

// The raw-twin synth benchmark (issue 14): the library's stack against a raw twin, a stack of plain L1
// resources (CfnResource, CfnOutput) with the same template, from App to a written cloud assembly. The
// library's side includes what it does at synth (its report, written into the cloud assembly). First the
// two templates must be identical (the script fails otherwise), then both are timed side by side,
// interleaved in one process, and the heap each app retains after full collections is measured.
// Run with `npx projen bench:synth`; it writes bench/synth-results.json and prints a table. Not a test:
// the figures depend on the machine.

interface Size {
  readonly ports: number;
  /** A stack holds at most 500 resources (aws-cdk-lib checks): larger sizes take several stacks. */
  readonly stacks: number;
  readonly locationsPerStack: number;
  readonly slotsPerLocation: number;
  /** Timed rounds (each times both sides once, after one untimed warm-up round). */
  readonly rounds: number;
}

// 10 Gbps ports, 2 per device slot (a LAG of 2 x 10 Gbps), Classic model; at most 100 ports a stack.
const SIZES: Size[] = [
  { ports: 10, stacks: 1, locationsPerStack: 1, slotsPerLocation: 5, rounds: 21 },
  { ports: 100, stacks: 1, locationsPerStack: 5, slotsPerLocation: 10, rounds: 15 },
  { ports: 500, stacks: 5, locationsPerStack: 5, slotsPerLocation: 10, rounds: 9 },
  { ports: 2000, stacks: 20, locationsPerStack: 5, slotsPerLocation: 10, rounds: 5 },
];
const PORTS_PER_SLOT = 2;

const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), "dx-bench-synth-"));
let outCount = 0;
/** A fresh App writing into a fresh temporary directory; no CDKMetadata (its string names the classes). */
function newApp(): App {
  return new App({ outdir: path.join(outRoot, String(outCount++)), analyticsReporting: false });
}

const stackName = (i: number) => `Bench${String(i + 1).padStart(2, "0")}`;

/**
 * The library's app: one ResilientConnections, with one private virtual interface per slot or none. To a
 * virtual private gateway: a Direct Connect gateway carries at most 30 interfaces (rule gatewayVifQuota).
 */
function libraryApp(size: Size, vifs: boolean): App {
  const app = newApp();
  for (let n = 0; n < size.stacks; n++) {
    const stack = new Stack(app, stackName(n));
    new ResilientConnections(stack, "Dx", {
      model: ResiliencyModel.CLASSIC,
      bandwidth: ConnectionBandwidth.gbps(10 * PORTS_PER_SLOT),
      locations: Array.from({ length: size.locationsPerStack }, (_, i) => ({
        location: `Loc${String(n * size.locationsPerStack + i + 1).padStart(3, "0")}`,
        deviceSlots: size.slotsPerLocation,
      })),
      virtualInterfaces: vifs
        ? [
            VirtualInterface.privateInterface({
              name: "prod",
              virtualGatewayId: "vgw-0123456789abcdef0",
              vlan: 100,
              customerAsn: 65000,
            }),
          ]
        : undefined,
    });
  }
  return app;
}

type Template = {
  Resources: Record<string, Record<string, any>>;
  Outputs?: Record<string, Record<string, any>>;
  [section: string]: unknown;
};

/** The raw twin: every resource and output of the library's templates replayed as plain L1 classes. */
function rawApp(templates: Template[]): App {
  const app = newApp();
  templates.forEach((template, n) => rawStack(new Stack(app, stackName(n)), template));
  return app;
}

function rawStack(stack: Stack, template: Template): void {
  const resources = new Map<string, CfnResource>();
  for (const [logicalId, r] of Object.entries(template.Resources)) {
    if (r.Type === "AWS::CDK::Metadata") continue;
    const resource = new CfnResource(stack, logicalId, { type: r.Type, properties: r.Properties });
    resource.overrideLogicalId(logicalId);
    for (const [key, value] of Object.entries(r)) {
      if (key === "Metadata") {
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) resource.addMetadata(k, v);
      } else if (!["Type", "Properties", "DependsOn"].includes(key)) {
        resource.addOverride(key, value); // DeletionPolicy, UpdateReplacePolicy, Condition, ...
      }
    }
    resources.set(logicalId, resource);
  }
  for (const [logicalId, r] of Object.entries(template.Resources)) {
    const dependsOn: string[] = r.DependsOn === undefined ? [] : [].concat(r.DependsOn);
    for (const target of dependsOn) resources.get(logicalId)!.addDependency(resources.get(target)!);
  }
  for (const [logicalId, o] of Object.entries(template.Outputs ?? {})) {
    const output = new CfnOutput(stack, logicalId, {
      value: o.Value,
      description: o.Description,
      exportName: o.Export?.Name,
      condition: o.Condition,
    });
    output.overrideLogicalId(logicalId);
  }
}

function templatesOf(app: App, size: Size): Template[] {
  const assembly = app.synth();
  return Array.from({ length: size.stacks }, (_, n) => assembly.getStackByName(stackName(n)).template);
}

/** Heap in use after full collections (node --expose-gc). */
function heapAfterGc(): number {
  const gc = (global as any).gc as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

interface Measure {
  readonly ms: number;
  /** Heap the synthesized app still holds (it is kept referenced), after full collections. */
  readonly retainedMB: number;
}

/** One timed run: App, constructs, synth (cloud assembly on disk); then the heap the app retains. */
function run(make: () => App): Measure {
  const before = heapAfterGc();
  const start = process.hrtime.bigint();
  const app = make();
  app.synth();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const retainedMB = (heapAfterGc() - before) / 2 ** 20;
  if (app.node.children.length === 0) throw new Error("unreachable: keeps the app alive until here");
  return { ms, retainedMB };
}

if (typeof (global as any).gc !== "function") {
  throw new Error("run with node --expose-gc (npx projen bench:synth)");
}

// BENCH_SIZES=10,100 runs only those sizes (a quick look); bench/synth-results.json is then not written.
const only = process.env.BENCH_SIZES?.split(",").map(Number);
const results = [];
for (const size of SIZES.filter((s) => !only || only.includes(s.ports))) {
  for (const vifs of [false, true]) {
    const label = `${size.ports} ports${vifs ? ", 1 private VIF per slot" : ""}`;
    // 1. identical templates, or no figures
    const libraryTemplates = templatesOf(libraryApp(size, vifs), size);
    const rawTemplates = templatesOf(rawApp(libraryTemplates), size);
    const count = (ts: Template[]) => ts.reduce((sum, t) => sum + Object.keys(t.Resources).length, 0);
    if (!isDeepStrictEqual(libraryTemplates, rawTemplates)) {
      throw new Error(
        `${label}: the raw twin's templates differ from the library's ` +
          `(${count(rawTemplates)} and ${count(libraryTemplates)} resources)`,
      );
    }
    const resources = count(libraryTemplates);

    // 2. interleaved timing: library then raw, raw then library, ... after one untimed warm-up round
    const lib: Measure[] = [];
    const raw: Measure[] = [];
    for (let round = -1; round < size.rounds; round++) {
      const pair =
        round % 2 === 0
          ? [run(() => libraryApp(size, vifs)), run(() => rawApp(libraryTemplates))]
          : [run(() => rawApp(libraryTemplates)), run(() => libraryApp(size, vifs))].reverse();
      if (round < 0) continue;
      lib.push(pair[0]);
      raw.push(pair[1]);
    }
    const r = (x: number) => Math.round(x * 100) / 100;
    const libMs = median(lib.map((m) => m.ms));
    const rawMs = median(raw.map((m) => m.ms));
    const libMB = median(lib.map((m) => m.retainedMB));
    const rawMB = median(raw.map((m) => m.retainedMB));
    const row = {
      ports: size.ports,
      stacks: size.stacks,
      virtualInterfaces: vifs,
      resources,
      rounds: size.rounds,
      libraryMedianMs: r(libMs),
      rawMedianMs: r(rawMs),
      libraryMinMs: r(Math.min(...lib.map((m) => m.ms))),
      rawMinMs: r(Math.min(...raw.map((m) => m.ms))),
      ratio: r(libMs / rawMs),
      libraryRetainedMB: r(libMB),
      rawRetainedMB: r(rawMB),
      heapRatio: r(libMB / rawMB),
    };
    results.push(row);
    console.log(
      `${label.padEnd(34)} ${String(resources).padStart(5)} resources  library ${row.libraryMedianMs} ms, ` +
        `raw ${row.rawMedianMs} ms, ratio ${row.ratio}  |  retained heap library ${row.libraryRetainedMB} MB, ` +
        `raw ${row.rawRetainedMB} MB, ratio ${row.heapRatio}`,
    );
  }
}
fs.rmSync(outRoot, { recursive: true, force: true });

if (only) process.exit(0);
const file = path.join(__dirname, "synth-results.json");
fs.writeFileSync(
  file,
  JSON.stringify(
    {
      description:
        "Synth of the library's stack (App, one ResilientConnections of the Classic model per stack of at most 100 ports (50 device slots of 2 x 10 Gbps ports), optionally one private virtual interface per slot to a virtual private gateway, app.synth() writing the cloud assembly and the library's report) against its raw twin: the same template from plain CfnResource and CfnOutput, checked identical first. Median and min wall-clock ms of the timed rounds (after one warm-up round), both sides interleaved in one process; ratio = library median / raw median. Retained heap: heapUsed after full collections with the synthesized app still referenced, minus before, median; heapRatio = library / raw.",
      machine: {
        cpus: os.cpus().length,
        cpuModel: os
          .cpus()[0]
          ?.model.replace(/\s+\d+-Core Processor$/, "")
          .trim(),
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
      },
      date: new Date().toISOString().slice(0, 10),
      results,
    },
    null,
    2,
  ) + "\n",
);
console.log(`written: ${path.relative(process.cwd(), file)}`);
