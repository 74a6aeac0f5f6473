// The states of the failover drill's state machine (JSONata, AWS SDK service integrations: no Lambda).
// The order of the states is documented in the README ("Failover drill") and checked by
// test/operate/failover-drill.test.ts.

import { Aws, Duration } from "aws-cdk-lib";
import * as sfn from "aws-cdk-lib/aws-stepfunctions";
import * as tasks from "aws-cdk-lib/aws-stepfunctions-tasks";
import { Construct } from "constructs";
import {
  ALARMS_NOT_OK,
  CAUGHT_FAILURE,
  DESCRIBE_PATH,
  NOW_MS,
  OTHER_PATH_LOST,
  PATHS_DOWN,
  TESTED_UP,
  TRAFFIC_QUERIES,
  jsonata,
  meanBps,
  record,
  trafficMoved,
} from "./drill-expressions";

/** One element of the drill's Map: one interface to test, and the paths that guard its test. */
export interface DrillItem {
  /** The id of the interface to test (a token until deploy). */
  readonly virtualInterfaceId: string;
  /** Its spec's name. */
  readonly name: string;
  /** Its location code. */
  readonly location: string;
  /** Its slot number. */
  readonly slotNumber: number;
  /** The ids of every path to its gateway, itself included. */
  readonly paths: string[];
  /** The names of the alarms that must be OK before its test. */
  readonly alarmNames?: string[];
}

/** What the definition is made of. */
export interface DrillDefinition {
  /** The interfaces to test, in order. */
  readonly items: DrillItem[];
  /** The ARNs of every interface the drill describes (the tested ones and the paths that guard them). */
  readonly describedArns: string[];
  /** The ARNs of the tested interfaces. */
  readonly testedArns: string[];
  /** The `Resource` of `cloudwatch:DescribeAlarms`; undefined without alarms. */
  readonly alarmResources?: string[];
  /** `testDurationInMinutes` of StartBgpFailoverTest. */
  readonly testDurationMinutes: number;
  /** The wait between the start of a test and its check. */
  readonly checkAfter: Duration;
  /** How long the drill waits for the tested session to come back. */
  readonly restoreTimeout: Duration;
  /** The traffic criterion, in percent. */
  readonly trafficRetainedPercent: number;
}

/** How often the drill asks whether the tested session is back. */
const RESTORE_POLL = Duration.seconds(30);

/** Retries of the calls that read or restore (never of StartBgpFailoverTest). */
const RETRY: sfn.RetryProps = {
  errors: [sfn.Errors.TASKS_FAILED],
  interval: Duration.seconds(5),
  maxAttempts: 3,
  backoffRate: 2,
};

/** The parts of an SDK call that vary. */
interface CallOptions {
  readonly parameters: Record<string, unknown>;
  readonly assign?: Record<string, unknown>;
  readonly outputs?: string;
}

/**
 * A call of an AWS API through the AWS SDK service integration; its IAM statement allows the API's
 * action (`service:ApiName`) on `resources` only.
 */
function call(scope: Construct, id: string, api: string, resources: string[], options: CallOptions) {
  const [service, action] = api.split(":");
  return tasks.CallAwsService.jsonata(scope, id, {
    service,
    action,
    iamAction: `${service}:${action[0].toUpperCase()}${action.slice(1)}`,
    iamResources: resources,
    ...options,
  });
}

/** The whole drill: refuse to run beside another execution, then each interface in turn. */
export function drillDefinition(scope: Construct, d: DrillDefinition): sfn.IChainable {
  const list = new sfn.CustomState(scope, "List running drills", {
    stateJson: {
      Type: "Task",
      Resource: `arn:${Aws.PARTITION}:states:::aws-sdk:sfn:listExecutions`,
      Arguments: {
        StateMachineArn: jsonata("$states.context.StateMachine.Id"),
        StatusFilter: "RUNNING",
        MaxResults: 2,
      },
      Assign: { otherDrillRuns: jsonata("$count($states.result.Executions) > 1") },
    },
  });
  const refuse = sfn.Fail.jsonata(scope, "Refuse: another drill is running", {
    error: "DrillAlreadyRunning",
    cause: "Another execution of this failover drill is running: only one BGP session goes down at a time.",
  });
  const each = sfn.Map.jsonata(scope, "Drill each interface", {
    items: sfn.ProvideItems.jsonArray(d.items),
    maxConcurrency: 1,
  });
  each.itemProcessor(interfaceDrill(scope, d));
  const passed = sfn.Succeed.jsonata(scope, "Drill passed", {
    outputs: { result: "PASSED", interfaces: jsonata("$states.input") },
  });
  return list.next(
    sfn.Choice.jsonata(scope, "Another drill running?")
      .when(sfn.Condition.jsonata(jsonata("$otherDrillRuns")), refuse)
      .otherwise(each.next(passed)),
  );
}

/** One interface: begin, guard, test, check, stop, wait for the session, record. */
function interfaceDrill(scope: Construct, d: DrillDefinition): sfn.IChainable {
  const begin = sfn.Pass.jsonata(scope, "Begin interface", {
    assign: {
      item: jsonata("$states.input"),
      paths: null,
      pathsDown: [],
      alarmsNotOk: [],
      queries: [],
      test: null,
      testStartMs: null,
      pathsDuring: null,
      beforeBps: null,
      othersDuringBps: null,
      testedDuringBps: null,
      failed: false,
      failure: null,
      restoreDeadlineMs: null,
      restored: false,
    },
  });
  const stop = stopAndRestore(scope, d);
  const test = testAndCheck(scope, d, stop);
  return begin.next(guard(scope, d, test));
}

/** A Map that describes every path of the tested interface (DescribeVirtualInterfaces per path). */
function describePaths(
  scope: Construct,
  d: DrillDefinition,
  stage: string,
  assign: Record<string, unknown>,
): sfn.Map {
  const map = sfn.Map.jsonata(scope, `${stage}: describe every path`, {
    items: sfn.ProvideItems.jsonata(jsonata("$item.paths")),
    maxConcurrency: 4,
    assign,
  });
  return map.itemProcessor(
    call(scope, `${stage}: describe one path`, "directconnect:describeVirtualInterfaces", d.describedArns, {
      parameters: { VirtualInterfaceId: jsonata("$states.input") },
      outputs: jsonata(DESCRIBE_PATH),
    }).addRetry(RETRY),
  );
}

/** The guard: every path to the gateway up (and the alarms OK), or the drill stops untouched. */
function guard(scope: Construct, d: DrillDefinition, test: sfn.IChainable): sfn.IChainable {
  const paths = describePaths(scope, d, "Guard", {
    paths: jsonata("$states.result"),
    pathsDown: jsonata(PATHS_DOWN),
    queries: jsonata(TRAFFIC_QUERIES),
  });
  const refuse = sfn.Fail.jsonata(scope, "Refuse: a path or an alarm is not OK", {
    error: "DrillGuardFailed",
    cause: jsonata(
      `$string(${record("NOT_TESTED", "'pathsDown': $pathsDown, 'alarmsNotOk': $alarmsNotOk")})`,
    ),
  });
  const passed = sfn.Choice.jsonata(scope, "Guard passed?")
    .when(sfn.Condition.jsonata(jsonata("$count($pathsDown) = 0 and $count($alarmsNotOk) = 0")), test)
    .otherwise(refuse);
  if (d.alarmResources === undefined) {
    return paths.next(passed);
  }
  const alarms = call(scope, "Guard: describe alarms", "cloudwatch:describeAlarms", d.alarmResources, {
    parameters: {
      AlarmNames: jsonata("$item.alarmNames"),
      AlarmTypes: ["MetricAlarm", "CompositeAlarm"],
      MaxRecords: 100,
    },
    assign: { alarmsNotOk: jsonata(ALARMS_NOT_OK) },
  }).addRetry(RETRY);
  return paths.next(alarms).next(passed);
}

/** A GetMetricData call over the paths' traffic between two instants (JSONata, epoch milliseconds). */
function traffic(scope: Construct, id: string, from: string, to: string, assign: Record<string, unknown>) {
  // GetMetricData has no resource-level permissions for metrics (its only resource type is an OTLP
  // dataset): https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatch.html
  return call(scope, id, "cloudwatch:getMetricData", ["*"], {
    parameters: {
      MetricDataQueries: jsonata("$queries"),
      StartTime: jsonata(`$fromMillis(${from})`),
      EndTime: jsonata(`$fromMillis(${to})`),
      ScanBy: "TimestampAscending",
    },
    assign,
  }).addRetry(RETRY);
}

/** What a Catch after the start of the test records before it stops the test. */
const CAUGHT = { assign: { failed: true, failure: jsonata(CAUGHT_FAILURE) } };

/** Start the test, wait, check that the other paths stay up and carry the traffic, then stop it. */
function testAndCheck(scope: Construct, d: DrillDefinition, stop: sfn.IChainable): sfn.IChainable {
  const start = call(scope, "Start failover test", "directconnect:startBgpFailoverTest", d.testedArns, {
    parameters: {
      VirtualInterfaceId: jsonata("$item.virtualInterfaceId"),
      TestDurationInMinutes: d.testDurationMinutes,
    },
    assign: { test: jsonata("$states.result.VirtualInterfaceTest"), testStartMs: jsonata(NOW_MS) },
  }).addCatch(stop, CAUGHT);
  const wait = sfn.Wait.jsonata(scope, "Wait before check", { time: sfn.WaitTime.duration(d.checkAfter) });
  const check = describePaths(scope, d, "Check", {
    pathsDuring: jsonata("$states.result"),
    pathsLost: jsonata(OTHER_PATH_LOST),
  }).addCatch(stop, CAUGHT);
  const lost = {
    failed: true,
    failure: jsonata(
      "{ 'error': 'DrillPathLost', 'reason': 'another path to the gateway went down during the test: ' & " +
        "$join([$pathsDuring[up = false].virtualInterfaceId], ', ') }",
    ),
  };
  return start
    .next(wait)
    .next(check)
    .next(
      sfn.Choice.jsonata(scope, "Other paths still up?")
        .when(sfn.Condition.jsonata(jsonata("$pathsLost")), stop, { assign: lost })
        .otherwise(trafficCheck(scope, d, stop)),
    );
}

/**
 * The traffic check: the paths' traffic over a window just before the test and over as long a window
 * ending now (the last half of `checkAfter`, whole minutes, at least one).
 */
function trafficCheck(scope: Construct, d: DrillDefinition, stop: sfn.IChainable): sfn.IChainable {
  const checkMs = d.checkAfter.toMilliseconds();
  const windowMs = Math.max(60_000, Math.floor(checkMs / 120_000) * 60_000);
  const before = traffic(
    scope,
    "Check: traffic before the test",
    `$testStartMs - ${windowMs}`,
    "$testStartMs",
    {
      beforeBps: jsonata(meanBps()),
    },
  ).addCatch(stop, CAUGHT);
  const during = traffic(
    scope,
    "Check: traffic during the test",
    `$testStartMs + ${checkMs - windowMs}`,
    NOW_MS,
    {
      othersDuringBps: jsonata(meanBps("Label != $item.virtualInterfaceId")),
      testedDuringBps: jsonata(meanBps("Label = $item.virtualInterfaceId")),
      trafficMoved: jsonata(trafficMoved(d.trafficRetainedPercent)),
    },
  ).addCatch(stop, CAUGHT);
  const notMoved = {
    failed: true,
    failure: jsonata(
      `{ 'error': 'DrillTrafficNotMoved', 'reason': 'the other paths carried less than ${d.trafficRetainedPercent}% ` +
        "of the traffic all paths carried before the test' }",
    ),
  };
  return before.next(during).next(
    sfn.Choice.jsonata(scope, "Traffic moved?")
      .when(sfn.Condition.jsonata(jsonata("$not($trafficMoved)")), stop, { assign: notMoved })
      .otherwise(stop),
  );
}

/** Stop the test (AWS restores the session), wait until the session is up again, then record or fail. */
function stopAndRestore(scope: Construct, d: DrillDefinition): sfn.IChainable {
  const deadline = jsonata(`${NOW_MS} + ${d.restoreTimeout.toMilliseconds()}`);
  const wait = sfn.Wait.jsonata(scope, "Wait for the session", { time: sfn.WaitTime.duration(RESTORE_POLL) });
  const stop = call(scope, "Stop failover test", "directconnect:stopBgpFailoverTest", d.testedArns, {
    parameters: { VirtualInterfaceId: jsonata("$item.virtualInterfaceId") },
    assign: { restoreDeadlineMs: deadline },
  })
    .addRetry(RETRY)
    // a test that ended on its own (or never started) cannot be stopped: wait for the session all the same
    .addCatch(wait, { assign: { restoreDeadlineMs: deadline } });
  const restored = sfn.Choice.jsonata(scope, "Session restored?");
  const describe = call(
    scope,
    "Describe tested interface",
    "directconnect:describeVirtualInterfaces",
    d.describedArns,
    {
      parameters: { VirtualInterfaceId: jsonata("$item.virtualInterfaceId") },
      assign: { restored: jsonata(TESTED_UP) },
    },
  )
    .addRetry(RETRY)
    .addCatch(restored, { assign: { restored: false } });
  const notRestored = sfn.Fail.jsonata(scope, "Fail: session not restored", {
    error: "DrillSessionNotRestored",
    cause: jsonata(`$string(${record("SESSION_NOT_RESTORED")})`),
  });
  const failed = sfn.Fail.jsonata(scope, "Fail: drill stopped", {
    error: jsonata("$failure.error"),
    cause: jsonata(`$string(${record("FAILED")})`),
  });
  const recordTest = call(
    scope,
    "Record test",
    "directconnect:listVirtualInterfaceTestHistory",
    d.testedArns,
    {
      parameters: {
        VirtualInterfaceId: jsonata("$item.virtualInterfaceId"),
        TestId: jsonata("$test.TestId"),
      },
      outputs: jsonata(record("PASSED", "'test': $states.result.VirtualInterfaceTestHistory[0]")),
    },
  ).addRetry(RETRY);
  restored
    .when(
      sfn.Condition.jsonata(jsonata("$restored")),
      sfn.Choice.jsonata(scope, "Interface failed?")
        .when(sfn.Condition.jsonata(jsonata("$failed")), failed)
        .otherwise(recordTest),
    )
    .when(sfn.Condition.jsonata(jsonata(`${NOW_MS} > $restoreDeadlineMs`)), notRestored)
    .otherwise(wait);
  stop.next(wait);
  wait.next(describe).next(restored);
  return stop;
}
