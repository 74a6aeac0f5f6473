import { Stack } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import { newApp, templateOf } from "./support/synth";
import { buildExampleStacks } from "../examples/typescript/stacks";

// The example app of the Quick start: its stacks synthesize (and their templates go through cfn-lint
// with the rest).

test("the example app builds one stack per model, with the ports, transit interfaces, association and VPN backup the README promises", () => {
  const app = newApp();
  const constructs = buildExampleStacks(app);
  const counts = constructs.map((c) => {
    const template: Template = templateOf(Stack.of(c));
    return [
      c.node.path,
      c.model.name,
      Object.keys(template.findResources("AWS::DirectConnect::Lag")).length,
      Object.keys(template.findResources("AWS::DirectConnect::Connection")).length,
      Object.keys(template.findResources("AWS::DirectConnect::TransitVirtualInterface")).length,
      Object.keys(template.findResources("AWS::DirectConnect::DirectConnectGatewayAssociation")).length,
      Object.keys(template.findResources("AWS::EC2::VPNConnection")).length,
    ];
  });
  // the example shows no warnings (a user's first synth)
  for (const c of constructs) {
    Annotations.fromStack(Stack.of(c)).hasNoWarning("*", Match.anyValue());
  }
  expect(counts).toEqual([
    ["DxProduction/Dx", "Maximum Resiliency", 4, 4, 4, 1, 2],
    ["DxBranch/Dx", "High Resiliency", 2, 4, 0, 0, 0],
    ["DxLab/Lab", "Development and Test", 2, 2, 0, 0, 0],
  ]);
});
