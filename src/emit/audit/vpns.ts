import { CfnResource } from "aws-cdk-lib";
import { IConstruct } from "constructs";
import { RawResource, Ref, ResourceIndex, TYPES, literalOf } from "./resources";
import { staticRouteId } from "../../analyse/rules/design";
import { TopologyVpnBackup, TopologyVpnConnection, VpnRouting, VpnTarget } from "../../core/topology";
import { TunnelBandwidth } from "../../core/tunnel-bandwidth";
import { isEcmp, vpnCarriesGbps } from "../../core/vpn-capacity";
import { formatCidr, networkOf, parseCidr } from "../../rules/cidr-blocks";

// Site-to-Site VPN backups read from VPN connections, their customer gateways and static routes: one
// backup per target gateway, routing and tunnel options. Internal to the audit.

/** One VPN backup and the constructs that stand for its elements (`vpn/<name>`, tunnels, static routes). */
export interface VpnUnit {
  readonly backup: TopologyVpnBackup;
  readonly elements: Map<string, IConstruct[]>;
  /** Its VPN connections: where a finding about the whole backup goes. */
  readonly connections: IConstruct[];
}

/** The id of the gateway a reference names: a resource's name, an id (from an ARN too), or the reference. */
export function gatewayKey(ref: Ref | undefined): string | undefined {
  if (ref === undefined) return undefined;
  if (ref.name !== undefined) return ref.name;
  return ref.literal !== undefined && ref.literal.startsWith("arn:") ? ref.literal.split("/").pop() : ref.key;
}

interface ReadVpn {
  readonly resource: RawResource;
  readonly name: string;
  readonly target: VpnTarget;
  readonly targetId: string;
  readonly routing: VpnRouting;
  readonly tunnelBandwidth: string;
  readonly acceleration: boolean;
  readonly connection: TopologyVpnConnection;
}

/** Every VPN backup of the app, with its static routes and the on-premises prefixes Direct Connect carries. */
export function readVpnUnits(index: ResourceIndex, onPremisesPrefixes: string[] | undefined): VpnUnit[] {
  const groups = new Map<string, ReadVpn[]>();
  for (const resource of index.ofType(TYPES.vpnConnection)) {
    const vpn = readVpn(index, resource);
    if (vpn === undefined) continue;
    const key = [vpn.target, vpn.targetId, vpn.routing, vpn.tunnelBandwidth, vpn.acceleration].join("|");
    groups.set(key, [...(groups.get(key) ?? []), vpn]);
  }
  return [...groups.values()].map((vpns) => unitOf(index, vpns, onPremisesPrefixes));
}

function readVpn(index: ResourceIndex, resource: RawResource): ReadVpn | undefined {
  const p = resource.props;
  const tgw = gatewayKey(index.refOf(p.TransitGatewayId, resource));
  const targetId = tgw ?? gatewayKey(index.refOf(p.VpnGatewayId, resource));
  if (targetId === undefined) return undefined;
  const cgw = index.refOf(p.CustomerGatewayId, resource)?.resource;
  const tunnels: any[] = Array.isArray(p.VpnTunnelOptionsSpecifications)
    ? p.VpnTunnelOptionsSpecifications
    : [];
  const insides = tunnels.map((t) => literalOf(t?.TunnelInsideCidr));
  const name = index.nameOf(resource);
  return {
    resource,
    name,
    target: tgw !== undefined ? VpnTarget.TRANSIT_GATEWAY : VpnTarget.VIRTUAL_PRIVATE_GATEWAY,
    targetId,
    routing: p.StaticRoutesOnly === true ? VpnRouting.STATIC : VpnRouting.BGP,
    tunnelBandwidth: literalOf(p.TunnelBandwidth) === "large" ? "large" : "standard",
    acceleration: p.EnableAcceleration === true,
    connection: {
      name,
      customerGatewayIp: literalOf(cgw?.props.IpAddress) ?? "unknown",
      bgpAsn: Number(literalOf(cgw?.props.BgpAsn ?? cgw?.props.BgpAsnExtended) ?? 0) || 0,
      tunnels: 2,
      tunnelInsideCidrs:
        insides.length === 2 && insides.every((t) => t !== undefined) ? (insides as string[]) : undefined,
    },
  };
}

function unitOf(index: ResourceIndex, vpns: ReadVpn[], onPremisesPrefixes: string[] | undefined): VpnUnit {
  const first = vpns[0];
  const elements = new Map<string, IConstruct[]>();
  for (const v of vpns) {
    elements.set(`vpn/${v.name}`, [v.resource.construct]);
    for (let n = 1; n <= 2; n++) elements.set(`vpn/${v.name}/Tunnel${n}`, [v.resource.construct]);
  }
  const routes =
    first.routing === VpnRouting.STATIC ? staticRoutesOf(index, vpns) : new Map<string, RawResource[]>();
  for (const [cidr, resources] of routes) {
    elements.set(
      staticRouteId(cidr),
      resources.map((r) => r.construct),
    );
  }
  const bandwidthPerTunnel = TunnelBandwidth._fromValue(first.tunnelBandwidth);
  const tunnels = vpns.length * 2;
  const backup: TopologyVpnBackup = {
    target: first.target,
    targetId: first.targetId,
    routing: first.routing,
    connections: vpns.map((v) => v.connection),
    bandwidthPerTunnel,
    tunnelBandwidth: first.tunnelBandwidth,
    tunnelBandwidthGbps: bandwidthPerTunnel.gbps,
    capacityGbps: vpnCarriesGbps(isEcmp(first.target, first.routing), tunnels, bandwidthPerTunnel.gbps),
    staticRoutes: first.routing === VpnRouting.STATIC ? [...routes.keys()].sort() : undefined,
    onPremisesPrefixes,
    acceleration: first.acceleration,
  };
  return { backup, elements, connections: vpns.map((v) => v.resource.construct) };
}

/**
 * The static routes of static VPNs, by destination: a virtual private gateway's are its VPN connections'
 * `AWS::EC2::VPNConnectionRoute`s; a transit gateway's live in its route tables, pointing at the VPN's
 * attachment, which CloudFormation cannot name, so they are the `AWS::EC2::TransitGatewayRoute`s of its
 * route tables whose attachment is no resource of the app (and not a blackhole).
 */
function staticRoutesOf(index: ResourceIndex, vpns: ReadVpn[]): Map<string, RawResource[]> {
  const routes = new Map<string, RawResource[]>();
  const add = (cidr: unknown, route: RawResource) => {
    const c = parseCidr(literalOf(cidr) ?? "");
    if (c === undefined) return;
    const key = formatCidr(networkOf(c));
    routes.set(key, [...(routes.get(key) ?? []), route]);
  };
  const connections = new Set(vpns.map((v) => v.resource));
  for (const r of index.ofType(TYPES.vpnRoute)) {
    const vpn = index.refOf(r.props.VpnConnectionId, r)?.resource;
    if (vpn !== undefined && connections.has(vpn)) add(r.props.DestinationCidrBlock, r);
  }
  if (vpns[0].target !== VpnTarget.TRANSIT_GATEWAY) return routes;
  for (const r of index.ofType(TYPES.tgwRoute)) {
    const table = index.refOf(r.props.TransitGatewayRouteTableId, r)?.resource;
    const tgw = table && gatewayKey(index.refOf(table.props.TransitGatewayId, table));
    const attachment = index.refOf(r.props.TransitGatewayAttachmentId, r);
    const inApp = attachment?.element !== undefined && CfnResource.isCfnResource(attachment.element);
    if (tgw === vpns[0].targetId && attachment !== undefined && !inApp && r.props.Blackhole !== true) {
      add(r.props.DestinationCidrBlock, r);
    }
  }
  return routes;
}
