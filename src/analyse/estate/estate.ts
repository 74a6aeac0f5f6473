import { Outputs, RawEstate, readRaw } from "./raw";
import { renderEstateReport } from "./report";
import { EstateSlot, EstateSlots, GONE, placeEstate, targetOf, vpnBackupsOf } from "./slots";
import {
  DirectConnectEstateOptions,
  EstateCircuit,
  EstateClaimSource,
  EstateDescribeOutputs,
  EstateFinding,
  EstateGateway,
  EstateResiliencyGroup,
} from "./types";
import { ConnectionBandwidth } from "../../core/bandwidth";
import { raiseAll } from "../../core/fail";
import { ResiliencyModel } from "../../core/model";
import { given, listOf, objectOf } from "../../core/props";
import { RuleFinding, RuleSeverity } from "../../core/rule";
import {
  ConnectionTopology,
  TopologyDeviceSlot,
  TopologyLocation,
  TopologyVpnBackup,
} from "../../core/topology";
import { checkCidrList, normalizedCidrList } from "../../rules/cidr-blocks";
import { modelOfIntended } from "../../rules/design/layout";
import { checkModelDeviceSlots } from "../../rules/design/model-device-slots";
import { checkModelLocations } from "../../rules/design/model-locations";
import {
  checkGatewayKnown,
  checkNotAvailable,
  checkSharedDevice,
  checkVpnUnreached,
} from "../../rules/estate";
import { FailureAnalysis } from "../failures";
import { fmt } from "../report";
import { checkDesign, checkResiliencyGroupModel } from "../rules/design";
import { FailureKind } from "../scenario";

/** The rules on a LAG's members, which a slot that is not one LAG does not break. */
const LAG_RULES = ["minimumLinksZero", "lagNotRedundant"];

const MODELS = [ResiliencyModel.MAXIMUM, ResiliencyModel.HIGH, ResiliencyModel.DEVELOPMENT_AND_TEST];

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

/** The strongest model a layout meets: its locations, devices and every claim of the model's promise. */
function modelMetBy(topology: ConnectionTopology, analysis: FailureAnalysis): ResiliencyModel | undefined {
  return MODELS.find((m) => {
    const as = { ...topology, model: m };
    return (
      checkModelLocations(as).length === 0 &&
      checkModelDeviceSlots(as).length === 0 &&
      analysis._verdictsFor(m).every((v) => v.met)
    );
  });
}

/**
 * The layout as it runs today: without the ports, interfaces and tunnels that are failed now (a slot
 * with no port left, and a location with no slot left, are gone; so is a VPN with no tunnel up).
 */
function withoutFailed(topology: ConnectionTopology, failed: ReadonlySet<string>): ConnectionTopology {
  const locations = topology.locations
    .map((l) => ({
      ...l,
      deviceSlots: l.deviceSlots.flatMap((s) => {
        const ports = s.ports.filter((p) => !failed.has(p.id));
        if (ports.length === 0) return [];
        const virtualInterfaces = s.virtualInterfaces.filter((v) => !failed.has(v.id));
        return [{ ...s, ports, virtualInterfaces, capacityGbps: ports.reduce((n, p) => n + p.speedGbps, 0) }];
      }),
    }))
    .filter((l) => l.deviceSlots.length > 0);
  const vpn = topology.vpnBackup;
  const connections = (vpn?.connections ?? []).flatMap((c) => {
    let up = 0;
    for (let n = 1; n <= c.tunnels; n++) if (!failed.has(`vpn/${c.name}/Tunnel${n}`)) up++;
    return up === 0 ? [] : [{ ...c, tunnels: up }];
  });
  const vpnBackup =
    vpn === undefined || connections.length === 0
      ? undefined
      : {
          ...vpn,
          connections,
          capacityGbps:
            vpn.capacityGbps === vpn.tunnelBandwidthGbps
              ? vpn.capacityGbps
              : connections.reduce((n, c) => n + c.tunnels, 0) * vpn.tunnelBandwidthGbps,
        };
  return { ...topology, locations, vpnBackup };
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

/** The model of the resiliency groups that hold every connection of these slots, all with one intended model. */
function groupClaim(
  slots: ReadonlyArray<TopologyDeviceSlot>,
  placed: EstateSlots,
  raw: RawEstate,
): ResiliencyModel | undefined {
  const ports = slots.flatMap((s) => placed.slots.find((p) => p.topology.id === s.id)?.ports ?? []);
  if (ports.length === 0) return undefined;
  const holding = ports.map((p) =>
    raw.groups.filter(
      (g) => g.members.includes(p.id) || (p.lagId !== undefined && g.members.includes(p.lagId)),
    ),
  );
  if (holding.some((h) => h.length === 0)) return undefined;
  const models = new Set(holding.flat().map((g) => modelOfIntended(g.intended)));
  return models.size === 1 ? [...models][0] : undefined;
}

function locationsOf(slots: TopologyDeviceSlot[]): TopologyLocation[] {
  const byLocation = new Map<string, TopologyDeviceSlot[]>();
  for (const s of slots) byLocation.set(s.location, [...(byLocation.get(s.location) ?? []), s]);
  return [...byLocation.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([location, deviceSlots]) => ({ location, deviceSlots }));
}

/** The capacity of the first slot that equal dedicated ports can build, else 1 Gbps (the report's "per slot"). */
function nominalBandwidth(slots: ReadonlyArray<TopologyDeviceSlot>): ConnectionBandwidth {
  for (const s of slots) {
    try {
      return ConnectionBandwidth.gbps(s.capacityGbps);
    } catch {
      // not a capacity equal dedicated ports build (hosted, mixed): try the next
    }
  }
  return ConnectionBandwidth.GBPS_1;
}

/** What is not available now, in words. */
function notAvailable(raw: RawEstate): string[] {
  const out: string[] = [];
  for (const l of raw.lags) {
    if (!GONE.has(l.state) && l.state !== "available") out.push(`LAG ${l.id} (${l.state})`);
  }
  for (const c of raw.connections) {
    if (!GONE.has(c.state) && c.state !== "available") out.push(`connection ${c.id} (${c.state})`);
  }
  for (const v of raw.vifs) {
    if (GONE.has(v.state)) continue;
    if (v.state !== "available") out.push(`virtual interface ${v.id} (${v.state})`);
    else if (!v.bgpPeers.some((p) => p.status === "up")) out.push(`virtual interface ${v.id} (BGP down)`);
  }
  for (const vpn of raw.vpns) {
    vpn.tunnels.forEach((t, i) => {
      if (t.status === "DOWN") out.push(`VPN ${vpn.id} tunnel ${i + 1} (DOWN)`);
    });
  }
  return out;
}

/** The element ids failed now: ports not available, interfaces not available or with no BGP session up, tunnels down. */
function nowFailed(raw: RawEstate, placed: EstateSlots): Set<string> {
  const ids = new Set<string>();
  const lagDown = new Set(raw.lags.filter((l) => l.state !== "available").map((l) => l.id));
  for (const c of raw.connections) {
    const port = placed.portIdOf.get(c.id);
    if (port !== undefined && (c.state !== "available" || (c.lagId !== undefined && lagDown.has(c.lagId)))) {
      ids.add(port);
    }
  }
  for (const v of raw.vifs) {
    const t = placed.vifOf.get(v.id);
    if (t !== undefined && (v.state !== "available" || !v.bgpPeers.some((p) => p.status === "up"))) {
      ids.add(t.id);
    }
  }
  for (const vpn of raw.vpns) {
    vpn.tunnels.forEach((t, i) => {
      if (t.status === "DOWN") ids.add(`vpn/${vpn.id}/Tunnel${i + 1}`);
    });
  }
  return ids;
}

function gatewayVerdict(g: EstateGateway, findings: RuleFinding[]): string {
  const t = g.topology;
  const slots = t.locations.flatMap((l) => l.deviceSlots);
  const shape = `${t.locations.length} location(s), ${slots.length} device(s)`;
  const worst = g.worstSingleFailure
    ? `; worst single failure: ${g.worstSingleFailure.failures[0].description} leaves ${fmt(g.worstSingleFailure.survivingCapacityGbps)} Gbps`
    : "";
  const now = g.now
    ? `; now: ${fmt(g.now.survivingCapacityGbps)} of ${fmt(slots.reduce((n, s) => n + s.capacityGbps, 0))} Gbps up`
    : "";
  const model = (m: ResiliencyModel | undefined) => (m ? m.name : "no resiliency model");
  const meets =
    g.now === undefined || g.modelMet === g.modelAsBuilt
      ? `meets ${model(g.modelMet)}`
      : `meets ${model(g.modelMet)} today (${model(g.modelAsBuilt)} with everything available)`;
  const claim =
    g.claimSource === EstateClaimSource.NONE
      ? meets
      : `claims ${t.model.name} (${g.claimSource === EstateClaimSource.OPTIONS ? "--model" : "resiliency group"}): ` +
        (g.claimMet
          ? "met"
          : `NOT met (${findings
              .filter((f) => f.rule.severity === RuleSeverity.ERROR)
              .map((f) => f.rule.id)
              .join(", ")}); ${meets}`);
  const mark = g.claimMet ? (g.claimSource === EstateClaimSource.NONE ? "INFO" : "PASS") : "FAIL";
  return `${mark} gateway ${g.name}${g.name === g.gatewayId ? "" : ` (${g.gatewayId})`}: ${claim}; ${shape}${worst}${now}`;
}

/** A resiliency group's own layout (its member ports only), checked against its intended model. */
function groupOf(
  g: RawEstate["groups"][number],
  placed: EstateSlots,
): { value: EstateResiliencyGroup; findings: RuleFinding[] } {
  const model = modelOfIntended(g.intended);
  const base = {
    groupId: g.id,
    name: g.name,
    intendedResiliencyModel: g.intended,
    connectionIds: [...g.members],
  };
  if (model === undefined) {
    const why =
      g.intended === undefined
        ? "the API returned no intended model"
        : `intended model ${g.intended} is not one AWS knows`;
    return {
      value: {
        ...base,
        met: true,
        verdict: `INFO resiliency group ${g.name} (${g.id}): ${why}; ${g.members.length} connection(s), nothing to check`,
      },
      findings: [],
    };
  }
  const members = new Set(g.members);
  const slots = placed.slots.flatMap((s) => {
    const ports = s.topology.ports.filter(
      (_, i) =>
        members.has(s.ports[i].id) || (s.ports[i].lagId !== undefined && members.has(s.ports[i].lagId!)),
    );
    return ports.length === 0
      ? []
      : [{ ...s.topology, ports, capacityGbps: ports.reduce((n, p) => n + p.speedGbps, 0) }];
  });
  const topology: ConnectionTopology = {
    model,
    bandwidth: nominalBandwidth(slots),
    namePrefix: g.name,
    locations: locationsOf(slots),
    resiliencyGroupName: g.name,
  };
  const findings = checkResiliencyGroupModel(topology);
  const met = findings.length === 0;
  const verdict =
    `${met ? "PASS" : "FAIL"} resiliency group ${g.name} (${g.id}): intended ${g.intended}: ${met ? "met" : "NOT met"}; ` +
    `${g.members.length} connection(s) in ${topology.locations.length} location(s) on ${slots.length} device(s)`;
  return { value: { ...base, met, verdict }, findings };
}
