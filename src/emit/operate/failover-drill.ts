import { ArnFormat, CfnResource, Duration, Stack, Token } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as fis from "aws-cdk-lib/aws-fis";
import * as iam from "aws-cdk-lib/aws-iam";
import * as logs from "aws-cdk-lib/aws-logs";
import * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import type { ReportDrill } from "../../analyse/drills";
import { finding } from "../../core/fail";
import { PROP_TYPE } from "../../core/prop-type";
import { given, isMadeBy, listOf, objectOf, optionalListOf, show } from "../../core/props";
import { RuleFinding } from "../../core/rule";
import { VirtualInterfaceType } from "../../core/topology";
import {
  DrillInterface,
  DrillTemplatePlan,
  checkDrill,
  planDrill,
  planDrillTemplates,
} from "../../plan/drill";
import {
  DRILL_DURATION,
  DRILL_INTERFACE_NAME,
  FIS_LIMITS,
  checkDrillAccount,
  checkDrillAlarms,
  checkDrillSplit,
} from "../../rules/drill";
import type { IResilientConnections } from "../connections";
import { report } from "../findings";
import { SlotVirtualInterface } from "../virtual-interface";

/** FIS action ids and the resource type of a virtual interface (docs/facts.md §2.1). */
const DISCONNECT = "aws:directconnect:virtual-interface-disconnect";
const ASSERT_ALARMS = "aws:cloudwatch:assert-alarm-state";
const WAIT = "aws:fis:wait";
const VIF_RESOURCE_TYPE = "aws:directconnect:virtual-interface";
/**
 * The target key of the disconnect action. [third party] The FIS actions reference does not name it;
 * `aws fis get-action --id aws:directconnect:virtual-interface-disconnect` does (docs/facts.md §2.1).
 */
const VIF_TARGET_KEY = "VirtualInterfaces";

/**
 * Props of `FailoverDrill`.
 */
export interface FailoverDrillProps {
  /**
   * The constructs whose virtual interfaces the drill tests (`MaximumResiliencyConnections`,
   * `HighResiliency`, `DevTest` or `ResilientConnections`), in the drill's account. The paths to one
   * gateway are the virtual interfaces of these constructs that land on it (every public interface counts
   * as a path to the AWS public endpoints): an interface that is the only path to its gateway is refused,
   * since its step would cut the gateway off.
   */
  readonly connections: IResilientConnections[];

  /**
   * Test only the virtual interfaces of these specs (by the spec's `name`).
   *
   * @default - every virtual interface of the `connections`
   */
  readonly virtualInterfaceNames?: string[];

  /**
   * How long each step holds its interface's BGP sessions down: the `duration` of its
   * `aws:directconnect:virtual-interface-disconnect` action. Whole minutes, 10 minutes to 12 hours (the
   * action's range).
   *
   * @default Duration.minutes(10)
   */
  readonly stepDuration?: Duration;

  /**
   * The pause (`aws:fis:wait`) between the end of one step and the guard of the next: AWS restores the BGP
   * sessions when a step ends, and they need time to come up and take traffic back before the next
   * interface goes down. Whole minutes, 1 minute to 12 hours.
   *
   * @default Duration.minutes(5)
   */
  readonly pauseBetweenSteps?: Duration;

  /**
   * The guard: alarms that must all be OK before each step (`aws:cloudwatch:assert-alarm-state`), and the
   * experiment's stop conditions (when one goes to ALARM, FIS stops the experiment and the step's failover
   * test ends). At most 5 (combine more into a composite alarm). The `headroomAlarms` of the monitoring are
   * the natural choice: the traffic fits what the paths left after a failure carry.
   *
   * @default - none, refused unless `unguardedReason` says why
   */
  readonly alarms?: cloudwatch.IAlarm[];

  /**
   * Acknowledges a drill without `alarms`, with the reason (e.g. a lab without traffic).
   *
   * @default - a drill without alarms is refused
   */
  readonly unguardedReason?: string;

  /**
   * A log group for the experiment's log (FIS experiment logging, schema version 2).
   *
   * @default - no logs: the experiment's history stays in FIS (120 days) and the test history in Direct
   * Connect (365 days)
   */
  readonly logGroup?: logs.ILogGroup;

  /**
   * A bucket for FIS experiment reports (`experimentReportConfiguration`), with the dashboards of the
   * `connections`' monitoring as its data sources when they have one.
   *
   * @default - no experiment report
   */
  readonly reportBucket?: s3.IBucket;
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
 * A guarded failover drill on AWS Fault Injection Service (FIS): an experiment template whose
 * `aws:directconnect:virtual-interface-disconnect` actions take the BGP sessions of the virtual interfaces
 * of `connections` down one at a time (the Direct Connect failover test,
 * https://docs.aws.amazon.com/directconnect/latest/UserGuide/resiliency_failover.html).
 *
 * In the order location, slot, spec name, each step is: a pause after the previous step
 * (`pauseBetweenSteps`), a guard (`aws:cloudwatch:assert-alarm-state`: every one of `alarms` OK, or the
 * experiment fails there) and the disconnect of one interface, targeted by its ARN, for `stepDuration`.
 * The actions form one `startAfter` chain, so at most one interface is down at any moment. The `alarms`
 * are also the experiment's stop conditions. Beyond the actions or hours of one experiment the drill is
 * split into several templates, started one after the other (`experimentTemplates`). Nothing runs until
 * you start an experiment (`aws fis start-experiment --experiment-template-id <id>`).
 *
 * The report of each construct in `connections` (`report()`, and the `.dx-report.md` of the cloud
 * assembly) then lists the drill's steps on its interfaces, with their FIS actions, and, per single
 * failure, the steps that rehearse it.
 */
export class FailoverDrill extends Construct {
  /** The experiment templates, in the order to start them (one unless the drill is split). */
  public readonly experimentTemplates: fis.CfnExperimentTemplate[];
  /** The role FIS assumes to run the experiments. */
  public readonly role: iam.Role;
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
    findings.push(
      ...checkDrillAccount(
        accountOf(this),
        constructs.map((c) => ({ path: c.node.path, account: accountOf(c) })),
      ),
    );
    const stepMinutes = minutesOf(
      o!.stepDuration,
      "stepDuration",
      10,
      FIS_LIMITS.minStepMinutes,
      FIS_LIMITS.maxStepMinutes,
      findings,
    );
    const pauseMinutes = minutesOf(
      o!.pauseBetweenSteps,
      "pauseBetweenSteps",
      5,
      FIS_LIMITS.minPauseMinutes,
      FIS_LIMITS.maxPauseMinutes,
      findings,
    );
    const alarms = alarmsOf(o!.alarms, findings);
    const reason = given(o!.unguardedReason) ? o!.unguardedReason : undefined;
    if (reason !== undefined && typeof reason !== "string") {
      findings.push(finding(PROP_TYPE, `\`unguardedReason\` must be a string, got ${show(reason)}.`));
    }
    findings.push(...checkDrillAlarms(alarms.length, typeof reason === "string" ? reason : undefined));
    const steps = planDrill(candidates, names);
    const templates = planDrillTemplates(steps, {
      guarded: alarms.length > 0,
      stepMinutes: stepMinutes ?? 10,
      pauseMinutes: pauseMinutes ?? 5,
      actionsPerTemplate: FIS_LIMITS.actionsPerTemplate,
      experimentMinutes: FIS_LIMITS.experimentMinutes,
    });
    findings.push(...checkDrillSplit(templates.length));
    report(this, findings);

    this.drilledInterfaces = steps.map((s) => s.tested.vif);
    this.role = experimentRole(this);
    grant(this.role, {
      testedArns: this.drilledInterfaces.map((v) => v.virtualInterfaceArn),
      alarms,
      logGroup: props.logGroup,
      reportBucket: props.reportBucket,
      dashboards: dashboardsOf(constructs),
    });
    const alarmArns = alarms.map((a) => a.alarmArn);
    this.experimentTemplates = templates.map((template, i) =>
      experimentTemplate(this, template, {
        part: i + 1,
        parts: templates.length,
        role: this.role,
        alarmArns,
        stepMinutes: stepMinutes!,
        pauseMinutes: pauseMinutes!,
        logGroup: props.logGroup,
        reportBucket: props.reportBucket,
        dashboards: dashboardsOf(constructs),
      }),
    );
    registerOn(constructs, this.node.path, templates, this.experimentTemplates);
  }
}

interface TemplateOptions {
  readonly part: number;
  readonly parts: number;
  readonly role: iam.IRole;
  readonly alarmArns: string[];
  readonly stepMinutes: number;
  readonly pauseMinutes: number;
  readonly logGroup?: logs.ILogGroup;
  readonly reportBucket?: s3.IBucket;
  readonly dashboards: cloudwatch.Dashboard[];
}

/**
 * One experiment template: per step a pause (not on the template's first step), a guard (with alarms)
 * and a disconnect, each starting after the one before, the disconnect also after the previous
 * disconnect. Its construct id is `Template` for the first, `Template-<key of its first step>` for the
 * others: from names, never from positions.
 */
function experimentTemplate(
  scope: Construct,
  template: DrillTemplatePlan<Candidate>,
  o: TemplateOptions,
): fis.CfnExperimentTemplate {
  const first = template.steps[0];
  const id = o.part === 1 ? "Template" : `Template-${first.actions.key}`;
  const actions: Record<string, fis.CfnExperimentTemplate.ExperimentTemplateActionProperty> = {};
  const targets: Record<string, fis.CfnExperimentTemplate.ExperimentTemplateTargetProperty> = {};
  let previous: string | undefined;
  for (const { step, plan, actions: a } of template.steps) {
    const vif = plan.tested.vif;
    const label = `step ${step}: ${vif.location} slot ${vif.slotNumber} ${vif.name}`;
    let before = previous;
    if (a.pause !== undefined) {
      actions[a.pause] = {
        actionId: WAIT,
        description: `Before ${label}: the previous interface's BGP sessions come back`,
        parameters: { duration: `PT${o.pauseMinutes}M` },
        startAfter: before === undefined ? undefined : [before],
      };
      before = a.pause;
    }
    if (a.guard !== undefined) {
      actions[a.guard] = {
        actionId: ASSERT_ALARMS,
        description: `Guard of ${label}: every guard alarm OK`,
        parameters: { alarmArns: o.alarmArns.join(","), alarmStates: "OK" },
        startAfter: before === undefined ? undefined : [before],
      };
      before = a.guard;
    }
    actions[a.disconnect] = {
      actionId: DISCONNECT,
      description: `Drill ${label}: its BGP sessions down`,
      parameters: { duration: `PT${o.stepMinutes}M` },
      targets: { [VIF_TARGET_KEY]: a.target },
      startAfter: unique([before, previous].filter((n): n is string => n !== undefined)),
    };
    if (actions[a.disconnect].startAfter!.length === 0) {
      actions[a.disconnect] = { ...actions[a.disconnect], startAfter: undefined };
    }
    targets[a.target] = {
      resourceType: VIF_RESOURCE_TYPE,
      resourceArns: [vif.virtualInterfaceArn],
      selectionMode: "ALL",
    };
    previous = a.disconnect;
  }
  const part = o.parts === 1 ? "" : `, part ${o.part} of ${o.parts}`;
  return new fis.CfnExperimentTemplate(scope, id, {
    description:
      `Direct Connect failover drill ${scope.node.path}${part}: one virtual interface's BGP sessions down at a ` +
      "time (cdk-direct-connect-resiliency)",
    roleArn: o.role.roleArn,
    targets,
    actions,
    stopConditions:
      o.alarmArns.length === 0
        ? [{ source: "none" }]
        : o.alarmArns.map((value) => ({ source: "aws:cloudwatch:alarm", value })),
    logConfiguration:
      o.logGroup === undefined
        ? undefined
        : { logSchemaVersion: 2, cloudWatchLogsConfiguration: { LogGroupArn: o.logGroup.logGroupArn } },
    experimentReportConfiguration:
      o.reportBucket === undefined
        ? undefined
        : {
            outputs: {
              experimentReportS3Configuration: {
                bucketName: o.reportBucket.bucketName,
                prefix: "failover-drill",
              },
            },
            dataSources:
              o.dashboards.length === 0
                ? undefined
                : {
                    cloudWatchDashboards: o.dashboards.map((d) => ({ dashboardIdentifier: d.dashboardArn })),
                  },
          },
    tags: { Name: id === "Template" ? scope.node.path : `${scope.node.path}/${id}` },
  });
}

/**
 * The experiment role, trusted by FIS for the experiments of this account and Region only (the
 * confused-deputy conditions of https://docs.aws.amazon.com/fis/latest/userguide/getting-started-iam-service-role.html).
 */
function experimentRole(scope: Construct): iam.Role {
  const stack = Stack.of(scope);
  return new iam.Role(scope, "ExperimentRole", {
    assumedBy: new iam.ServicePrincipal("fis.amazonaws.com", {
      conditions: {
        ArnLike: {
          "aws:SourceArn": stack.formatArn({
            service: "fis",
            resource: "experiment",
            resourceName: "*",
            arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
          }),
        },
        StringEquals: { "aws:SourceAccount": stack.account },
      },
    }),
  });
}

interface Grants {
  readonly testedArns: string[];
  readonly alarms: cloudwatch.IAlarm[];
  readonly logGroup?: logs.ILogGroup;
  readonly reportBucket?: s3.IBucket;
  readonly dashboards: cloudwatch.Dashboard[];
}

/**
 * The experiment role's permissions, by the FIS actions reference (docs/facts.md §2.1): the Direct
 * Connect actions on the tested interfaces' ARNs only; `*` only where the service has no resource-level
 * permission, each acknowledged for cdk-nag with its reason.
 */
function grant(role: iam.Role, g: Grants): void {
  const wildcards: string[] = [];
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: [
        "directconnect:DescribeVirtualInterfaces",
        "directconnect:StartBgpFailoverTest",
        "directconnect:StopBgpFailoverTest",
        "directconnect:ListVirtualInterfaceTestHistory",
      ],
      resources: unique(g.testedArns),
    }),
  );
  // The action's permission list has tag:GetResources; the Resource Groups Tagging API has no
  // resource-level permission.
  role.addToPolicy(new iam.PolicyStatement({ actions: ["tag:GetResources"], resources: ["*"] }));
  wildcards.push(
    "tag:GetResources has no resource-level permission (FIS requires it for the disconnect action)",
  );
  if (g.alarms.length > 0) {
    const composite = g.alarms.some(
      (a) =>
        a instanceof cloudwatch.CompositeAlarm || a.node.defaultChild instanceof cloudwatch.CfnCompositeAlarm,
    );
    // DescribeAlarms returns composite alarms only when allowed on *
    // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/permissions-reference-cw.html)
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ["cloudwatch:DescribeAlarms"],
        resources: composite ? ["*"] : unique(g.alarms.map((a) => a.alarmArn)),
      }),
    );
    if (composite) {
      wildcards.push("cloudwatch:DescribeAlarms returns composite alarms only when allowed on *");
    }
  }
  if (g.logGroup !== undefined) {
    // Vended logs: FIS delivers the log through CloudWatch Logs' log delivery, whose setup actions take *
    // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-and-resource-policy.html).
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          "logs:CreateLogDelivery",
          "logs:PutResourcePolicy",
          "logs:DescribeResourcePolicies",
          "logs:DescribeLogGroups",
        ],
        resources: ["*"],
      }),
    );
    wildcards.push("the log delivery actions of CloudWatch Logs (vended logs) take *");
  }
  if (g.reportBucket !== undefined) {
    // [unconfirmed] the report's permissions: we could not read FIS's own list; these are what the report
    // does (dashboard snapshots, an object in the bucket). GetMetricWidgetImage has no resource-level
    // permission.
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ["s3:PutObject"],
        resources: [g.reportBucket.arnForObjects("failover-drill/*")],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ["cloudwatch:GetMetricWidgetImage"], resources: ["*"] }),
    );
    if (g.dashboards.length > 0) {
      role.addToPolicy(
        new iam.PolicyStatement({
          actions: ["cloudwatch:GetDashboard"],
          resources: g.dashboards.map((d) => d.dashboardArn),
        }),
      );
    }
    wildcards.push(
      "cloudwatch:GetMetricWidgetImage has no resource-level permission; the report objects are under a prefix",
    );
  }
  const policy = role.node.tryFindChild("DefaultPolicy")?.node.defaultChild as CfnResource;
  policy.addMetadata("cdk_nag", {
    rules_to_suppress: [
      {
        id: "AwsSolutions-IAM5",
        reason: `${wildcards.join("; ")}.`,
        applies_to: [
          "Resource::*",
          ...(g.reportBucket === undefined ? [] : [{ regex: "/^Resource::.*\\/failover-drill\\/\\*$/g" }]),
        ],
      },
    ],
  });
}

/** The dashboards of the constructs' monitoring, for the experiment report. */
function dashboardsOf(constructs: ReadonlyArray<IResilientConnections>): cloudwatch.Dashboard[] {
  return constructs.flatMap((c) => {
    const dashboard = (c as { monitoring?: { dashboard?: unknown } }).monitoring?.dashboard;
    return dashboard instanceof cloudwatch.Dashboard ? [dashboard] : [];
  });
}

/** The account of a construct's stack, when known at synth. */
function accountOf(c: Construct): string | undefined {
  const account = Stack.of(c).account;
  return Token.isUnresolved(account) ? undefined : account;
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
 * Tells each construct which steps test its interfaces, with their FIS actions, for its report (a
 * construct of another copy of the library, without `_addDrill`, is left out).
 */
function registerOn(
  constructs: ReadonlyArray<IResilientConnections>,
  name: string,
  templates: ReadonlyArray<DrillTemplatePlan<Candidate>>,
  resources: ReadonlyArray<fis.CfnExperimentTemplate>,
): void {
  const steps = templates.flatMap((t, i) =>
    t.steps.map((s) => ({ ...s, template: resources[i].node.path, templateCount: templates.length })),
  );
  for (const c of constructs) {
    const registry = c as unknown as DrillRegistry;
    if (typeof registry._addDrill !== "function") continue;
    registry._addDrill({
      name,
      stepCount: steps.length,
      templateCount: templates.length,
      steps: steps
        .filter((s) => s.plan.tested.owner === c)
        .map((s) => ({
          step: s.step,
          virtualInterfaceId: s.plan.tested.vif.topology.id,
          action: s.actions.disconnect,
          guard: s.actions.guard,
          template: s.template,
        })),
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
 * A duration in whole minutes from `min` to `max` (`defaultMinutes` when not given); literal, since it
 * shapes the experiment template at synth. Undefined when it breaks a rule (reported into `out`).
 */
function minutesOf(
  value: unknown,
  prop: string,
  defaultMinutes: number,
  min: number,
  max: number,
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
        `\`${prop}\` must be a literal Duration: it sets the experiment template at synth.`,
      ),
    );
    return undefined;
  }
  const seconds = duration.toSeconds();
  if (seconds % 60 !== 0 || seconds / 60 < min || seconds / 60 > max) {
    out.push(
      finding(
        DRILL_DURATION,
        `\`${prop}\` ${seconds % 60 === 0 ? plural(seconds / 60, "minute") : plural(seconds, "second")} is not ` +
          `allowed: whole minutes, ${plural(min, "minute")} to ${max / 60} hours.`,
      ),
    );
    return undefined;
  }
  return seconds / 60;
}

/** The alarms, each with an ARN (else reported into `out`). */
function alarmsOf(value: unknown, out: RuleFinding[]): cloudwatch.IAlarm[] {
  const alarms = optionalListOf(value, "alarms", "CloudWatch alarms", out) ?? [];
  const good = alarms.filter((alarm) => typeof (alarm as any)?.alarmArn === "string");
  for (const alarm of alarms.filter((a) => !good.includes(a))) {
    out.push(finding(PROP_TYPE, `\`alarms\`: ${show(alarm)} is not a CloudWatch alarm (IAlarm).`));
  }
  return good as cloudwatch.IAlarm[];
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
