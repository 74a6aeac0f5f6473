import { Aspects, Stack } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { newApp, templateOf } from "./support/synth";
import { buildExampleStacks } from "../examples/typescript/stacks";

// The example app of the Quick start: its stacks synthesize (and their templates go through cfn-lint
// with the rest: every app made by newApp is linted after its test, zero errors allowed).

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
      Object.keys(template.findResources("AWS::CloudWatch::Alarm")).length,
      Object.keys(template.findResources("AWS::FIS::ExperimentTemplate")).length,
      Object.keys(template.findResources("AWS::StepFunctions::StateMachine")).length,
    ];
  });
  // the example shows no warnings (a user's first synth)
  for (const c of constructs) {
    Annotations.fromStack(Stack.of(c)).hasNoWarning("*", Match.anyValue());
  }
  // production: 3 alarms per port, 1 per VPN connection, 2 of headroom (4 x 3 + 2 + 2), and the drill's
  // one FIS experiment template; no Step Functions state machine anywhere
  expect(counts).toEqual([
    ["DxProduction/Dx", "Maximum Resiliency", 4, 4, 4, 1, 2, 16, 1, 0],
    ["DxBranch/Dx", "High Resiliency", 2, 4, 0, 0, 0, 0, 0, 0],
    ["DxLab/Lab", "Development and Test", 2, 2, 0, 0, 0, 0, 0, 0],
  ]);
});

test("the example app as it is (monitoring and a failover drill on production) passes the AwsSolutions checks of cdk-nag", () => {
  const app = newApp();
  const [production] = buildExampleStacks(app);
  Aspects.of(app).add(new AwsSolutionsChecks());
  const stacks = app.node.children.filter(Stack.isStack);
  for (const stack of stacks) {
    Annotations.fromStack(stack).hasNoError("*", Match.stringLikeRegexp("AwsSolutions-"));
    Annotations.fromStack(stack).hasNoWarning("*", Match.stringLikeRegexp("AwsSolutions-"));
  }
  // what cdk-nag checked: the monitoring (topic, alarms, dashboard) and the drill (experiment template, role)
  const template = templateOf(Stack.of(production));
  template.resourceCountIs("AWS::SNS::Topic", 1);
  template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
  template.resourceCountIs("AWS::FIS::ExperimentTemplate", 1);
  // the drill's guard: every alarm it waits for is a headroom alarm of the monitoring
  template.hasResourceProperties("AWS::IAM::Policy", {
    PolicyDocument: {
      Statement: Match.arrayWith([
        Match.objectLike({
          Action: "cloudwatch:DescribeAlarms",
          Resource: production.monitoring!.headroomAlarms.map((a) =>
            Stack.of(production).resolve(a.alarmArn),
          ),
        }),
      ]),
    },
  });
});
