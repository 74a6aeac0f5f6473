/**
 * VPN options that exist only on some targets, and values AWS reserves: small pure rules, each with the
 * AWS page that states it. Each returns an error finding for what AWS refuses at deploy, or a warning for
 * what is legal but breaks the backup. Called by planVpnBackup (plan/vpn.ts).
 */
import { Deferrable, isDeferred, known } from "../core/deferred";
import { errorRule, finding, warningRule, ruleFamily } from "../core/fail";
import type { PlanCustomerGateway, PlanVpnBackup } from "../core/request";
import type { RuleFinding } from "../core/rule";
import { SOURCES } from "../core/sources";
import { VpnTarget } from "../core/topology";

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

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const VPN_OPTION_RULES = ruleFamily({
  ACCELERATION_TARGET: errorRule({
    id: "accelerationTarget",
    what: "`acceleration` with a virtual private gateway",
    why: "accelerated VPN (AWS Global Accelerator) is offered for transit gateways only",
    source: SOURCES.acceleratedVpn,
    prop: "acceleration",
  }),
  ACCELERATION_PRIVATE_IP: errorRule({
    id: "accelerationPrivateIp",
    what: "`acceleration` with a private IP VPN (`transportAttachmentId`)",
    why: "a private IP VPN runs over Direct Connect: it cannot be accelerated",
    source: SOURCES.privateIpVpn,
    prop: "acceleration",
  }),
  LARGE_TUNNELS_TARGET: errorRule({
    id: "largeTunnelsTarget",
    what: "large tunnels (`TunnelBandwidth.LARGE`) to a virtual private gateway",
    why: "large (5 Gbps) tunnels need a transit gateway",
    source: SOURCES.largeTunnels,
    prop: "tunnelBandwidth",
  }),
  LARGE_TUNNELS_ACCELERATION: errorRule({
    id: "largeTunnelsAcceleration",
    what: "large tunnels (`TunnelBandwidth.LARGE`) with `acceleration`",
    why: "accelerated VPN connections have standard (1.25 Gbps) tunnels",
    source: SOURCES.largeTunnels,
    prop: "tunnelBandwidth",
  }),
  LARGE_TUNNELS_REGION: warningRule({
    id: "vpnLargeTunnelsRegion",
    what:
      "large tunnels in a Region where AWS did not offer them at launch (ap-southeast-4, ca-west-1, eu-central-2, " +
      "il-central-1, me-central-1)",
    why: "creating the VPN connections fails there unless AWS offers them now",
    source: SOURCES.largeTunnels,
    prop: "tunnelBandwidth",
  }),
  DEVICE_NAME_LENGTH: errorRule({
    id: "deviceNameLength",
    what: "a `deviceName` over 255 characters",
    why: "AWS takes device names of up to 255 characters",
    source: SOURCES.createCustomerGateway,
    prop: "deviceName",
  }),
  CUSTOMER_GATEWAY_ASN_RESERVED: errorRule({
    id: "customerGatewayAsnReserved",
    what:
      "customer gateway ASN 7224 (reserved in all Regions), or 9059, 10124, 17943 in the stack's Region (eu-west-1, " +
      "ap-northeast-1, ap-southeast-1)",
    why: "AWS refuses a customer gateway with an ASN it reserves",
    source: SOURCES.customerGatewayOptions,
    prop: "bgpAsn",
  }),
  ASN_RESERVED_IN_REGION: warningRule({
    id: "vpnAsnReservedInRegion",
    what: "customer gateway ASN 9059, 10124 or 17943 in a stack without a Region",
    why: "AWS reserves it in one Region (eu-west-1, ap-northeast-1, ap-southeast-1): deploying there fails",
    source: SOURCES.customerGatewayOptions,
    prop: "bgpAsn",
  }),
  ASN_IS_AMAZON_DEFAULT: warningRule({
    id: "vpnAsnIsAmazonDefault",
    what: "customer gateway ASN 64512 with BGP: the default Amazon-side ASN of transit and virtual private gateways",
    why: "BGP needs two ASNs: if the gateway kept its default, the session cannot come up",
    source: SOURCES.howVpnWorks,
    prop: "bgpAsn",
  }),
});
export const {
  ACCELERATION_TARGET,
  ACCELERATION_PRIVATE_IP,
  LARGE_TUNNELS_TARGET,
  LARGE_TUNNELS_ACCELERATION,
  LARGE_TUNNELS_REGION,
  DEVICE_NAME_LENGTH,
  CUSTOMER_GATEWAY_ASN_RESERVED,
  ASN_RESERVED_IN_REGION,
  ASN_IS_AMAZON_DEFAULT,
} = VPN_OPTION_RULES;

/** The options a virtual private gateway does not have, and the ones that exclude each other. */
export function checkTransitGatewayOnlyOptions(vpn: PlanVpnBackup): RuleFinding[] {
  return [...checkAcceleration(vpn), ...checkTunnelBandwidth(vpn)];
}

/**
 * Accelerated VPN: transit gateways only, and not over Direct Connect (a private IP VPN).
 * https://docs.aws.amazon.com/vpn/latest/s2svpn/accelerated-vpn.html,
 * https://docs.aws.amazon.com/vpn/latest/s2svpn/private-ip-dx.html
 */
function checkAcceleration(vpn: PlanVpnBackup): RuleFinding[] {
  if (!vpn.acceleration) return [];
  const found: RuleFinding[] = [];
  if (vpn.target !== VpnTarget.TRANSIT_GATEWAY) {
    found.push(
      finding(
        ACCELERATION_TARGET,
        "`acceleration`: accelerated VPN (AWS Global Accelerator) is offered only for transit gateways, not for a virtual private gateway.",
      ),
    );
  }
  if (vpn.transportAttachmentId !== undefined) {
    found.push(
      finding(
        ACCELERATION_PRIVATE_IP,
        "`acceleration`: a private IP VPN runs over Direct Connect; it cannot be accelerated.",
      ),
    );
  }
  return found;
}

/**
 * Large tunnels: transit gateways (and Cloud WAN) only, and not with accelerated VPN.
 * https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html#large-bandwidth-tunnels
 */
function checkTunnelBandwidth(vpn: PlanVpnBackup): RuleFinding[] {
  if (vpn.tunnelBandwidth.value !== "large") return [];
  const found: RuleFinding[] = [];
  if (vpn.target !== VpnTarget.TRANSIT_GATEWAY) {
    found.push(
      finding(
        LARGE_TUNNELS_TARGET,
        "`tunnelBandwidth` LARGE is not offered on a virtual private gateway: large (5 Gbps) tunnels need a transit " +
          "gateway. Use TunnelBandwidth.STANDARD (1.25 Gbps), or VpnBackup.toTransitGateway().",
      ),
    );
  }
  if (vpn.acceleration) {
    found.push(
      finding(
        LARGE_TUNNELS_ACCELERATION,
        "`tunnelBandwidth` LARGE cannot be combined with `acceleration`: accelerated VPN connections have standard " +
          "(1.25 Gbps) tunnels. Drop one of the two.",
      ),
    );
  }
  const region = known(vpn.region);
  if (region === undefined || !LARGE_TUNNELS_NOT_OFFERED.includes(region)) return found;
  return [
    ...found,
    finding(
      LARGE_TUNNELS_REGION,
      `\`tunnelBandwidth\` LARGE: AWS did not offer large tunnels in ${region} at their launch; creating the VPN ` +
        "connections fails there unless AWS offers them now. Check the Site-to-Site VPN user guide (tunnel options).",
    ),
  ];
}

/**
 * Reserved ASNs (an error where the stack's Region is known, a warning where it is not), a device name
 * longer than AWS takes, and a BGP device on the default Amazon-side ASN (BGP needs two ASNs).
 */
export function checkCustomerGatewayValues(
  gateways: ReadonlyArray<PlanCustomerGateway>,
  vpn: { readonly region?: Deferrable<string>; readonly bgp: boolean },
): RuleFinding[] {
  const region = known(vpn.region);
  return gateways.flatMap((cgw) => {
    const asn = cgw.bgpAsn;
    const name = checkDeviceName(cgw);
    if (isDeferred(asn)) return name;
    return [...name, ...reservedAsn(cgw.name, asn, region), ...amazonDefaultAsn(cgw.name, asn, vpn.bgp)];
  });
}

/** API CreateCustomerGateway: DeviceName up to 255 characters. */
function checkDeviceName(cgw: PlanCustomerGateway): RuleFinding[] {
  const deviceName = known(cgw.deviceName);
  if (deviceName === undefined || deviceName.length <= DEVICE_NAME_MAX) return [];
  return [
    finding(
      DEVICE_NAME_LENGTH,
      `\`deviceName\` of ${cgw.name} has ${deviceName.length} characters: at most ${DEVICE_NAME_MAX}.`,
    ),
  ];
}

/** https://docs.aws.amazon.com/vpn/latest/s2svpn/cgw-options.html: the reserved ASNs of device `name`. */
function reservedAsn(name: string, asn: number, region: string | undefined): RuleFinding[] {
  if (!RESERVED_CUSTOMER_GATEWAY_ASNS.has(asn)) return [];
  const reservedIn = RESERVED_CUSTOMER_GATEWAY_ASNS.get(asn);
  const choose = "choose another ASN (a private one: 64512 to 65534, or 4200000000 to 4294967294).";
  if (reservedIn === undefined) {
    return [
      finding(
        CUSTOMER_GATEWAY_ASN_RESERVED,
        `\`bgpAsn\` ${asn} of ${name} is reserved by AWS in all Regions: ${choose}`,
      ),
    ];
  }
  if (region === reservedIn) {
    return [
      finding(
        CUSTOMER_GATEWAY_ASN_RESERVED,
        `\`bgpAsn\` ${asn} of ${name} is reserved by AWS in ${region}, this stack's Region: ${choose}`,
      ),
    ];
  }
  if (region !== undefined) return [];
  return [
    finding(
      ASN_RESERVED_IN_REGION,
      `\`bgpAsn\` ${asn} of ${name} is reserved by AWS in ${reservedIn}: deploying this stack there fails ` +
        "(the stack has no Region yet). Choose another ASN if it may go there.",
    ),
  ];
}

/** A BGP device (`name`) on the default Amazon-side ASN of both gateway kinds. */
function amazonDefaultAsn(name: string, asn: number, bgp: boolean): RuleFinding[] {
  if (!bgp || asn !== DEFAULT_AMAZON_SIDE_ASN) return [];
  return [
    finding(
      ASN_IS_AMAZON_DEFAULT,
      `\`bgpAsn\` ${DEFAULT_AMAZON_SIDE_ASN} of ${name} is the default Amazon-side ASN of virtual private gateways ` +
        "and transit gateways: if your gateway kept it, the BGP session cannot come up (the two sides need different " +
        "ASNs). Use your routers' own ASN.",
    ),
  ];
}
