import * as cdk from "aws-cdk-lib";
import { CfnResource } from "aws-cdk-lib";
import { IConstruct } from "constructs";
import { buildExampleStacks } from "../../examples/typescript/stacks";
import { newApp } from "../support/synth";

// aws-cdk-lib 2.262.0 and later validate every template at synth and do not know
// AWS::DirectConnect::ResiliencyGroup (rule F3006); src/emit/resiliency-group.ts acknowledges that one
// finding on each group through `Validations.of(group).acknowledge(...)`. The devDependency (the peer
// dependency floor, 2.241.0) has no `Validations`, so these tests put a recording stand-in with the
// same API where the library looks for it. The real aws-cdk-lib is checked by the consumer checks
// (test/consumers/run.sh), which synthesize with the newest release and the recommended flags.

const RG = "AWS::DirectConnect::ResiliencyGroup";

interface Acknowledged {
  readonly scope: IConstruct;
  readonly id: string;
  readonly reason: string;
}

/** Runs `body` with a stand-in for aws-cdk-lib's `Validations` (2.262.0+) that records acknowledgements. */
function withRecordingValidations(body: () => void): Acknowledged[] {
  const recorded: Acknowledged[] = [];
  const Validations = {
    of: (scope: IConstruct) => ({
      acknowledge: (...rules: Array<{ id: string; reason: string }>) =>
        rules.forEach((r) => recorded.push({ scope, id: r.id, reason: r.reason })),
    }),
  };
  Object.defineProperty(cdk, "Validations", { value: Validations, configurable: true });
  try {
    body();
  } finally {
    delete (cdk as any).Validations;
  }
  return recorded;
}

function resiliencyGroupsIn(app: cdk.App): CfnResource[] {
  return app.node
    .findAll()
    .filter((c): c is CfnResource => CfnResource.isCfnResource(c) && c.cfnResourceType === RG);
}

describe("the synth-time template validation of aws-cdk-lib 2.262.0 and later", () => {
  test("GIVEN aws-cdk-lib with Validations WHEN the example app is built THEN F3006 is acknowledged on each resiliency group and on nothing else", () => {
    const app = newApp();
    const recorded = withRecordingValidations(() => buildExampleStacks(app));

    const groups = resiliencyGroupsIn(app);
    expect(groups.map((g) => g.node.path)).toEqual([
      "DxProduction/Dx/ResiliencyGroup",
      "DxBranch/Dx/ResiliencyGroup",
      "DxLab/Lab/ResiliencyGroup",
    ]);
    // paths, not constructs: a failing toEqual on constructs prints the whole construct tree
    expect(recorded.map((a) => a.scope.node.path)).toEqual(groups.map((g) => g.node.path));
    expect(recorded.every((a, i) => a.scope === groups[i])).toBe(true);
    for (const a of recorded) {
      expect(a.id).toBe("CloudFormation-Validate::F3006");
      expect(a.reason).toMatch(/^AWS::DirectConnect::ResiliencyGroup is a valid CloudFormation type/);
      expect(a.reason).toContain(
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-directconnect-resiliencygroup.html",
      );
    }
  });

  test("GIVEN aws-cdk-lib without Validations (the 2.241.0 floor) WHEN the example app is built THEN it synthesizes", () => {
    // the premise of the stand-in above: if the devDependency gains Validations, test with the real one
    expect("Validations" in cdk).toBe(false);
    const app = newApp();
    buildExampleStacks(app);
    expect(
      app
        .synth()
        .stacks.map((s) => s.stackName)
        .sort(),
    ).toEqual(["DxBranch", "DxLab", "DxProduction"]);
  });
});
