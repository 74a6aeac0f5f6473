import { Annotations, ArnFormat, Aspects, CfnResource, RemovalPolicy, Stack, Token } from "aws-cdk-lib";
import { CfnConnection, CfnLag } from "aws-cdk-lib/aws-directconnect";
import { Construct } from "constructs";
import { writeIntoAssembly } from "./assembly-file";
import type { IResilientConnections } from "./connections";
import { DeviceSlot } from "./device-slot";
import { gatewayUsage } from "./gateway";
import { DirectConnectMonitoring, MonitoringOptions } from "./operate/monitoring";
import { watchReplacements } from "./replacement-check";
import { ResiliencyGroupResource } from "./resiliency-group";
import { SlotVirtualInterface, VirtualInterface } from "./virtual-interface";
import { VpnBackup, VpnBackupConnection, registerVpnAcrossApp } from "./vpn-backup";
import { SizedBandwidth, checkCapacity, sizeBandwidth } from "../analyse/checks";
import { CostEstimate, PortHourPrices } from "../analyse/cost";
import { ReportDrill } from "../analyse/drills";
import { FailureAnalysis } from "../analyse/failures";
import { renderReport, verdictLine } from "../analyse/report";
import { ConnectionBandwidth } from "../core/bandwidth";
import { RuleErrors, fail } from "../core/fail";
import { ResiliencyModel } from "../core/model";
import { PROP_TYPE } from "../core/prop-type";
import { checkObject, checkOptionalList, given, isMadeBy, show } from "../core/props";
import { PlanWarning, WARNING_PREFIX } from "../core/rule";
import { ConnectionTopology, VirtualInterfaceType, VpnTarget } from "../core/topology";
import { allSlots, describeTopology, groupMembers, planTopology } from "../plan/planner";
import { describeVpnBackup, planVpnBackup } from "../plan/vpn";
import { gatewayIdOf } from "../rules/gateways";
import { checkRemovalPolicy } from "../rules/ports";
import { checkReportMaxFailures, checkReportScenarios } from "../rules/report";
import { checkVpnTarget, reachedTargets } from "../rules/vpn";

/**
 * Props shared by every resiliency construct.
 */
export interface ConnectionsCommonProps {
  /**
   * The capacity of every device slot: one port of a native speed (`ConnectionBandwidth.GBPS_10`),
   * or a LAG of equal ports for any other capacity (`ConnectionBandwidth.gbps(20)` is 2 x 10 Gbps).
   * The same in every location, as the Resiliency Toolkit requires.
   *
   * Changing the number of ports at the same port speed (10 Gbps to `gbps(20)` to `gbps(40)`) adds or
   * removes member ports and replaces nothing. Changing the port speed (10 to 100 Gbps) replaces every
   * LAG and port (`ConnectionsBandwidth` and `Bandwidth` are create-only: new physical orders, new LOAs)
   * and moves the virtual interfaces to the new LAGs (their `ConnectionId` changes: their BGP sessions
   * are interrupted).
   *
   * @default - the cheapest that keeps `requiredBandwidthGbps` (one of the two is required)
   */
  readonly bandwidth?: ConnectionBandwidth;

  /**
   * The Direct Connect capacity, in Gbps, that must survive the worst failure the model covers.
   *
   * The covered failures: for Maximum Resiliency the loss of a location or device, for High Resiliency
   * also a port, for Development and Test a device, for Classic any single failure. Without `bandwidth`, the planner
   * chooses the port speed and ports per slot of the cheapest layout that keeps it (port-hour cost at
   * `portHourPrices`); with `bandwidth`, it is checked. A layout that cannot keep it is an error that says
   * the most any bandwidth gives.
   *
   * @default - no requirement: give `bandwidth`
   */
  readonly requiredBandwidthGbps?: number;

  /**
   * The peak traffic you expect, in Gbps: a warning when the worst failure the model covers leaves less
   * Direct Connect capacity (AWS asks for "sufficient network capacity to ensure that the failure of one
   * network connection does not overwhelm and degrade redundant connections",
   * https://aws.amazon.com/directconnect/resiliency-recommendation/).
   *
   * @default - not checked
   */
  readonly expectedPeakGbps?: number;

  /**
   * The port-hour prices of the cost estimate (`costEstimate()`, the report) and of the sizing.
   *
   * @default PortHourPrices.AWS_LIST_PRICES
   */
  readonly portHourPrices?: PortHourPrices;

  /**
   * CloudWatch alarms (per port, per device slot, per VPN connection, and headroom: the traffic against
   * what the worst covered failure leaves), an SNS topic or your alarm actions, and a dashboard.
   *
   * @default - no monitoring
   */
  readonly monitoring?: MonitoringOptions;

  /**
   * How many simultaneous failures the report at synth analyses (its scenario table): 1, 2 or more.
   *
   * @default 2, or 1 when pairs of failures make more scenarios than `FailureAnalysis.MAX_SCENARIOS`
   */
  readonly reportMaxFailures?: number;

  /**
   * The service provider of the ports (a partner that brings the circuit to the location).
   *
   * Changing this replaces every port and LAG (`ProviderName` is create-only) and moves the virtual
   * interfaces to the new LAGs.
   *
   * @default - no provider: you arrange the cross-connect at the location yourself
   */
  readonly providerName?: string;

  /**
   * Request MACsec on every port and LAG. Offered on 10 and 100 Gbps ports (and, at some locations,
   * 400 Gbps: a warning says so); not on 1 Gbps. The keys (CKN/CAK) are associated after creation,
   * outside CloudFormation.
   *
   * Changing this replaces every port and LAG (`RequestMACSec` is create-only) and moves the virtual
   * interfaces to the new LAGs.
   *
   * @default false
   */
  readonly requestMacSec?: boolean;

  /**
   * The prefix of every name: LAGs are `<prefix>-<location>-d<slot>`, ports
   * `<prefix>-<location>-d<slot>-p<member>`. Letters, digits, spaces and `_ - , /`.
   *
   * Changing this renames every LAG, port and virtual interface (and the default resiliency group
   * name) in place; it replaces nothing.
   *
   * @default - the construct id, with other characters replaced by `-`
   */
  readonly namePrefix?: string;

  /**
   * What happens to ports and LAGs when they leave the stack or are replaced. A deleted port is a
   * cancelled physical circuit: AWS has the cross-connect removed
   * (https://docs.aws.amazon.com/directconnect/latest/UserGuide/deleteconnection.html).
   * `RemovalPolicy.SNAPSHOT` is not supported by these resources. With the default, a port or LAG that
   * leaves the stack keeps running (and billing) until you delete it.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Create one `AWS::DirectConnect::ResiliencyGroup` that holds every port, with the model's
   * `IntendedResiliencyModel`. A group holds at most 50 connections. Its membership updates in
   * place as ports come and go; a change of model (`HighResiliency` to `MaximumResiliencyConnections`
   * under the same id) replaces the group (`IntendedResiliencyModel` is create-only), not the ports.
   *
   * @default - true when the model has an `IntendedResiliencyModel` (all but Classic)
   */
  readonly resiliencyGroup?: boolean;

  /**
   * The name of the resiliency group: letters, digits, `_` and `-` (no spaces), at most 255. Updates
   * in place.
   *
   * @default - the name prefix, with other characters replaced by `-`
   */
  readonly resiliencyGroupName?: string;

  /**
   * The `MinimumLinks` of every LAG: the LAG goes down when fewer member ports are up, so traffic
   * moves to the other slots instead of overloading the rest. From 0 to the ports per slot.
   *
   * CloudFormation cannot set `MinimumLinks` when it first creates a LAG: deploy without it, then add
   * it on a later deploy (a warning at synth reminds you; acknowledge it with
   * `Annotations.of(construct).acknowledgeWarning('cdk-direct-connect-resiliency:minimumLinksOnCreate')`).
   * Updates in place.
   *
   * @default - not set (AWS uses 0: the LAG stays up with no member up)
   */
  readonly minimumLinks?: number;

  /**
   * Virtual interface specs: each becomes one virtual interface on every device slot (on its LAG), so
   * every path has its own BGP session. Make them with `VirtualInterface.transit()`,
   * `VirtualInterface.privateInterface()` and `VirtualInterface.publicInterface()`.
   *
   * Adding a spec or a slot adds interfaces and renames none (logical IDs derive from the spec's name
   * and the slot); removing a spec deletes its interfaces (their BGP sessions end).
   *
   * @default - no virtual interfaces
   */
  readonly virtualInterfaces?: VirtualInterface[];

  /**
   * A Site-to-Site VPN backup to the transit gateway or virtual private gateway the virtual interfaces
   * reach: `VpnBackup.toTransitGateway()` or `VpnBackup.toVirtualPrivateGateway()`. Its routes are
   * checked so that it stays a backup (Direct Connect wins while any of its paths is up).
   *
   * @default - no VPN backup
   */
  readonly vpnBackup?: VpnBackup;
}

/**
 * One location of a custom layout.
 */
export interface LocationLayout {
  /** The Direct Connect location code, for example `EqDC2`. */
  readonly location: string;

  /**
   * The new device slots (separate AWS devices, one LAG each) at this location.
   *
   * @default - the model's `slotsPerLocation` (1 for Classic)
   */
  readonly deviceSlots?: number;

  /**
   * The number of the first new slot here (the others follow it). Use it to number new slots after the
   * existing circuits of this location (`existingSlots`). Slot numbers name logical IDs: keep them.
   *
   * @default 1
   */
  readonly firstSlotNumber?: number;
}

/**
 * An existing dedicated connection or LAG that stands as a device slot: nothing is ordered for it, and
 * the virtual interfaces are created on it.
 */
export interface ExistingDeviceSlot {
  /** Its Direct Connect location code. */
  readonly location: string;

  /**
   * Its slot number at the location: it names the logical IDs of its virtual interfaces, so keep it.
   * Must differ from the numbers of the location's other slots.
   */
  readonly slotNumber: number;

  /**
   * Its id: `dxcon-...` (a connection) or `dxlag-...` (a LAG). A connection joins the resiliency group;
   * a LAG does not (its members are unknown here; a warning says so).
   *
   * Changing this moves its virtual interfaces (with interruption).
   */
  readonly connectionId: string;

  /**
   * Its capacity, for the summary and the topology.
   *
   * @default - the construct's `bandwidth`
   */
  readonly bandwidth?: ConnectionBandwidth;
}

/**
 * Props of `ResilientConnections`.
 */
export interface ResilientConnectionsProps extends ConnectionsCommonProps {
  /** The locations and their new device slots. Order does not matter. */
  readonly locations: LocationLayout[];

  /**
   * Existing connections or LAGs that stand as device slots: virtual interfaces land on them and they
   * count toward the model's locations and slots, but nothing is ordered for them.
   *
   * @default - none
   */
  readonly existingSlots?: ExistingDeviceSlot[];

  /**
   * The model the layout claims. The layout must meet it (locations, device slots per location); its
   * `IntendedResiliencyModel` goes into the resiliency group.
   *
   * @default ResiliencyModel.CLASSIC
   */
  readonly model?: ResiliencyModel;
}

/**
 * Direct Connect ports and LAGs for any layout: the general engine under
 * `MaximumResiliencyConnections`, `HighResiliency` and `DevTest`, for Classic (custom) layouts.
 *
 * Every device slot becomes one `AWS::DirectConnect::Lag` with its member
 * `AWS::DirectConnect::Connection`s; all ports go into one `AWS::DirectConnect::ResiliencyGroup`
 * when the model has one. Ports and LAGs are retained by default.
 *
 * Logical IDs derive from the location code, slot number and member number (construct path
 * `<id>/<location>/Slot<n>/Port<m>`), never from the order of `locations`.
 */
export class ResilientConnections extends Construct implements IResilientConnections {
  /** The resiliency model the layout meets. */
  public readonly model: ResiliencyModel;
  /** The capacity of every device slot. */
  public readonly bandwidth: ConnectionBandwidth;
  /** The planned layout: locations, device slots, ports, names. */
  public readonly topology: ConnectionTopology;
  /** Every device slot, location by location (sorted by code), then by slot number. */
  public readonly deviceSlots: DeviceSlot[];
  /** Every LAG, one per new device slot. */
  public readonly lags: CfnLag[];
  /** Every port (member dedicated connection) ordered here, slot by slot: each slot's `ports`. */
  public readonly ports: CfnConnection[];
  /**
   * Every port ordered here: the same as `ports`.
   *
   * @deprecated use `ports`
   */
  public get connections(): CfnConnection[] {
    return this.ports;
  }
  /** Every virtual interface, slot by slot. */
  public readonly virtualInterfaces: SlotVirtualInterface[];
  /** The VPN connections of the VPN backup, one per customer gateway device (empty without one). */
  public readonly vpnConnections: VpnBackupConnection[];
  /**
   * The `AWS::DirectConnect::ResiliencyGroup`.
   *
   * @default - undefined when there is none (`resiliencyGroup: false`, or Classic)
   */
  public readonly resiliencyGroup?: CfnResource;

  /**
   * The alarms and dashboard.
   *
   * @default - undefined without the `monitoring` option
   */
  public readonly monitoring?: DirectConnectMonitoring;

  private readonly prices: PortHourPrices;
  private readonly sizing: SizedBandwidth;
  private readonly targetLabels: Map<string, string>;
  private readonly reportMaxFailures?: number;
  private readonly drills: ReportDrill[] = [];
  private analysed?: FailureAnalysis;

  constructor(scope: Construct, id: string, props: ResilientConnectionsProps) {
    super(scope, id);
    checkObject(props, "props", "the props of the construct, with `locations` and `bandwidth`");
    watchReplacements(this);
    const { removal, specs, vpnBackup, prices, monitoring, planned, reportMaxFailures } = checkProps(
      this,
      props,
    );
    const removalPolicy = removal.policy as RemovalPolicy;
    const { topology, warnings, sized } = planned;
    // The gateways' quotas and path rules, and the VPN addresses, count across the app: checked before
    // anything is emitted.
    useAcrossApp(this, specs, topology);
    annotate(this, [...warnings, ...removal.warnings]);

    this.topology = topology;
    this.model = topology.model;
    this.bandwidth = topology.bandwidth;
    this.deviceSlots = topology.locations.flatMap((location) => {
      const locationScope = new Construct(this, location.location);
      return location.deviceSlots.map((slot) => DeviceSlot._emit(locationScope, slot, removalPolicy, specs));
    });
    this.lags = this.deviceSlots.flatMap((s) => (s.lag ? [s.lag] : []));
    this.ports = this.deviceSlots.flatMap((s) => s.ports);
    this.virtualInterfaces = this.deviceSlots.flatMap((s) => s.virtualInterfaces);
    this.vpnConnections =
      vpnBackup && topology.vpnBackup
        ? vpnBackup._emit(new Construct(this, "VpnBackup"), topology.vpnBackup)
        : [];
    if (vpnBackup) watchVpnTarget(this, vpnBackup, specs);

    this.prices = prices;
    this.sizing = sized;
    this.targetLabels = targetLabels(specs, topology);
    this.reportMaxFailures = reportMaxFailures;
    writeIntoAssembly(this, `${this.node.path.replace(/\//g, ".")}.dx-report.md`, () => this.report());

    if (topology.resiliencyGroupName !== undefined && topology.model.intendedResiliencyModel !== undefined) {
      this.resiliencyGroup = new ResiliencyGroupResource(this, "ResiliencyGroup", {
        resiliencyGroupName: topology.resiliencyGroupName,
        intendedResiliencyModel: topology.model.intendedResiliencyModel,
        connectionArns: this.groupConnectionArns(),
      });
    }
    if (monitoring) {
      this.monitoring = new DirectConnectMonitoring(this, "Monitoring", { ...monitoring, connections: this });
    }
  }

  /**
   * A short human summary: model, SLA, the failures it survives, per location the device slots, ports
   * and their speed, the virtual interfaces, the VPN backup and the resiliency group.
   */
  public summary(): string {
    const lines = describeTopology(this.node.path, this.topology).split("\n");
    lines.splice(1, 0, `  ${verdictLine(this.topology, this.failureAnalysis(1))}`);
    const vpn = this.topology.vpnBackup;
    if (vpn) {
      const capacity = this.deviceSlots.reduce((n, s) => n + s.capacityGbps, 0);
      lines.splice(lines.length - 1, 0, describeVpnBackup(vpn, capacity));
    }
    return lines.join("\n");
  }

  /**
   * Every failure scenario of the layout, up to `maxFailures` simultaneous failures (locations, devices,
   * ports, virtual interfaces, VPN customer gateways and tunnels): what each leaves, and whether the
   * model's promise holds.
   *
   * @param maxFailures the most elements that fail at once (default 1)
   */
  public failureAnalysis(maxFailures?: number): FailureAnalysis {
    if (maxFailures === undefined || maxFailures === 1) {
      this.analysed ??= FailureAnalysis.analyse(this.topology);
      return this.analysed;
    }
    return FailureAnalysis.analyse(this.topology, { maxFailures });
  }

  /**
   * An estimate of the monthly port-hour cost of the ports this construct orders, at `portHourPrices`.
   */
  public costEstimate(): CostEstimate {
    return this.prices.estimate(this.topology);
  }

  /**
   * The report in Markdown: the topology with a Mermaid diagram, the model's promise computed, the
   * failure scenarios, sizing and cost, and, when a `FailoverDrill` tests this construct's interfaces,
   * which drill steps rehearse each single failure. It is also written into the cloud assembly at synth,
   * as `<construct path with dots>.dx-report.md` next to the templates.
   */
  public report(): string {
    return renderReport({
      title: this.node.path,
      topology: this.topology,
      analysis: this.reportAnalysis(),
      cost: this.costEstimate(),
      sizing: this.sizing,
      label: (target) => this.targetLabels.get(target) ?? (Token.isUnresolved(target) ? "a gateway" : target),
      drills: this.drills,
    });
  }

  /**
   * A failover drill over this construct: the report names its steps (`FailoverDrill` calls it).
   *
   * @internal
   */
  public _addDrill(drill: ReportDrill): void {
    this.drills.push(drill);
  }

  /** The report's analysis: as deep as the user asked, else two failures unless that is more than an analysis takes. */
  private reportAnalysis(): FailureAnalysis {
    if (this.reportMaxFailures !== undefined) return this.failureAnalysis(this.reportMaxFailures);
    return FailureAnalysis._analyseAtMost(this.topology, 2);
  }

  /** The ARNs of the resiliency group's members: the new ports, then existing connections. */
  private groupConnectionArns(): string[] {
    const ports = new Map(
      this.deviceSlots.flatMap((s) => s.topology.ports.map((p, i) => [p.id, s.ports[i].ref] as const)),
    );
    return groupMembers(allSlots(this.topology)).map(
      (member) =>
        ports.get(member) ??
        Stack.of(this).formatArn({
          service: "directconnect",
          resource: "dxcon",
          resourceName: member,
          arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
        }),
    );
  }

  /** The virtual interfaces of one spec, slot by slot. */
  public virtualInterfacesNamed(name: string): SlotVirtualInterface[] {
    return this.virtualInterfaces.filter((v) => v.name === name);
  }

  /** The device slots at a location, by slot number (empty when the location is not in the layout). */
  public slotsAt(location: string): DeviceSlot[] {
    return this.deviceSlots.filter((s) => s.location === location);
  }
}

/** What the props say, checked: every independent check runs, and all broken rules are thrown as one error. */
function checkProps(construct: ResilientConnections, props: ResilientConnectionsProps) {
  const errors = new RuleErrors();
  const removal = errors.attempt(() => checkRemovalPolicy(props.removalPolicy), {
    policy: RemovalPolicy.RETAIN as string,
    warnings: [],
  });
  const specs = errors
    .attempt(() => virtualInterfacesOf(props.virtualInterfaces), [])
    .filter((spec) => errors.attempt(() => (spec._check(), true), false));
  const vpnBackup = given(props.vpnBackup)
    ? errors.attempt(() => vpnBackupOf(props.vpnBackup), undefined)
    : undefined;
  const prices = given(props.portHourPrices)
    ? errors.attempt(() => pricesOf(props.portHourPrices), PortHourPrices.AWS_LIST_PRICES)
    : PortHourPrices.AWS_LIST_PRICES;
  const monitoring = given(props.monitoring)
    ? errors.attempt(
        () => checkObject(props.monitoring, "monitoring", "MonitoringOptions, e.g. {}") as MonitoringOptions,
        undefined,
      )
    : undefined;
  const planned = errors.attempt(() => planConstruct(construct, props, specs, vpnBackup, prices), undefined);
  const reportMaxFailures = planned
    ? errors.attempt(() => reportDepthOf(props.reportMaxFailures, planned.topology), undefined)
    : undefined;
  errors.throwIfAny(construct.node.path);
  return { removal, specs, vpnBackup, prices, monitoring, planned: planned!, reportMaxFailures };
}

const isUnresolved = (value: unknown) => Token.isUnresolved(value);

/**
 * The topology of a construct (the bandwidth sized when `requiredBandwidthGbps` asks for it), with its
 * VPN backup, and the warnings of every rule.
 */
function planConstruct(
  construct: ResilientConnections,
  props: ResilientConnectionsProps,
  specs: ReadonlyArray<VirtualInterface>,
  vpnBackup: VpnBackup | undefined,
  prices: PortHourPrices,
): { topology: ConnectionTopology; warnings: PlanWarning[]; sized: SizedBandwidth } {
  const specPlans = specs.map((spec) => spec._plan());
  const planWith = (bandwidth: unknown) =>
    planTopology({
      model: given(props.model) ? props.model : ResiliencyModel.CLASSIC,
      locations: props.locations,
      existingSlots: props.existingSlots,
      virtualInterfaces: specPlans,
      bandwidth: bandwidth as ConnectionBandwidth,
      namePrefix: props.namePrefix ?? construct.node.id.replace(/[^\w-]/g, "-"),
      providerName: props.providerName,
      requestMacSec: props.requestMacSec,
      resiliencyGroup: props.resiliencyGroup,
      resiliencyGroupName: props.resiliencyGroupName,
      minimumLinks: props.minimumLinks,
      isUnresolved,
    });
  const sized = sizeBandwidth({ ...props, prices }, (bandwidth) => planWith(bandwidth).topology);
  const planned = planWith(sized.bandwidth);
  const vpn = vpnBackup
    ? planVpnBackup(
        { ...vpnBackup._plan(), region: Stack.of(construct).region },
        {
          hasVirtualInterfaces: specPlans.some((spec) => spec.interfaceType !== VirtualInterfaceType.PUBLIC),
          jumbo: specPlans.some((spec) => (spec.mtu ?? 1500) > 1500),
        },
        isUnresolved,
      )
    : undefined;
  const topology: ConnectionTopology = { ...planned.topology, vpnBackup: vpn?.topology };
  const warnings = [...planned.warnings, ...(vpn?.warnings ?? []), ...checkCapacity(topology, sized)];
  return { topology, warnings, sized };
}

/** Registers what the construct uses in its app's registry: gateway interfaces, VPN addresses. */
function useAcrossApp(
  construct: ResilientConnections,
  specs: ReadonlyArray<VirtualInterface>,
  topology: ConnectionTopology,
): void {
  const slotCount = allSlots(topology).length;
  for (const spec of specs) {
    if (spec.gateway && spec.interfaceType !== VirtualInterfaceType.PUBLIC) {
      gatewayUsage(spec.gateway).addVirtualInterfaces(spec.interfaceType, slotCount);
    }
  }
  if (topology.vpnBackup) {
    registerVpnAcrossApp(construct, topology.vpnBackup);
  }
}

/** At synth, when every gateway association of the app exists: does the VPN land where the paths go? */
function watchVpnTarget(
  construct: ResilientConnections,
  vpnBackup: VpnBackup,
  specs: ReadonlyArray<VirtualInterface>,
): void {
  Aspects.of(construct).add({
    visit(node) {
      if (node !== construct) return;
      annotate(construct, checkVpnTarget(vpnBackup.targetId, directConnectTargets(specs), isUnresolved));
    },
  });
}

/** The warnings of the rules, as warning annotations acknowledgeable by `cdk-direct-connect-resiliency:<id>`. */
function annotate(construct: Construct, warnings: ReadonlyArray<PlanWarning>): void {
  for (const w of warnings) {
    Annotations.of(construct).addWarningV2(`${WARNING_PREFIX}:${w.id}`, w.message);
  }
}

/** The depth of the report's analysis, checked now: the report is written at synth, too late to refuse. */
function reportDepthOf(value: unknown, topology: ConnectionTopology): number | undefined {
  if (!given(value)) return undefined;
  const depth = checkReportMaxFailures(value);
  checkReportScenarios(depth, FailureAnalysis.countScenarios(topology, depth), FailureAnalysis.MAX_SCENARIOS);
  return depth;
}

/** The port-hour prices, made by `PortHourPrices` (told by shape: a second library copy counts). */
function pricesOf(value: unknown): PortHourPrices {
  if (!isMadeBy(value, "estimate")) {
    fail(
      PROP_TYPE,
      `\`portHourPrices\` ${show(value)} is not a PortHourPrices: use PortHourPrices.AWS_LIST_PRICES or PortHourPrices.of().`,
    );
  }
  return value as PortHourPrices;
}

/** Readable names of the gateways the virtual interfaces and the VPN land on (ids may be tokens). */
function targetLabels(
  specs: ReadonlyArray<VirtualInterface>,
  topology: ConnectionTopology,
): Map<string, string> {
  const labels = new Map<string, string>([["public", "AWS public endpoints"]]);
  for (const spec of specs) {
    if (spec.gateway) {
      const id = spec.gateway.gatewayId;
      labels.set(id, `Direct Connect gateway ${Token.isUnresolved(id) ? spec.gateway.node.path : id}`);
    } else if (spec.virtualGatewayId) {
      labels.set(spec.virtualGatewayId, `virtual private gateway ${spec.virtualGatewayId}`);
    }
  }
  const vpn = topology.vpnBackup;
  if (vpn) {
    const kind = vpn.target === VpnTarget.TRANSIT_GATEWAY ? "transit gateway" : "virtual private gateway";
    labels.set(
      vpn.targetId,
      `${kind} ${Token.isUnresolved(vpn.targetId) ? "(deploy-time id)" : vpn.targetId}`,
    );
  }
  return labels;
}

/** The specs, each made by a `VirtualInterface` factory (told by shape: a second library copy counts). */
function virtualInterfacesOf(value: unknown): VirtualInterface[] {
  const specs = checkOptionalList(value, "virtualInterfaces", "VirtualInterface specs") ?? [];
  for (const spec of specs) {
    if (!isMadeBy(spec, "_plan") || !isMadeBy(spec, "_emit")) {
      fail(
        PROP_TYPE,
        `\`virtualInterfaces\`: ${show(spec)} is not a VirtualInterface: make each with VirtualInterface.transit(), ` +
          "VirtualInterface.privateInterface() or VirtualInterface.publicInterface().",
      );
    }
  }
  return specs as VirtualInterface[];
}

function vpnBackupOf(value: unknown): VpnBackup {
  if (!isMadeBy(value, "_plan") || !isMadeBy(value, "_emit")) {
    fail(
      PROP_TYPE,
      `\`vpnBackup\` ${show(value)} is not a VpnBackup: make it with VpnBackup.toTransitGateway() or ` +
        "VpnBackup.toVirtualPrivateGateway().",
    );
  }
  return value as VpnBackup;
}

/**
 * The literal ids of the transit gateways and virtual private gateways the private and transit specs
 * reach; undefined when one is known only at deploy time.
 */
function directConnectTargets(specs: ReadonlyArray<VirtualInterface>): string[] | undefined {
  return reachedTargets(
    specs
      .filter((spec) => spec.interfaceType !== VirtualInterfaceType.PUBLIC)
      .map((spec) =>
        spec.gateway
          ? gatewayUsage(spec.gateway).associatedGateways()
          : [gatewayIdOf(spec.virtualGatewayId!)],
      ),
    isUnresolved,
  );
}
