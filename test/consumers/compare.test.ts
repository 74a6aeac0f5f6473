import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { compareAssemblies, jsonDifferences, normalizeTemplate } from "./compare";
import { buildExampleStacks } from "../../examples/typescript/stacks";
import { newApp } from "../support/synth";

// The comparison the consumer checks rely on (test/consumers/run.sh) must be able to fail.

/** The example app's templates, synthesized into a fresh directory, optionally edited. */
function exampleAssembly(edit?: (stack: string, template: any) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compare-"));
  const app = newApp();
  buildExampleStacks(app);
  for (const stack of app.synth().stacks) {
    const template = JSON.parse(JSON.stringify(stack.template));
    edit?.(stack.stackName, template);
    fs.writeFileSync(path.join(dir, `${stack.stackName}.template.json`), JSON.stringify(template));
  }
  return dir;
}

test("the same app compares equal, stack by stack", () => {
  const result = compareAssemblies(exampleAssembly(), exampleAssembly());
  expect(result).toEqual({ stacks: ["DxBranch", "DxLab", "DxProduction"], differences: [] });
});

test("a changed bandwidth is a difference that names the stack, the property path and both values", () => {
  const changed = exampleAssembly((stack, t) => {
    if (stack === "DxProduction") {
      for (const r of Object.values<any>(t.Resources)) {
        if (r.Type === "AWS::DirectConnect::Connection") r.Properties.Bandwidth = "100Gbps";
        if (r.Type === "AWS::DirectConnect::Lag") r.Properties.ConnectionsBandwidth = "100Gbps";
      }
    }
  });
  const { differences } = compareAssemblies(exampleAssembly(), changed);
  expect(differences).toHaveLength(8); // 4 ports and 4 LAGs
  expect(differences).toContainEqual(
    expect.stringMatching(
      /^DxProduction: Resources\.DxEqDC2Slot1Port1[0-9A-F]{8}\.Properties\.Bandwidth: expected "10Gbps", got "100Gbps"$/,
    ),
  );
});

test("a missing or extra stack is a difference", () => {
  const expected = exampleAssembly();
  const actual = exampleAssembly();
  fs.renameSync(path.join(actual, "DxLab.template.json"), path.join(actual, "DxLabX.template.json"));
  expect(compareAssemblies(expected, actual).differences).toEqual([
    "DxLabX: a stack the expected assembly does not have",
    "DxLab: missing",
  ]);
});

test("an empty expected assembly is a difference, not a pass", () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), "compare-"));
  expect(compareAssemblies(empty, empty).differences).toEqual([`no stack templates in ${empty}`]);
});

test("only CDK metadata is ignored", () => {
  const template = {
    Resources: {
      CDKMetadata: {
        Type: "AWS::CDK::Metadata",
        Properties: { Analytics: "v2:deflate64:python" },
        Condition: "CDKMetadataAvailable",
      },
      Port: { Type: "AWS::DirectConnect::Connection", Metadata: { "aws:cdk:path": "S/Dx/Port", other: 1 } },
    },
    Conditions: { CDKMetadataAvailable: {} },
  };
  expect(normalizeTemplate(template)).toEqual({
    Resources: { Port: { Type: "AWS::DirectConnect::Connection", Metadata: { other: 1 } } },
  });
  expect(jsonDifferences({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }], c: null })).toEqual([
    "a[1].b: expected 2, got 3",
    "c: expected (absent), got null",
  ]);
});
