import { raise } from "../core/fail";
import { IsUnresolved } from "../core/props";
import type { PlanCustomerGateway, PlanVpnBackup } from "../core/request";
import { PlanWarning, warningOf } from "../core/rule";
import { TopologyVpnBackup, TopologyVpnConnection, VpnRouting, VpnTarget } from "../core/topology";
import { TunnelBandwidth } from "../core/tunnel-bandwidth";
import { checkCidr, formatCidr, normalizeCidrList } from "../rules/cidr-blocks";
import { PrefixNamer, VpnRoutes, moreSpecificOf, staticRouteWinsOf } from "../rules/design/vpn-static-routes";
import { checkIdName } from "../rules/names";
import {
  DirectConnectSide,
  VPN_FACTS,
  checkAddressOnce,
  checkCustomerGatewayAsn,
  checkCustomerGatewayCount,
  checkCustomerGatewayNameOnce,
  checkOutsideAddress,
  checkPreSharedKeys,
  checkRouting,
  checkStaticRoutesHaveOnPremises,
  checkTransportAttachmentId,
  checkTunnelInsideCidrs,
  customerGatewayWarnings,
  directConnectSideWarnings,
} from "../rules/vpn";
import { checkCustomerGatewayValues, checkTransitGatewayOnlyOptions } from "../rules/vpn-options";

export type { DirectConnectSide } from "../rules/vpn";
export { VPN_FACTS } from "../rules/vpn";

/** The prefixes of a VPN backup, normalised. */
interface VpnPrefixes {
  readonly staticRoutes?: string[];
  readonly onPremises?: string[];
  readonly advertised?: string[];
}

/**
 * Checks a VPN backup and returns its topology and warnings, or throws naming the prop and value.
 * `unresolved` tells token values, which are not checked. The rules are in rules/vpn.ts and
 * rules/vpn-options.ts; this puts them in order.
 */
export function planVpnBackup(
  vpn: PlanVpnBackup,
  dx: DirectConnectSide,
  unresolved: IsUnresolved,
): { topology: TopologyVpnBackup; warnings: PlanWarning[] } {
  const tgw = vpn.target === VpnTarget.TRANSIT_GATEWAY;
  const warnings = checkTransitGatewayOnlyOptions(vpn, unresolved);
  // (a private IP VPN is offered by VpnBackup.toTransitGateway only)
  checkTransportAttachmentId(vpn.transportAttachmentId, unresolved);

  const gateways = vpn.customerGateways;
  checkCustomerGatewayCount(gateways);
  checkCustomerGateways(gateways, vpn.transportAttachmentId !== undefined, unresolved);
  const bgp = vpn.staticRoutes === undefined;
  warnings.push(
    ...checkCustomerGatewayValues(gateways, { region: vpn.region, bgp }, unresolved),
    ...customerGatewayWarnings(gateways),
  );

  const prefixes = normalisedPrefixes(vpn);
  warnings.push(
    ...checkRouting(prefixes.staticRoutes, prefixes.advertised),
    ...checkAgainstDirectConnect(prefixes, tgw),
    ...directConnectSideWarnings(dx, tgw, prefixes.staticRoutes),
  );
  return { topology: vpnTopology(vpn, prefixes, bgp, unresolved), warnings };
}

/** Each device: its name, outside address, ASN, inside CIDRs and keys. */
function checkCustomerGateways(
  gateways: ReadonlyArray<PlanCustomerGateway>,
  privateIp: boolean,
  unresolved: IsUnresolved,
): void {
  const names = new Set<string>();
  const ips = new Map<string, string>();
  const insides = new Map<string, string>();
  for (const cgw of gateways) {
    checkIdName(cgw.name, "customer gateway");
    checkCustomerGatewayNameOnce(cgw.name, names);
    if (!unresolved(cgw.ipAddress)) {
      checkOutsideAddress(cgw, privateIp);
      checkAddressOnce(cgw, ips);
    }
    if (!unresolved(cgw.bgpAsn)) checkCustomerGatewayAsn(cgw);
    checkTunnelInsideCidrs(cgw, insides, unresolved);
    checkPreSharedKeys(cgw);
  }
}

/** The prefixes of the VPN, each list checked and normalised (any IPv6 length: they are routes). */
function normalisedPrefixes(vpn: PlanVpnBackup): VpnPrefixes {
  const list = (blocks: ReadonlyArray<string> | undefined, prop: string) =>
    blocks === undefined ? undefined : normalizeCidrList(blocks, { prop, maxIpv6PrefixLength: 128 });
  return {
    staticRoutes: list(vpn.staticRoutes, "staticRoutes"),
    onPremises: list(vpn.onPremisesPrefixes, "onPremisesPrefixes"),
    advertised: list(vpn.advertisedPrefixes, "advertisedPrefixes"),
  };
}

/** How the planner names a prefix in a finding: by its prop. */
const BY_PROP: PrefixNamer = (prop, prefix) => `\`${prop}\`: ${prefix}`;

/**
 * AWS to on-premises: which path the gateway picks for a destination (facts §6). A static route on a
 * transit gateway equal to or more specific than a Direct Connect prefix is an error; a more specific
 * one on a virtual private gateway, or advertised with BGP, a warning (asymmetric). Both are design
 * rules (rules/design), which the audit checks too.
 */
function checkAgainstDirectConnect(prefixes: VpnPrefixes, tgw: boolean): PlanWarning[] {
  checkStaticRoutesHaveOnPremises(prefixes.staticRoutes, prefixes.onPremises);
  const routes: VpnRoutes = {
    target: tgw ? VpnTarget.TRANSIT_GATEWAY : VpnTarget.VIRTUAL_PRIVATE_GATEWAY,
    staticRoutes: prefixes.staticRoutes,
    onPremisesPrefixes: prefixes.onPremises,
    advertisedPrefixes: prefixes.advertised,
  };
  const [wins] = staticRouteWinsOf(routes, BY_PROP);
  if (wins !== undefined) raise(wins);
  return moreSpecificOf(routes, BY_PROP).map(warningOf);
}

/** The topology of a checked VPN backup. */
function vpnTopology(
  vpn: PlanVpnBackup,
  prefixes: VpnPrefixes,
  bgp: boolean,
  unresolved: IsUnresolved,
): TopologyVpnBackup {
  const tgw = vpn.target === VpnTarget.TRANSIT_GATEWAY;
  const tunnels = vpn.customerGateways.length * VPN_FACTS.tunnelsPerConnection;
  // ECMP over tunnels needs BGP and a transit gateway (facts §6); otherwise one tunnel carries the traffic.
  const activeTunnels = tgw && bgp ? tunnels : 1;
  const connections: TopologyVpnConnection[] = vpn.customerGateways.map((cgw) => ({
    name: cgw.name,
    customerGatewayIp: cgw.ipAddress,
    bgpAsn: cgw.bgpAsn,
    tunnels: VPN_FACTS.tunnelsPerConnection,
    tunnelInsideCidrs: cgw.tunnelInsideCidrs?.map((t: string) =>
      unresolved(t) ? t : formatCidr(checkCidr(t, { prop: "tunnelInsideCidrs" })),
    ),
  }));
  return {
    target: vpn.target,
    targetId: vpn.targetId,
    routing: bgp ? VpnRouting.BGP : VpnRouting.STATIC,
    connections,
    bandwidthPerTunnel: TunnelBandwidth._fromValue(vpn.tunnelBandwidth),
    tunnelBandwidth: vpn.tunnelBandwidth,
    tunnelBandwidthGbps: vpn.tunnelBandwidthGbps,
    capacityGbps: activeTunnels * vpn.tunnelBandwidthGbps,
    staticRoutes: prefixes.staticRoutes,
    onPremisesPrefixes: prefixes.onPremises,
    advertisedPrefixes: prefixes.advertised,
    acceleration: vpn.acceleration ?? false,
  };
}

/** One line for the construct's summary. */
export function describeVpnBackup(vpn: TopologyVpnBackup, dxCapacityGbps: number): string {
  const n = vpn.connections.length;
  return (
    `  VPN backup to ${vpn.targetId}: ${n} customer gateway${n === 1 ? "" : "s"} x 2 tunnels, ${vpn.routing.toUpperCase()}, ` +
    `up to ${vpn.capacityGbps} Gbps (${vpn.bandwidthPerTunnel.value} tunnels of ${vpn.tunnelBandwidthGbps} Gbps) for ${dxCapacityGbps} Gbps of Direct Connect; MTU 1500`
  );
}
