import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import * as cdk from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import * as constructs from "constructs";
import * as ts from "typescript";
import { EDGE_GATEWAYS as GW, edgeCases } from "./edge-cases";
import * as lib from "../../src";
import { DirectConnectEstate } from "../../src/analyse/estate/estate";
import { EstateGateway } from "../../src/analyse/estate/types";
import { emitCode } from "../../src/cli/emit-code";
import { FIXTURES, fixture } from "../estate/load";
import { importGraph, packageImports } from "../support/import-graph";
import { newApp } from "../support/synth";

// `dx-resiliency estate --emit-code`: the code it writes for every fixture estate runs. The TypeScript is
// type-checked against src/ (strict, unused imports included), transpiled, run with the package mapped to
// src/, and synthesized: it orders nothing and creates no virtual interface, and each construct's layout
// has the gateway's locations and one device slot per LAG or standalone connection. The Python parses.

const ROOT = path.join(__dirname, "..", "..");
const NAMES = fs
  .readdirSync(FIXTURES)
  .filter((d) => fs.statSync(path.join(FIXTURES, d)).isDirectory())
  .sort();

const estateOf = (name: string) =>
  name === "edge-cases"
    ? edgeCases()
    : DirectConnectEstate.fromDescribeOutputs(fixture(name), { title: name });
/** The fixtures, and the edge cases. */
const ESTATES = [...NAMES, "edge-cases"];

/** The modules the generated TypeScript may import, as it runs here: the package is src/. */
const MODULES: Record<string, unknown> = {
  "aws-cdk-lib": cdk,
  constructs,
  "cdk-direct-connect-resiliency": lib,
};

type StackClass = new (scope: constructs.Construct, id: string) => cdk.Stack;

/** Transpiles the generated TypeScript to CommonJS and runs it: its exported stack class. */
function stackClassOf(code: string): StackClass {
  const js = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const module = { exports: {} as Record<string, unknown> };
  const shim = (name: string) => {
    if (!(name in MODULES)) throw new Error(`the generated code imports ${name}`);
    return MODULES[name];
  };
  const run = vm.runInThisContext(`(function (exports, require, module) {\n${js}\n})`, {
    filename: "estate.js",
  });
  run(module.exports, shim, module);
  return module.exports.DirectConnectEstateStack as StackClass;
}

/** Type-checks the generated files in one program, against src/ for the package: the messages by file. */
function typeCheck(files: Map<string, string>): string[] {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const compilerOptions: ts.CompilerOptions = {
    ...options,
    noEmit: true,
    rootDir: ROOT,
    types: ["node"],
    paths: { "cdk-direct-connect-resiliency": [path.join(ROOT, "src", "index.ts")] },
  };
  const host = ts.createCompilerHost(compilerOptions);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) =>
    files.has(name)
      ? ts.createSourceFile(name, files.get(name)!, language)
      : getSourceFile(name, language, ...rest);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  const program = ts.createProgram([...files.keys()], compilerOptions, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${path.relative(ROOT, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
      : "";
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

/** The code with each wrapped comment joined into one line, to match its text. */
const prose = (code: string) => code.replace(/\n[ \t]*(\/\/|#) {1,3}(?!- )/g, " ");

/** The LAGs and standalone connections in the gateway's device slots, by location: the slots to expect. */
function circuitsByLocation(estate: DirectConnectEstate, gateway: EstateGateway): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const l of gateway.topology.locations) {
    const ids = new Set(l.deviceSlots.map((s) => s.id));
    out[l.location] = [
      ...new Set(
        estate.circuits
          .filter((c) => c.slotId !== undefined && ids.has(c.slotId))
          .map((c) => (c.kind === "lag" ? c.id : (c.lagId ?? c.id))),
      ),
    ].sort();
  }
  return out;
}

test("the fixtures are there", () => {
  expect(NAMES).toEqual(
    expect.arrayContaining(["maximum", "every-state", "two-lags-one-device", "one-device"]),
  );
});

describe("TypeScript", () => {
  const files = new Map(
    ESTATES.map((name) => [
      path.join(ROOT, "test", "__emitted__", `${name}.ts`),
      emitCode(estateOf(name), "typescript"),
    ]),
  );

  test("the code of every fixture type-checks against src/ (strict, no unused import)", () => {
    expect(typeCheck(files)).toEqual([]);
  }, 120_000);

  test("a type error in the generated code is found (the check can fail)", () => {
    const broken = files
      .get(path.join(ROOT, "test", "__emitted__", "maximum.ts"))!
      .replace("slotNumber: 1", "slotNumber: '1'");
    const messages = typeCheck(new Map([[path.join(ROOT, "test", "__emitted__", "broken.ts"), broken]]));
    expect(messages.join("\n")).toMatch(/broken\.ts:\d+ Type 'string' is not assignable to type 'number'/);
  }, 120_000);

  test.each(ESTATES)(
    "%s: runs, orders nothing, and adopts every LAG and connection of each gateway",
    (name) => {
      const estate = estateOf(name);
      const Estate = stackClassOf(emitCode(estate, "typescript"));
      const stack = new Estate(newApp(), "Estate");
      const template = Template.fromStack(stack);
      for (const type of [
        "AWS::DirectConnect::Connection",
        "AWS::DirectConnect::Lag",
        "AWS::DirectConnect::PrivateVirtualInterface",
        "AWS::DirectConnect::TransitVirtualInterface",
        "AWS::DirectConnect::PublicVirtualInterface",
        "AWS::EC2::VPNConnection",
        "AWS::EC2::CustomerGateway",
        "AWS::DirectConnect::Gateway",
      ]) {
        template.resourceCountIs(type, 0);
      }
      const types = new Set(Object.values(template.toJSON().Resources ?? {}).map((r: any) => r.Type));
      expect([...types].filter((t) => t !== "AWS::DirectConnect::ResiliencyGroup")).toEqual([]);
      if (estate.resiliencyGroups.length > 0) {
        template.resourceCountIs("AWS::DirectConnect::ResiliencyGroup", 0);
      }

      const built = stack.node.children.filter(
        (c): c is lib.ResilientConnections => c instanceof lib.ResilientConnections,
      );
      expect(built).toHaveLength(estate.gateways.length);
      estate.gateways.forEach((gateway, i) => {
        const topology = built[i].topology;
        expect(topology.locations.map((l) => l.location)).toEqual(
          gateway.topology.locations.map((l) => l.location),
        );
        const adopted = Object.fromEntries(
          topology.locations.map((l) => [
            l.location,
            l.deviceSlots.map((s) => s.existingConnectionId!).sort(),
          ]),
        );
        expect(adopted).toEqual(circuitsByLocation(estate, gateway));
        // every slot is an existing circuit, with no port to order
        expect(topology.locations.flatMap((l) => l.deviceSlots).every((s) => s.ports.length === 0)).toBe(
          true,
        );
        expect(built[i].model).toBe(gateway.modelMet ?? lib.ResiliencyModel.CLASSIC);
      });
    },
  );

  test("where each device holds one circuit, each construct has the gateway's slots, location by location", () => {
    const counted = NAMES.filter((name) => !["one-device", "two-lags-one-device"].includes(name));
    expect(counted.length).toBeGreaterThanOrEqual(4);
    for (const name of counted) {
      const estate = estateOf(name);
      const stack = new (stackClassOf(emitCode(estate, "typescript")))(newApp(), "Estate");
      const built = stack.node.children.filter(
        (c): c is lib.ResilientConnections => c instanceof lib.ResilientConnections,
      );
      const shape = (locations: ReadonlyArray<{ location: string; deviceSlots: unknown[] }>) =>
        locations.map((l) => `${l.location}: ${l.deviceSlots.length}`);
      expect(built.map((c) => shape(c.topology.locations))).toEqual(
        estate.gateways.map((g) => shape(g.topology.locations)),
      );
    }
  });

  test("circuits on one AWS device are one slot each, with a comment that they fail together", () => {
    const code = prose(emitCode(estateOf("two-lags-one-device"), "typescript"));
    expect(code).toContain("dxlag-a1kww0tg and dxlag-b3z7adia share this AWS device: they fail together");
    expect(code).toContain(
      "{ location: 'EqDC2', slotNumber: 1, connectionId: 'dxlag-a1kww0tg', bandwidth: ConnectionBandwidth.gbps(20) },",
    );
    expect(code).toContain(
      "{ location: 'EqDC2', slotNumber: 2, connectionId: 'dxlag-b3z7adia', bandwidth: ConnectionBandwidth.gbps(20) },",
    );
    // hosted connections below 1 Gbps: no bandwidth, and why
    expect(code).toContain("{ location: 'EqLD5', slotNumber: 1, connectionId: 'dxcon-874nx845' },");
    expect(code).toMatch(/no `bandwidth`: ConnectionBandwidth has no 500Mbps port/);
    // only LAGs and no resiliency group in the estate: the construct's group would be empty
    expect(code).toMatch(
      /cannot put an existing LAG in a resiliency group[^\n]*\n\s+resiliencyGroup: false,/,
    );
  });

  test("circuits with no virtual interface and circuits gone are listed, not adopted", () => {
    const code = prose(emitCode(estateOf("every-state"), "typescript"));
    for (const id of ["dxcon-t6h9448m", "dxcon-n86b5fsb", "dxcon-qtavmf7t", "dxcon-ka5amowp"]) {
      expect(code).toMatch(new RegExp(`// - ${id} at EqDC2: `));
      expect(code).not.toContain(`connectionId: '${id}'`);
    }
    expect(code).toMatch(
      /Left out, deleted, deleting or rejected: dxcon-4f4em44e \(rejected\), dxcon-6u00x436 \(deleted\),/,
    );
    // the gateway meets no model today (a connection is down): Classic, and as built in the comment
    expect(code).toContain("model: ResiliencyModel.CLASSIC,");
    expect(code).toMatch(/Classic \(Development and Test with everything available\)/);
  });

  test("a virtual private gateway is not imported", () => {
    const code = emitCode(estateOf("one-device"), "typescript");
    expect(code).not.toContain("fromGatewayId");
    expect(code).not.toContain("DirectConnectGateway");
    expect(code).toContain("new ResilientConnections(this, 'Vgw0a1b2c3d4e5f60718', {");
  });
});

describe("the edge cases", () => {
  const code = emitCode(estateOf("edge-cases"), "typescript");
  const text = prose(code);

  test("the public interfaces get a construct with no gateway to import", () => {
    expect(code).toContain("new ResilientConnections(this, 'AwsPublicEndpoints', {");
    expect(text).toContain("AWS public endpoints (public virtual interfaces): no gateway to import.");
    expect(code).not.toContain("'AwsPublicEndpointsGateway'");
  });

  test("names are sanitised and unique; a line break in a name does not break its comment", () => {
    expect(code).toContain(`DirectConnectGateway.fromGatewayId(this, 'EdgeGwGateway', '${GW[0]}');`);
    expect(code).toContain(`DirectConnectGateway.fromGatewayId(this, 'EdgeGw2Gateway', '${GW[1]}');`);
    expect(code).toContain("this.dx9LivesXConnections = new ResilientConnections(this, 'Dx9LivesX', {");
    expect(code).toContain(`// Direct Connect gateway 9 lives */ x (${GW[2]}), imported`);
    const python = emitCode(estateOf("edge-cases"), "python");
    expect(python).toContain("self.dx_9_lives_x_connections = ResilientConnections(");
    expect(python).toContain("self.edge_gw_2_gateway = DirectConnectGateway.from_gateway_id(");
  });

  test("a circuit with interfaces to two gateways is a slot of both, said so", () => {
    expect(code.match(/connectionId: 'dxcon-aaaa1111'/g)).toHaveLength(2);
    expect(text).toContain(
      "dxcon-aaaa1111 carries interfaces to another gateway too, and is an existing slot of AwsPublicEndpoints as well.",
    );
  });

  test("capacities ConnectionBandwidth cannot express have no bandwidth, and say why", () => {
    expect(code).toContain("{ location: 'EqLD5', slotNumber: 1, connectionId: 'dxlag-cccc3333' },");
    expect(text).toContain("3 x 100Gbps is no capacity ConnectionBandwidth can express");
    expect(code).toContain("{ location: 'EqDC2', slotNumber: 1, connectionId: 'dxcon-dddd4444' },");
    expect(text).toContain("ConnectionBandwidth has no 2Gbps port (only 1, 10, 100 and 400 Gbps)");
  });
});

describe("the maximum fixture", () => {
  const code = emitCode(estateOf("maximum"), "typescript");

  test("imports its gateway and adopts its four LAGs of 2 x 10 Gbps, two per location", () => {
    expect(code).toContain(
      "this.coreDxgwGateway = DirectConnectGateway.fromGatewayId(this, 'CoreDxgwGateway', '9a0b2361-aed0-4b82-8ca8-7fc2bfb637dd');",
    );
    expect(code).toContain("this.coreDxgwConnections = new ResilientConnections(this, 'CoreDxgw', {");
    const slots = [
      ...code.matchAll(
        /\{ location: '(\w+)', slotNumber: (\d), connectionId: '([\w-]+)', bandwidth: ([^}]+) \}/g,
      ),
    ].map((m) => `${m[1]} ${m[2]} ${m[3]} ${m[4]}`);
    expect(slots).toEqual([
      "EqDC2 1 dxlag-1dybv7zx ConnectionBandwidth.gbps(20)",
      "EqDC2 2 dxlag-ewu1rfc0 ConnectionBandwidth.gbps(20)",
      "EqSE2 1 dxlag-nizwkra4 ConnectionBandwidth.gbps(20)",
      "EqSE2 2 dxlag-78ujk329 ConnectionBandwidth.gbps(20)",
    ]);
    expect(code).toContain("      model: ResiliencyModel.MAXIMUM,\n");
    expect(code).toContain("      locations: [],\n");
    expect(code).toContain("      bandwidth: ConnectionBandwidth.gbps(20),\n");
  });

  test("leaves out a second resiliency group, and lists its interfaces and VPN as not adopted", () => {
    const text = prose(code);
    expect(text).toMatch(
      /resiliency groups \(core-max\): the construct would create another one\n\s+resiliencyGroup: false,/,
    );
    expect(text).toMatch(/a VirtualInterface spec in `virtualInterfaces` would CREATE a new one/);
    expect(text).toMatch(
      /\/\/ - dxvif-ppxx71c9 core-EqDC2-d1-transit: transit, VLAN 101, ASN 65000, to core-dxgw, on EqDC2\/Slot1/,
    );
    for (const vif of ["dxvif-xm13bpag", "dxvif-9taheaka", "dxvif-c4bhoqma"]) {
      expect(text).toContain(`// - ${vif} `);
    }
    expect(text).toMatch(
      /vpn-d1a0dc00f0e71a714, vpn-a16e81c1aad236d31 to tgw-0aaaa84bba07931db, 4 tunnel\(s\)/,
    );
  });
});

describe("Python", () => {
  test.each(ESTATES)("%s: parses, and adopts the same slots as the TypeScript", (name) => {
    const estate = estateOf(name);
    const python = emitCode(estate, "python");
    execFileSync("python3", ["-c", "import ast,sys; ast.parse(sys.stdin.read())"], { input: python });
    const typescript = emitCode(estate, "typescript");
    const fromTs = [
      ...typescript.matchAll(
        /location: '(\w+)', slotNumber: (\d+), connectionId: '([\w-]+)'(?:, bandwidth: ([^}]+?))? \}/g,
      ),
    ].map((m) => `${m[1]} ${m[2]} ${m[3]} ${m[4] ?? "-"}`);
    const fromPy = [
      ...python.matchAll(
        /location="(\w+)",\n\s+slot_number=(\d+),\n\s+connection_id="([\w-]+)",\n(?:\s+bandwidth=(.+),\n)?/g,
      ),
    ].map((m) => `${m[1]} ${m[2]} ${m[3]} ${m[4] ?? "-"}`);
    expect(fromPy).toEqual(fromTs);
    expect(fromTs.length).toBeGreaterThan(0);
    // the code names props the way jsii's Python does; comments too
    const code = python.split("\n").filter((l) => !l.trim().startsWith("#"));
    expect(
      code.filter((l) => /\b(existingSlots|slotNumber|connectionId|resiliencyGroup|fromGatewayId)\b/.test(l)),
    ).toEqual([]);
    expect(python).not.toMatch(/`(existingSlots|virtualInterfaces|vpnBackup|virtualGatewayId)`/);
  });

  test("the Python code of the maximum fixture", () => {
    const python = emitCode(estateOf("maximum"), "python");
    expect(python).toContain(
      "from cdk_direct_connect_resiliency import (\n    ConnectionBandwidth,\n    DirectConnectGateway,\n    ExistingDeviceSlot,\n",
    );
    expect(python).toContain("class DirectConnectEstateStack(Stack):\n");
    expect(python).toContain(
      'self.core_dxgw_gateway = DirectConnectGateway.from_gateway_id(\n            self, "CoreDxgwGateway", "9a0b2361-aed0-4b82-8ca8-7fc2bfb637dd"\n        )',
    );
    expect(python).toContain("            model=ResiliencyModel.MAXIMUM,\n            # nothing new");
    expect(python).toMatch(/would create another one\n\s+resiliency_group=False,\n/);
  });
});

test("what emit-code reaches imports no aws-cdk-lib or constructs, and nothing of src/emit or src/index", () => {
  const src = path.join(ROOT, "src");
  const graph = importGraph(src);
  const reached = new Set<string>();
  const visit = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    for (const next of graph.imports.get(file) ?? []) visit(next);
  };
  visit("cli/emit-code");
  expect(reached.size).toBeGreaterThan(10);
  expect([...reached].filter((f) => f.startsWith("emit/") || f === "index")).toEqual([]);
  const cdkImports = [...reached].flatMap((f) =>
    packageImports(src, f)
      .filter((p) => p === "constructs" || p.startsWith("aws-cdk-lib"))
      .map((p) => `${f} -> ${p}`),
  );
  expect(cdkImports).toEqual([]);
});

test("an unknown language is refused", () => {
  expect(() => emitCode(estateOf("maximum"), "java" as any)).toThrow(
    /"java" is not a language: typescript or python/,
  );
});
