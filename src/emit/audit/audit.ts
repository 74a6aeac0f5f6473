import { Annotations, IAspect, Stack } from "aws-cdk-lib";
import { IConstruct } from "constructs";
import { ClaimSource, Layout } from "./layouts";
import { RebuildOptions, RebuiltApp, rebuild, topologiesOf } from "./rebuild";
import { KnownCircuit } from "./slots";
import { DESIGN_RULES, checkDesign, checkResiliencyGroupModel } from "../../analyse/rules/design";
import { ConnectionBandwidth } from "../../core/bandwidth";
import { raiseAll } from "../../core/fail";
import { ResiliencyModel } from "../../core/model";
import { given, listOf, objectOf } from "../../core/props";
import { RuleFinding, RuleInfo, RuleSeverity, WARNING_PREFIX } from "../../core/rule";
import { ConnectionTopology } from "../../core/topology";
import { canonicalBandwidth, checkBandwidth } from "../../plan/planner";
import { checkAcknowledgement, checkAuditModel, checkExistingCircuitId } from "../../rules/audit";
import { checkCidrList, normalizedCidrList } from "../../rules/cidr-blocks";
import { circuitIdIn } from "../../rules/design/layout";
import { checkLocation } from "../../rules/layout";
import { mark, report } from "../findings";

/**
 * An existing Direct Connect connection or LAG that the app refers to only by its id, placed for the
 * audit.
 */
export interface ExistingCircuit {
  /** The circuit's id: `dxcon-...` or `dxlag-...`. */
  readonly connectionId: string;
  /** Its Direct Connect location code, for example `EqDC2`. */
  readonly location: string;
  /**
   * Its capacity: the port speed of a connection, port speed x ports of a LAG.
   *
   * @default - unknown: the speed checks leave it out, and the failure analysis counts it as 1 Gbps
   */
  readonly bandwidth?: ConnectionBandwidth;
}

/**
 * Properties of `DirectConnectAudit`.
 */
export interface DirectConnectAuditProps {
  /**
   * The resiliency model every Direct Connect layout of the app claims: its locations, device slots
   * and promise are checked.
   *
   * @default - a layout claims the model of the resiliency groups that hold all its connections (their
   *   `IntendedResiliencyModel`), else none: a layout in one location, or a location whose only device is
   *   a LAG, gets a warning
   */
  readonly model?: ResiliencyModel;

  /**
   * The prefixes your routers advertise over Direct Connect, to check the static routes of the VPNs
   * against (a static VPN route must not beat Direct Connect).
   *
   * @default - the static routes of VPNs are not checked
   */
  readonly onPremisesPrefixes?: string[];

  /**
   * The locations (and capacities) of existing connections and LAGs that the app refers to only by id
   * (a virtual interface's `ConnectionId`, a resiliency group's `ConnectionArns`). Those of this library's
   * constructs (`existingSlots`) are known without it.
   *
   * @default - none: the checks of locations skip the layouts of circuits whose location is unknown, with a
   *   warning
   */
  readonly existingCircuits?: ExistingCircuit[];
}

/** The metadata type of an acknowledgement (`DirectConnectAudit.acknowledge`). */
const ACKNOWLEDGEMENT = `${WARNING_PREFIX}:acknowledge`;

/** One finding and the constructs it is reported on. */
interface Placed {
  readonly finding: RuleFinding;
  readonly constructs: IConstruct[];
}

/** One audit of one app (per set of options): its findings, and the stacks already annotated. */
interface Run {
  readonly placed: Placed[];
  readonly annotated: Set<IConstruct>;
}

const runs = new WeakMap<IConstruct, Map<string, Run>>();

/**
 * An Aspect that audits the Direct Connect design of any app: it rebuilds the layouts from the
 * resources of the app (`AWS::DirectConnect::Lag`, `Connection`, virtual interfaces,
 * `ResiliencyGroup`, gateway associations, customer gateways and VPN connections), whoever made them,
 * and reports each single point of failure and risky setting the design rules find as an error or a
 * warning on the resource it concerns.
 *
 * Add it to the app: `Aspects.of(app).add(new DirectConnectAudit())`. Each stack is annotated once per
 * synth, also when the audit is added twice. Warnings carry the id `cdk-direct-connect-resiliency:<rule>`
 * (`Annotations.of(scope).acknowledgeWarning(id)`); errors and warnings alike are acknowledged with
 * `DirectConnectAudit.acknowledge(scope, rule, reason)`.
 *
 * A layout is the set of device slots that form one design: the slots that one resiliency group holds,
 * the slots whose virtual interfaces reach one gateway, and the slots of one stack that no group holds
 * are each in one layout, across stacks. Every resiliency group is checked on its own members too.
 */
export class DirectConnectAudit implements IAspect {
  /**
   * Acknowledges a rule of the audit on a construct and everything below it: its findings there are
   * not reported (errors too). Recorded as construct metadata (type `cdk-direct-connect-resiliency:acknowledge`)
   * in the cloud assembly, with the reason.
   *
   * @param scope the construct (a resource, a stack, the app)
   * @param ruleId the rule's id, for example `minimumLinksZero` (see `DirectConnectAudit.rules()`)
   * @param reason why the finding does not apply here
   */
  public static acknowledge(scope: IConstruct, ruleId: string, reason: string): void {
    report(
      scope,
      checkAcknowledgement(
        ruleId,
        reason,
        DESIGN_RULES.map((r) => r.id),
      ),
    );
    scope.node.addMetadata(ACKNOWLEDGEMENT, { id: ruleId, reason });
  }

  /** The rules of the audit: id, severity, what, why and the AWS page that states it. */
  public static rules(): RuleInfo[] {
    return DESIGN_RULES.filter((r) => r.audit).map((r) => ({ ...r }));
  }

  /**
   * The Direct Connect layouts of the app that holds `scope`, rebuilt from its resources, that have an
   * element within `scope`: each with its claimed model (the audit's, its resiliency groups', or Classic)
   * and the VPN backup that lands on a gateway it reaches. Read them with `FailureAnalysis.analyse`.
   *
   * @param scope a construct of the app (the app, a stack)
   * @param props the audit's options: the claimed model and the existing circuits' locations
   */
  public static topologies(scope: IConstruct, props?: DirectConnectAuditProps): ConnectionTopology[] {
    return topologiesOf(rebuild(scope, optionsOf(props)), scope);
  }

  private readonly options: RebuildOptions;
  private readonly key: string;

  constructor(props?: DirectConnectAuditProps) {
    this.options = optionsOf(props);
    this.key = JSON.stringify({
      model: this.options.model?.name,
      prefixes: this.options.onPremisesPrefixes,
      circuits: [...this.options.existingCircuits.entries()],
    });
  }

  /** Audits the app once, at the first stack, and annotates each stack as it is visited. */
  public visit(node: IConstruct): void {
    if (!Stack.isStack(node)) return;
    const root = node.node.root;
    const byKey = runs.get(root) ?? new Map<string, Run>();
    runs.set(root, byKey);
    let run = byKey.get(this.key);
    if (run === undefined) {
      run = { placed: placeFindings(rebuild(root, this.options)), annotated: new Set() };
      byKey.set(this.key, run);
    }
    if (run.annotated.has(node)) return;
    run.annotated.add(node);
    for (const { finding, constructs } of run.placed) {
      for (const c of constructs.filter((x) => Stack.of(x) === node)) annotate(c, finding);
    }
  }
}

/** Every finding of an app, with the constructs it is reported on. */
function placeFindings(app: RebuiltApp): Placed[] {
  const placed: Placed[] = [];
  const failing = new Map<Layout, string[]>();
  for (const layout of app.layouts) {
    const findings = checkDesign({ ...layout.topology, vpnBackup: undefined });
    failing.set(
      layout,
      findings.map((f) => f.rule.id),
    );
    const whole =
      layout.claim === ClaimSource.GROUPS ? layout.groups.map((g) => g.resource.construct) : layout.stacks;
    for (const f of findings) {
      placed.push({ finding: f, constructs: constructsAt(f.at, layout.elements, whole) });
    }
  }
  for (const g of app.groups) {
    // a layout that fails the group's own model says why: the group adds nothing (a group that holds
    // nothing is in no layout)
    const layout = app.layouts.find((l) => l.groups.includes(g.group));
    const sameClaim = layout?.topology.model.name === g.topology.model.name;
    const explained = ["modelLocations", "modelDeviceSlots", "modelPromise"].some((id) =>
      (layout ? failing.get(layout)! : []).includes(id),
    );
    if (sameClaim && explained) continue;
    for (const f of checkResiliencyGroupModel(g.topology)) {
      placed.push({ finding: f, constructs: [g.group.resource.construct] });
    }
  }
  for (const v of app.vpns) {
    const topology: ConnectionTopology = {
      model: ResiliencyModel.CLASSIC,
      bandwidth: ConnectionBandwidth.GBPS_1,
      namePrefix: v.backup.targetId,
      locations: [],
      vpnBackup: v.backup,
    };
    for (const f of checkDesign(topology)) {
      placed.push({ finding: f, constructs: constructsAt(f.at, v.elements, v.connections) });
    }
  }
  return placed;
}

function constructsAt(
  at: string | undefined,
  elements: ReadonlyMap<string, IConstruct[]>,
  whole: IConstruct[],
): IConstruct[] {
  return (at === undefined ? undefined : elements.get(at)) ?? whole;
}

/** Reports a finding on a construct, unless a rule acknowledgement on it or above it covers it. */
function annotate(construct: IConstruct, finding: RuleFinding): void {
  const acknowledged = construct.node.scopes.some((s) =>
    s.node.metadata.some(
      (m) => m.type === ACKNOWLEDGEMENT && (m.data as { id?: string })?.id === finding.rule.id,
    ),
  );
  if (acknowledged) return;
  const id = `${WARNING_PREFIX}:${finding.rule.id}`;
  if (finding.rule.severity === RuleSeverity.ERROR) {
    Annotations.of(construct).addError(`${finding.message} [${id}]`);
  } else {
    Annotations.of(construct).addWarningV2(id, finding.message);
  }
}

const MODELS = [
  ResiliencyModel.MAXIMUM,
  ResiliencyModel.HIGH,
  ResiliencyModel.DEVELOPMENT_AND_TEST,
  ResiliencyModel.CLASSIC,
];

/**
 * The audit's props, checked: every value of its type, the prefixes normalised, the circuits by id. All
 * their errors are thrown at once (the audit is no construct: `DirectConnectAudit` names it).
 */
function optionsOf(props: DirectConnectAuditProps | undefined): RebuildOptions {
  const findings: RuleFinding[] = [];
  const p = given(props) ? objectOf(props, "props", "the props of the audit", findings) : {};
  raiseAll(findings, "DirectConnectAudit");
  const claimed = p!.model as ResiliencyModel | undefined;
  const model = given(claimed) ? MODELS.find((m) => m === claimed || m.name === claimed.name) : undefined;
  if (given(claimed)) findings.push(...checkAuditModel(claimed, model !== undefined));
  const onPremisesPrefixes = prefixesOf(p!.onPremisesPrefixes, findings);
  const existingCircuits = circuitsOf(p!.existingCircuits, findings);
  raiseAll(findings, "DirectConnectAudit");
  return { model, onPremisesPrefixes, existingCircuits };
}

/** The on-premises prefixes, normalised (the findings of each into `out`); undefined when not given or wrong. */
function prefixesOf(value: unknown, out: RuleFinding[]): string[] | undefined {
  if (!given(value)) return undefined;
  const rules = { prop: "onPremisesPrefixes", maxIpv6PrefixLength: 128 };
  const list = listOf(value, rules.prop, "CIDR blocks", out) as string[] | undefined;
  const found = list === undefined ? [] : checkCidrList(list, rules);
  out.push(...found);
  return list === undefined || found.length > 0 ? undefined : normalizedCidrList(list);
}

/** The existing circuits by id (the findings of each into `out`). */
function circuitsOf(value: unknown, out: RuleFinding[]): Map<string, KnownCircuit> {
  const circuits = new Map<string, KnownCircuit>();
  if (!given(value)) return circuits;
  for (const raw of listOf(value, "existingCircuits", "existing circuits", out) ?? []) {
    const c = objectOf(raw, "existingCircuits", "each entry a connectionId and a location", out);
    if (c !== undefined) circuitOf(c as unknown as ExistingCircuit, circuits, out);
  }
  return circuits;
}

/** One existing circuit, added to `circuits` when its id and location are well formed. */
function circuitOf(c: ExistingCircuit, circuits: Map<string, KnownCircuit>, out: RuleFinding[]): void {
  const before = out.length;
  out.push(
    ...checkExistingCircuitId(
      c.connectionId,
      typeof c.connectionId === "string" && circuitIdIn(c.connectionId) === c.connectionId,
      circuits.has(c.connectionId),
    ),
  );
  out.push(...checkLocation(mark(c.location), "existingCircuits"));
  if (given(c.bandwidth)) out.push(...checkBandwidth(c.bandwidth, "bandwidth"));
  if (out.length > before) return;
  const bandwidth = given(c.bandwidth) ? canonicalBandwidth(c.bandwidth) : undefined;
  circuits.set(c.connectionId, {
    location: c.location,
    capacityGbps: bandwidth?.capacityGbps,
    portBandwidth: bandwidth?.portBandwidth,
  });
}
