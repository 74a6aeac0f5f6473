import { App, Aspects, Duration, Stack } from "aws-cdk-lib";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as logs from "aws-cdk-lib/aws-logs";
import * as s3 from "aws-cdk-lib/aws-s3";
import { AwsSolutionsChecks } from "cdk-nag";
import {
  ConnectionBandwidth,
  DirectConnectGateway,
  FailoverDrill,
  FailoverDrillProps,
  MaximumResiliencyConnections,
  ResiliencyModel,
  ResilientConnections,
  VirtualInterface,
} from "../../src";
import { newApp, newStack, templateOf } from "../support/synth";

// The failover drill: an AWS FIS experiment template whose aws:directconnect:virtual-interface-disconnect
// actions take one virtual interface's BGP sessions down at a time
// (https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html#directconnect-virtual-interface-disconnect).

const transit = (name: string, gateway: DirectConnectGateway, vlan: number) =>
  VirtualInterface.transit({ name, gateway, vlan, customerAsn: 65010 });

/** Maximum Resiliency in the given locations (2 slots each) with transit specs to one gateway. */
function maximum(
  stack: Stack,
  locations = ["EqDC2", "EqSE2"],
  specs = ["prod"],
): MaximumResiliencyConnections {
  const gateway = new DirectConnectGateway(stack, "Gateway");
  return new MaximumResiliencyConnections(stack, "Dx", {
    locations,
    bandwidth: ConnectionBandwidth.GBPS_10,
    virtualInterfaces: specs.map((name, i) => transit(name, gateway, 101 + i)),
  });
}

function alarmIn(stack: Stack, id = "Alarm"): cloudwatch.Alarm {
  return new cloudwatch.Alarm(stack, id, {
    metric: new cloudwatch.Metric({ namespace: "AWS/DX", metricName: "ConnectionState" }),
    threshold: 1,
    evaluationPeriods: 1,
  });
}

/** A guarded drill (one alarm unless `props` says otherwise) over Maximum Resiliency in two locations. */
function drill(
  props: Partial<FailoverDrillProps> = {},
  stack = newStack(),
  locations?: string[],
  specs?: string[],
) {
  const dx = maximum(stack, locations, specs);
  const alarms = props.alarms ?? (props.unguardedReason === undefined ? [alarmIn(stack)] : undefined);
  const d = new FailoverDrill(stack, "Drill", { connections: [dx], ...props, alarms });
  return { stack, dx, drill: d };
}

interface FisAction {
  actionId: string;
  parameters?: Record<string, unknown>;
  targets?: Record<string, string>;
  startAfter?: string[];
}

/** The experiment templates of a stack, by logical ID. */
function templatesOf(stack: Stack): Record<string, { Properties: any }> {
  return templateOf(stack).findResources("AWS::FIS::ExperimentTemplate") as Record<
    string,
    { Properties: any }
  >;
}

function onlyTemplate(stack: Stack): any {
  const all = Object.values(templatesOf(stack));
  expect(all).toHaveLength(1);
  return all[0].Properties;
}

/** Every action that must end before `name` starts, directly or not. */
function ancestors(actions: Record<string, FisAction>, name: string): Set<string> {
  const seen = new Set<string>();
  const visit = (n: string) => {
    for (const p of actions[n].startAfter ?? []) {
      if (!seen.has(p)) {
        seen.add(p);
        visit(p);
      }
    }
  };
  visit(name);
  return seen;
}

describe("FailoverDrill: the experiment template", () => {
  test("one disconnect per interface in one startAfter chain, each after its guard and the previous disconnect", () => {
    const { stack } = drill();
    const t = onlyTemplate(stack);
    const actions: Record<string, FisAction> = Object.fromEntries(
      Object.entries(t.Actions as Record<string, any>).map(([n, a]) => [
        n,
        { actionId: a.ActionId, parameters: a.Parameters, targets: a.Targets, startAfter: a.StartAfter },
      ]),
    );
    const disconnects = Object.keys(actions).filter(
      (n) => actions[n].actionId === "aws:directconnect:virtual-interface-disconnect",
    );
    // the order: location, slot, spec name
    expect(disconnects).toEqual([
      "Disconnect-EqDC2-Slot1-prod",
      "Disconnect-EqDC2-Slot2-prod",
      "Disconnect-EqSE2-Slot1-prod",
      "Disconnect-EqSE2-Slot2-prod",
    ]);
    expect(actions["Guard-EqDC2-Slot1-prod"].startAfter).toBeUndefined();
    expect(actions["Disconnect-EqDC2-Slot1-prod"].startAfter).toEqual(["Guard-EqDC2-Slot1-prod"]);
    expect(actions["Pause-EqDC2-Slot2-prod"].startAfter).toEqual(["Disconnect-EqDC2-Slot1-prod"]);
    expect(actions["Guard-EqDC2-Slot2-prod"].startAfter).toEqual(["Pause-EqDC2-Slot2-prod"]);
    expect(actions["Disconnect-EqDC2-Slot2-prod"].startAfter).toEqual([
      "Guard-EqDC2-Slot2-prod",
      "Disconnect-EqDC2-Slot1-prod",
    ]);
    // no two disconnects can run at once: each has every earlier one among its ancestors, and its guard
    disconnects.forEach((name, i) => {
      const before = ancestors(actions, name);
      for (const earlier of disconnects.slice(0, i)) expect(before.has(earlier)).toBe(true);
      expect(before.has(name.replace("Disconnect-", "Guard-"))).toBe(true);
    });
  });

  test("every target is one tested interface by its ARN (selectionMode ALL, never by tag)", () => {
    const { stack, dx } = drill();
    const t = onlyTemplate(stack);
    const arns = dx.virtualInterfaces.map((v) => stack.resolve(v.virtualInterfaceArn));
    const targets = Object.values(t.Targets) as any[];
    expect(targets).toHaveLength(4);
    for (const target of targets) {
      expect(target).toEqual({
        ResourceType: "aws:directconnect:virtual-interface",
        ResourceArns: [expect.anything()],
        SelectionMode: "ALL",
      });
      expect(arns).toContainEqual(target.ResourceArns[0]);
    }
    for (const [name, action] of Object.entries(t.Actions as Record<string, any>)) {
      if (!name.startsWith("Disconnect-")) continue;
      expect(action.Targets).toEqual({ VirtualInterfaces: name.replace("Disconnect-", "Vif-") });
      expect(action.Parameters).toEqual({ duration: "PT10M" });
    }
  });

  test("the guard alarms: asserted OK before each step, and the stop conditions", () => {
    const stack = newStack();
    const alarms = [alarmIn(stack, "A"), alarmIn(stack, "B")];
    drill({ alarms }, stack);
    const t = onlyTemplate(stack);
    const arns = alarms.map((a) => stack.resolve(a.alarmArn));
    expect(t.StopConditions).toEqual(arns.map((value) => ({ Source: "aws:cloudwatch:alarm", Value: value })));
    expect(t.Actions["Guard-EqSE2-Slot1-prod"]).toMatchObject({
      ActionId: "aws:cloudwatch:assert-alarm-state",
      Parameters: { alarmArns: { "Fn::Join": ["", [arns[0], ",", arns[1]]] }, alarmStates: "OK" },
    });
  });

  test("an acknowledged unguarded drill has no guard and the stop condition none", () => {
    const { stack } = drill({ unguardedReason: "a lab without traffic" });
    const t = onlyTemplate(stack);
    expect(t.StopConditions).toEqual([{ Source: "none" }]);
    expect(Object.keys(t.Actions).filter((n) => n.startsWith("Guard-"))).toEqual([]);
    expect(t.Actions["Disconnect-EqDC2-Slot2-prod"].StartAfter).toEqual([
      "Pause-EqDC2-Slot2-prod",
      "Disconnect-EqDC2-Slot1-prod",
    ]);
  });

  test("step and pause durations; logs and the experiment report when asked", () => {
    const stack = newStack();
    const logGroup = new logs.LogGroup(stack, "Logs");
    const reportBucket = new s3.Bucket(stack, "Reports");
    drill(
      { stepDuration: Duration.hours(1), pauseBetweenSteps: Duration.minutes(3), logGroup, reportBucket },
      stack,
    );
    const t = onlyTemplate(stack);
    expect(t.Actions["Disconnect-EqSE2-Slot2-prod"].Parameters).toEqual({ duration: "PT60M" });
    expect(t.Actions["Pause-EqSE2-Slot2-prod"]).toMatchObject({
      ActionId: "aws:fis:wait",
      Parameters: { duration: "PT3M" },
    });
    expect(t.LogConfiguration).toEqual({
      LogSchemaVersion: 2,
      CloudWatchLogsConfiguration: { LogGroupArn: stack.resolve(logGroup.logGroupArn) },
    });
    expect(t.ExperimentReportConfiguration.Outputs).toEqual({
      ExperimentReportS3Configuration: {
        BucketName: stack.resolve(reportBucket.bucketName),
        Prefix: "failover-drill",
      },
    });
  });

  test("the report uses the monitoring's dashboard when there is one", () => {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gateway");
    const dx = new MaximumResiliencyConnections(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [transit("prod", gateway, 101)],
      monitoring: {},
    });
    new FailoverDrill(stack, "Drill", {
      connections: [dx],
      alarms: dx.monitoring!.headroomAlarms,
      reportBucket: new s3.Bucket(stack, "Reports"),
    });
    const t = onlyTemplate(stack);
    expect(t.ExperimentReportConfiguration.DataSources).toEqual({
      CloudWatchDashboards: [{ DashboardIdentifier: stack.resolve(dx.monitoring!.dashboard!.dashboardArn) }],
    });
  });
});

describe("FailoverDrill: beyond one experiment template", () => {
  test("splits into templates started one after the other, warns, and the report says so", () => {
    // 4 locations x 2 slots x 2 specs = 16 steps of 3 actions (pause, guard, disconnect): 20 actions a template
    const {
      stack,
      dx,
      drill: d,
    } = drill({}, newStack(), ["EqCH2", "EqDA2", "EqDC2", "EqSE2"], ["prod", "dev"]);
    const templates = templatesOf(stack);
    expect(d.experimentTemplates.length).toBeGreaterThan(1);
    expect(Object.keys(templates)).toHaveLength(d.experimentTemplates.length);
    let steps = 0;
    for (const { Properties: t } of Object.values(templates)) {
      const actions = Object.keys(t.Actions);
      expect(actions.length).toBeLessThanOrEqual(20);
      steps += actions.filter((n) => n.startsWith("Disconnect-")).length;
    }
    expect(steps).toBe(16);
    Annotations.fromStack(stack).hasWarning(
      "/TestStack/Drill",
      Match.stringLikeRegexp(`needs ${d.experimentTemplates.length} experiment templates`),
    );
    expect(dx.report()).toMatch(
      new RegExp(`in ${d.experimentTemplates.length} experiment templates, started one after the other`),
    );
  });

  test("12-hour steps: one step per experiment (12 hours at most)", () => {
    const { drill: d } = drill({ stepDuration: Duration.hours(12) });
    expect(d.experimentTemplates).toHaveLength(4);
  });
});

describe("FailoverDrill: least-privilege IAM", () => {
  test("Direct Connect actions on the tested interfaces' ARNs only; * only for tag:GetResources", () => {
    const { stack, dx } = drill({ virtualInterfaceNames: ["prod"] }, newStack(), undefined, ["prod", "dev"]);
    const policies = templateOf(stack).findResources("AWS::IAM::Policy");
    const statements = Object.values(policies).flatMap((p: any) => p.Properties.PolicyDocument.Statement);
    const prod = dx.virtualInterfaces
      .filter((v) => v.name === "prod")
      .map((v) => stack.resolve(v.virtualInterfaceArn));
    expect(statements).toContainEqual({
      Action: [
        "directconnect:DescribeVirtualInterfaces",
        "directconnect:StartBgpFailoverTest",
        "directconnect:StopBgpFailoverTest",
        "directconnect:ListVirtualInterfaceTestHistory",
      ],
      Effect: "Allow",
      Resource: prod,
    });
    const wildcard = statements.filter(
      (s: any) => s.Resource === "*" || (Array.isArray(s.Resource) && s.Resource.includes("*")),
    );
    expect(wildcard.map((s: any) => s.Action)).toEqual(["tag:GetResources"]);
  });

  test("the role trusts FIS for this account's experiments only (confused deputy)", () => {
    const { stack } = drill();
    templateOf(stack).hasResourceProperties("AWS::IAM::Role", {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: "sts:AssumeRole",
            Effect: "Allow",
            Principal: { Service: "fis.amazonaws.com" },
            Condition: {
              ArnLike: { "aws:SourceArn": Match.anyValue() },
              StringEquals: { "aws:SourceAccount": Match.anyValue() },
            },
          },
        ],
      },
    });
  });
});

describe("FailoverDrill: refusals", () => {
  test("fails when an interface is the only path to its gateway: its step would cut the gateway off", () => {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gateway");
    const single = new ResilientConnections(stack, "Dx", {
      model: ResiliencyModel.CLASSIC,
      locations: [{ location: "EqDC2", deviceSlots: 1 }],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [transit("prod", gateway, 101)],
    });
    expect(
      () => new FailoverDrill(stack, "Drill", { connections: [single], alarms: [alarmIn(stack)] }),
    ).toThrow(
      /^`connections`: the virtual interface prod at EqDC2 slot 1 is the only path to the gateway of spec prod/,
    );
  });

  test("fails without guard alarms unless acknowledged, and with more than 5", () => {
    const stack = newStack();
    const dx = maximum(stack);
    expect(() => new FailoverDrill(stack, "Drill", { connections: [dx] })).toThrow(
      /^The drill has no guard `alarms`.*`unguardedReason`\. \[drillUnguarded\]$/,
    );
    const six = Array.from({ length: 6 }, (_, i) => alarmIn(stack, `Alarm${i}`));
    expect(() => new FailoverDrill(stack, "Six", { connections: [dx], alarms: six })).toThrow(
      /^`alarms` has 6 alarms: at most 5.*\[drillAlarms\]$/,
    );
  });

  test("fails when the drill's account does not own the interfaces", () => {
    const app = new App();
    const network = new Stack(app, "Network", { env: { account: "111111111111", region: "us-east-1" } });
    const ops = new Stack(app, "Ops", { env: { account: "222222222222", region: "us-east-1" } });
    const dx = maximum(network);
    expect(() => new FailoverDrill(ops, "Drill", { connections: [dx], alarms: [alarmIn(ops)] })).toThrow(
      /^`connections`: the virtual interfaces of Network\/Dx are in account 111111111111, the drill in account 222222222222.*\[drillOtherAccount\]$/,
    );
  });

  test.each([
    [
      "stepDuration",
      { stepDuration: Duration.minutes(9) },
      /^`stepDuration` 9 minutes is not allowed: whole minutes, 10 minutes to 12 hours\. \[drillDuration\]$/,
    ],
    ["stepDuration", { stepDuration: Duration.minutes(721) }, /^`stepDuration` 721 minutes is not allowed/],
    ["stepDuration", { stepDuration: Duration.seconds(630) }, /^`stepDuration` 630 seconds is not allowed/],
    [
      "stepDuration",
      { stepDuration: 10 as any },
      /^`stepDuration` must be a Duration, e\.g\. Duration\.minutes\(10\), got 10\./,
    ],
    [
      "pauseBetweenSteps",
      { pauseBetweenSteps: Duration.seconds(30) },
      /^`pauseBetweenSteps` 30 seconds is not allowed: whole minutes, 1 minute to 12 hours/,
    ],
    [
      "virtualInterfaceNames",
      { virtualInterfaceNames: [] },
      /^`virtualInterfaceNames` must name at least one virtual interface spec/,
    ],
    [
      "virtualInterfaceNames",
      { virtualInterfaceNames: ["nope"] },
      /^`virtualInterfaceNames`: "nope" is the name of no virtual interface spec/,
    ],
    ["alarms", { alarms: ["alarm"] as any }, /`alarms`: "alarm" is not a CloudWatch alarm/],
  ])("fails when `%s` is out of bounds", (_prop, props, message) => {
    expect(() => drill(props as Partial<FailoverDrillProps>)).toThrow(message);
  });
});

describe("FailoverDrill: stable logical IDs", () => {
  function idsOf(locations: string[], specs: string[]) {
    const { stack } = drill({ unguardedReason: "ids" }, newStack(), locations, specs);
    const resources = templateOf(stack).toJSON().Resources;
    const ids = Object.keys(resources).filter((id) => id.startsWith("Drill"));
    const template = Object.values(templatesOf(stack))[0].Properties;
    return { ids, actions: Object.keys(template.Actions) };
  }

  test("adding a location or a spec renames no resource and no action of the drill", () => {
    const base = idsOf(["EqDC2", "EqSE2"], ["prod"]);
    expect(base.ids.sort()).toEqual([
      expect.stringMatching(/^DrillExperimentRole[0-9A-F]{8}$/),
      expect.stringMatching(/^DrillExperimentRoleDefaultPolicy[0-9A-F]{8}$/),
      expect.stringMatching(/^DrillTemplate[0-9A-F]{8}$/),
    ]);
    for (const grown of [
      idsOf(["EqDC2", "EqSE2", "EqLD5"], ["prod"]),
      idsOf(["EqDC2", "EqSE2"], ["prod", "dev"]),
    ]) {
      expect(grown.ids.sort()).toEqual(base.ids.sort());
      expect(grown.actions).toEqual(
        expect.arrayContaining(base.actions.filter((a) => !a.startsWith("Pause-"))),
      );
    }
  });
});

describe("FailoverDrill: cdk-nag", () => {
  test("passes the AwsSolutions checks, its wildcards acknowledged with their reasons", () => {
    const app = newApp();
    const stack = new Stack(app, "Nag");
    const logGroup = new logs.LogGroup(stack, "Logs");
    drill({ logGroup }, stack);
    Aspects.of(app).add(new AwsSolutionsChecks());
    app.synth();
    Annotations.fromStack(stack).hasNoError("/Nag/Drill/*", Match.stringLikeRegexp("AwsSolutions-"));
    Annotations.fromStack(stack).hasNoWarning("/Nag/Drill/*", Match.stringLikeRegexp("AwsSolutions-"));
  });
});
