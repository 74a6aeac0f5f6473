import { Aspects, Stack } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import { Alarm, IAlarmAction } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { Topic } from "aws-cdk-lib/aws-sns";
import { AwsSolutionsChecks } from "cdk-nag";
import { buildExampleStacks } from "../../examples/typescript/stacks";
import {
  ConnectionBandwidth,
  DirectConnectMonitoring,
  HighResiliency,
  MaximumResiliencyConnections,
} from "../../src";
import { newApp, newStack, templateOf } from "../support/synth";

// Issue 11, points 1-2: alarms per port, per device slot and per VPN connection, the headroom alarm (metric
// math against what the worst covered failure leaves), the SNS topic or the user's actions, the dashboard.

const TWO = ["EqDC2", "EqSE2"];
const alarmsOf = (stack: Stack) => templateOf(stack).findResources("AWS::CloudWatch::Alarm");
const alarmIds = (stack: Stack) => Object.keys(alarmsOf(stack)).map((id) => id.replace(/[0-9A-F]{8}$/, ""));

describe("alarms", () => {
  test("per port: down (ConnectionState < 1 for 5 one-minute periods, as the AWS user guide's example), light level, errors", () => {
    const stack = newStack();
    new HighResiliency(stack, "Dx", {
      locations: TWO,
      bandwidth: ConnectionBandwidth.GBPS_10,
      monitoring: {},
    });
    expect(alarmIds(stack).sort()).toEqual(
      [
        "DxMonitoringEqDC2Slot1Port1Down",
        "DxMonitoringEqDC2Slot1Port1Errors",
        "DxMonitoringEqDC2Slot1Port1LightLevel",
        "DxMonitoringEqSE2Slot1Port1Down",
        "DxMonitoringEqSE2Slot1Port1Errors",
        "DxMonitoringEqSE2Slot1Port1LightLevel",
        "DxMonitoringHeadroomEgress",
        "DxMonitoringHeadroomIngress",
      ].sort(),
    );
    templateOf(stack).hasResourceProperties("AWS::CloudWatch::Alarm", {
      MetricName: "ConnectionState",
      Namespace: "AWS/DX",
      Statistic: "Minimum",
      Period: 60,
      Threshold: 1,
      ComparisonOperator: "LessThanThreshold",
      EvaluationPeriods: 5,
      Dimensions: [
        {
          Name: "ConnectionId",
          Value: { "Fn::GetAtt": [Match.stringLikeRegexp("^DxEqDC2Slot1Port1"), "ConnectionId"] },
        },
      ],
    });
    // 10GBASE-LR: -14.4 dBm minimum average receive power
    templateOf(stack).hasResourceProperties("AWS::CloudWatch::Alarm", {
      MetricName: "ConnectionLightLevelRx",
      Threshold: -14.4,
      ComparisonOperator: "LessThanThreshold",
    });
  });

  test("per device slot of several ports: fewer ports up than its minimum links (metric math over its ports)", () => {
    const stack = newStack();
    new HighResiliency(stack, "Dx", {
      locations: TWO,
      bandwidth: ConnectionBandwidth.gbps(40),
      minimumLinks: 3,
      monitoring: {},
    });
    const slot = Object.entries(alarmsOf(stack)).find(([id]) =>
      id.startsWith("DxMonitoringEqDC2Slot1Down"),
    )![1];
    expect(slot.Properties.Threshold).toBe(3);
    expect(slot.Properties.ComparisonOperator).toBe("LessThanThreshold");
    expect(slot.Properties.Metrics[0].Expression).toBe(
      "FILL(m1, 0) + FILL(m2, 0) + FILL(m3, 0) + FILL(m4, 0)",
    );
    expect(slot.Properties.Metrics.slice(1).map((m: any) => m.MetricStat.Metric.MetricName)).toEqual(
      Array(4).fill("ConnectionState"),
    );
  });

  test("headroom: the traffic of all ports in Gbps, above what losing a location leaves (20 Gbps of 40)", () => {
    const stack = newStack();
    new MaximumResiliencyConnections(stack, "Dx", {
      locations: TWO,
      bandwidth: ConnectionBandwidth.GBPS_10,
      monitoring: {},
    });
    const egress = Object.entries(alarmsOf(stack)).find(([id]) =>
      id.startsWith("DxMonitoringHeadroomEgress"),
    )![1];
    expect(egress.Properties.Threshold).toBe(20);
    expect(egress.Properties.ComparisonOperator).toBe("GreaterThanThreshold");
    expect(egress.Properties.Metrics[0].Expression).toBe(
      "(FILL(e1, 0) + FILL(e2, 0) + FILL(e3, 0) + FILL(e4, 0)) / 1000000000",
    );
    expect(egress.Properties.Metrics.slice(1).map((m: any) => m.MetricStat.Metric.MetricName)).toEqual(
      Array(4).fill("ConnectionBpsEgress"),
    );
  });

  test("per VPN connection: a tunnel down (AWS/VPN TunnelState minimum < 1)", () => {
    const app = newApp();
    const production = buildExampleStacks(app)[0]; // monitoring on
    const stack = Stack.of(production);
    templateOf(stack).hasResourceProperties("AWS::CloudWatch::Alarm", {
      Namespace: "AWS/VPN",
      MetricName: "TunnelState",
      Statistic: "Minimum",
      Threshold: 1,
      Dimensions: [{ Name: "VpnId", Value: { Ref: Match.stringLikeRegexp("^DxVpnBackupedge1Connection") } }],
    });
  });

  test("alarms notify a new encrypted, HTTPS-only SNS topic, or the actions you give", () => {
    const stack = newStack();
    const dx = new HighResiliency(stack, "Dx", {
      locations: TWO,
      bandwidth: ConnectionBandwidth.GBPS_10,
      monitoring: {},
    });
    templateOf(stack).hasResourceProperties("AWS::SNS::Topic", { KmsMasterKeyId: Match.anyValue() });
    templateOf(stack).hasResourceProperties("AWS::SNS::TopicPolicy", Match.objectLike({}));
    expect(dx.monitoring!.alarms.every((a) => (a as Alarm).node.id.length > 0)).toBe(true);

    const other = newStack();
    const action: IAlarmAction = new SnsAction(new Topic(other, "Ops"));
    new HighResiliency(other, "Dx", {
      locations: TWO,
      bandwidth: ConnectionBandwidth.GBPS_10,
      monitoring: { alarmActions: [action], dashboard: false },
    });
    templateOf(other).resourceCountIs("AWS::SNS::Topic", 1); // only the user's
    templateOf(other).resourceCountIs("AWS::CloudWatch::Dashboard", 0);
  });

  test("logical IDs of alarms stay as the layout grows (a location added adds its alarms only)", () => {
    const ids = (locations: string[]) => {
      const stack = newStack();
      new HighResiliency(stack, "Dx", {
        locations,
        bandwidth: ConnectionBandwidth.GBPS_10,
        monitoring: { dashboard: false },
      });
      return Object.keys(alarmsOf(stack));
    };
    const before = ids(TWO);
    const after = ids([...TWO, "EqCH2"]);
    const headroom = (id: string) => id.includes("Headroom"); // its threshold and metrics change, its id does not
    expect(
      after
        .filter((id) => !before.includes(id))
        .map((id) => id.replace(/[0-9A-F]{8}$/, ""))
        .sort(),
    ).toEqual([
      "DxMonitoringEqCH2Slot1Port1Down",
      "DxMonitoringEqCH2Slot1Port1Errors",
      "DxMonitoringEqCH2Slot1Port1LightLevel",
    ]);
    expect(before.filter((id) => !headroom(id)).every((id) => after.includes(id))).toBe(true);
  });

  test.each<[string, object, RegExp]>([
    [
      "evaluationPeriods 0",
      { evaluationPeriods: 0 },
      /^`evaluationPeriods` 0 is not allowed: a whole number from 1 to 60\. \[\w+\]$/,
    ],
    ["lightLevelMinimumDbm 50", { lightLevelMinimumDbm: 50 }, /^`lightLevelMinimumDbm` 50 is not allowed/],
    ["errorCountThreshold 0", { errorCountThreshold: 0 }, /^`errorCountThreshold` 0 is not allowed/],
    ["monitoring a string", "yes" as any, /^`monitoring` must be MonitoringOptions/],
  ])("fails when %s", (_, monitoring, message) => {
    expect(
      () =>
        new HighResiliency(newStack(), "Dx", {
          locations: TWO,
          bandwidth: ConnectionBandwidth.GBPS_10,
          monitoring: monitoring as any,
        }),
    ).toThrow(message);
  });
});

describe("the dashboard", () => {
  test("one per construct, with ports, traffic, interfaces, the VPN and headroom", () => {
    const app = newApp();
    const production = buildExampleStacks(app)[0]; // monitoring on
    const dashboards = Object.values(
      templateOf(Stack.of(production)).findResources("AWS::CloudWatch::Dashboard"),
    );
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(Template.fromStack(Stack.of(production)).toJSON());
    for (const title of [
      "EqDC2: ports up",
      "EqSE2: traffic (bps)",
      "Virtual interfaces",
      "VPN backup: tunnels up",
      "Headroom",
    ]) {
      expect(body).toContain(title);
    }
    // written out, so the template is the same on aws-cdk-lib versions that write the default and those that do not
    expect(body).toContain('\\"background\\":\\"transparent\\"');
  });
});

test("the example app with monitoring on every construct passes the AwsSolutions checks of cdk-nag", () => {
  const app = newApp();
  for (const c of buildExampleStacks(app)) {
    // the production construct has it by its option, the others get it here
    if (c.monitoring === undefined) new DirectConnectMonitoring(Stack.of(c), "Watch", { connections: c });
  }
  Aspects.of(app).add(new AwsSolutionsChecks());
  for (const stack of app.node.children.filter(Stack.isStack)) {
    Annotations.fromStack(stack).hasNoError("*", Match.stringLikeRegexp("AwsSolutions-"));
    Annotations.fromStack(stack).hasNoWarning("*", Match.stringLikeRegexp("AwsSolutions-"));
  }
});
