import { Deferrable, isDeferred, valueOf } from "../core/deferred";
import type { PlanCustomerGateway, PlanVpnBackup } from "../core/request";
import type { RuleFinding } from "../core/rule";
import { TopologyVpnBackup, TopologyVpnConnection, VpnRouting, VpnTarget } from "../core/topology";
import { isEcmp, vpnCarriesGbps } from "../core/vpn-capacity";
import {
  CidrListRules,
  checkCidrBlock,
  checkCidrList,
  formatCidr,
  normalizedCidrList,
  parseCidr,
} from "../rules/cidr-blocks";
import { PrefixNamer, VpnRoutes, moreSpecificOf, staticRouteWinsOf } from "../rules/design/vpn-static-routes";
import {
  DirectConnectSide,
  VPN_FACTS,
  checkAddressOnce,
  checkCustomerGatewayAsn,
  checkCustomerGatewayCount,
  checkCustomerGatewayName,
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

/** The prefixes of a VPN backup, normalised (the blocks that parse). */
interface VpnPrefixes {
  readonly staticRoutes?: string[];
  readonly onPremises?: string[];
  readonly advertised?: string[];
}

/** The prefix lists of a VPN backup: any IPv6 length, they are routes. */
const PREFIX_RULES = {
  staticRoutes: { prop: "staticRoutes", maxIpv6PrefixLength: 128 },
  onPremisesPrefixes: { prop: "onPremisesPrefixes", maxIpv6PrefixLength: 128 },
  advertisedPrefixes: { prop: "advertisedPrefixes", maxIpv6PrefixLength: 128 },
} as const;

/**
 * The topology of a VPN backup and the findings of every rule on it, errors and warnings (a token,
 * `Deferred`, is not checked). The rules are in rules/vpn.ts and rules/vpn-options.ts; this puts them
 * in order. The topology is built whatever the findings (a construct with an error emits nothing).
 */
export function planVpnBackup(
  vpn: PlanVpnBackup,
  dx: DirectConnectSide,
): { topology: TopologyVpnBackup; findings: RuleFinding[] } {
  const tgw = vpn.target === VpnTarget.TRANSIT_GATEWAY;
  const bgp = vpn.staticRoutes === undefined;
  const gateways = vpn.customerGateways;
  const prefixes = normalisedPrefixes(vpn);
  const findings = [
    ...checkTransitGatewayOnlyOptions(vpn),
    // (a private IP VPN is offered by VpnBackup.toTransitGateway only)
    ...checkTransportAttachmentId(vpn.transportAttachmentId),
    ...checkCustomerGatewayCount(gateways.length),
    ...checkCustomerGateways(gateways, vpn.transportAttachmentId !== undefined),
    ...checkCustomerGatewayValues(gateways, { region: vpn.region, bgp }),
    ...customerGatewayWarnings(gateways),
    ...checkPrefixes(vpn, prefixes, tgw),
    ...directConnectSideWarnings(dx, tgw, prefixes.staticRoutes),
  ];
  return { topology: vpnTopology(vpn, prefixes, bgp), findings };
}

/** Each device: its name, outside address, ASN, inside CIDRs and keys, against the devices before it. */
function checkCustomerGateways(
  gateways: ReadonlyArray<PlanCustomerGateway>,
  privateIp: boolean,
): RuleFinding[] {
  return gateways.flatMap((cgw, i) => {
    const earlier = gateways.slice(0, i);
    return [
      ...checkCustomerGatewayName(cgw.name),
      ...checkCustomerGatewayNameOnce(cgw, earlier),
      ...checkOutsideAddress(cgw, privateIp),
      ...checkAddressOnce(cgw, earlier),
      ...checkCustomerGatewayAsn(cgw),
      ...checkTunnelInsideCidrs(cgw, earlier),
      ...checkPreSharedKeys(cgw),
    ];
  });
}

/** The blocks of each prefix list, then (when they all parse) the routing against Direct Connect. */
function checkPrefixes(vpn: PlanVpnBackup, prefixes: VpnPrefixes, tgw: boolean): RuleFinding[] {
  const blocks = (list: ReadonlyArray<string> | undefined, rules: CidrListRules) =>
    checkCidrList(list ?? [], rules);
  const invalid = [
    ...blocks(vpn.staticRoutes, PREFIX_RULES.staticRoutes),
    ...blocks(vpn.onPremisesPrefixes, PREFIX_RULES.onPremisesPrefixes),
    ...blocks(vpn.advertisedPrefixes, PREFIX_RULES.advertisedPrefixes),
  ];
  if (invalid.length > 0) return invalid;
  return [
    ...checkRouting(prefixes.staticRoutes, prefixes.advertised),
    ...checkAgainstDirectConnect(prefixes, tgw),
  ];
}

/** The prefixes of the VPN, each list normalised (its blocks that parse: checkPrefixes reports the others). */
function normalisedPrefixes(vpn: PlanVpnBackup): VpnPrefixes {
  const list = (blocks: ReadonlyArray<string> | undefined, rules: CidrListRules) =>
    blocks === undefined
      ? undefined
      : normalizedCidrList(blocks.filter((text) => checkCidrBlock(text, rules).length === 0));
  return {
    staticRoutes: list(vpn.staticRoutes, PREFIX_RULES.staticRoutes),
    onPremises: list(vpn.onPremisesPrefixes, PREFIX_RULES.onPremisesPrefixes),
    advertised: list(vpn.advertisedPrefixes, PREFIX_RULES.advertisedPrefixes),
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
function checkAgainstDirectConnect(prefixes: VpnPrefixes, tgw: boolean): RuleFinding[] {
  const routes: VpnRoutes = {
    target: tgw ? VpnTarget.TRANSIT_GATEWAY : VpnTarget.VIRTUAL_PRIVATE_GATEWAY,
    staticRoutes: prefixes.staticRoutes,
    onPremisesPrefixes: prefixes.onPremises,
    advertisedPrefixes: prefixes.advertised,
  };
  return [
    ...checkStaticRoutesHaveOnPremises(prefixes.staticRoutes, prefixes.onPremises),
    ...staticRouteWinsOf(routes, BY_PROP),
    ...moreSpecificOf(routes, BY_PROP),
  ];
}

/** The tunnel inside CIDRs as the template gets them: in canonical text when it parses, a token as it is. */
function insideCidrsOf(cidrs: ReadonlyArray<Deferrable<string>>): string[] {
  return cidrs.map((t) => {
    if (isDeferred(t)) return t.value;
    const c = parseCidr(t);
    return c === undefined ? t : formatCidr(c);
  });
}

/** The topology of a VPN backup. */
function vpnTopology(vpn: PlanVpnBackup, prefixes: VpnPrefixes, bgp: boolean): TopologyVpnBackup {
  const routing = bgp ? VpnRouting.BGP : VpnRouting.STATIC;
  const tunnels = vpn.customerGateways.length * VPN_FACTS.tunnelsPerConnection;
  const bandwidth = vpn.tunnelBandwidth;
  const connections: TopologyVpnConnection[] = vpn.customerGateways.map((cgw) => ({
    name: cgw.name,
    customerGatewayIp: valueOf(cgw.ipAddress),
    bgpAsn: valueOf(cgw.bgpAsn),
    tunnels: VPN_FACTS.tunnelsPerConnection,
    tunnelInsideCidrs: cgw.tunnelInsideCidrs && insideCidrsOf(cgw.tunnelInsideCidrs),
  }));
  return {
    target: vpn.target,
    targetId: valueOf(vpn.targetId),
    routing,
    connections,
    bandwidthPerTunnel: bandwidth,
    tunnelBandwidth: bandwidth.value,
    tunnelBandwidthGbps: bandwidth.gbps,
    capacityGbps: vpnCarriesGbps(isEcmp(vpn.target, routing), tunnels, bandwidth.gbps),
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
