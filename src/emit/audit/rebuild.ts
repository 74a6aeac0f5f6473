import { IConstruct } from "constructs";
import { readDrafts } from "./drafts";
import { GroupLayout, Layout, groupLayoutOf, layoutsOf } from "./layouts";
import { RawResource, ResourceIndex, TYPES, literalOf } from "./resources";
import { KnownCircuit, placeSlots } from "./slots";
import { VpnUnit, gatewayKey, readVpnUnits } from "./vpns";
import { ResiliencyModel } from "../../core/model";
import { ConnectionTopology, TopologyCoreNetworkAttachment, VirtualInterfaceType } from "../../core/topology";

// The Direct Connect design of an app rebuilt from its resources. Internal to the audit.

/** What the rebuild takes beyond the app: the audit's options. */
export interface RebuildOptions {
  /** The claim of every layout. */
  readonly model?: ResiliencyModel;
  /** The on-premises prefixes Direct Connect carries (normalised). */
  readonly onPremisesPrefixes?: string[];
  /** Existing circuits the user placed, by id. */
  readonly existingCircuits: ReadonlyMap<string, KnownCircuit>;
}

/** An app's layouts, resiliency groups and VPN backups. */
export interface RebuiltApp {
  readonly layouts: Layout[];
  readonly groups: GroupLayout[];
  readonly vpns: VpnUnit[];
}

/** Rebuilds the design of the app that holds `scope`. */
export function rebuild(scope: IConstruct, options: RebuildOptions): RebuiltApp {
  const root = scope.node.root;
  const index = ResourceIndex.read(root);
  const drafts = readDrafts(index);
  const known = new Map([...circuitsOfConstructs(root), ...options.existingCircuits]);
  const placed = placeSlots(drafts.slots, known);
  const targetOf = (vif: RawResource): string =>
    vif.type === TYPES.publicVif
      ? ""
      : (gatewayKey(index.refOf(vif.props.DirectConnectGatewayId ?? vif.props.VirtualGatewayId, vif)) ?? "");
  const input = { index, groups: drafts.groups, targetOf, model: options.model };
  const layouts = layoutsOf(placed, input);
  const groups = drafts.groups.flatMap((g) => groupLayoutOf(g, placed, input) ?? []);
  const vpns = readVpnUnits(index, options.onPremisesPrefixes);
  return { layouts, groups, vpns };
}

/**
 * The existing circuits that this library's constructs place (`existingSlots` of `ResilientConnections`
 * and the model constructs), read from their `topology`: the audit then knows their location.
 */
function circuitsOfConstructs(root: IConstruct): Map<string, KnownCircuit> {
  const known = new Map<string, KnownCircuit>();
  for (const c of root.node.findAll()) {
    const topology = (c as { topology?: ConnectionTopology }).topology;
    if (typeof topology !== "object" || topology === null || !Array.isArray(topology.locations)) continue;
    for (const slot of topology.locations.flatMap((l) => l.deviceSlots ?? [])) {
      if (slot.existingConnectionId === undefined) continue;
      known.set(slot.existingConnectionId, {
        location: slot.location,
        capacityGbps: slot.capacityGbps,
        portBandwidth: slot.portBandwidth,
      });
    }
  }
  return known;
}

/**
 * The layouts as topologies, each with the associations of its Direct Connect gateways and the VPN backup
 * that lands on a gateway its virtual interfaces reach (directly, or through a Direct Connect gateway
 * association).
 */
export function topologiesOf(app: RebuiltApp, scope: IConstruct): ConnectionTopology[] {
  const index = ResourceIndex.read(scope.node.root);
  const associated = new Map<string, Set<string>>();
  for (const a of index.ofType(TYPES.association)) {
    const dxgw = gatewayKey(index.refOf(a.props.DirectConnectGatewayId, a));
    const other = gatewayKey(index.refOf(a.props.AssociatedGatewayId, a));
    if (dxgw === undefined || other === undefined) continue;
    associated.set(dxgw, new Set([...(associated.get(dxgw) ?? []), other]));
  }
  const attachments = coreNetworkAttachmentsOf(index);
  const within = (c: IConstruct) => c.node.scopes.includes(scope);
  return app.layouts
    .filter((l) => [...l.elements.values()].flat().some(within))
    .map((l) => {
      const targets = [
        ...new Set(
          l.topology.locations
            .flatMap((loc) => loc.deviceSlots.flatMap((s) => s.virtualInterfaces))
            .filter((v) => v.interfaceType !== VirtualInterfaceType.PUBLIC)
            .map((v) => v.target),
        ),
      ];
      const reached = targets.flatMap((t) => [t, ...(associated.get(t) ?? [])]);
      const gatewayAssociations = targets.flatMap((directConnectGatewayId) =>
        [...(associated.get(directConnectGatewayId) ?? [])].map((associatedGatewayId) => ({
          directConnectGatewayId,
          associatedGatewayId,
        })),
      );
      const vpn = app.vpns.find((u) => reached.includes(u.backup.targetId));
      const coreNetworkAttachments = attachments.filter((a) => targets.includes(a.directConnectGatewayId));
      const topology: ConnectionTopology = {
        ...l.topology,
        ...(gatewayAssociations.length === 0 ? {} : { gatewayAssociations }),
        ...(coreNetworkAttachments.length === 0 ? {} : { coreNetworkAttachments }),
      };
      return vpn === undefined ? topology : { ...topology, vpnBackup: vpn.backup };
    });
}

/**
 * The app's Cloud WAN attachments (`AWS::NetworkManager::DirectConnectGatewayAttachment`, raw or made by
 * `attachToCoreNetwork`), each on the Direct Connect gateway its `DirectConnectGatewayArn` names: the
 * gateway's `Ref` (its ARN), an ARN literal, or an ARN joined from the partition and account (an imported
 * gateway), keyed as the virtual interfaces key their gateway.
 */
function coreNetworkAttachmentsOf(index: ResourceIndex): TopologyCoreNetworkAttachment[] {
  return index.ofType(TYPES.coreNetworkAttachment).flatMap((a) => {
    const arn = a.props.DirectConnectGatewayArn;
    const joined = arn?.["Fn::Join"]?.[1];
    const tail = Array.isArray(joined) ? joined[joined.length - 1] : undefined;
    const fromJoin = typeof tail === "string" ? /dx-gateway\/([^/]+)$/.exec(tail)?.[1] : undefined;
    const directConnectGatewayId = fromJoin ?? gatewayKey(index.refOf(arn, a));
    const coreNetworkId = literalOf(a.props.CoreNetworkId) ?? "(deploy-time id)";
    if (directConnectGatewayId === undefined) return [];
    const edges: unknown[] = Array.isArray(a.props.EdgeLocations) ? a.props.EdgeLocations : [];
    const label = literalOf(a.props.RoutingPolicyLabel);
    return [
      {
        directConnectGatewayId,
        coreNetworkId,
        edgeLocations: edges.flatMap((e) => literalOf(e) ?? []),
        ...(label === undefined ? {} : { routingPolicyLabel: label }),
      },
    ];
  });
}
