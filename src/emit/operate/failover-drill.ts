import { ArnFormat, CfnResource, Duration, Stack, Token } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as iam from "aws-cdk-lib/aws-iam";
import * as logs from "aws-cdk-lib/aws-logs";
import * as sfn from "aws-cdk-lib/aws-stepfunctions";
import { Construct } from "constructs";
import { DrillItem, drillDefinition } from "./drill-states";
import type { ReportDrill } from "../../analyse/drills";
import { finding } from "../../core/fail";
import { PROP_TYPE } from "../../core/prop-type";
import { given, isMadeBy, listOf, objectOf, optionalListOf, show } from "../../core/props";
import { RuleFinding } from "../../core/rule";
import { VirtualInterfaceType } from "../../core/topology";
import { DrillInterface, DrillStepPlan, checkDrill, planDrill } from "../../plan/drill";
import {
  DRILL_DURATION,
  DRILL_INTERFACE_NAME,
  checkCheckAfter,
  checkDrillHistory,
  checkDrillAlarmCount,
  checkTrafficRetainedPercent,
} from "../../rules/drill";
import type { IResilientConnections } from "../connections";
import { report } from "../findings";
import { SlotVirtualInterface } from "../virtual-interface";

/**
 * Props of `FailoverDrill`.
 */
export interface FailoverDrillProps {
  /**
   * The constructs whose virtual interfaces the drill tests (`MaximumResiliencyConnections`,
   * `HighResiliency`, `DevTest` or `ResilientConnections`). The paths to one gateway are the virtual
   * interfaces of these constructs that land on it (every public interface counts as a path to the AWS
   * public endpoints): an interface that is the only path to its gateway is refused, since its test
   * would cut the gateway off.
   */
  readonly connections: IResilientConnections[];

  /**
   * Test only the virtual interfaces of these specs (by the spec's `name`). The guard still checks every
   * path to the gateway, whatever its spec.
   *
   * @default - every virtual interface of the `connections`
   */
  readonly virtualInterfaceNames?: string[];

  /**
   * The `testDurationInMinutes` of each `StartBgpFailoverTest`: how long AWS keeps the BGP sessions
   * down if the drill is interrupted (the drill itself stops each test after its check). Whole
   * minutes, at most 4,320 (72 hours), as the API allows
   * (https://docs.aws.amazon.com/directconnect/latest/APIReference/API_StartBgpFailoverTest.html).
   *
   * @default Duration.minutes(30)
   */
  readonly testDuration?: Duration;

  /**
   * The wait between the start of a test and its check. The traffic check compares the half of it
   * before the check (whole minutes, at least one) with as long a window just before the test, so
   * give BGP time to converge (the default hold time is 90 seconds). Whole minutes, at least 2, and at
   * least 2 minutes shorter than `testDuration` (the check runs while the test holds the session down).
   *
   * @default Duration.minutes(10)
   */
  readonly checkAfter?: Duration;

  /**
   * How long the drill waits, after it stops a test, for the tested interface to come back. Back means
   * `available` with every BGP session `up`. Past it the drill fails (`DrillSessionNotRestored`). Whole
   * minutes, 1 to 120.
   *
   * @default Duration.minutes(15)
   */
  readonly restoreTimeout?: Duration;

  /**
   * The traffic criterion: during the test, the other paths to the gateway must carry at least this
   * percentage of the traffic (egress plus ingress) that all its paths carried just before the test.
   * 0 records the traffic without judging it. Whole number, 0 to 100.
   *
   * @default 80
   */
  readonly trafficRetainedPercent?: number;

  /**
   * Alarms that must all be in state OK before each test (checked with `DescribeAlarms`, at most 100).
   * A composite alarm made here widens `cloudwatch:DescribeAlarms` to `*`, as AWS requires to return
   * composite alarms; an imported one is not seen as composite, and the guard then refuses (fails
   * closed).
   *
   * @default - no alarms: the guard checks the BGP sessions only
   */
  readonly alarms?: cloudwatch.IAlarm[];

  /**
   * A log group for the state machine's execution logs (level ALL, with execution data: every step's
   * record). Without it, the records are the execution's output and history, which Step Functions
   * keeps 90 days after the execution ends, and Direct Connect's test history (365 days).
   *
   * @default - no logs
   */
  readonly logGroup?: logs.ILogGroup;
}

/** The hook by which a construct of this library hears which drill steps test its interfaces. */
interface DrillRegistry {
  _addDrill?(drill: ReportDrill): void;
}

/** An interface of the connections, with what the drill plan reads and the construct it is of. */
interface Candidate extends DrillInterface {
  readonly vif: SlotVirtualInterface;
  readonly owner: IResilientConnections;
}

/**
 * A guarded failover drill: a Step Functions state machine that tests the virtual interfaces of
 * `connections` one at a time with the Direct Connect failover test (`StartBgpFailoverTest`), which
 * puts an interface's BGP sessions down
 * (https://docs.aws.amazon.com/directconnect/latest/UserGuide/resiliency_failover.html).
 *
 * For each interface, in the order location, slot, spec name: a guard checks that every path to its
 * gateway is up (and the `alarms` OK) and stops the drill untouched otherwise; then the test starts, and
 * after `checkAfter` the drill checks that the other paths are still up and carry the traffic; it stops
 * the test (AWS restores the session), waits until the session is up again and records the result. A
 * failed check stops the test and the drill. Nothing runs until you start an execution (the README's
 * "Failover drill" shows how, and what a drill proves).
 *
 * The report of each construct in `connections` (`report()`, and the `.dx-report.md` of the cloud
 * assembly) then lists the drill's steps on its interfaces and, per single failure, the steps that
 * rehearse it.
 */
export class FailoverDrill extends Construct {
  /** The state machine: start an execution to run the drill. */
  public readonly stateMachine: sfn.StateMachine;
  /** The interfaces the drill tests, in its order. */
  public readonly drilledInterfaces: SlotVirtualInterface[];

  constructor(scope: Construct, id: string, props: FailoverDrillProps) {
    super(scope, id);
    const findings: RuleFinding[] = [];
    const o = objectOf(props, "props", "the props of the drill, with `connections`", findings);
    if (o === undefined) report(this, findings);
    const read = findings.length;
    const names = namesOf(o!.virtualInterfaceNames, findings);
    const constructs = constructsOf(o!.connections, findings);
    const candidates = candidatesOf(constructs);
    // the interfaces to test are known only when `connections` and `virtualInterfaceNames` are
    if (findings.length === read) findings.push(...checkDrill(candidates, names));
    const testDuration = minutesOf(o!.testDuration, "testDuration", 30, { min: 1, max: 4320 }, findings);
    const checkAfter = minutesOf(o!.checkAfter, "checkAfter", 10, { min: 2, max: 4318 }, findings);
    if (testDuration !== undefined && checkAfter !== undefined) {
      findings.push(...checkCheckAfter(checkAfter, testDuration));
    }
    const restoreTimeout = minutesOf(o!.restoreTimeout, "restoreTimeout", 15, { min: 1, max: 120 }, findings);
    const percent = given(o!.trafficRetainedPercent) ? (o!.trafficRetainedPercent as number) : 80;
    findings.push(...checkTrafficRetainedPercent(percent));
    const alarms = alarmsOf(o!.alarms, findings);
    const steps = planDrill(candidates, names);
    findings.push(...checkDrillHistory(historyEvents(steps, restoreTimeout ?? 15)));
    report(this, findings);

    this.drilledInterfaces = steps.map((s) => s.tested.vif);
    registerOn(constructs, this.node.path, steps);
    this.stateMachine = new sfn.StateMachine(this, "StateMachine", {
      role: stateMachineRole(this),
      definitionBody: sfn.DefinitionBody.fromChainable(
        drillDefinition(this, {
          items: steps.map((s) => itemOf(s, alarms)),
          describedArns: unique(steps.flatMap((s) => s.paths.map((p) => p.vif.virtualInterfaceArn))),
          testedArns: this.drilledInterfaces.map((v) => v.virtualInterfaceArn),
          alarmResources: alarms.length === 0 ? undefined : alarmResources(alarms),
          testDurationMinutes: testDuration!,
          checkAfter: Duration.minutes(checkAfter!),
          restoreTimeout: Duration.minutes(restoreTimeout!),
          trafficRetainedPercent: percent,
        }),
      ),
      queryLanguage: sfn.QueryLanguage.JSONATA,
      stateMachineType: sfn.StateMachineType.STANDARD,
      comment:
        "Guarded Direct Connect failover drill: one BGP failover test at a time (cdk-direct-connect-resiliency).",
      logs: given(props.logGroup)
        ? { destination: props.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: true }
        : undefined,
    });
    // aws-cdk-lib makes the state machine depend on its role, which its RoleArn (Fn::GetAtt) already
    // does: cfn-lint warns W3005 on every StateMachine of aws-cdk-lib. Silenced on this resource only.
    (this.stateMachine.node.defaultChild as CfnResource).addMetadata("cfn-lint", {
      config: { ignore_checks: ["W3005"] },
    });
    acknowledgeNagFindings(this.stateMachine, given(props.logGroup));
    // Its own executions, to refuse a second drill beside a running one. A policy of its own: the
    // role's default policy comes before the state machine, which this statement names.
    new iam.Policy(this, "ListOwnExecutions", {
      roles: [this.stateMachine.role],
      statements: [
        new iam.PolicyStatement({
          actions: ["states:ListExecutions"],
          resources: [this.stateMachine.stateMachineArn],
        }),
      ],
    });
  }
}

/**
 * The state machine's role, trusted by Step Functions for the state machines of this account and Region
 * only (the confused-deputy conditions of
 * https://docs.aws.amazon.com/step-functions/latest/dg/procedure-create-iam-role.html). Made here because
 * aws-cdk-lib's default role has these conditions from some version on and not before: the template is
 * then the same on every aws-cdk-lib the library supports.
 */
function stateMachineRole(scope: Construct): iam.Role {
  const stack = Stack.of(scope);
  return new iam.Role(scope, "StateMachineRole", {
    assumedBy: new iam.ServicePrincipal("states.amazonaws.com", {
      conditions: {
        ArnLike: {
          "aws:SourceArn": stack.formatArn({
            service: "states",
            resource: "stateMachine",
            resourceName: "*",
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        },
        StringEquals: { "aws:SourceAccount": stack.account },
      },
    }),
  });
}

/** A cdk-nag rule suppression, as cdk-nag reads it from a resource's metadata. */
interface NagSuppression {
  readonly id: string;
  readonly reason: string;
  readonly applies_to?: string[];
}

/**
 * Acknowledges, with their reasons, the cdk-nag AwsSolutions findings the drill carries by design (cdk-nag
 * reads `cdk_nag` metadata; the library does not depend on it).
 */
function acknowledgeNagFindings(machine: sfn.StateMachine, logged: boolean): void {
  const add = (resource: CfnResource, rules: NagSuppression[]) => {
    const existing = (resource.getMetadata("cdk_nag") as { rules_to_suppress?: NagSuppression[] }) ?? {};
    resource.addMetadata("cdk_nag", { rules_to_suppress: [...(existing.rules_to_suppress ?? []), ...rules] });
  };
  const policy = machine.role.node.tryFindChild("DefaultPolicy")?.node.defaultChild as CfnResource;
  add(policy, [
    {
      id: "AwsSolutions-IAM5",
      reason:
        "cloudwatch:GetMetricData has no resource-level permission for metrics; cloudwatch:DescribeAlarms " +
        "needs * only for composite alarms; the log delivery actions of Step Functions logging need *.",
      applies_to: ["Resource::*"],
    },
  ]);
  add(machine.node.defaultChild as CfnResource, [
    ...(logged
      ? []
      : [
          {
            id: "AwsSolutions-SF1",
            reason:
              "Logs are opt-in (logGroup): the execution history keeps every step for 90 days and Direct " +
              "Connect keeps the test history for 365 days.",
          },
        ]),
    {
      id: "AwsSolutions-SF2",
      reason:
        "The drill makes AWS SDK calls only: the execution history traces each; X-Ray would add nothing.",
    },
  ]);
}

/** A margin under the 25,000 events of a Standard execution's history. */
/**
 * About how many history events a drill that passes takes: per interface 52 for its fixed states, 14 per
 * path (two describe Maps: 7 events per iteration) and 9 per poll of the session (4 polls), and the
 * polls until `restoreTimeout` once (the interface whose session does not come back ends the drill).
 */
function historyEvents(
  steps: ReadonlyArray<DrillStepPlan<Candidate>>,
  restoreTimeoutMinutes: number,
): number {
  const perInterface = steps.reduce((n, s) => n + 52 + 14 * s.paths.length + 9 * 4, 0);
  return 10 + perInterface + 9 * restoreTimeoutMinutes * 2;
}

/** The constructs of `connections`, each once (those of the wrong type reported into `out`). */
function constructsOf(value: unknown, out: RuleFinding[]): IResilientConnections[] {
  const list = listOf(value, "connections", "ResilientConnections (or model) constructs", out) ?? [];
  return [...new Set(list)].flatMap((c) => {
    if (isMadeBy(c, "virtualInterfacesNamed") && Array.isArray((c as any).virtualInterfaces)) {
      return [c as IResilientConnections];
    }
    out.push(
      finding(
        PROP_TYPE,
        `\`connections\`: ${show(c)} is not a ResilientConnections, MaximumResiliencyConnections, ` +
          "HighResiliency or DevTest construct.",
      ),
    );
    return [];
  });
}

/** The virtual interfaces of the constructs. */
function candidatesOf(constructs: ReadonlyArray<IResilientConnections>): Candidate[] {
  return constructs.flatMap((c) =>
    c.virtualInterfaces.map((vif) => ({
      vif,
      owner: c,
      name: vif.name,
      location: vif.location,
      slotNumber: vif.slotNumber,
      interfaceType: vif.interfaceType,
      target: vif.topology.target,
      targetLabel: targetLabel(vif),
    })),
  );
}

/**
 * Tells each construct which steps test its interfaces, for its report (a construct of another copy of
 * the library, without `_addDrill`, is left out).
 */
function registerOn(
  constructs: ReadonlyArray<IResilientConnections>,
  name: string,
  steps: ReadonlyArray<DrillStepPlan<Candidate>>,
): void {
  for (const c of constructs) {
    const registry = c as unknown as DrillRegistry;
    if (typeof registry._addDrill !== "function") continue;
    registry._addDrill({
      name,
      stepCount: steps.length,
      steps: steps
        .map((s, i) => ({ step: i + 1, owner: s.tested.owner, virtualInterfaceId: s.tested.vif.topology.id }))
        .filter((s) => s.owner === c)
        .map(({ step, virtualInterfaceId }) => ({ step, virtualInterfaceId })),
    });
  }
}

function targetLabel(vif: SlotVirtualInterface): string {
  if (vif.interfaceType === VirtualInterfaceType.PUBLIC) return "the AWS public endpoints";
  const target = vif.topology.target;
  return Token.isUnresolved(target) ? `the gateway of spec ${vif.name}` : `gateway ${target}`;
}

/** The spec names to test: a non-empty list of strings (else reported into `out`). */
function namesOf(value: unknown, out: RuleFinding[]): string[] | undefined {
  const names = optionalListOf(value, "virtualInterfaceNames", "spec names", out);
  if (names === undefined) return undefined;
  if (names.length > 0 && names.every((n) => typeof n === "string")) return names as string[];
  out.push(
    finding(
      DRILL_INTERFACE_NAME,
      `\`virtualInterfaceNames\` must name at least one virtual interface spec, got ${show(value)}; leave it ` +
        "out to test every interface.",
    ),
  );
  return undefined;
}

/**
 * A duration in whole minutes within `range` (`defaultMinutes` when not given); literal, since it shapes
 * the state machine at synth. Undefined when it breaks a rule (reported into `out`).
 */
function minutesOf(
  value: unknown,
  prop: string,
  defaultMinutes: number,
  range: { readonly min: number; readonly max: number },
  out: RuleFinding[],
): number | undefined {
  if (!given(value)) return defaultMinutes;
  if (!isMadeBy(value, "toSeconds") || !isMadeBy(value, "isUnresolved")) {
    out.push(
      finding(
        PROP_TYPE,
        `\`${prop}\` must be a Duration, e.g. Duration.minutes(${defaultMinutes}), got ${show(value)}.`,
      ),
    );
    return undefined;
  }
  const duration = value as Duration;
  if (duration.isUnresolved()) {
    out.push(
      finding(
        DRILL_DURATION,
        `\`${prop}\` must be a literal Duration: it sets the state machine's waits at synth.`,
      ),
    );
    return undefined;
  }
  const seconds = duration.toSeconds();
  if (seconds % 60 !== 0 || seconds / 60 < range.min || seconds / 60 > range.max) {
    out.push(
      finding(
        DRILL_DURATION,
        `\`${prop}\` ${seconds % 60 === 0 ? plural(seconds / 60, "minute") : plural(seconds, "second")} is not ` +
          `allowed: whole minutes, ${range.min} to ${range.max}.`,
      ),
    );
    return undefined;
  }
  return seconds / 60;
}

/** The alarms: at most 100 (one DescribeAlarms call), each with a name and an ARN (else reported into `out`). */
function alarmsOf(value: unknown, out: RuleFinding[]): cloudwatch.IAlarm[] {
  const alarms = optionalListOf(value, "alarms", "CloudWatch alarms", out) ?? [];
  out.push(...checkDrillAlarmCount(alarms.length));
  for (const alarm of alarms) {
    if (typeof (alarm as any)?.alarmArn !== "string" || typeof (alarm as any)?.alarmName !== "string") {
      out.push(finding(PROP_TYPE, `\`alarms\`: ${show(alarm)} is not a CloudWatch alarm (IAlarm).`));
    }
  }
  return alarms as cloudwatch.IAlarm[];
}

/**
 * The `Resource` of `cloudwatch:DescribeAlarms`: the alarms' ARNs, or `*` when one is a composite alarm
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/permissions-reference-cw.html).
 */
function alarmResources(alarms: ReadonlyArray<cloudwatch.IAlarm>): string[] {
  const composite = alarms.some(
    (a) =>
      a instanceof cloudwatch.CompositeAlarm || a.node.defaultChild instanceof cloudwatch.CfnCompositeAlarm,
  );
  return composite ? ["*"] : unique(alarms.map((a) => a.alarmArn));
}

function itemOf(step: DrillStepPlan<Candidate>, alarms: ReadonlyArray<cloudwatch.IAlarm>): DrillItem {
  const tested = step.tested.vif;
  return {
    virtualInterfaceId: tested.virtualInterfaceId,
    name: tested.name,
    location: tested.location,
    slotNumber: tested.slotNumber,
    paths: step.paths.map((p) => p.vif.virtualInterfaceId),
    alarmNames: alarms.length === 0 ? undefined : alarms.map((a) => a.alarmName),
  };
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
