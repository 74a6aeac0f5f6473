import { Annotations, ArnFormat, Aspects, CfnResource, Stack, Token } from "aws-cdk-lib";
import { CfnConnection, CfnLag } from "aws-cdk-lib/aws-directconnect";
import { Construct } from "constructs";
import { assemblyPathOf, writeIntoAssembly } from "./assembly-file";
import type { IResilientConnections } from "./connections";
import { DeviceSlot } from "./device-slot";
import { mark, report } from "./findings";
import { IDirectConnectGateway, gatewayUsage, useGatewayInterfaces } from "./gateway";
import { intakeOf } from "./intake";
import { DirectConnectMonitoring } from "./operate/monitoring";
import { emitOutputs } from "./outputs";
import { watchReplacements } from "./replacement-check";
import { ResiliencyGroupResource } from "./resiliency-group";
import type { ResilientConnectionsProps } from "./resilient-connections-props";
import { SlotVirtualInterface, VirtualInterface } from "./virtual-interface";
import { VpnBackup, VpnBackupConnection, registerVpnAcrossApp } from "./vpn-backup";
import { SizedBandwidth } from "../analyse/checks";
import { CostEstimate, PortHourPrices } from "../analyse/cost";
import { ReportDrill } from "../analyse/drills";
import { FailureAnalysis } from "../analyse/failures";
import { renderReport, verdictLine } from "../analyse/report";
import { ConnectionBandwidth } from "../core/bandwidth";
import { ResiliencyModel } from "../core/model";
import { objectOf } from "../core/props";
import { RuleFinding } from "../core/rule";
import {
  ConnectionTopology,
  TopologyCoreNetworkAttachment,
  TopologyGatewayAssociation,
  VirtualInterfaceType,
  VpnTarget,
} from "../core/topology";
import { allSlots, describeTopology, groupMembers } from "../plan/planner";
import { describeVpnBackup } from "../plan/vpn";
import { gatewayIdOf } from "../rules/gateways";
import { checkVpnTarget, reachedTargets } from "../rules/vpn";

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
  /**
   * The planned layout: locations, device slots, ports, names, and the associations and core network
   * attachments of its Direct Connect gateways made so far in the app. The VPN backup backs a gateway
   * associated with its own, and a core network is reached while its Direct Connect gateway is.
   */
  public get topology(): ConnectionTopology {
    const associations = gatewayAssociationsOf(this.specs);
    const coreNetworks = coreNetworkAttachmentsOf(this.specs);
    const key = JSON.stringify([associations, coreNetworks]);
    if (this.associated?.key !== key) {
      const topology: ConnectionTopology =
        associations.length + coreNetworks.length === 0
          ? this.planned
          : {
              ...this.planned,
              ...(associations.length === 0 ? {} : { gatewayAssociations: associations }),
              ...(coreNetworks.length === 0 ? {} : { coreNetworkAttachments: coreNetworks }),
            };
      this.associated = { key, topology };
      this.analysed = undefined;
    }
    return this.associated.topology;
  }
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
  private readonly planned: ConnectionTopology;
  private readonly specs: ReadonlyArray<VirtualInterface>;
  /** The topology with the associations it was last read with. */
  private associated?: { readonly key: string; readonly topology: ConnectionTopology };

  constructor(scope: Construct, id: string, props: ResilientConnectionsProps) {
    super(scope, id);
    const shape: RuleFinding[] = [];
    objectOf(props, "props", "the props of the construct, with `locations` and `bandwidth`", shape);
    report(this, shape);
    watchReplacements(this);
    const {
      findings,
      removalPolicy,
      specs,
      vpnBackup,
      prices,
      monitoring,
      planned,
      reportMaxFailures,
      outputs,
      macSecKey,
    } = intakeOf(this, props);
    // Every error of the props and the plan at once; the warnings annotated.
    report(this, findings);
    const { topology, sized } = planned!;
    // The gateways' quotas and path rules, and the VPN addresses, count across the app: checked before
    // anything is emitted.
    useAcrossApp(this, specs, topology);

    this.planned = topology;
    this.specs = specs;
    this.model = topology.model;
    this.bandwidth = topology.bandwidth;
    this.deviceSlots = topology.locations.flatMap((location) => {
      const locationScope = new Construct(this, location.location);
      return location.deviceSlots.map((slot) =>
        DeviceSlot._emit(locationScope, slot, removalPolicy, specs, macSecKey),
      );
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
    const reportFile = `${this.node.path.replace(/\//g, ".")}.dx-report.md`;
    writeIntoAssembly(this, reportFile, () => this.report());
    // a user's own app prints nothing else at synth: say where the report goes
    Annotations.of(this).addInfo(
      `Direct Connect report: ${assemblyPathOf(this, reportFile)} (failure analysis, turn-up steps)`,
    );
    if (outputs) emitOutputs(this.deviceSlots);

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
    const topology = this.topology; // first: an association made since the last analysis drops it
    if (maxFailures === undefined || maxFailures === 1) {
      this.analysed ??= FailureAnalysis.analyse(topology);
      return this.analysed;
    }
    return FailureAnalysis.analyse(topology, { maxFailures });
  }

  /**
   * An estimate of the monthly port-hour cost of the ports this construct orders, at `portHourPrices`.
   */
  public costEstimate(): CostEstimate {
    return this.prices.estimate(this.topology);
  }

  /**
   * The report in Markdown: the topology with a Mermaid diagram, the model's promise computed, the
   * failure scenarios, sizing and cost, the drill steps that rehearse each single failure (when a
   * `FailoverDrill` tests this construct's interfaces), and the turn-up: per port what to order and do (the
   * LOA-CFA and the cross-connect), per virtual interface what to configure on your router (VLAN, peer
   * addresses, ASNs, where the BGP key lives, MTU, BFD). It is also written into the cloud assembly at
   * synth, as `<construct path with dots>.dx-report.md` next to the templates, and an info annotation of
   * the construct names that file.
   */
  public report(): string {
    return renderReport({
      title: this.node.path,
      topology: this.topology,
      analysis: this.reportAnalysis(),
      cost: this.costEstimate(),
      sizing: this.sizing,
      label: (target) =>
        this.targetLabels.get(target) ??
        coreNetworkLabel(target, this.topology) ??
        (Token.isUnresolved(target) ? "a gateway" : target),
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

/** Registers what the construct uses in its app's registry: gateway interfaces, VPN addresses. */
function useAcrossApp(
  construct: ResilientConnections,
  specs: ReadonlyArray<VirtualInterface>,
  topology: ConnectionTopology,
): void {
  const slotCount = allSlots(topology).length;
  for (const spec of specs) {
    if (spec.gateway && spec.interfaceType !== VirtualInterfaceType.PUBLIC) {
      useGatewayInterfaces(construct, spec.gateway, spec.interfaceType, slotCount);
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
      report(construct, checkVpnTarget(mark(vpnBackup.targetId), directConnectTargets(specs)));
    },
  });
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

/** The Direct Connect gateways the private and transit specs land on, each once, in the order of the specs. */
function landedGateways(specs: ReadonlyArray<VirtualInterface>): IDirectConnectGateway[] {
  const gateways = new Map<string, IDirectConnectGateway>();
  for (const spec of specs) {
    if (spec.gateway === undefined || spec.interfaceType === VirtualInterfaceType.PUBLIC) continue;
    if (!gateways.has(spec.gateway.gatewayId)) gateways.set(spec.gateway.gatewayId, spec.gateway);
  }
  return [...gateways.values()];
}

/**
 * The associations made so far of the Direct Connect gateways the specs land on, one per gateway pair,
 * in the order of the specs.
 */
function gatewayAssociationsOf(specs: ReadonlyArray<VirtualInterface>): TopologyGatewayAssociation[] {
  const pairs = landedGateways(specs).flatMap((gateway) =>
    gatewayUsage(gateway)
      .associatedGatewayIds()
      .map((associatedGatewayId) => ({ directConnectGatewayId: gateway.gatewayId, associatedGatewayId })),
  );
  const seen = new Set<string>();
  return pairs.filter((p) => {
    const key = `${p.directConnectGatewayId} ${p.associatedGatewayId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The core network attachments made so far of the Direct Connect gateways the specs land on, gateway by
 * gateway in the order of the specs.
 */
function coreNetworkAttachmentsOf(specs: ReadonlyArray<VirtualInterface>): TopologyCoreNetworkAttachment[] {
  return landedGateways(specs).flatMap((gateway) =>
    gatewayUsage(gateway)
      .coreNetworkAttachments()
      .map((a) => ({
        directConnectGatewayId: gateway.gatewayId,
        coreNetworkId: a.coreNetworkId,
        edgeLocations: [...a.edgeLocations],
        ...(a.routingPolicyLabel === undefined ? {} : { routingPolicyLabel: a.routingPolicyLabel }),
      })),
  );
}

/** The name of a core network the topology's gateways are attached to; undefined for any other target. */
function coreNetworkLabel(target: string, topology: ConnectionTopology): string | undefined {
  const attached = (topology.coreNetworkAttachments ?? []).some((a) => a.coreNetworkId === target);
  if (!attached) return undefined;
  return `Cloud WAN core network ${Token.isUnresolved(target) ? "(deploy-time id)" : target}`;
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
      )
      .map((ids) => ids?.map((id) => mark(id))),
  );
}
