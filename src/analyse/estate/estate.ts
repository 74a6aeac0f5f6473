import { gatewayVerdict, groupClaim, groupOf, modelMetBy, nominalBandwidth } from "./claims";
import { notAvailable, nowFailed, withoutFailed } from "./now";
import { Outputs, RawEstate, readRaw } from "./raw";
import { renderEstateReport } from "./report";
import { EstateSlot, EstateSlots, placeEstate, targetOf, vpnBackupsOf } from "./slots";
import {
  DirectConnectEstateOptions,
  EstateCircuit,
  EstateClaimSource,
  EstateDescribeOutputs,
  EstateFinding,
  EstateGateway,
  EstateResiliencyGroup,
} from "./types";
import { raiseAll } from "../../core/fail";
import { ResiliencyModel } from "../../core/model";
import { given, listOf, objectOf } from "../../core/props";
import { RuleFinding, RuleSeverity } from "../../core/rule";
import { ConnectionTopology, TopologyDeviceSlot, TopologyVpnBackup } from "../../core/topology";
import { checkCidrList, normalizedCidrList } from "../../rules/cidr-blocks";
import { locationsOf } from "../../rules/design/layout";
import {
  checkGatewayKnown,
  checkNotAvailable,
  checkSharedDevice,
  checkVpnUnreached,
} from "../../rules/estate";
import { FailureAnalysis } from "../failures";
import { checkDesign } from "../rules/design";
import { FailureKind } from "../scenario";

/** The rules on a LAG's members, which a slot that is not one LAG does not break. */
const LAG_RULES = ["minimumLinksZero", "lagNotRedundant"];

/**
 * A live Direct Connect estate, read from the JSON the AWS API returns: its circuits on their real AWS
 * devices, the paths to each gateway with the failure analysis, the claims of its resiliency groups, and
 * the findings of the same design rules the constructs and `DirectConnectAudit` run.
 *
 * Device slots come from the real devices: connections on the same `awsDeviceV2` are one slot, whatever
 * their LAG. Hosted connections are slots too. Connections, LAGs and interfaces that are deleted,
 * deleting or rejected are left out; any other state than `available` (and a BGP session or VPN tunnel
 * that is down) is failed in the scenario "now".
 */
export class DirectConnectEstate {
  /**
   * Reads an estate from the outputs of the AWS describe and list calls.
   *
   * @param outputs the JSON of each call, as the AWS CLI prints it
   * @param options the claimed model, the on-premises prefixes and the report's title
   */
  public static fromDescribeOutputs(
    outputs: EstateDescribeOutputs,
    options?: DirectConnectEstateOptions,
  ): DirectConnectEstate {
    const findings: RuleFinding[] = [];
    const given_ = objectOf(
      outputs,
      "outputs",
      "the outputs of the AWS calls, e.g. { describeConnections }",
      findings,
    );
    const opts = given(options) ? objectOf(options, "options", "an object like { model }", findings) : {};
    raiseAll(findings, "DirectConnectEstate.fromDescribeOutputs");
    const raw = readRaw(given_ as Outputs, findings);
    const prefixes = given(opts!.onPremisesPrefixes)
      ? (listOf(opts!.onPremisesPrefixes, "onPremisesPrefixes", "CIDR blocks", findings) as
          string[] | undefined)
      : undefined;
    if (prefixes !== undefined) {
      findings.push(...checkCidrList(prefixes, { prop: "onPremisesPrefixes", maxIpv6PrefixLength: 128 }));
    }
    raiseAll(findings, "DirectConnectEstate.fromDescribeOutputs");
    return new DirectConnectEstate(raw, {
      model: opts!.model as ResiliencyModel | undefined,
      onPremisesPrefixes: prefixes === undefined ? undefined : normalizedCidrList(prefixes),
      title: typeof opts!.title === "string" ? opts!.title : "estate",
    });
  }

  /** The report's title. */
  public readonly title: string;
  /** Every LAG and connection, gone ones included, by location. */
  public readonly circuits: EstateCircuit[];
  /** The paths to each gateway, in the order the virtual interfaces first name them. */
  public readonly gateways: EstateGateway[];
  /** The resiliency groups. */
  public readonly resiliencyGroups: EstateResiliencyGroup[];
  /** Every finding: errors (claims not met) first. */
  public readonly findings: EstateFinding[];
  /** The device slots with no virtual interface (their capacity reaches no gateway). */
  public readonly idleSlots: TopologyDeviceSlot[];

  private readonly analyses = new Map<string, FailureAnalysis>();

  private constructor(
    raw: RawEstate,
    options: { model?: ResiliencyModel; onPremisesPrefixes?: string[]; title: string },
  ) {
    this.title = options.title;
    const placed = placeEstate(raw);
    this.circuits = placed.circuits;
    const found: EstateFinding[] = [];
    const add = (subject: string, list: RuleFinding[]) => {
      for (const f of list) {
        if (found.some((x) => x.ruleId === f.rule.id && x.message === f.message)) continue;
        found.push({ ruleId: f.rule.id, severity: f.rule.severity, message: f.message, subject });
      }
    };
    for (const s of placed.slots) add("estate", checkSharedDevice(s.device, s.circuits, s.topology.id));
    // the LAG rules judge one LAG's members; a slot of standalone or several circuits is judged by
    // estateSharedDevice (its circuits share the device) instead
    const notOneLag = new Set(placed.slots.filter((s) => !s.isLag).map((s) => s.topology.id));
    const lagRule = (f: RuleFinding) =>
      LAG_RULES.includes(f.rule.id) && f.at !== undefined && notOneLag.has(f.at);
    add("estate", checkNotAvailable(notAvailable(raw)));
    const vpns = vpnBackupsOf(raw).map((v) => ({ ...v, onPremisesPrefixes: options.onPremisesPrefixes }));
    const associations = raw.associations.map((a) => ({
      directConnectGatewayId: a.directConnectGatewayId,
      associatedGatewayId: a.associatedGatewayId,
    }));
    const names = new Map(raw.gateways.map((g) => [g.id, g.name]));
    const nowIds = nowFailed(raw, placed);
    this.gateways = targetsOf(placed.slots).map((target) => {
      const gateway = this.gatewayOf(target, placed, raw, {
        vpns,
        associations,
        names,
        nowIds,
        model: options.model,
      });
      add(
        `gateway ${gateway.value.name}`,
        gateway.findings.filter((f) => !lagRule(f)),
      );
      return gateway.value;
    });
    const reached = new Set(
      this.gateways.flatMap((g) => [g.gatewayId, ...associatedWith(associations, g.gatewayId)]),
    );
    for (const v of vpns) {
      for (const c of v.connections) {
        add("estate", checkVpnUnreached(c.name, v.targetId, reached.has(v.targetId)));
      }
    }
    this.resiliencyGroups = raw.groups.map((g) => {
      const group = groupOf(g, placed);
      add(`resiliency group ${g.name}`, group.findings);
      return group.value;
    });
    this.idleSlots = placed.slots.filter((s) => s.vifs.length === 0).map((s) => s.topology);
    this.findings = [
      ...found.filter((f) => f.severity === RuleSeverity.ERROR),
      ...found.filter((f) => f.severity !== RuleSeverity.ERROR),
    ];
  }

  /** One verdict line per gateway and per resiliency group. */
  public verdictLines(): string[] {
    return [...this.gateways.map((g) => g.verdict), ...this.resiliencyGroups.map((g) => g.verdict)];
  }

  /**
   * The report in Markdown: the verdicts, the findings, every circuit on its AWS device, what is down now,
   * then per gateway the report the constructs write (topology with a Mermaid picture, the model's
   * promise computed, the failure scenarios, the port-hour cost).
   */
  public report(): string {
    return renderEstateReport({
      title: this.title,
      verdicts: this.verdictLines(),
      findings: this.findings,
      circuits: this.circuits,
      gateways: this.gateways,
      idleSlots: this.idleSlots,
      analysisOf: (g) => this.cachedAnalysis(g.topology),
    });
  }

  /**
   * Whether a finding of this severity or worse exists: `ERROR` for the claims that fail, `WARNING` for
   * any finding (what `dx-resiliency estate --fail-on` exits non-zero on).
   *
   * @param severity the least severity that counts
   */
  public failsOn(severity: RuleSeverity): boolean {
    return this.findings.some((f) => severity === RuleSeverity.WARNING || f.severity === RuleSeverity.ERROR);
  }

  /**
   * The failure analysis of the paths to one gateway (two simultaneous failures, or one when that is too
   * many scenarios).
   *
   * @param gatewayId a gateway's `gatewayId`
   */
  public analysisOf(gatewayId: string): FailureAnalysis {
    const known = this.gateways.map((g) => g.gatewayId);
    raiseAll(checkGatewayKnown(gatewayId, known), "DirectConnectEstate.analysisOf");
    const gateway = this.gateways.find((g) => g.gatewayId === gatewayId)!;
    return this.cachedAnalysis(gateway.topology);
  }

  private cachedAnalysis(topology: ConnectionTopology): FailureAnalysis {
    const key = topology.namePrefix;
    let analysis = this.analyses.get(key);
    if (analysis === undefined) {
      this.analyses.set(key, (analysis = FailureAnalysis._analyseAtMost(topology, 2)));
    }
    return analysis;
  }

  private gatewayOf(
    target: string,
    placed: EstateSlots,
    raw: RawEstate,
    ctx: {
      vpns: TopologyVpnBackup[];
      associations: Array<{ directConnectGatewayId: string; associatedGatewayId: string }>;
      names: Map<string, string>;
      nowIds: Set<string>;
      model?: ResiliencyModel;
    },
  ): { value: EstateGateway; findings: RuleFinding[] } {
    const slots = placed.slots
      .filter((s) => s.vifs.some((v) => targetOf(v) === target))
      .map((s) => ({
        ...s.topology,
        virtualInterfaces: s.topology.virtualInterfaces.filter((v) => v.target === target),
      }));
    const groupModel = groupClaim(slots, placed, raw);
    const model = ctx.model ?? groupModel ?? ResiliencyModel.CLASSIC;
    const claimSource = ctx.model
      ? EstateClaimSource.OPTIONS
      : groupModel
        ? EstateClaimSource.RESILIENCY_GROUP
        : EstateClaimSource.NONE;
    const gatewayId = target === "" ? "public" : target;
    const name = target === "" ? "AWS public endpoints" : (ctx.names.get(target) ?? target);
    const reached = [gatewayId, ...associatedWith(ctx.associations, gatewayId)];
    const vpn = ctx.vpns
      .filter((v) => target !== "" && reached.includes(v.targetId))
      .sort((a, b) => b.capacityGbps - a.capacityGbps)[0];
    const gatewayAssociations = ctx.associations.filter((a) => a.directConnectGatewayId === target);
    const topology: ConnectionTopology = {
      model,
      bandwidth: nominalBandwidth(slots),
      namePrefix: gatewayId,
      locations: locationsOf(slots),
      vpnBackup: vpn,
      gatewayAssociations: gatewayAssociations.length > 0 ? gatewayAssociations : undefined,
    };
    const analysis = this.cachedAnalysis(topology);
    const findings = checkDesign(topology);
    const claimMet = !findings.some((f) => f.rule.severity === RuleSeverity.ERROR);
    const now = analysis._scenarioOf([...ctx.nowIds]);
    const degraded = now.failures.length > 0;
    const today = degraded ? withoutFailed(topology, ctx.nowIds) : topology;
    const todayAnalysis = degraded ? FailureAnalysis._analyseAtMost(today, 1) : analysis;
    const worstSingleFailure = todayAnalysis._worstSingle(Object.values(FailureKind));
    const value: EstateGateway = {
      gatewayId,
      name,
      topology,
      claimSource,
      claimMet,
      modelMet: modelMetBy(today, todayAnalysis),
      modelAsBuilt: modelMetBy(topology, analysis),
      worstSingleFailure,
      now: degraded ? now : undefined,
      verdict: "",
    };
    return { value: { ...value, verdict: gatewayVerdict(value, findings) }, findings };
  }
}

/** The gateways the slots' virtual interfaces reach, in order of first appearance. */
function targetsOf(slots: ReadonlyArray<EstateSlot>): string[] {
  return [...new Set(slots.flatMap((s) => s.vifs.map(targetOf)))];
}

function associatedWith(
  associations: ReadonlyArray<{ directConnectGatewayId: string; associatedGatewayId: string }>,
  gatewayId: string,
): string[] {
  return associations.filter((a) => a.directConnectGatewayId === gatewayId).map((a) => a.associatedGatewayId);
}
