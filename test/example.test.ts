import { Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { newApp, templateOf } from "./support/synth";
import { buildExampleStacks } from "../examples/typescript/stacks";

// The example app of the Quick start: its stacks synthesize (and their templates go through cfn-lint
// with the rest).

test("the example app builds one stack per model, with the ports, transit interfaces and association the README promises", () => {
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
    ];
  });
  expect(counts).toEqual([
    ["DxProduction/Dx", "Maximum Resiliency", 4, 4, 4, 1],
    ["DxBranch/Dx", "High Resiliency", 2, 4, 0, 0],
    ["DxLab/Lab", "Development and Test", 2, 2, 0, 0],
  ]);
});
