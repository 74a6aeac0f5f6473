import { Aspects, CfnResource, Duration, Stack } from "aws-cdk-lib";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as logs from "aws-cdk-lib/aws-logs";
import { AwsSolutionsChecks } from "cdk-nag";
import { AslBlock, definitionOf, interfaceStates, predecessors, reachable, successors } from "./definition";
import {
  ConnectionBandwidth,
  DirectConnectGateway,
  FailoverDrill,
  FailoverDrillProps,
  MaximumResiliencyConnections,
  ResiliencyModel,
  ResilientConnections,
  SlotVirtualInterface,
  VirtualInterface,
} from "../../src";
import { newApp, newStack, templateOf } from "../support/synth";

// The failover drill: a Step Functions state machine that takes one virtual interface's BGP sessions
// down at a time (StartBgpFailoverTest,
// https://docs.aws.amazon.com/directconnect/latest/APIReference/API_StartBgpFailoverTest.html).

const transit = (name: string, gateway: DirectConnectGateway, vlan: number) =>
  VirtualInterface.transit({ name, gateway, vlan, customerAsn: 65010 });

/** Maximum Resiliency in two locations (4 slots) with one transit spec: 4 paths to one gateway. */
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

function drill(props: Partial<FailoverDrillProps> = {}, stack = newStack()) {
  const dx = maximum(stack);
  const drillConstruct = new FailoverDrill(stack, "Drill", { connections: [dx], ...props });
  return { stack, dx, drill: drillConstruct };
}

/** The state reached from `name` by its Next, or by the named branch of a Choice. */
function after(block: AslBlock, name: string, branch: "first" | "default" = "first"): string {
  const state = block.States[name];
  if (state.Type !== "Choice") return state.Next!;
  return branch === "default" ? state.Default! : state.Choices![0].Next;
}

/** The Choice branches (condition and target) of a state. */
function branches(block: AslBlock, name: string): [string, string][] {
  const state = block.States[name];
  return [...state.Choices!.map((c): [string, string] => [c.Condition, c.Next]), ["default", state.Default!]];
}

describe("FailoverDrill: the state machine", () => {
  test("refuses to run beside another execution, then drills each interface in turn and passes", () => {
    const { stack } = drill();
    const definition = definitionOf(stack);
    expect(definition.QueryLanguage).toBe("JSONata");
    expect(definition.StartAt).toBe("List running drills");
    const list = definition.States["List running drills"];
    expect(list.Resource).toMatch(/:states:::aws-sdk:sfn:listExecutions$/);
    expect(list.Arguments).toEqual({
      StateMachineArn: "{% $states.context.StateMachine.Id %}",
      StatusFilter: "RUNNING",
      MaxResults: 2,
    });
    expect(list.Next).toBe("Another drill running?");
    expect(branches(definition, "Another drill running?")).toEqual([
      ["{% $otherDrillRuns %}", "Refuse: another drill is running"],
      ["default", "Drill each interface"],
    ]);
    expect(definition.States["Refuse: another drill is running"]).toMatchObject({
      Type: "Fail",
      Error: "DrillAlreadyRunning",
    });
    const each = definition.States["Drill each interface"];
    expect(each).toMatchObject({ Type: "Map", MaxConcurrency: 1, Next: "Drill passed" });
    // a failed interface fails the Map and so the drill: no catch lets the next interface run
    expect(each.Catch).toBeUndefined();
    expect(definition.States["Drill passed"].Type).toBe("Succeed");
  });

  test("each interface: begin, guard, start, wait, check, stop, wait for the session, record", () => {
    const stack = newStack();
    const { stack: s } = drill({ alarms: [alarmIn(stack)] }, stack);
    const states = interfaceStates(definitionOf(s));
    const path: string[] = [states.StartAt];
    const defaults = new Set(["Other paths still up?", "Traffic moved?", "Interface failed?"]);
    while (path.length < 30) {
      const name = path[path.length - 1];
      const state = states.States[name];
      if (state.End || (state.Type !== "Choice" && !state.Next)) break;
      path.push(after(states, name, defaults.has(name) ? "default" : "first"));
    }
    expect(path).toEqual([
      "Begin interface",
      "Guard: describe every path",
      "Guard: describe alarms",
      "Guard passed?",
      "Start failover test",
      "Wait before check",
      "Check: describe every path",
      "Other paths still up?",
      "Check: traffic before the test",
      "Check: traffic during the test",
      "Traffic moved?",
      "Stop failover test",
      "Wait for the session",
      "Describe tested interface",
      "Session restored?",
      "Interface failed?",
      "Record test",
    ]);
    const resource = (name: string) => states.States[name].Resource!.replace(/^.*:states:::aws-sdk:/, "");
    expect(
      [
        "Guard: describe alarms",
        "Start failover test",
        "Check: traffic before the test",
        "Check: traffic during the test",
        "Stop failover test",
        "Describe tested interface",
        "Record test",
      ].map(resource),
    ).toEqual([
      "cloudwatch:describeAlarms",
      "directconnect:startBgpFailoverTest",
      "cloudwatch:getMetricData",
      "cloudwatch:getMetricData",
      "directconnect:stopBgpFailoverTest",
      "directconnect:describeVirtualInterfaces",
      "directconnect:listVirtualInterfaceTestHistory",
    ]);
    for (const map of ["Guard: describe every path", "Check: describe every path"]) {
      const processor = states.States[map].ItemProcessor!;
      expect(processor.States[processor.StartAt].Resource).toMatch(
        /:aws-sdk:directconnect:describeVirtualInterfaces$/,
      );
      expect(states.States[map].Items).toBe("{% $item.paths %}");
    }
  });

  test("a guard comes before every test: the test starts only from the guard's passing branch", () => {
    const states = interfaceStates(definitionOf(drill().stack));
    expect(predecessors(states, "Start failover test")).toEqual(["Guard passed?"]);
    expect(branches(states, "Guard passed?")).toEqual([
      ["{% $count($pathsDown) = 0 and $count($alarmsNotOk) = 0 %}", "Start failover test"],
      ["default", "Refuse: a path or an alarm is not OK"],
    ]);
    // without alarms there is no alarm state, and the guard passes on the paths alone
    expect(states.States["Guard: describe every path"].Next).toBe("Guard passed?");
    expect(states.States["Guard: describe alarms"]).toBeUndefined();
    // the guard's failure ends the drill before anything is tested or stopped
    expect(states.States["Refuse: a path or an alarm is not OK"]).toMatchObject({
      Type: "Fail",
      Error: "DrillGuardFailed",
    });
    // nothing before the guard's Choice can reach the test but through it
    for (const name of ["Begin interface", "Guard: describe every path"]) {
      expect(successors(states.States[name])).not.toContain("Start failover test");
    }
  });

  test("stops on any failure after the start: every failure path stops the test, waits for the session, fails", () => {
    const states = interfaceStates(definitionOf(drill().stack));
    for (const name of [
      "Start failover test",
      "Check: describe every path",
      "Check: traffic before the test",
      "Check: traffic during the test",
    ]) {
      const catches = states.States[name].Catch!;
      expect(catches).toHaveLength(1);
      expect(catches[0]).toMatchObject({ ErrorEquals: ["States.ALL"], Next: "Stop failover test" });
      expect(catches[0].Assign).toMatchObject({ failed: true });
    }
    // the checks' failure branches go to the stop, marking the failure
    for (const [choice, error] of [
      ["Other paths still up?", "DrillPathLost"],
      ["Traffic moved?", "DrillTrafficNotMoved"],
    ]) {
      const failing = states.States[choice].Choices![0];
      expect(failing.Next).toBe("Stop failover test");
      expect(failing.Assign).toMatchObject({ failed: true });
      expect(String(failing.Assign!.failure)).toContain(`'error': '${error}'`);
    }
    // the stop is retried, and a stop that fails still waits for the session
    const stop = states.States["Stop failover test"];
    expect(stop.Retry).toEqual([expect.objectContaining({ ErrorEquals: ["States.TaskFailed"] })]);
    expect(stop.Catch).toEqual([expect.objectContaining({ Next: "Wait for the session" })]);
    expect(stop.Next).toBe("Wait for the session");
    // after the session is back, a marked failure fails the drill; the session not back fails it too
    expect(branches(states, "Session restored?")).toEqual([
      ["{% $restored %}", "Interface failed?"],
      [
        "{% $toMillis($states.context.State.EnteredTime) > $restoreDeadlineMs %}",
        "Fail: session not restored",
      ],
      ["default", "Wait for the session"],
    ]);
    expect(branches(states, "Interface failed?")).toEqual([
      ["{% $failed %}", "Fail: drill stopped"],
      ["default", "Record test"],
    ]);
    expect(states.States["Fail: drill stopped"]).toMatchObject({
      Type: "Fail",
      Error: "{% $failure.error %}",
    });
    expect(states.States["Fail: session not restored"]).toMatchObject({
      Type: "Fail",
      Error: "DrillSessionNotRestored",
    });
    // StartBgpFailoverTest is never retried (it could start a second test) and is called from one place
    expect(states.States["Start failover test"].Retry).toBeUndefined();
    // from the stop, the drill only waits, describes, records or fails: it never starts another test
    expect(reachable(states, "Stop failover test")).toEqual(
      new Set([
        "Stop failover test",
        "Wait for the session",
        "Describe tested interface",
        "Session restored?",
        "Interface failed?",
        "Fail: drill stopped",
        "Fail: session not restored",
        "Record test",
      ]),
    );
  });

  test("tests the interfaces in the order location, slot, spec name, each guarded by every path to its gateway", () => {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gateway");
    const other = new DirectConnectGateway(stack, "Other");
    const dx = new MaximumResiliencyConnections(stack, "Dx", {
      locations: ["EqSE2", "EqDC2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [transit("prod", gateway, 101), transit("dev", other, 102)],
    });
    new FailoverDrill(stack, "Drill", { connections: [dx] });
    const items = definitionOf(stack).States["Drill each interface"].Items as any[];
    const id = (location: string, slot: number, name: string) =>
      idOf(
        dx.virtualInterfaces.find(
          (v) => v.location === location && v.slotNumber === slot && v.name === name,
        )!,
      );
    expect(items.map((i) => `${i.location}/${i.slotNumber}/${i.name}`)).toEqual([
      "EqDC2/1/dev",
      "EqDC2/1/prod",
      "EqDC2/2/dev",
      "EqDC2/2/prod",
      "EqSE2/1/dev",
      "EqSE2/1/prod",
      "EqSE2/2/dev",
      "EqSE2/2/prod",
    ]);
    const pathsOf = (name: string) =>
      ["EqDC2", "EqSE2"].flatMap((location) => [1, 2].map((slot) => id(location, slot, name)));
    expect(items[0]).toEqual({
      virtualInterfaceId: id("EqDC2", 1, "dev"),
      name: "dev",
      location: "EqDC2",
      slotNumber: 1,
      paths: pathsOf("dev"),
    });
    expect(items[1].paths).toEqual(pathsOf("prod"));
  });

  test("the test lasts `testDuration` (default 30 minutes); the check comes after `checkAfter` (default 10)", () => {
    const defaults = interfaceStates(definitionOf(drill().stack));
    expect(defaults.States["Start failover test"].Arguments).toEqual({
      VirtualInterfaceId: "{% $item.virtualInterfaceId %}",
      TestDurationInMinutes: 30,
    });
    expect(defaults.States["Wait before check"].Seconds).toBe(600);
    const custom = interfaceStates(
      definitionOf(
        drill({
          testDuration: Duration.hours(72),
          checkAfter: Duration.minutes(4),
          trafficRetainedPercent: 50,
        }).stack,
      ),
    );
    expect(custom.States["Start failover test"].Arguments!.TestDurationInMinutes).toBe(4320);
    expect(custom.States["Wait before check"].Seconds).toBe(240);
    // the traffic windows: the 2 minutes before the start, and the last 2 minutes before the check
    const window = (name: string) => custom.States[name].Arguments!;
    expect(window("Check: traffic before the test")).toMatchObject({
      StartTime: "{% $fromMillis($testStartMs - 120000) %}",
      EndTime: "{% $fromMillis($testStartMs) %}",
    });
    expect(window("Check: traffic during the test")).toMatchObject({
      StartTime: "{% $fromMillis($testStartMs + 120000) %}",
      EndTime: "{% $fromMillis($toMillis($states.context.State.EnteredTime)) %}",
    });
    expect(custom.States["Check: traffic during the test"].Assign!.trafficMoved).toMatch(
      />= \$beforeBps \* 50 \/ 100 %}$/,
    );
  });

  test("logs every step to a given log group", () => {
    const stack = newStack();
    const logGroup = new logs.LogGroup(stack, "Logs", { retention: logs.RetentionDays.ONE_YEAR });
    drill({ logGroup }, stack);
    templateOf(stack).hasResourceProperties("AWS::StepFunctions::StateMachine", {
      StateMachineType: "STANDARD",
      LoggingConfiguration: {
        Level: "ALL",
        IncludeExecutionData: true,
        Destinations: [
          {
            CloudWatchLogsLogGroup: {
              LogGroupArn: { "Fn::GetAtt": [stack.getLogicalId(logGroup.node.defaultChild as any), "Arn"] },
            },
          },
        ],
      },
    });
  });
});

/** A virtual interface's id as the rendered definition shows it. */
function idOf(vif: SlotVirtualInterface): string {
  return `<GetAtt ${Stack.of(vif.resource).getLogicalId(vif.resource)}.VirtualInterfaceId>`;
}

/** The ARN of a virtual interface (its Ref) as a policy statement has it. */
function arnOf(vif: SlotVirtualInterface) {
  return { Ref: Stack.of(vif.resource).getLogicalId(vif.resource) };
}

/** An alarm on the connection state, in `stack`. */
function alarmIn(stack: Stack, id = "Alarm"): cloudwatch.Alarm {
  return new cloudwatch.Alarm(stack, id, {
    metric: new cloudwatch.Metric({ namespace: "AWS/DX", metricName: "ConnectionState" }),
    threshold: 1,
    evaluationPeriods: 1,
  });
}

/** The statements of every IAM policy of a stack, by action. */
function statementsOf(stack: Stack): Map<string, any[]> {
  const byAction = new Map<string, any[]>();
  for (const policy of Object.values(templateOf(stack).findResources("AWS::IAM::Policy"))) {
    for (const statement of policy.Properties.PolicyDocument.Statement) {
      expect(statement.Effect).toBe("Allow");
      for (const action of [statement.Action].flat()) {
        byAction.set(action, [...(byAction.get(action) ?? []), ...[statement.Resource].flat()]);
      }
    }
  }
  return byAction;
}

describe("FailoverDrill: least-privilege IAM", () => {
  test("Direct Connect actions only on the interfaces' ARNs, no wildcard action, metrics read on *", () => {
    const stack = newStack();
    const alarm = alarmIn(stack);
    const { dx, drill: d } = drill({ alarms: [alarm] }, stack);
    const all = dx.virtualInterfaces.map(arnOf);
    const statements = statementsOf(stack);
    expect([...statements.keys()].sort()).toEqual([
      "cloudwatch:DescribeAlarms",
      "cloudwatch:GetMetricData",
      "directconnect:DescribeVirtualInterfaces",
      "directconnect:ListVirtualInterfaceTestHistory",
      "directconnect:StartBgpFailoverTest",
      "directconnect:StopBgpFailoverTest",
      "states:ListExecutions",
    ]);
    for (const action of statements.keys()) {
      expect(action).not.toContain("*");
    }
    for (const action of [
      "directconnect:DescribeVirtualInterfaces",
      "directconnect:ListVirtualInterfaceTestHistory",
      "directconnect:StartBgpFailoverTest",
      "directconnect:StopBgpFailoverTest",
    ]) {
      expect(statements.get(action)).toEqual(all);
    }
    expect(statements.get("cloudwatch:DescribeAlarms")).toEqual([
      { "Fn::GetAtt": [stack.getLogicalId(alarm.node.defaultChild as any), "Arn"] },
    ]);
    // GetMetricData has no resource-level permissions for metrics: the one "*" of the drill
    expect(statements.get("cloudwatch:GetMetricData")).toEqual(["*"]);
    expect(statements.get("states:ListExecutions")).toEqual([
      { Ref: stack.getLogicalId(d.stateMachine.node.defaultChild as any) },
    ]);
  });

  test("tests and stops only the drilled specs' interfaces, and describes every path that guards them", () => {
    const stack = newStack();
    const dx = maximum(stack, ["EqDC2", "EqSE2"], ["prod", "dev"]);
    const d = new FailoverDrill(stack, "Drill", { connections: [dx], virtualInterfaceNames: ["prod"] });
    const prod = dx.virtualInterfacesNamed("prod");
    expect(d.drilledInterfaces).toEqual(prod);
    const statements = statementsOf(stack);
    expect(statements.get("directconnect:StartBgpFailoverTest")).toEqual(prod.map(arnOf));
    expect(statements.get("directconnect:StopBgpFailoverTest")).toEqual(prod.map(arnOf));
    // dev lands on the same gateway: its interfaces are paths that guard prod's tests
    const described = statements.get("directconnect:DescribeVirtualInterfaces")!;
    expect(new Set(described.map((r) => r.Ref))).toEqual(
      new Set(dx.virtualInterfaces.map((v) => arnOf(v).Ref)),
    );
    const items = definitionOf(stack).States["Drill each interface"].Items as any[];
    expect(items.map((i) => i.name)).toEqual(["prod", "prod", "prod", "prod"]);
    expect(items[0].paths).toHaveLength(8);
  });

  test("a composite alarm widens DescribeAlarms to * (AWS returns composite alarms only then)", () => {
    const stack = newStack();
    const alarm = alarmIn(stack);
    const composite = new cloudwatch.CompositeAlarm(stack, "Composite", {
      alarmRule: cloudwatch.AlarmRule.fromAlarm(alarm, cloudwatch.AlarmState.ALARM),
    });
    drill({ alarms: [composite] }, stack);
    expect(statementsOf(stack).get("cloudwatch:DescribeAlarms")).toEqual(["*"]);
  });

  test("the role trusts Step Functions for this account's state machines only (confused deputy), on every aws-cdk-lib", () => {
    // https://docs.aws.amazon.com/step-functions/latest/dg/procedure-create-iam-role.html; aws-cdk-lib's own
    // default role has these conditions from some version on (2.276.0 has, 2.241.0 has not)
    const { stack, drill: d } = drill();
    const role = stack.resolve((d.stateMachine.role.node.defaultChild as CfnResource).logicalId);
    expect(templateOf(stack).toJSON().Resources[role].Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: "sts:AssumeRole",
        Effect: "Allow",
        Principal: { Service: "states.amazonaws.com" },
        Condition: {
          ArnLike: {
            "aws:SourceArn": {
              "Fn::Join": [
                "",
                [
                  "arn:",
                  { Ref: "AWS::Partition" },
                  ":states:",
                  { Ref: "AWS::Region" },
                  ":",
                  { Ref: "AWS::AccountId" },
                  ":stateMachine:*",
                ],
              ],
            },
          },
          StringEquals: { "aws:SourceAccount": { Ref: "AWS::AccountId" } },
        },
      },
    ]);
  });
});

describe("FailoverDrill: refusals", () => {
  test("fails when an interface is the only path to its gateway: its test would cut the gateway off", () => {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gateway");
    const single = new ResilientConnections(stack, "Dx", {
      model: ResiliencyModel.CLASSIC,
      locations: [{ location: "EqDC2", deviceSlots: 1 }],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [transit("prod", gateway, 101)],
    });
    expect(() => new FailoverDrill(stack, "Drill", { connections: [single] })).toThrow(
      /^`connections`: the virtual interface prod at EqDC2 slot 1 is the only path to the gateway of spec prod: its failover test would cut that gateway off\..*`virtualInterfaceNames`/,
    );
  });

  test("fails for a single path unless its spec is left out with `virtualInterfaceNames`", () => {
    const stack = newStack();
    const shared = new DirectConnectGateway(stack, "Shared");
    const alone = new DirectConnectGateway(stack, "Alone");
    const dx = new ResilientConnections(stack, "Dx", {
      model: ResiliencyModel.CLASSIC,
      locations: [{ location: "EqDC2", deviceSlots: 1 }],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [
        transit("prod", shared, 101),
        transit("dev", shared, 102),
        transit("ops", alone, 103),
      ],
    });
    expect(() => new FailoverDrill(stack, "Refused", { connections: [dx] })).toThrow(
      /virtual interface ops at EqDC2 slot 1 is the only path/,
    );
    const d = new FailoverDrill(stack, "Drill", {
      connections: [dx],
      virtualInterfaceNames: ["prod", "dev"],
    });
    expect(d.drilledInterfaces.map((v) => v.name)).toEqual(["dev", "prod"]);
  });

  test("a public interface's paths are the other public interfaces", () => {
    const stack = newStack();
    const dx = new ResilientConnections(stack, "Dx", {
      model: ResiliencyModel.CLASSIC,
      locations: [{ location: "EqDC2", deviceSlots: 1 }],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [
        VirtualInterface.publicInterface({
          name: "internet",
          vlan: 201,
          customerAsn: 65010,
          routeFilterPrefixes: ["203.0.113.0/24"],
          peerAddresses: [
            {
              location: "EqDC2",
              slotNumber: 1,
              amazonAddress: "203.0.113.1/30",
              customerAddress: "203.0.113.2/30",
            },
          ],
        }),
      ],
    });
    expect(() => new FailoverDrill(stack, "Drill", { connections: [dx] })).toThrow(
      /the virtual interface internet at EqDC2 slot 1 is the only path to the AWS public endpoints/,
    );
  });

  test.each([
    [
      "testDuration",
      { testDuration: Duration.minutes(4321) },
      /^`testDuration` 4321 minutes is not allowed: whole minutes, 1 to 4320\. \[\w+\]$/,
    ],
    [
      "testDuration",
      { testDuration: Duration.seconds(90) },
      /^`testDuration` 90 seconds is not allowed: whole minutes, 1 to 4320\. \[\w+\]$/,
    ],
    [
      "testDuration",
      { testDuration: 30 as any },
      /^`testDuration` must be a Duration, e\.g\. Duration\.minutes\(30\), got 30\. \[\w+\]$/,
    ],
    [
      "checkAfter",
      { checkAfter: Duration.minutes(1) },
      /^`checkAfter` 1 minute is not allowed: whole minutes, 2 to 4318\. \[\w+\]$/,
    ],
    [
      "checkAfter",
      { testDuration: Duration.minutes(10), checkAfter: Duration.minutes(9) },
      /^`checkAfter` \(9 minutes\) must be at least 2 minutes shorter than `testDuration` \(10 minutes\)/,
    ],
    [
      "restoreTimeout",
      { restoreTimeout: Duration.hours(3) },
      /^`restoreTimeout` 180 minutes is not allowed: whole minutes, 1 to 120\. \[\w+\]$/,
    ],
    [
      "trafficRetainedPercent",
      { trafficRetainedPercent: 101 },
      /^`trafficRetainedPercent` 101 is not allowed: a whole number from 0 to 100\. \[\w+\]$/,
    ],
    [
      "virtualInterfaceNames",
      { virtualInterfaceNames: [] },
      /^`virtualInterfaceNames` must name at least one virtual interface spec/,
    ],
    [
      "virtualInterfaceNames",
      { virtualInterfaceNames: ["nope"] },
      /^`virtualInterfaceNames`: "nope" is the name of no virtual interface spec of the `connections` \(their specs: prod\)\. \[\w+\]$/,
    ],
    ["alarms", { alarms: ["alarm"] as any }, /^`alarms`: "alarm" is not a CloudWatch alarm/],
  ])("fails when `%s` is out of bounds", (_prop, props, message) => {
    expect(() => drill(props as Partial<FailoverDrillProps>)).toThrow(message);
  });

  test("fails when the connections carry no virtual interfaces, or are not connections", () => {
    const stack = newStack();
    const bare = new MaximumResiliencyConnections(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
    });
    expect(() => new FailoverDrill(stack, "Drill", { connections: [bare] })).toThrow(
      /^`connections` carry no virtual interfaces/,
    );
    expect(() => new FailoverDrill(stack, "Other", { connections: [stack as any] })).toThrow(
      /^`connections`: .* is not a ResilientConnections/,
    );
    expect(() => new FailoverDrill(stack, "None", {} as any)).toThrow(
      /^`connections` is required: a list of/,
    );
  });

  test("fails when more than 100 alarms are given (one DescribeAlarms call)", () => {
    const stack = newStack();
    const alarms = Array.from({ length: 101 }, (_, i) => alarmIn(stack, `Alarm${i}`));
    expect(() => drill({ alarms }, stack)).toThrow(/^`alarms` has 101 alarms: at most 100/);
  });
});

describe("FailoverDrill: stable logical IDs", () => {
  /** The logical IDs of the drill's resources, and its interface states. */
  function drillOf(locations: string[], specs: string[]) {
    const stack = newStack();
    const dx = maximum(stack, locations, specs);
    new FailoverDrill(stack, "Drill", { connections: [dx] });
    const ids = Object.keys(templateOf(stack).toJSON().Resources).filter((id) => id.startsWith("Drill"));
    return { ids, states: Object.keys(interfaceStates(definitionOf(stack)).States) };
  }

  test("adding a location or a spec renames no resource of the drill and no state", () => {
    const base = drillOf(["EqDC2", "EqSE2"], ["prod"]);
    expect(base.ids.sort()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^DrillStateMachine[0-9A-F]{8}$/),
        expect.stringMatching(/^DrillStateMachineRole[0-9A-F]{8}$/),
        expect.stringMatching(/^DrillStateMachineRoleDefaultPolicy[0-9A-F]{8}$/),
        expect.stringMatching(/^DrillListOwnExecutions[0-9A-F]{8}$/),
      ]),
    );
    expect(base.ids).toHaveLength(4);
    for (const grown of [
      drillOf(["EqDC2", "EqSE2", "EqLD5"], ["prod"]),
      drillOf(["EqDC2", "EqSE2"], ["prod", "dev"]),
    ]) {
      expect(grown.ids.sort()).toEqual(base.ids.sort());
      expect(grown.states).toEqual(base.states);
    }
  });
});

describe("FailoverDrill: the execution history", () => {
  test("warns when the drill's history may near the 25,000 events of an execution", () => {
    const stack = newStack();
    // two gateways with 30 paths each (a gateway's most): 60 interfaces, each guarded by 30 paths
    const [a, b] = [new DirectConnectGateway(stack, "A"), new DirectConnectGateway(stack, "B")];
    const dx = new ResilientConnections(stack, "Dx", {
      locations: ["EqDC1", "EqDC2", "EqDC3", "EqDC4", "EqDC5"].map((location) => ({
        location,
        deviceSlots: 3,
      })),
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [
        transit("prod", a, 101),
        transit("dev", a, 102),
        transit("ops", b, 103),
        transit("lab", b, 104),
      ],
    });
    const big = new FailoverDrill(stack, "Drill", { connections: [dx] });
    Annotations.fromStack(stack).hasWarning(
      `/${big.node.path}`,
      Match.stringLikeRegexp("may reach about \\d+ events; Step Functions fails an execution at 25,000"),
    );
    const small = drill();
    Annotations.fromStack(small.stack).hasNoWarning("*", Match.stringLikeRegexp("events"));
  });
});

describe("FailoverDrill: cdk-nag", () => {
  test("passes the AwsSolutions checks, its findings by design acknowledged with their reasons", () => {
    const app = newApp();
    const plain = new Stack(app, "Plain");
    drill({}, plain);
    const logged = new Stack(app, "Logged");
    const composite = new cloudwatch.CompositeAlarm(logged, "Composite", {
      alarmRule: cloudwatch.AlarmRule.fromAlarm(alarmIn(logged), cloudwatch.AlarmState.ALARM),
      actionsEnabled: false,
    });
    drill(
      {
        logGroup: new logs.LogGroup(logged, "Logs", { retention: logs.RetentionDays.ONE_YEAR }),
        alarms: [composite],
      },
      logged,
    );
    Aspects.of(app).add(new AwsSolutionsChecks());
    for (const stack of [plain, logged]) {
      Annotations.fromStack(stack).hasNoError("*", Match.stringLikeRegexp("AwsSolutions-"));
      Annotations.fromStack(stack).hasNoWarning("*", Match.stringLikeRegexp("AwsSolutions-"));
    }
    // without a log group, the missing logs are acknowledged; with one, they are not needed
    const machine = (stack: Stack) =>
      Object.values(
        templateOf(stack).findResources("AWS::StepFunctions::StateMachine"),
      )[0].Metadata.cdk_nag.rules_to_suppress.map((r: { id: string }) => r.id);
    expect(machine(plain)).toEqual(["AwsSolutions-SF1", "AwsSolutions-SF2"]);
    expect(machine(logged)).toEqual(["AwsSolutions-SF2"]);
  });
});
