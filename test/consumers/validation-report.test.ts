import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ACKNOWLEDGED_ID, REPORT_FILE, validationProblems } from "./validation-report";
import { buildExampleStacks } from "../../examples/typescript/stacks";
import { newApp } from "../support/synth";

// The check of aws-cdk-lib's validation report the consumer checks rely on (test/consumers/run.sh, newest
// aws-cdk-lib) must be able to fail. The reports here have the shape aws-cdk-lib 2.276.0 writes.

const MESSAGE = "Unknown resource type 'AWS::DirectConnect::ResiliencyGroup'";

interface Resource {
  readonly templatePath: string;
  readonly logicalId: string;
}

/** The example app's templates in a fresh directory, and the resources of `type` in them. */
function exampleAssembly(): { dir: string; resources: (type: string) => Resource[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "validation-report-"));
  const app = newApp();
  buildExampleStacks(app);
  for (const stack of app.synth().stacks) {
    fs.writeFileSync(path.join(dir, `${stack.stackName}.template.json`), JSON.stringify(stack.template));
  }
  const resources = (type: string) =>
    app.synth().stacks.flatMap((s) =>
      Object.entries<any>(s.template.Resources)
        .filter(([, r]) => r.Type === type)
        .map(([logicalId]) => ({ templatePath: `${s.stackName}.template.json`, logicalId })),
    );
  return { dir, resources };
}

function finding(ruleName: string, description: string, resources: Resource[], acknowledgedId?: string) {
  return {
    ruleName,
    description,
    severity: "error",
    ...(acknowledgedId ? { acknowledgedId, reason: "because" } : {}),
    violatingConstructs: resources.map((r) => ({
      constructPath: `path/of/${r.logicalId}`,
      cloudFormationResource: r,
    })),
  };
}

function writeReport(dir: string, violations: object[], suppressedViolations: object[]): string {
  const pluginReports = [{ pluginName: "CloudFormation Validate", violations, suppressedViolations }];
  fs.writeFileSync(path.join(dir, REPORT_FILE), JSON.stringify({ pluginReports }));
  return dir;
}

const GROUP = "AWS::DirectConnect::ResiliencyGroup";

test("clean: nothing reported and F3006 acknowledged on exactly the resiliency groups", () => {
  const { dir, resources } = exampleAssembly();
  writeReport(dir, [], [finding("F3006", MESSAGE, resources(GROUP), ACKNOWLEDGED_ID)]);
  expect(resources(GROUP)).toHaveLength(3);
  expect(validationProblems(dir)).toEqual([]);
});

test("fails when a finding is reported, naming the plugin, severity, rule, message and construct", () => {
  const { dir, resources } = exampleAssembly();
  const [port] = resources("AWS::DirectConnect::Connection");
  writeReport(
    dir,
    [finding("E3002", "Bandwidth: not allowed", [port])],
    [finding("F3006", MESSAGE, resources(GROUP), ACKNOWLEDGED_ID)],
  );
  expect(validationProblems(dir)).toEqual([
    `CloudFormation Validate: error E3002 "Bandwidth: not allowed" at path/of/${port.logicalId}`,
  ]);
});

test("fails when F3006 is reported on the resiliency groups (not acknowledged), without saying it can go", () => {
  const { dir, resources } = exampleAssembly();
  writeReport(dir, [finding("F3006", MESSAGE, resources(GROUP))], []);
  expect(validationProblems(dir)).toEqual([
    expect.stringMatching(/^CloudFormation Validate: error F3006 "Unknown resource type .* at path\/of\//),
  ]);
});

test("fails when a finding on another resource, or another rule on a group, is acknowledged", () => {
  const { dir, resources } = exampleAssembly();
  const [port] = resources("AWS::DirectConnect::Connection");
  const [group, ...otherGroups] = resources(GROUP);
  writeReport(
    dir,
    [],
    [
      finding("F3006", MESSAGE, [...otherGroups, port], ACKNOWLEDGED_ID),
      finding("W1234", "something else", [group], "CloudFormation-Validate::W1234"),
      finding("F3006", MESSAGE, [group], ACKNOWLEDGED_ID),
    ],
  );
  expect(validationProblems(dir)).toEqual([
    `CloudFormation Validate: F3006 "${MESSAGE}" acknowledged at path/of/${port.logicalId}`,
    `CloudFormation Validate: W1234 "something else" acknowledged at path/of/${group.logicalId}`,
  ]);
});

test("fails when a resiliency group's F3006 is no longer reported, saying the acknowledgement can go", () => {
  const { dir, resources } = exampleAssembly();
  const [group, ...otherGroups] = resources(GROUP);
  writeReport(dir, [], [finding("F3006", MESSAGE, otherGroups, ACKNOWLEDGED_ID)]);
  expect(validationProblems(dir)).toEqual([
    `${group.templatePath} ${group.logicalId}: ${ACKNOWLEDGED_ID} is no longer reported for this ${GROUP}: ` +
      "if the validation knows the type now, the acknowledgement in src/emit/resiliency-group.ts can go (see its comment)",
  ]);
});

test("fails when there is no report (the validation did not run)", () => {
  const { dir } = exampleAssembly();
  expect(validationProblems(dir)).toEqual([
    `no ${REPORT_FILE} in ${dir}: the template validation did not run`,
  ]);
});
