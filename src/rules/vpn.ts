/**
 * The Site-to-Site VPN backup: its customer gateway devices, tunnels and routes, the checks that keep it
 * a backup of the Direct Connect paths, and the addresses it uses across the app (VpnAddressBook,
 * usage.ts). The options some targets lack and the values AWS reserves are in vpn-options.ts.
 */
import { Cidr, checkCidrBlock, formatCidr, networkOf, overlaps, parseCidr } from "./cidr-blocks";
import { checkName } from "./names";
import { Deferrable, isDeferred, valueOf } from "../core/deferred";
import { errorRule, finding, warningRule, ruleFamily } from "../core/fail";
import { show } from "../core/props";
import type { PlanCustomerGateway } from "../core/request";
import type { RuleFinding } from "../core/rule";
import { SOURCES } from "../core/sources";

/** Facts encoded here, with their section in docs/facts.md. */
export const VPN_FACTS = {
  /** §6: tunnels per VPN connection. */
  tunnelsPerConnection: 2,
  /** §4.5: BgpAsn up to 2,147,483,647; BgpAsnExtended above, up to 4,294,967,294 (registry schema). */
  bgpAsnMax: 2147483647,
  bgpAsnExtendedMax: 4294967294,
} as const;

/** Reserved /30s that tunnel inside CIDRs cannot use (EC2 VpnTunnelOptionsSpecification TunnelInsideCidr). */
const RESERVED_INSIDE = [
  "169.254.0.0/30",
  "169.254.1.0/30",
  "169.254.2.0/30",
  "169.254.3.0/30",
  "169.254.4.0/30",
  "169.254.5.0/30",
  "169.254.169.252/30",
];
const LINK_LOCAL = parseCidr("169.254.0.0/16")!;
/** Not public: RFC 1918, RFC 6598 (shared), loopback, link-local, this network, IETF, benchmarking, multicast, reserved. */
const NOT_PUBLIC = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.168.0.0/16",
  "198.18.0.0/15",
  "224.0.0.0/4",
  "240.0.0.0/4",
].map((c) => parseCidr(c)!);
/** Allowed for the private IP VPN (OutsideIpAddressType PrivateIpv4): RFC 1918 and RFC 6598. */
const PRIVATE_OUTSIDE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"].map((c) =>
  parseCidr(c)!,
);
/** EC2 PreSharedKey: 8 to 64 letters, digits, . and _, not starting with 0. */
const PSK = /^[A-Za-z1-9._][A-Za-z0-9._]{7,63}$/;
const ATTACHMENT = /^tgw-attach-[a-z0-9]{8,17}$/;

/** True when `c` lies within one of `blocks`. */
function within(c: Cidr, blocks: ReadonlyArray<Cidr>): boolean {
  return blocks.some((b) => overlaps(b, c) && b.prefixLength <= c.prefixLength);
}

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const VPN_RULES = ruleFamily({
  TRANSPORT_ATTACHMENT_ID: errorRule({
    id: "transportAttachmentIdFormat",
    what: "a `transportAttachmentId` that is not a transit gateway attachment id (`tgw-attach-...`)",
    why: "a private IP VPN runs over the transit gateway's attachment to the Direct Connect gateway",
    source: SOURCES.privateIpVpn,
    prop: "transportAttachmentId",
  }),
  PRIVATE_IP_VPN_TARGET: errorRule({
    id: "privateIpVpnTarget",
    what: "a private IP VPN (`transportAttachmentId`) to a virtual private gateway",
    why: "a private IP VPN terminates on a transit gateway",
    source: SOURCES.privateIpVpn,
    prop: "transportAttachmentId",
  }),
  CUSTOMER_GATEWAY_COUNT: errorRule({
    id: "customerGatewayCount",
    what: "no customer gateway device, or more than two",
    why: "a VPN backup is one or two devices: two protect against a device failure",
    prop: "customerGateways",
  }),
  CUSTOMER_GATEWAY_NAME_TWICE: errorRule({
    id: "customerGatewayNameTwice",
    what: "two customer gateway devices with one name",
    why: "the name makes the resources' logical IDs, which must differ",
    prop: "name",
  }),
  CUSTOMER_GATEWAY_ADDRESS: errorRule({
    id: "customerGatewayAddress",
    what: "a customer gateway address that is not IPv4",
    why: "the outside address of a customer gateway of this library is an IPv4 address",
    source: SOURCES.customerGatewayOptions,
    prop: "ipAddress",
  }),
  CUSTOMER_GATEWAY_PUBLIC_ADDRESS: errorRule({
    id: "customerGatewayPublicAddress",
    what: "a customer gateway address that is not public (private, shared, loopback, link-local, multicast, reserved)",
    why: "the outside address of a VPN over the internet must be reachable from the internet",
    source: SOURCES.customerGatewayOptions,
    prop: "ipAddress",
  }),
  CUSTOMER_GATEWAY_PRIVATE_ADDRESS: errorRule({
    id: "customerGatewayPrivateAddress",
    what: "with `transportAttachmentId`, a customer gateway address not in RFC 1918 / 100.64.0.0/10",
    why: "a private IP VPN runs over Direct Connect between private addresses",
    source: SOURCES.privateIpVpn,
    prop: "ipAddress",
  }),
  CUSTOMER_GATEWAY_ADDRESS_TWICE: errorRule({
    id: "customerGatewayAddressTwice",
    what: "two VPN connections from one customer gateway address to one gateway (in the construct or across the app)",
    why: "two connections to one address are no second device; one address has one VPN connection per gateway",
    source: SOURCES.customerGatewayOptions,
    prop: "ipAddress",
  }),
  CUSTOMER_GATEWAY_ASN_RANGE: errorRule({
    id: "customerGatewayAsnRange",
    what: "a customer gateway ASN outside 1–4294967294",
    why: "CloudFormation takes `BgpAsn` up to 2147483647 and `BgpAsnExtended` up to 4294967294",
    source: SOURCES.customerGatewayOptions,
    prop: "bgpAsn",
  }),
  TUNNEL_INSIDE_CIDR_COUNT: errorRule({
    id: "tunnelInsideCidrCount",
    what: "`tunnelInsideCidrs` that are not two (one per tunnel)",
    why: "a VPN connection has two tunnels",
    source: SOURCES.tunnelOptions,
    prop: "tunnelInsideCidrs",
  }),
  TUNNEL_INSIDE_CIDR_RANGE: errorRule({
    id: "tunnelInsideCidrRange",
    what: "a tunnel inside CIDR that is not a /30 of 169.254.0.0/16",
    why: "AWS takes inside CIDRs of this size and range only",
    source: SOURCES.tunnelOptions,
    prop: "tunnelInsideCidrs",
  }),
  TUNNEL_INSIDE_CIDR_RESERVED: errorRule({
    id: "tunnelInsideCidrReserved",
    what: "a tunnel inside CIDR AWS reserves (169.254.0.0/30 to 169.254.5.0/30, 169.254.169.252/30)",
    why: "AWS refuses these /30s",
    source: SOURCES.tunnelOptions,
    prop: "tunnelInsideCidrs",
  }),
  TUNNEL_INSIDE_CIDR_TWICE: errorRule({
    id: "tunnelInsideCidrTwice",
    what: "one tunnel inside CIDR used twice on one gateway (in the construct or across the app)",
    why: "each tunnel needs its own /30",
    source: SOURCES.tunnelOptions,
    prop: "tunnelInsideCidrs",
  }),
  PRE_SHARED_KEY_COUNT: errorRule({
    id: "preSharedKeyCount",
    what: "pre-shared keys that are not two (also none: `[]`)",
    why: "a VPN connection has two tunnels, one key each",
    source: SOURCES.tunnelOptions,
    prop: "preSharedKeys",
  }),
  PRE_SHARED_KEY_FORMAT: errorRule({
    id: "preSharedKeyFormat",
    what: "a pre-shared key not 8–64 of letters, digits, `.`, `_` (not starting with 0)",
    why: "AWS refuses any other pre-shared key",
    source: SOURCES.tunnelOptions,
    prop: "preSharedKeys",
  }),
  PLAINTEXT_PRE_SHARED_KEY: warningRule({
    id: "plaintextPreSharedKey",
    what: "a plain-text pre-shared key",
    why: "it is readable in the template: keep keys in Secrets Manager",
    source: SOURCES.tunnelOptions,
    prop: "preSharedKeys",
  }),
  VPN_SINGLE_CUSTOMER_GATEWAY: warningRule({
    id: "vpnSingleCustomerGateway",
    what: "one customer gateway device",
    why: "its failure takes the VPN backup down; a second device protects against it",
    source: SOURCES.tunnelOptions,
    prop: "customerGateways",
  }),
  STATIC_ROUTES_EMPTY: errorRule({
    id: "staticRoutesEmpty",
    what: "an empty list of `staticRoutes`",
    why: "leave it out for BGP, or give the prefixes to route over the VPN",
    prop: "staticRoutes",
  }),
  STATIC_ROUTE_IPV6: errorRule({
    id: "staticRouteIpv6",
    what: "an IPv6 static route",
    why: "the tunnels carry IPv4, and a VPN connection carries one IP version",
    source: SOURCES.ipv4Ipv6,
    prop: "staticRoutes",
  }),
  VPN_IPV4_ONLY: warningRule({
    id: "vpnIpv4Only",
    what: "an IPv6 advertised prefix",
    why: "the tunnels carry IPv4: IPv6 traffic has no VPN backup",
    source: SOURCES.ipv4Ipv6,
    prop: "advertisedPrefixes",
  }),
  STATIC_ROUTES_WITH_BGP_PREFIXES: errorRule({
    id: "staticRoutesWithAdvertisedPrefixes",
    what: "`advertisedPrefixes` (BGP) together with `staticRoutes`",
    why: "a VPN with static routes uses static routes only",
    prop: "advertisedPrefixes",
  }),
  STATIC_ROUTES_NEED_ON_PREMISES: errorRule({
    id: "staticRoutesNeedOnPremisesPrefixes",
    what: "`staticRoutes` without `onPremisesPrefixes` to check them against",
    why: "a static route equal to or more specific than a Direct Connect prefix can take the traffic from Direct Connect",
    source: SOURCES.vpnFailover,
    prop: "onPremisesPrefixes",
  }),
  VPN_WITHOUT_DIRECT_CONNECT_PATH: warningRule({
    id: "vpnWithoutDirectConnectPath",
    what: "a VPN backup on a construct without private or transit interfaces",
    why: "the VPN then backs up no Direct Connect path: it is a separate path",
    source: SOURCES.vpnFailover,
    prop: "vpnBackup",
  }),
  VPN_STATIC_ROUTES_ON_TRANSIT_GATEWAY: warningRule({
    id: "vpnStaticRoutesOnTransitGateway",
    what: "`staticRoutes` on a transit gateway",
    why: "CloudFormation exposes no attachment id for a VPN connection: add the routes to the transit gateway route table yourself",
    source: SOURCES.vpnConnection,
    prop: "staticRoutes",
  }),
  VPN_MTU: warningRule({
    id: "vpnMtu",
    what: "jumbo frames on the interfaces of a construct with a VPN backup",
    why: "the VPN carries 1500 bytes at most: after failover larger packets need path MTU discovery or MSS clamping",
    source: SOURCES.transitGatewayQuotas,
    prop: "vpnBackup",
  }),
  VPN_TARGET_MISMATCH: warningRule({
    id: "vpnTargetMismatch",
    what: "a VPN on another gateway than the Direct Connect paths reach (checked at synth, when all associations exist)",
    why: "a backup takes over only for destinations behind the same gateway: this VPN is a separate path",
    source: SOURCES.vpnFailover,
    prop: "vpnBackup",
  }),
});
export const {
  TRANSPORT_ATTACHMENT_ID,
  PRIVATE_IP_VPN_TARGET,
  CUSTOMER_GATEWAY_COUNT,
  CUSTOMER_GATEWAY_NAME_TWICE,
  CUSTOMER_GATEWAY_ADDRESS,
  CUSTOMER_GATEWAY_PUBLIC_ADDRESS,
  CUSTOMER_GATEWAY_PRIVATE_ADDRESS,
  CUSTOMER_GATEWAY_ADDRESS_TWICE,
  CUSTOMER_GATEWAY_ASN_RANGE,
  TUNNEL_INSIDE_CIDR_COUNT,
  TUNNEL_INSIDE_CIDR_RANGE,
  TUNNEL_INSIDE_CIDR_RESERVED,
  TUNNEL_INSIDE_CIDR_TWICE,
  PRE_SHARED_KEY_COUNT,
  PRE_SHARED_KEY_FORMAT,
  PLAINTEXT_PRE_SHARED_KEY,
  VPN_SINGLE_CUSTOMER_GATEWAY,
  STATIC_ROUTES_EMPTY,
  STATIC_ROUTE_IPV6,
  VPN_IPV4_ONLY,
  STATIC_ROUTES_WITH_BGP_PREFIXES,
  STATIC_ROUTES_NEED_ON_PREMISES,
  VPN_WITHOUT_DIRECT_CONNECT_PATH,
  VPN_STATIC_ROUTES_ON_TRANSIT_GATEWAY,
  VPN_MTU,
  VPN_TARGET_MISMATCH,
} = VPN_RULES;

/** A private IP VPN runs over the transit gateway's attachment to the Direct Connect gateway. */
export function checkTransportAttachmentId(id: Deferrable<string> | undefined): RuleFinding[] {
  if (id === undefined || isDeferred(id) || ATTACHMENT.test(id)) return [];
  return [
    finding(
      TRANSPORT_ATTACHMENT_ID,
      `\`transportAttachmentId\` "${id}" is not a transit gateway attachment id (tgw-attach-...): ` +
        "the attachment of the transit gateway to the Direct Connect gateway.",
    ),
  ];
}

/** A private IP VPN to a virtual private gateway (`VpnBackup.toVirtualPrivateGateway`). */
export function checkPrivateIpVpnTarget(
  transportAttachmentId: Deferrable<string> | undefined,
): RuleFinding[] {
  if (transportAttachmentId === undefined) return [];
  return [
    finding(
      PRIVATE_IP_VPN_TARGET,
      "`transportAttachmentId`: a private IP VPN terminates on a transit gateway; use VpnBackup.toTransitGateway().",
    ),
  ];
}

/** One or two devices (`count`: how many were given). */
export function checkCustomerGatewayCount(count: number): RuleFinding[] {
  if (count >= 1 && count <= 2) return [];
  return [
    finding(
      CUSTOMER_GATEWAY_COUNT,
      `\`customerGateways\`: give one or two customer gateway devices (two protect against a device failure), got ${count}.`,
    ),
  ];
}

/** A device's name: the rule of names that become logical IDs (rules/names.ts). */
export function checkCustomerGatewayName(name: string): RuleFinding[] {
  return checkName(name, "customer gateway");
}

/** A device's name, unlike the names of the devices before it (`earlier`), in any case. */
export function checkCustomerGatewayNameOnce(
  cgw: PlanCustomerGateway,
  earlier: ReadonlyArray<PlanCustomerGateway>,
): RuleFinding[] {
  const name = cgw.name.toLowerCase();
  if (!earlier.some((other) => other.name.toLowerCase() === name)) return [];
  return [finding(CUSTOMER_GATEWAY_NAME_TWICE, `\`name\` "${cgw.name}" is used by two customer gateways.`)];
}

/** The outside address: IPv4, public, or private for a private IP VPN. */
export function checkOutsideAddress(cgw: PlanCustomerGateway, privateIp: boolean): RuleFinding[] {
  if (isDeferred(cgw.ipAddress)) return [];
  const c = parseCidr(`${cgw.ipAddress}/32`);
  if (!c || c.version !== 4) {
    return [
      finding(
        CUSTOMER_GATEWAY_ADDRESS,
        `\`ipAddress\` "${String(cgw.ipAddress)}" of ${cgw.name} is not an IPv4 address.`,
      ),
    ];
  }
  if (privateIp && !within(c, PRIVATE_OUTSIDE)) {
    return [
      finding(
        CUSTOMER_GATEWAY_PRIVATE_ADDRESS,
        `\`ipAddress\` ${cgw.ipAddress} of ${cgw.name}: a private IP VPN needs a private address (RFC 1918 or 100.64.0.0/10).`,
      ),
    ];
  }
  if (!privateIp && within(c, NOT_PUBLIC)) {
    return [
      finding(
        CUSTOMER_GATEWAY_PUBLIC_ADDRESS,
        `\`ipAddress\` ${cgw.ipAddress} of ${cgw.name} is not a public IPv4 address (private, shared, loopback, link-local, ` +
          "multicast or reserved). The customer gateway's outside address must be reachable from the internet; for a VPN over " +
          "Direct Connect use a private IP VPN (`transportAttachmentId`).",
      ),
    ];
  }
  return [];
}

/** One address per device of the construct: none of the devices before it (`earlier`) has it. */
export function checkAddressOnce(
  cgw: PlanCustomerGateway,
  earlier: ReadonlyArray<PlanCustomerGateway>,
): RuleFinding[] {
  if (isDeferred(cgw.ipAddress)) return [];
  const other = earlier.find((e) => e.ipAddress === cgw.ipAddress);
  if (other === undefined) return [];
  return [
    finding(
      CUSTOMER_GATEWAY_ADDRESS_TWICE,
      `\`ipAddress\` ${cgw.ipAddress} of ${cgw.name} is also the address of ${other.name}: two VPN connections to one ` +
        "customer gateway address are no second device. Give each device its own address.",
    ),
  ];
}

/** §4.5: the device's ASN. */
export function checkCustomerGatewayAsn(cgw: PlanCustomerGateway): RuleFinding[] {
  const asn = cgw.bgpAsn;
  if (isDeferred(asn) || (Number.isInteger(asn) && asn >= 1 && asn <= VPN_FACTS.bgpAsnExtendedMax)) return [];
  return [customerGatewayAsnFinding(cgw.name, show(asn))];
}

/** The finding of a device's ASN that is no ASN (`shown`: the value as the message shows it). */
export function customerGatewayAsnFinding(name: string, shown: string): RuleFinding {
  return finding(
    CUSTOMER_GATEWAY_ASN_RANGE,
    `\`bgpAsn\` ${shown} of ${name} is not allowed: a whole number from 1 to ${VPN_FACTS.bgpAsnExtendedMax}.`,
  );
}

/**
 * The inside CIDRs of a device's two tunnels: two, each a /30 AWS takes, none used by a tunnel before it
 * (of this device, or of the devices before it: `earlier`).
 */
export function checkTunnelInsideCidrs(
  cgw: PlanCustomerGateway,
  earlier: ReadonlyArray<PlanCustomerGateway>,
): RuleFinding[] {
  const cidrs = cgw.tunnelInsideCidrs;
  if (cidrs === undefined) return [];
  const count =
    cidrs.length === VPN_FACTS.tunnelsPerConnection
      ? []
      : [
          finding(
            TUNNEL_INSIDE_CIDR_COUNT,
            `\`tunnelInsideCidrs\` of ${cgw.name}: give one /30 for each of the 2 tunnels, got ${cidrs.length}.`,
          ),
        ];
  return [
    ...count,
    ...cidrs.flatMap((text, i) => {
      const before = [...earlier, { ...cgw, tunnelInsideCidrs: cidrs.slice(0, i) }];
      return isDeferred(text) ? [] : checkTunnelInsideCidr(cgw.name, text, insideOwners(before));
    }),
  ];
}

/** One inside CIDR of device `name` (`owners`: who uses each /30 so far). */
function checkTunnelInsideCidr(
  name: string,
  text: string,
  owners: ReadonlyMap<string, string>,
): RuleFinding[] {
  const invalid = checkCidrBlock(text, { prop: "tunnelInsideCidrs", ipv4Only: true });
  const c = parseCidr(text);
  if (invalid.length > 0 || c === undefined) return invalid;
  const found: RuleFinding[] = [];
  if (c.prefixLength !== 30 || !within(c, [LINK_LOCAL])) {
    found.push(
      finding(
        TUNNEL_INSIDE_CIDR_RANGE,
        `\`tunnelInsideCidrs\`: ${text} of ${name} is not a /30 from 169.254.0.0/16.`,
      ),
    );
  }
  if (RESERVED_INSIDE.includes(formatCidr(c))) {
    found.push(
      finding(
        TUNNEL_INSIDE_CIDR_RESERVED,
        `\`tunnelInsideCidrs\`: ${text} of ${name} is reserved by AWS (${RESERVED_INSIDE.join(", ")}); choose another /30.`,
      ),
    );
  }
  const owner = owners.get(formatCidr(c));
  if (owner !== undefined) {
    found.push(
      finding(
        TUNNEL_INSIDE_CIDR_TWICE,
        `\`tunnelInsideCidrs\`: ${text} of ${name} is also used by ${owner}; each tunnel needs its own /30.`,
      ),
    );
  }
  return found;
}

/** An inside CIDR AWS takes, in canonical text: a /30 of 169.254.0.0/16 it does not reserve; else undefined. */
function usableInside(text: Deferrable<string>): string | undefined {
  const c = isDeferred(text) ? undefined : parseCidr(text);
  if (c === undefined || c.version !== 4 || c.prefixLength !== 30 || !within(c, [LINK_LOCAL])) {
    return undefined;
  }
  const block = formatCidr(c);
  return networkOf(c).address === c.address && !RESERVED_INSIDE.includes(block) ? block : undefined;
}

/** Who uses each usable inside /30 of `gateways` (`a tunnel of <name>`), the first one when several do. */
function insideOwners(gateways: ReadonlyArray<PlanCustomerGateway>): Map<string, string> {
  const owners = new Map<string, string>();
  for (const cgw of gateways) {
    for (const text of cgw.tunnelInsideCidrs ?? []) {
      const block = usableInside(text);
      if (block !== undefined && !owners.has(block)) owners.set(block, `a tunnel of ${cgw.name}`);
    }
  }
  return owners;
}

/** The pre-shared keys of a device: two, each of the allowed form. */
export function checkPreSharedKeys(cgw: PlanCustomerGateway): RuleFinding[] {
  const keys = cgw.preSharedKeys;
  if (keys === undefined) return [];
  const found: RuleFinding[] = [];
  if (keys.length !== VPN_FACTS.tunnelsPerConnection) {
    found.push(
      finding(
        PRE_SHARED_KEY_COUNT,
        `\`preSharedKeys\` of ${cgw.name}: give one key for each of the 2 tunnels, got ${keys.length}.`,
      ),
    );
  }
  if (keys.some((key) => !isDeferred(key) && !PSK.test(key))) {
    found.push(
      finding(
        PRE_SHARED_KEY_FORMAT,
        `\`preSharedKeys\` of ${cgw.name}: a key is not allowed: 8 to 64 letters, digits, . and _, not starting with 0.`,
      ),
    );
  }
  return found;
}

/** The warnings of the devices as a whole: a plain-text key, and a single device. */
export function customerGatewayWarnings(gateways: ReadonlyArray<PlanCustomerGateway>): RuleFinding[] {
  const warnings: RuleFinding[] = [];
  if (gateways.some((cgw) => (cgw.preSharedKeys ?? []).some((key) => !isDeferred(key)))) {
    warnings.push(
      finding(
        PLAINTEXT_PRE_SHARED_KEY,
        "`preSharedKeys` has a plain-text key: it is readable in the template. Keep keys in Secrets Manager.",
      ),
    );
  }
  if (gateways.length === 1) {
    warnings.push(
      finding(
        VPN_SINGLE_CUSTOMER_GATEWAY,
        "`customerGateways`: one customer gateway device. Its failure takes the VPN backup down; a second device protects against it.",
      ),
    );
  }
  return warnings;
}

/** The routing: static routes, when given, are some; and not with BGP's advertised prefixes. */
export function checkRouting(
  staticRoutes: ReadonlyArray<string> | undefined,
  advertised: ReadonlyArray<string> | undefined,
): RuleFinding[] {
  const empty =
    staticRoutes !== undefined && staticRoutes.length === 0
      ? [
          finding(
            STATIC_ROUTES_EMPTY,
            "`staticRoutes` is empty: leave it out for BGP, or give the on-premises prefixes to route over the VPN.",
          ),
        ]
      : [];
  const both =
    staticRoutes !== undefined && advertised !== undefined
      ? [
          finding(
            STATIC_ROUTES_WITH_BGP_PREFIXES,
            "`advertisedPrefixes` is for BGP; with `staticRoutes` the VPN uses static routes only. Give one of the two.",
          ),
        ]
      : [];
  return [...empty, ...checkIpv4Only(staticRoutes, advertised), ...both];
}

/**
 * The tunnels this library makes carry IPv4 (TunnelInsideIpVersion `ipv4`); a VPN connection carries
 * one IP version, and a virtual private gateway none but IPv4. An IPv6 static route cannot work (an
 * error); an IPv6 prefix advertised over BGP has no backup (a warning).
 * https://docs.aws.amazon.com/vpn/latest/s2svpn/ipv4-ipv6.html
 */
function checkIpv4Only(
  staticRoutes: ReadonlyArray<string> | undefined,
  advertised: ReadonlyArray<string> | undefined,
): RuleFinding[] {
  const ipv6 = (prefixes: ReadonlyArray<string> | undefined) =>
    (prefixes ?? []).filter((p) => parseCidr(p)?.version === 6);
  const why =
    "is IPv6, but the VPN's tunnels carry IPv4 (a VPN connection carries one IP version, and this construct makes " +
    "IPv4 ones).";
  const routes = ipv6(staticRoutes).map((route) =>
    finding(STATIC_ROUTE_IPV6, `\`staticRoutes\`: ${route} ${why} Route IPv6 over Direct Connect only.`),
  );
  const prefixes = ipv6(advertised);
  if (prefixes.length === 0) return routes;
  return [
    ...routes,
    finding(
      VPN_IPV4_ONLY,
      `\`advertisedPrefixes\`: ${prefixes.join(", ")} ${why} IPv6 traffic has ` +
        "no VPN backup: it stops when Direct Connect does.",
    ),
  ];
}

/** Static routes are checked against the prefixes Direct Connect carries, so these are needed. */
export function checkStaticRoutesHaveOnPremises(
  staticRoutes: ReadonlyArray<string> | undefined,
  onPremises: ReadonlyArray<string> | undefined,
): RuleFinding[] {
  if (staticRoutes === undefined || onPremises !== undefined) return [];
  return [
    finding(
      STATIC_ROUTES_NEED_ON_PREMISES,
      "`onPremisesPrefixes` is required with `staticRoutes`: the prefixes your routers advertise over Direct Connect, so that " +
        "the static VPN routes can be checked to stay a backup.",
    ),
  ];
}

/** What the Direct Connect side of the construct is, for the cross-checks. */
export interface DirectConnectSide {
  /** Whether the construct has any private or transit virtual interface. */
  readonly hasVirtualInterfaces: boolean;
  /** Whether any of its interfaces uses jumbo frames. */
  readonly jumbo: boolean;
}

/**
 * The VPN against the Direct Connect side: no path to back up, static routes a transit gateway needs
 * in its route table, jumbo frames the VPN does not carry.
 */
export function directConnectSideWarnings(
  dx: DirectConnectSide,
  transitGateway: boolean,
  staticRoutes: ReadonlyArray<string> | undefined,
): RuleFinding[] {
  const warnings: RuleFinding[] = [];
  if (!dx.hasVirtualInterfaces) {
    warnings.push(
      finding(
        VPN_WITHOUT_DIRECT_CONNECT_PATH,
        "`vpnBackup`: the construct has no private or transit virtual interfaces, so the VPN backs up no Direct Connect " +
          "path. Add `virtualInterfaces` that reach the same gateway.",
      ),
    );
  }
  if (transitGateway && staticRoutes !== undefined) {
    warnings.push(
      finding(
        VPN_STATIC_ROUTES_ON_TRANSIT_GATEWAY,
        `\`staticRoutes\`: add ${staticRoutes.join(", ")} to the transit gateway route table, pointing at the VPN ` +
          "attachments: CloudFormation exposes no attachment id for a VPN connection, so this construct cannot.",
      ),
    );
  }
  if (dx.jumbo) {
    warnings.push(
      finding(
        VPN_MTU,
        "`vpnBackup`: the Direct Connect interfaces use jumbo frames, the VPN carries 1500 bytes at most (less the IPsec " +
          "overhead). On failover, larger packets need path MTU discovery or MSS clamping on your routers.",
      ),
    );
  }
  return warnings;
}

/**
 * The gateways the Direct Connect paths reach: per private or transit spec the transit gateways and
 * virtual private gateways it reaches; undefined when one of them is known only at deploy time.
 */
export function reachedTargets(
  perSpec: ReadonlyArray<ReadonlyArray<Deferrable<string>> | undefined>,
): string[] | undefined {
  const targets: string[] = [];
  for (const reached of perSpec) {
    const ids = (reached ?? []).flatMap((id) => (isDeferred(id) ? [] : [id]));
    if (reached === undefined || ids.length < reached.length) return undefined;
    targets.push(...ids);
  }
  return targets;
}

/**
 * A warning when the VPN lands elsewhere than the Direct Connect paths (none when it matches or either
 * side is unknown). Checked at synth, when every gateway association exists.
 */
export function checkVpnTarget(
  targetId: Deferrable<string>,
  targets: ReadonlyArray<string> | undefined,
): RuleFinding[] {
  if (targets === undefined || isDeferred(targetId) || targets.includes(targetId)) return [];
  return [
    finding(
      VPN_TARGET_MISMATCH,
      `\`vpnBackup\`: the VPN lands on ${targetId}, but the Direct Connect paths of this construct reach ` +
        `${targets.length === 0 ? "no associated gateway" : targets.join(", ")}. A backup takes over only for destinations ` +
        "behind the same transit gateway or virtual private gateway; this VPN is a separate path.",
    ),
  ];
}

/** The addresses of one VPN connection that the app-wide rules count (`TopologyVpnConnection`, its address marked). */
export interface VpnConnectionAddresses {
  /** The device's name. */
  readonly name: string;
  /** The device's outside address; `Deferred` when known only at deploy. */
  readonly customerGatewayIp: Deferrable<string>;
  /** The inside CIDRs of its tunnels, normalised. */
  readonly tunnelInsideCidrs?: ReadonlyArray<string>;
}

/**
 * Across the app: a device address with a second VPN connection to one gateway, or an inside CIDR used
 * twice there (`used`: what the gateway has, by `ip <address>` and `inside <cidr>`, with its owner).
 */
export function checkFreeOnTarget(
  c: VpnConnectionAddresses,
  targetId: string,
  used: ReadonlyMap<string, string>,
): RuleFinding[] {
  const key = `ip ${valueOf(c.customerGatewayIp)}`;
  const address =
    !isDeferred(c.customerGatewayIp) && used.has(key)
      ? [
          finding(
            CUSTOMER_GATEWAY_ADDRESS_TWICE,
            `\`ipAddress\` ${c.customerGatewayIp} of ${c.name} already has a VPN connection to ${targetId} ` +
              `(${used.get(key)}): one customer gateway address, one VPN connection per gateway.`,
          ),
        ]
      : [];
  const insides = (c.tunnelInsideCidrs ?? [])
    .filter((cidr) => used.has(`inside ${cidr}`))
    .map((cidr) =>
      finding(
        TUNNEL_INSIDE_CIDR_TWICE,
        `\`tunnelInsideCidrs\`: ${cidr} of ${c.name} is already used by ${used.get(`inside ${cidr}`)} on ${targetId}; ` +
          "inside CIDRs are unique per gateway.",
      ),
    );
  return [...address, ...insides];
}
