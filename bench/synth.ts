import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isDeepStrictEqual } from "util";
import { App, CfnElement, CfnOutput, CfnResource, Stack } from "aws-cdk-lib";
import * as directconnect from "aws-cdk-lib/aws-directconnect";
import { Construct } from "constructs";
import { ConnectionBandwidth, ResiliencyModel, ResilientConnections, VirtualInterface } from "../src";
import { median } from "./stats";

// The synth benchmark of issue 14, point 8: the library's stack against the same templates built with
// the L1 classes by hand (the L1 twin: CfnLag, CfnConnection, CfnPrivateVirtualInterface joined by Ref
// tokens, in the library's construct tree, with plain Constructs as its scopes so that the logical ids
// come from the same paths), from App to a written cloud assembly. The library's side includes what it
// does at synth (its report, written into the cloud assembly). The target: the library at most 1.25 times
// the L1 twin. A third side is the floor: the same template from plain CfnResource and CfnOutput with
// literal Refs and fixed logical ids (the raw twin), what no construct made of typed L1 classes can reach.
// First the templates must be identical (the script fails otherwise), then the sides are timed in turn,
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

/** Makes one resource of a twin from its template entry (`resources`: those made before it, by logical id). */
type MakeResource = (
  stack: Stack,
  logicalId: string,
  r: Record<string, any>,
  resources: Map<string, CfnResource>,
) => CfnResource;

/** The raw twin: every resource and output of the library's templates replayed as plain L1 classes. */
function rawApp(templates: Template[]): App {
  const app = newApp();
  templates.forEach((template, n) => rawStack(new Stack(app, stackName(n)), template, rawResource));
  return app;
}

/** A raw twin's resource: a CfnResource with the template's properties and logical id as they are. */
function rawResource(stack: Stack, logicalId: string, r: Record<string, any>): CfnResource {
  const resource = new CfnResource(stack, logicalId, { type: r.Type, properties: r.Properties });
  resource.overrideLogicalId(logicalId);
  return resource;
}

/** The construct path below its stack of every resource of the library's templates, by logical id. */
type Paths = Map<string, string[]>;

function pathsOf(app: App, size: Size): Paths[] {
  return Array.from({ length: size.stacks }, (_, n) => {
    const stack = app.node.findChild(stackName(n)) as Stack;
    const elements = stack.node.findAll().filter(CfnElement.isCfnElement);
    return new Map(
      elements.map((e) => [
        stack.resolve(e.logicalId),
        e.node.scopes.slice(stack.node.scopes.length).map((c) => c.node.id),
      ]),
    );
  });
}

/** The hand-written twin (a reference): typed L1 classes in the library's construct tree. */
function handWrittenApp(templates: Template[], paths: Paths[]): App {
  const app = newApp();
  templates.forEach((template, n) => {
    const stack = new Stack(app, stackName(n));
    rawStack(stack, template, handWrittenResource(stack, paths[n]));
  });
  return app;
}

/**
 * A hand-written twin's resource: `AWS::DirectConnect::Lag` as a CfnLag, and so on (other types stay
 * raw), at its path in the library's tree; its logical id comes from that path, as the library's does.
 */
function handWrittenResource(stack: Stack, paths: Paths): MakeResource {
  const scopes = new Map<string, Construct>([["", stack]]);
  const scopeOf = (ids: string[]): Construct => {
    const key = ids.join("/");
    let scope = scopes.get(key);
    if (scope === undefined) {
      scope = new Construct(scopeOf(ids.slice(0, -1)), ids[ids.length - 1]);
      scopes.set(key, scope);
    }
    return scope;
  };
  return (_stack, logicalId, r, resources) => {
    const [, service, type] = r.Type.split("::");
    const typed = service === "DirectConnect" ? (directconnect as any)[`Cfn${type}`] : undefined;
    const ids = paths.get(logicalId);
    if (typed === undefined || ids === undefined) return rawResource(stack, logicalId, r);
    return new typed(
      scopeOf(ids.slice(0, -1)),
      ids[ids.length - 1],
      typedProps(r.Properties ?? {}, resources),
    );
  };
}

/** Template properties as typed props: keys in lowerCamelCase, `{ Ref: id }` as that resource's `ref`. */
function typedProps(value: unknown, resources: Map<string, CfnResource>): any {
  if (Array.isArray(value)) return value.map((v) => typedProps(v, resources));
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0][0] === "Ref") {
    const target = resources.get(entries[0][1] as string);
    if (target === undefined) {
      throw new Error(`hand-written twin: a Ref to ${entries[0][1]}, not a resource made before`);
    }
    return target.ref;
  }
  return Object.fromEntries(
    entries.map(([k, v]) => [k[0].toLowerCase() + k.slice(1), typedProps(v, resources)]),
  );
}

function rawStack(stack: Stack, template: Template, make: MakeResource): void {
  const resources = new Map<string, CfnResource>();
  for (const [logicalId, r] of Object.entries(template.Resources)) {
    if (r.Type === "AWS::CDK::Metadata") continue;
    const resource = make(stack, logicalId, r, resources);
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
    const library = libraryApp(size, vifs);
    const libraryTemplates = templatesOf(library, size);
    const paths = pathsOf(library, size);
    const twins = {
      raw: () => rawApp(libraryTemplates),
      "hand-written": () => handWrittenApp(libraryTemplates, paths),
    };
    const count = (ts: Template[]) => ts.reduce((sum, t) => sum + Object.keys(t.Resources).length, 0);
    for (const [twin, make] of Object.entries(twins)) {
      const twinTemplates = templatesOf(make(), size);
      if (!isDeepStrictEqual(libraryTemplates, twinTemplates)) {
        throw new Error(
          `${label}: the ${twin} twin's templates differ from the library's ` +
            `(${count(twinTemplates)} and ${count(libraryTemplates)} resources)`,
        );
      }
    }
    const resources = count(libraryTemplates);

    // 2. interleaved timing, each round in another order (library, raw, hand-written; raw, hand-written,
    // library; ...), after one untimed warm-up round
    const sides = [() => libraryApp(size, vifs), twins.raw, twins["hand-written"]];
    const [lib, raw, hand]: Measure[][] = sides.map(() => []);
    for (let round = -1; round < size.rounds; round++) {
      const measures = new Array<Measure>(sides.length);
      for (let i = 0; i < sides.length; i++) {
        const side = (i + round + sides.length) % sides.length;
        measures[side] = run(sides[side]);
      }
      if (round < 0) continue;
      lib.push(measures[0]);
      raw.push(measures[1]);
      hand.push(measures[2]);
    }
    const r = (x: number) => Math.round(x * 100) / 100;
    const libMs = median(lib.map((m) => m.ms));
    const rawMs = median(raw.map((m) => m.ms));
    const libMB = median(lib.map((m) => m.retainedMB));
    const rawMB = median(raw.map((m) => m.retainedMB));
    const handMs = median(hand.map((m) => m.ms));
    const handMB = median(hand.map((m) => m.retainedMB));
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
      handWrittenMedianMs: r(handMs),
      handWrittenRatio: r(handMs / rawMs),
      handWrittenRetainedMB: r(handMB),
      handWrittenHeapRatio: r(handMB / rawMB),
      l1Ratio: r(libMs / handMs),
      l1HeapRatio: r(libMB / handMB),
    };
    results.push(row);
    console.log(
      `${label.padEnd(34)} ${String(resources).padStart(5)} resources  library ${row.libraryMedianMs} ms, ` +
        `L1 twin ${row.handWrittenMedianMs} ms, ratio ${row.l1Ratio} (target <= 1.25), heap ratio ${row.l1HeapRatio}  |  ` +
        `floor (CfnResource twin) ${row.rawMedianMs} ms: library ${row.ratio}, L1 twin ${row.handWrittenRatio}`,
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
        "Synth of the library's stack (App, one ResilientConnections of the Classic model per stack of at most 100 ports (50 device slots of 2 x 10 Gbps ports), optionally one private virtual interface per slot to a virtual private gateway, app.synth() writing the cloud assembly and the library's report) against its raw twin: the same template from plain CfnResource and CfnOutput, checked identical first. Median and min wall-clock ms of the timed rounds (after one warm-up round), the three sides interleaved in one process, each round in another order; ratio = library median / raw median. Retained heap: heapUsed after full collections with the synthesized app still referenced, minus before, median; heapRatio = library / raw. The hand-written twin (the L1 twin, the yardstick of issue 14 point 8, 'the same templates built with raw L1 classes'): the same template from the typed L1 classes (CfnLag, CfnConnection, CfnPrivateVirtualInterface, joined by Ref tokens) in the library's construct tree (plain Constructs as scopes, logical ids from the same paths), as a stack written by hand would make it; l1Ratio and l1HeapRatio = library / L1 twin (target at most 1.25); handWrittenRatio and handWrittenHeapRatio = L1 twin / raw (the floor: what aws-cdk-lib's typed classes, tokens and path-derived ids cost by themselves).",
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
