/**
 * VPN options that exist only on some targets, and values AWS reserves: small pure rules, each with the
 * AWS page that states it. Each throws for what AWS refuses at deploy, or returns a warning for what is
 * legal but breaks the backup. Called by planVpnBackup (vpn.ts).
 */
import { parseCidr } from "./cidr";
import { VpnTarget } from "./topology";
import type { PlanCustomerGateway, PlanVpnBackup, VpnWarning } from "./vpn";

/**
 * Customer gateway ASNs AWS reserves: 7224 in every Region, the others in one Region each.
 * https://docs.aws.amazon.com/vpn/latest/s2svpn/cgw-options.html
 */
export const RESERVED_CUSTOMER_GATEWAY_ASNS: ReadonlyMap<number, string | undefined> = new Map([
  [7224, undefined],
  [9059, "eu-west-1"],
  [10124, "ap-northeast-1"],
  [17943, "ap-southeast-1"],
]);

/**
 * Regions where AWS did not offer large (5 Gbps) tunnels at their launch (2025-11). From summaries of
 * https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html#large-bandwidth-tunnels; availability
 * grows, so a warning, not an error.
 */
export const LARGE_TUNNELS_NOT_OFFERED = [
  "ap-southeast-4",
  "ca-west-1",
  "eu-central-2",
  "il-central-1",
  "me-central-1",
];

/** Amazon-side ASN of a virtual private gateway or transit gateway created without one. */
export const DEFAULT_AMAZON_SIDE_ASN = 64512;

/** API CreateCustomerGateway: DeviceName "Up to 255 characters". */
export const DEVICE_NAME_MAX = 255;

/** The options a virtual private gateway does not have, and the ones that exclude each other. */
export function checkTransitGatewayOnlyOptions(
  vpn: PlanVpnBackup,
  unresolved: (v: unknown) => boolean,
): VpnWarning[] {
  checkAcceleration(vpn);
  return checkTunnelBandwidth(vpn, unresolved);
}

/**
 * Accelerated VPN: transit gateways only, and not over Direct Connect (a private IP VPN).
 * https://docs.aws.amazon.com/vpn/latest/s2svpn/accelerated-vpn.html,
 * https://docs.aws.amazon.com/vpn/latest/s2svpn/private-ip-dx.html
 */
function checkAcceleration(vpn: PlanVpnBackup): void {
  if (!vpn.acceleration) return;
  if (vpn.target !== VpnTarget.TRANSIT_GATEWAY) {
    throw new Error(
      "`acceleration`: accelerated VPN (AWS Global Accelerator) is offered only for transit gateways, not for a virtual private gateway.",
    );
  }
  if (vpn.transportAttachmentId !== undefined) {
    throw new Error("`acceleration`: a private IP VPN runs over Direct Connect; it cannot be accelerated.");
  }
}

/**
 * Large tunnels: transit gateways (and Cloud WAN) only, and not with accelerated VPN.
 * https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html#large-bandwidth-tunnels
 */
function checkTunnelBandwidth(vpn: PlanVpnBackup, unresolved: (v: unknown) => boolean): VpnWarning[] {
  if (vpn.tunnelBandwidth !== "large") return [];
  if (vpn.target !== VpnTarget.TRANSIT_GATEWAY) {
    throw new Error(
      "`tunnelBandwidth` LARGE is not offered on a virtual private gateway: large (5 Gbps) tunnels need a transit " +
        "gateway. Use TunnelBandwidth.STANDARD (1.25 Gbps), or VpnBackup.toTransitGateway().",
    );
  }
  if (vpn.acceleration) {
    throw new Error(
      "`tunnelBandwidth` LARGE cannot be combined with `acceleration`: accelerated VPN connections have standard " +
        "(1.25 Gbps) tunnels. Drop one of the two.",
    );
  }
  const region = vpn.region;
  if (region === undefined || unresolved(region) || !LARGE_TUNNELS_NOT_OFFERED.includes(region)) return [];
  return [
    {
      id: "vpnLargeTunnelsRegion",
      message:
        `\`tunnelBandwidth\` LARGE: AWS did not offer large tunnels in ${region} at their launch; creating the VPN ` +
        "connections fails there unless AWS offers them now. Check the Site-to-Site VPN user guide (tunnel options).",
    },
  ];
}

/**
 * Reserved ASNs (an error where the stack's Region is known, a warning where it is not), a device name
 * longer than AWS takes, and a BGP device on the default Amazon-side ASN (BGP needs two ASNs).
 */
export function checkCustomerGatewayValues(
  gateways: ReadonlyArray<PlanCustomerGateway>,
  vpn: { readonly region?: string; readonly bgp: boolean },
  unresolved: (v: unknown) => boolean,
): VpnWarning[] {
  const warnings: VpnWarning[] = [];
  const region = vpn.region !== undefined && !unresolved(vpn.region) ? vpn.region : undefined;
  for (const cgw of gateways) {
    if (
      cgw.deviceName !== undefined &&
      !unresolved(cgw.deviceName) &&
      cgw.deviceName.length > DEVICE_NAME_MAX
    ) {
      throw new Error(
        `\`deviceName\` of ${cgw.name} has ${cgw.deviceName.length} characters: at most ${DEVICE_NAME_MAX}.`,
      );
    }
    if (unresolved(cgw.bgpAsn)) continue;
    const reserved = reservedAsn(cgw, region);
    if (reserved) warnings.push(reserved);
    if (vpn.bgp && cgw.bgpAsn === DEFAULT_AMAZON_SIDE_ASN) {
      warnings.push({
        id: "vpnAsnIsAmazonDefault",
        message:
          `\`bgpAsn\` ${DEFAULT_AMAZON_SIDE_ASN} of ${cgw.name} is the default Amazon-side ASN of virtual private gateways ` +
          "and transit gateways: if your gateway kept it, the BGP session cannot come up (the two sides need different " +
          "ASNs). Use your routers' own ASN.",
      });
    }
  }
  return warnings;
}

/** https://docs.aws.amazon.com/vpn/latest/s2svpn/cgw-options.html: the reserved ASNs. */
function reservedAsn(cgw: PlanCustomerGateway, region: string | undefined): VpnWarning | undefined {
  if (!RESERVED_CUSTOMER_GATEWAY_ASNS.has(cgw.bgpAsn)) return undefined;
  const reservedIn = RESERVED_CUSTOMER_GATEWAY_ASNS.get(cgw.bgpAsn);
  const choose = "choose another ASN (a private one: 64512 to 65534, or 4200000000 to 4294967294).";
  if (reservedIn === undefined) {
    throw new Error(`\`bgpAsn\` ${cgw.bgpAsn} of ${cgw.name} is reserved by AWS in all Regions: ${choose}`);
  }
  if (region === reservedIn) {
    throw new Error(
      `\`bgpAsn\` ${cgw.bgpAsn} of ${cgw.name} is reserved by AWS in ${region}, this stack's Region: ${choose}`,
    );
  }
  if (region !== undefined) return undefined;
  return {
    id: "vpnAsnReservedInRegion",
    message:
      `\`bgpAsn\` ${cgw.bgpAsn} of ${cgw.name} is reserved by AWS in ${reservedIn}: deploying this stack there fails ` +
      "(the stack has no Region yet). Choose another ASN if it may go there.",
  };
}

/**
 * The tunnels this library makes carry IPv4 (TunnelInsideIpVersion `ipv4`); a VPN connection carries
 * one IP version, and a virtual private gateway none but IPv4. An IPv6 static route cannot work (an
 * error); an IPv6 prefix advertised over BGP has no backup (a warning).
 * https://docs.aws.amazon.com/vpn/latest/s2svpn/ipv4-ipv6.html
 */
export function checkIpv4Only(
  staticRoutes: ReadonlyArray<string> | undefined,
  advertised: ReadonlyArray<string> | undefined,
): VpnWarning[] {
  const ipv6 = (prefixes: ReadonlyArray<string> | undefined) =>
    (prefixes ?? []).filter((p) => parseCidr(p)?.version === 6);
  const why =
    "is IPv6, but the VPN's tunnels carry IPv4 (a VPN connection carries one IP version, and this construct makes " +
    "IPv4 ones).";
  const route = ipv6(staticRoutes)[0];
  if (route !== undefined) {
    throw new Error(`\`staticRoutes\`: ${route} ${why} Route IPv6 over Direct Connect only.`);
  }
  const prefixes = ipv6(advertised);
  if (prefixes.length === 0) return [];
  return [
    {
      id: "vpnIpv4Only",
      message:
        `\`advertisedPrefixes\`: ${prefixes.join(", ")} ${why} IPv6 traffic has ` +
        "no VPN backup: it stops when Direct Connect does.",
    },
  ];
}
