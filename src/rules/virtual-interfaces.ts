/**
 * The virtual interface specs of a construct (each lands on every device slot) and their placement:
 * VLANs, ASNs, address families, MTUs, keys, peer addresses and names.
 */
/* eslint-disable no-bitwise -- /30 arithmetic */
import { Cidr, checkCidrBlock, checkCidrList, formatAddress, parseCidr } from "./cidr-blocks";
import { Deferrable, isDeferred, known, valueOf } from "../core/deferred";
import { errorRule, finding, warningRule, ruleFamily } from "../core/fail";
import { label, show } from "../core/props";
import type { PlanPeerAddresses, PlanVirtualInterface } from "../core/request";
import type { RuleFinding } from "../core/rule";
import { SOURCES } from "../core/sources";
import { VirtualInterfaceType } from "../core/topology";

/** Facts encoded here, with their section in docs/facts.md. */
export const VIF_LIMITS = {
  /** §4.7: transit VIFs per dedicated connection (or LAG). */
  transitPerSlot: 4,
  /** §4.7: private or public VIFs per dedicated connection. */
  privatePublicPerSlot: 50,
  /** §4.7, §9.2: total VIFs per connection or LAG: 51 (UG-LIMITS) vs 54 (GR-QUOTAS); the stricter. */
  totalPerSlot: 51,
  /** §3.6: VirtualInterfaceName is at most 100 characters. */
  nameLength: 100,
  /**
   * Rate-limited virtual interfaces per dedicated connection (or LAG): "up to 10 VIFs on a dedicated
   * connection" (What's New, 2026-06-01, "AWS Direct Connect now supports VIF Rate Limiters"; the
   * Direct Connect UG, vif-rate-limiters.html, refers to the quotas page for the count).
   */
  rateLimitedPerSlot: 10,
} as const;

/** Tag keys and values (the Tag definition of the Direct Connect registry schemas). */
const TAG_LIMITS = { key: 128, value: 256 } as const;
/** §4.6, §9.1: MTUs by type. Private 9001 is from older docs (current API: 8500): accepted, warned. */
const MTUS: Record<string, number[]> = { transit: [1500, 8500], private: [1500, 8500, 9001] };
/** §3.6: BgpPeer AuthKey. */
const AUTH_KEY = /^[A-Za-z0-9\\!"#$%&'()*+,\-./:;<=>?@[\]^_`{|}~]{6,80}$/;
/** §3.6: VirtualInterfaceName characters. */
const VIF_NAME = /^[\w \-,/]+$/;
/** §4.5: the legacy `asn` field of the API ends here; above it needs long ASN support on the account. */
const LEGACY_ASN_MAX = 2147483646;

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const VIRTUAL_INTERFACE_RULES = ruleFamily({
  TRANSIT_VIFS_PER_SLOT: errorRule({
    id: "transitVifsPerSlot",
    what: "more than 4 transit interfaces per device slot",
    why: "a dedicated connection or LAG carries at most 4 transit virtual interfaces",
    source: SOURCES.quotas,
    prop: "virtualInterfaces",
  }),
  VIFS_PER_SLOT: errorRule({
    id: "vifsPerSlot",
    what: "more than 50 private or public interfaces per device slot, or 51 in all",
    why: "a dedicated connection or LAG carries at most 50 private or public virtual interfaces, 51 in all",
    source: SOURCES.quotas,
    prop: "virtualInterfaces",
  }),
  VIF_NAME_TWICE: errorRule({
    id: "vifNameTwice",
    what: "two specs with one name (ignoring case and `-`)",
    why: "the name makes the interfaces' names and logical IDs, which must differ",
    prop: "name",
  }),
  VLAN_RANGE: errorRule({
    id: "vlanRange",
    what: "a VLAN outside 1–4094",
    why: "an 802.1Q VLAN is 1 to 4094",
    source: SOURCES.virtualInterfaces,
    prop: "vlan",
  }),
  VLAN_TWICE: errorRule({
    id: "vlanTwice",
    what: "one VLAN on two specs (each spec lands on every slot)",
    why: "a VLAN is used once per connection or LAG",
    source: SOURCES.virtualInterfaces,
    prop: "vlan",
  }),
  CUSTOMER_ASN_RANGE: errorRule({
    id: "customerAsnRange",
    what: "a customer ASN outside 1–4294967294",
    why: "the BGP peer's ASN is a 2- or 4-byte ASN up to 4294967294",
    source: SOURCES.bgpPeer,
    prop: "customerAsn",
  }),
  CUSTOMER_ASN_IS_GATEWAY_ASN: errorRule({
    id: "customerAsnIsGatewayAsn",
    what: "a customer ASN equal to the Amazon-side ASN of its Direct Connect gateway",
    why: "the two ends of a BGP session need different ASNs",
    source: SOURCES.transitVif,
    prop: "customerAsn",
  }),
  LONG_ASN: warningRule({
    id: "longAsn",
    what: "a customer ASN above 2147483646",
    why: "Direct Connect enables long ASN support per account",
    source: SOURCES.longAsns,
    prop: "customerAsn",
  }),
  ADDRESS_FAMILIES_EMPTY: errorRule({
    id: "addressFamiliesEmpty",
    what: "an interface without an address family",
    why: "every interface needs a BGP session: IPv4, IPv6 or both",
    source: SOURCES.bgpPeers,
    prop: "addressFamilies",
  }),
  ADDRESS_FAMILY_TWICE: errorRule({
    id: "addressFamilyTwice",
    what: "one address family twice on an interface",
    why: "a virtual interface has at most one BGP peer per address family",
    source: SOURCES.bgpPeers,
    prop: "addressFamilies",
  }),
  MTU_VALUE: errorRule({
    id: "mtuValue",
    what: "a transit MTU other than 1500/8500; a private MTU other than 1500/8500/9001",
    why: "Direct Connect takes these MTUs only",
    source: SOURCES.mtu,
    prop: "mtu",
  }),
  PRIVATE_MTU_9001: warningRule({
    id: "privateMtu9001",
    what: "a private MTU of 9001",
    why: "older documentation gives 9001 as the private jumbo MTU; the current API and CloudFormation pages give 8500",
    source: SOURCES.privateVif,
    prop: "mtu",
  }),
  AUTH_KEY_FORMAT: errorRule({
    id: "authKeyFormat",
    what: "a BGP key that is not 6–80 printable ASCII characters without spaces",
    why: "CloudFormation refuses any other `AuthKey`",
    source: SOURCES.bgpPeer,
    prop: "authKey",
  }),
  AUTH_KEY_SSM_SECURE: errorRule({
    id: "authKeySsmSecure",
    what: "a BGP key from a Systems Manager SecureString (`SecretValue.ssmSecure`)",
    why:
      "CloudFormation resolves `ssm-secure` dynamic references only in the properties its documentation " +
      "lists, and a BGP peer's `AuthKey` is not one: the deploy fails",
    source: SOURCES.ssmSecure,
    prop: "authKey",
  }),
  PLAINTEXT_AUTH_KEY: warningRule({
    id: "plaintextAuthKey",
    what: "a plain-text BGP key",
    why: "it is readable in the template: keep BGP keys in Secrets Manager",
    source: SOURCES.bgpPeer,
    prop: "authKey",
  }),
  PUBLIC_ROUTE_FILTER_PREFIXES: errorRule({
    id: "publicRouteFilterPrefixes",
    what: "a public interface without route filter prefixes",
    why: "a public virtual interface needs the public prefixes you advertise to AWS",
    source: SOURCES.publicVif,
    prop: "routeFilterPrefixes",
  }),
  PUBLIC_PEER_ADDRESSES: errorRule({
    id: "publicPeerAddresses",
    what: "a public IPv4 interface without peer addresses for every slot (`peerAddresses` or `addressPool`)",
    why: "AWS assigns no IPv4 peer addresses to a public virtual interface: they are public addresses you own",
    source: SOURCES.publicVif,
    prop: "peerAddresses",
  }),
  ADDRESS_POOL_SIZE: errorRule({
    id: "addressPoolSize",
    what: "an `addressPool` smaller than a /30",
    why: "each session takes a /30 of the pool",
    source: SOURCES.bgpPeer,
    prop: "addressPool",
  }),
  PEER_ADDRESSES_SLOT: errorRule({
    id: "peerAddressesSlot",
    what: "`peerAddresses` for a slot the construct does not have, or for one slot twice",
    why: "pinned addresses that land nowhere, or twice, are a mistake in the props",
    prop: "peerAddresses",
  }),
  PEER_ADDRESS_PAIR: errorRule({
    id: "peerAddressPair",
    what: "peer addresses that are not the two hosts of one /30 or /31",
    why: "the two ends of a BGP session are the two hosts of one /30 or /31",
    source: SOURCES.bgpPeer,
    prop: "peerAddresses",
  }),
  PEER_ADDRESSES_SHARED: errorRule({
    id: "peerAddressesShared",
    what: "two sessions on one /30 (from `addressPool` or `peerAddresses`)",
    why: "each BGP session needs its own peer addresses",
    source: SOURCES.bgpPeer,
    prop: "addressPool",
  }),
  VIF_NAME_LENGTH: errorRule({
    id: "vifNameLength",
    what: "interface names (`<prefix>-<location>-d<slot>-<name>`) over 100 characters",
    why: "CloudFormation takes virtual interface names of at most 100 characters",
    source: SOURCES.transitVif,
    prop: "namePrefix",
  }),
  TRANSIT_VIF_GATEWAY: errorRule({
    id: "transitVifGateway",
    what: "a transit spec without `gateway`",
    why: "transit interfaces land on a Direct Connect gateway",
    source: SOURCES.transitVif,
    prop: "gateway",
  }),
  PRIVATE_VIF_TARGET: errorRule({
    id: "privateVifTarget",
    what: "a private spec with neither or both of `gateway` and `virtualGatewayId` (`null` is neither)",
    why: "a private interface lands on a Direct Connect gateway or on a virtual private gateway",
    source: SOURCES.privateVif,
    prop: "virtualGatewayId",
  }),
  TAG_KEY: errorRule({
    id: "tagKey",
    what: "a tag key outside 1–128 characters or starting with `aws:`",
    why: "CloudFormation refuses such tag keys",
    source: SOURCES.transitVif,
    prop: "tags",
  }),
  TAG_VALUE: errorRule({
    id: "tagValue",
    what: "a tag value that is not a string of at most 256 characters",
    why: "CloudFormation refuses such tag values",
    source: SOURCES.transitVif,
    prop: "tags",
  }),
  RATE_LIMIT_ABOVE_SLOT: errorRule({
    id: "rateLimitAboveSlot",
    what: "a `rateLimit` above the capacity of a device slot (port speed x ports of its LAG, or an existing circuit's bandwidth)",
    why: "a virtual interface's rate limit cannot exceed the bandwidth of its connection or LAG",
    source: SOURCES.vifRateLimiters,
    prop: "rateLimit",
  }),
  RATE_LIMITS_PER_SLOT: errorRule({
    id: "rateLimitsPerSlot",
    what: "more than 10 specs with `rateLimit` (each lands on every device slot)",
    why: "a dedicated connection or LAG takes Rate Limiters on at most 10 virtual interfaces",
    source: SOURCES.vifRateLimiters,
    prop: "rateLimit",
  }),
  SITE_LINK_INTERFACE_TYPE: errorRule({
    id: "siteLinkInterfaceType",
    what: "`enableSiteLink` on a public interface",
    why:
      "SiteLink is turned on on private and transit virtual interfaces only (a public interface's " +
      "CloudFormation resource has no `EnableSiteLink`)",
    source: SOURCES.siteLinkRouting,
    prop: "enableSiteLink",
  }),
  SITE_LINK_VIRTUAL_GATEWAY: errorRule({
    id: "siteLinkVirtualGateway",
    what: "`enableSiteLink` on a private interface to a virtual private gateway (`virtualGatewayId`)",
    why:
      "SiteLink carries traffic between the SiteLink interfaces attached to the same Direct Connect " +
      "gateway; an interface on a virtual private gateway is attached to none",
    source: SOURCES.siteLink,
    prop: "enableSiteLink",
  }),
  SITE_LINK_ONE_LOCATION: warningRule({
    id: "siteLinkOneLocation",
    what: "SiteLink interfaces to a Direct Connect gateway at one location only (in this construct)",
    why:
      "SiteLink links Direct Connect locations: with connections at one location it has nothing to " +
      "link unless other SiteLink interfaces on the gateway are elsewhere, yet each is billed per hour",
    source: SOURCES.siteLinkRouting,
    prop: "enableSiteLink",
  }),
});
export const {
  TRANSIT_VIFS_PER_SLOT,
  VIFS_PER_SLOT,
  VIF_NAME_TWICE,
  VLAN_RANGE,
  VLAN_TWICE,
  CUSTOMER_ASN_RANGE,
  CUSTOMER_ASN_IS_GATEWAY_ASN,
  LONG_ASN,
  ADDRESS_FAMILIES_EMPTY,
  ADDRESS_FAMILY_TWICE,
  MTU_VALUE,
  PRIVATE_MTU_9001,
  AUTH_KEY_FORMAT,
  AUTH_KEY_SSM_SECURE,
  PLAINTEXT_AUTH_KEY,
  PUBLIC_ROUTE_FILTER_PREFIXES,
  PUBLIC_PEER_ADDRESSES,
  ADDRESS_POOL_SIZE,
  PEER_ADDRESSES_SLOT,
  PEER_ADDRESS_PAIR,
  PEER_ADDRESSES_SHARED,
  VIF_NAME_LENGTH,
  TRANSIT_VIF_GATEWAY,
  PRIVATE_VIF_TARGET,
  TAG_KEY,
  TAG_VALUE,
  RATE_LIMIT_ABOVE_SLOT,
  RATE_LIMITS_PER_SLOT,
  SITE_LINK_INTERFACE_TYPE,
  SITE_LINK_VIRTUAL_GATEWAY,
  SITE_LINK_ONE_LOCATION,
} = VIRTUAL_INTERFACE_RULES;

/**
 * Where SiteLink works: on private and transit interfaces attached to a Direct Connect gateway.
 *
 * - "you can turn on (or off) the SiteLink feature on Private/Transit VIFs" (AWS blog, Advanced routing
 *   scenarios with AWS Direct Connect SiteLink); `EnableSiteLink` is a property of
 *   `AWS::DirectConnect::PrivateVirtualInterface` and `TransitVirtualInterface` only.
 * - "Once all VIFs are attached to the same Direct Connect gateway (DXGW) ... you can start sending data
 *   between them" (AWS blog, Introducing AWS Direct Connect SiteLink): an interface on a virtual private
 *   gateway has no Direct Connect gateway to exchange traffic through.
 *
 * Not enforced, because the library cannot tell: "SiteLink is available at all AWS Direct Connect
 * locations today, except for those used by GovCloud or those in China" (the same blog; its 2025 update
 * points to the Direct Connect locations list instead). Hosted and dedicated connections both take
 * SiteLink (the same blog); no port speed or MTU condition is documented.
 */
export function checkSiteLinkSpec(spec: PlanVirtualInterface): RuleFinding[] {
  if (spec.siteLink !== true) return [];
  if (spec.interfaceType === VirtualInterfaceType.PUBLIC) {
    return [
      finding(
        SITE_LINK_INTERFACE_TYPE,
        `\`enableSiteLink\` of the public virtual interface ${spec.name}: SiteLink works on private and transit ` +
          "virtual interfaces only; remove it, or use VirtualInterface.privateInterface or transit.",
      ),
    ];
  }
  if (spec.onVirtualGateway === true) {
    return [
      finding(
        SITE_LINK_VIRTUAL_GATEWAY,
        `\`enableSiteLink\` of the private virtual interface ${spec.name}: it lands on a virtual private gateway ` +
          "(`virtualGatewayId`), and SiteLink links the interfaces of one Direct Connect gateway; give `gateway` " +
          "(a Direct Connect gateway) instead, or remove `enableSiteLink`.",
      ),
    ];
  }
  return [];
}

/**
 * SiteLink specs whose interfaces are all at one location (every spec lands on every slot, so a
 * construct with slots at one location only): nothing to link within the construct (AWS blog, Advanced
 * routing scenarios: "Once you have made connections at two or more Direct Connect locations, you can
 * turn on ... SiteLink"). A warning: another construct, or interfaces made elsewhere, may bring SiteLink
 * interfaces at other locations to the same gateway.
 */
export function checkSiteLinkLocations(
  specs: ReadonlyArray<PlanVirtualInterface>,
  locations: ReadonlyArray<string>,
): RuleFinding[] {
  const linked = specs.filter(
    (s) =>
      s.siteLink === true && s.interfaceType !== VirtualInterfaceType.PUBLIC && s.onVirtualGateway !== true,
  );
  const distinct = [...new Set(locations)];
  if (linked.length === 0 || distinct.length !== 1) return [];
  return [
    finding(
      SITE_LINK_ONE_LOCATION,
      `\`enableSiteLink\` of ${linked.map((s) => label(s.name)).join(", ")}: every interface is at ${distinct[0]}, ` +
        "so SiteLink has no other Direct Connect location to exchange traffic with, yet each SiteLink interface " +
        "is billed per hour. Keep it only if SiteLink interfaces at other locations use the same Direct Connect gateway.",
    ),
  ];
}

/**
 * Rate Limiters on at most 10 interfaces of a connection or LAG (vif-rate-limiters.html; What's New
 * 2026-06-01): every spec lands on every slot, so the specs with a `rateLimit` are counted.
 */
export function checkRateLimitsPerSlot(specs: ReadonlyArray<PlanVirtualInterface>): RuleFinding[] {
  const limited = specs.filter((s) => s.rateLimit !== undefined);
  if (limited.length <= VIF_LIMITS.rateLimitedPerSlot) return [];
  return [
    finding(
      RATE_LIMITS_PER_SLOT,
      `\`rateLimit\`: ${limited.length} virtual interfaces with a rate limit on every device slot ` +
        `(${limited.map((s) => label(s.name)).join(", ")}); a dedicated connection or LAG takes at most ` +
        `${VIF_LIMITS.rateLimitedPerSlot}.`,
    ),
  ];
}

/**
 * A spec's rate limit on one slot: at most the slot's capacity (the CloudFormation schemas'
 * `RateLimit`: "cannot exceed the bandwidth of the parent connection or LAG"; vif-rate-limiters.html).
 */
export function checkRateLimitOnSlot(
  spec: PlanVirtualInterface,
  slot: { readonly id: string; readonly capacityGbps: number; readonly existingConnectionId?: string },
): RuleFinding[] {
  const limit = spec.rateLimit;
  if (limit === undefined || limit.rateGbps <= slot.capacityGbps) return [];
  const what =
    slot.existingConnectionId === undefined ? "its LAG" : `the existing circuit ${slot.existingConnectionId}`;
  return [
    finding(
      RATE_LIMIT_ABOVE_SLOT,
      `\`rateLimit\` of ${label(spec.name)}: ${limit.value} is above the ${slot.capacityGbps} Gbps of ${what} on ` +
        `${slot.id}; a rate limit is at most the capacity of the connection or LAG: ${slot.capacityGbps} Gbps or less.`,
    ),
  ];
}

/** §4.7: the interfaces every slot carries (transit and the others are counted apart: both may be over). */
export function checkVifsPerSlot(specs: ReadonlyArray<PlanVirtualInterface>): RuleFinding[] {
  const transit = specs.filter((x) => x.interfaceType === VirtualInterfaceType.TRANSIT).length;
  const others = specs.length - transit;
  const findings: RuleFinding[] = [];
  if (transit > VIF_LIMITS.transitPerSlot) {
    findings.push(
      finding(
        TRANSIT_VIFS_PER_SLOT,
        `\`virtualInterfaces\`: ${transit} transit virtual interfaces on every device slot; a connection or LAG carries at ` +
          `most ${VIF_LIMITS.transitPerSlot}.`,
      ),
    );
  }
  if (others > VIF_LIMITS.privatePublicPerSlot || specs.length > VIF_LIMITS.totalPerSlot) {
    findings.push(
      finding(
        VIFS_PER_SLOT,
        `\`virtualInterfaces\`: ${specs.length} virtual interfaces (${others} private or public) on every device slot; a ` +
          `connection or LAG carries at most ${VIF_LIMITS.privatePublicPerSlot} private or public and ` +
          `${VIF_LIMITS.totalPerSlot} in all.`,
      ),
    );
  }
  return findings;
}

/** A name as two specs may not share it: case and `-` ignored. */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/-/g, "");
}

/** A spec's name, unlike the names of the specs before it (`earlier`; those that are not strings are skipped). */
export function checkVifNameOnce(
  spec: PlanVirtualInterface,
  earlier: ReadonlyArray<PlanVirtualInterface>,
): RuleFinding[] {
  const key = nameKey(spec.name);
  const other = earlier.find((s) => typeof s.name === "string" && nameKey(s.name) === key);
  if (other === undefined) return [];
  return [
    finding(
      VIF_NAME_TWICE,
      `\`name\` "${spec.name}" is used by two virtual interfaces (also "${other.name}"): give each its own.`,
    ),
  ];
}

/** §4.4: the VLAN, 1 to 4094 and unlike those of the specs before it (`earlier`); a token is not checked. */
export function checkVlan(
  spec: PlanVirtualInterface,
  earlier: ReadonlyArray<PlanVirtualInterface>,
): RuleFinding[] {
  const vlan = spec.vlan;
  if (isDeferred(vlan)) return [];
  if (!Number.isInteger(vlan) || vlan < 1 || vlan > 4094) {
    return [
      finding(
        VLAN_RANGE,
        `\`vlan\` ${show(vlan)} of ${spec.name} is not allowed: a whole number from 1 to 4094 (802.1Q).`,
      ),
    ];
  }
  const other = earlier.find((s) => s.vlan === vlan);
  if (other === undefined) return [];
  return [
    finding(
      VLAN_TWICE,
      `\`vlan\` ${show(vlan)} of ${spec.name} is also the VLAN of ${label(other.name)}: both land on every device slot, and a VLAN ` +
        "is used once per connection or LAG. Give each virtual interface its own VLAN.",
    ),
  ];
}

/** §4.5: the customer ASN (a token is not checked), and a warning for a long one. */
export function checkCustomerAsn(spec: PlanVirtualInterface): RuleFinding[] {
  const asn = spec.customerAsn;
  if (isDeferred(asn)) return [];
  if (!Number.isInteger(asn) || asn < 1 || asn > 4294967294) {
    return [
      finding(
        CUSTOMER_ASN_RANGE,
        `\`customerAsn\` ${show(asn)} of ${spec.name} is not allowed: a whole number from 1 to 4294967294.`,
      ),
    ];
  }
  const findings: RuleFinding[] = [];
  if (asn === known(spec.gatewayAsn)) {
    findings.push(
      finding(
        CUSTOMER_ASN_IS_GATEWAY_ASN,
        `\`customerAsn\` ${show(asn)} of ${spec.name} is the Amazon-side ASN of its Direct Connect gateway: ` +
          "the two ends of a BGP session need different ASNs.",
      ),
    );
  }
  if (asn > LEGACY_ASN_MAX) {
    findings.push(
      finding(
        LONG_ASN,
        `\`customerAsn\` ${show(asn)} of ${spec.name} is a long (4-byte) ASN above ${LEGACY_ASN_MAX}: ` +
          "Direct Connect enables long ASN support per account. Check that yours has it.",
      ),
    );
  }
  return findings;
}

/** One BGP peer per address family, at least one. */
export function checkAddressFamilies(spec: PlanVirtualInterface): RuleFinding[] {
  const families = spec.addressFamilies;
  if (families.length === 0) {
    return [
      finding(
        ADDRESS_FAMILIES_EMPTY,
        `\`addressFamilies\` of ${spec.name} is empty: give ipv4, ipv6 or both.`,
      ),
    ];
  }
  const twice = families.find((f, i) => families.indexOf(f) !== i);
  if (twice === undefined) return [];
  return [
    finding(
      ADDRESS_FAMILY_TWICE,
      `\`addressFamilies\` of ${spec.name} lists ${twice} twice: a virtual interface has at most one BGP peer per ` +
        "address family.",
    ),
  ];
}

/** §4.6: the MTU of the type (a public interface has no MTU property: 1500, fixed); a token is not checked. */
export function checkMtu(spec: PlanVirtualInterface): RuleFinding[] {
  const mtu = spec.mtu;
  if (mtu === undefined || isDeferred(mtu)) return [];
  const mtus = MTUS[spec.interfaceType] ?? [];
  if (!mtus.includes(mtu)) {
    return [
      finding(
        MTU_VALUE,
        `\`mtu\` ${show(mtu)} of ${spec.name} is not allowed for a ${spec.interfaceType} virtual interface: ${mtus.join(", ")}.`,
      ),
    ];
  }
  if (spec.interfaceType !== VirtualInterfaceType.PRIVATE || mtu !== 9001) return [];
  return [
    finding(
      PRIVATE_MTU_9001,
      `\`mtu\` 9001 of ${spec.name}: older Direct Connect documentation gives 9001 as the private jumbo MTU, the ` +
        "current API and CloudFormation pages give 8500. Prefer 8500 unless you know 9001 is accepted.",
    ),
  ];
}

/** §3.6: a plain-text BGP key's form; a key CloudFormation cannot resolve in a BGP peer. */
export function checkAuthKey(spec: PlanVirtualInterface): RuleFinding[] {
  if (spec.ssmSecureAuthKey === true) {
    return [
      finding(
        AUTH_KEY_SSM_SECURE,
        `\`authKey\` of ${spec.name} is a Systems Manager SecureString (SecretValue.ssmSecure): CloudFormation ` +
          "does not resolve ssm-secure references in a BGP peer's AuthKey, so the deploy would fail. Keep the key " +
          "in Secrets Manager: SecretValue.secretsManager(...).",
      ),
    ];
  }
  if (spec.plaintextAuthKey === undefined || AUTH_KEY.test(spec.plaintextAuthKey)) return [];
  return [
    finding(
      AUTH_KEY_FORMAT,
      `\`authKey\` of ${spec.name} is not allowed: 6 to 80 printable ASCII characters without spaces.`,
    ),
  ];
}

/** The specs whose BGP key is plain text: readable in the template (one warning for all). */
export function checkPlaintextAuthKeys(specs: ReadonlyArray<PlanVirtualInterface>): RuleFinding[] {
  const plaintext = specs.filter((spec) => spec.plaintextAuthKey !== undefined);
  if (plaintext.length === 0) return [];
  return [
    finding(
      PLAINTEXT_AUTH_KEY,
      `\`authKey\` of ${plaintext.map((s) => s.name).join(", ")} is plain text: it is readable in the template. ` +
        "Keep BGP keys in Secrets Manager: SecretValue.secretsManager(...).",
    ),
  ];
}

/**
 * §3.6: what a public interface needs: route filter prefixes (CIDR blocks) and public IPv4 peer
 * addresses.
 */
export function checkPublicSpec(spec: PlanVirtualInterface): RuleFinding[] {
  if (spec.interfaceType !== VirtualInterfaceType.PUBLIC) return [];
  const findings: RuleFinding[] = [];
  if (spec.routeFilterPrefixes === undefined || spec.routeFilterPrefixes.length === 0) {
    findings.push(
      finding(
        PUBLIC_ROUTE_FILTER_PREFIXES,
        `\`routeFilterPrefixes\` of ${spec.name} is empty: a public virtual interface needs the public prefixes ` +
          "you advertise to AWS.",
      ),
    );
  } else {
    findings.push(...checkCidrList(spec.routeFilterPrefixes, { prop: "routeFilterPrefixes" }));
  }
  if (
    spec.addressFamilies.includes("ipv4") &&
    spec.addressPool === undefined &&
    spec.peerAddresses === undefined
  ) {
    findings.push(
      finding(
        PUBLIC_PEER_ADDRESSES,
        `\`peerAddresses\` of ${spec.name}: a public virtual interface needs public IPv4 peer addresses for every ` +
          "device slot; give `peerAddresses` or an `addressPool` of public addresses you own.",
      ),
    );
  }
  return findings;
}

/** An address pool: an IPv4 block of a /30 or more; a token is not checked. */
export function checkAddressPool(spec: PlanVirtualInterface): RuleFinding[] {
  const text = spec.addressPool;
  if (text === undefined || isDeferred(text)) return [];
  const cidr = checkCidrBlock(text, { prop: "addressPool", ipv4Only: true });
  if (cidr.length > 0) return cidr;
  if (parseCidr(text)!.prefixLength <= 30) return [];
  return [
    finding(
      ADDRESS_POOL_SIZE,
      `\`addressPool\` ${show(text)} of ${spec.name} is smaller than a /30: give a /30 or larger block.`,
    ),
  ];
}

/** An address pool to carve /30s from: an IPv4 block of a /30 or more; undefined otherwise, or for a token. */
export function addressPoolOf(spec: PlanVirtualInterface): Cidr | undefined {
  const text = known(spec.addressPool);
  const pool = typeof text === "string" ? parseCidr(text) : undefined;
  return pool !== undefined && pool.version === 4 && pool.prefixLength <= 30 ? pool : undefined;
}

/** The two addresses of a pair, parsed: undefined unless both are IPv4 addresses with a prefix. */
function parsePair(p: PlanPeerAddresses): { amazon: Cidr; customer: Cidr } | undefined {
  const amazon = parseCidr(p.amazonAddress);
  const customer = parseCidr(p.customerAddress);
  if (!amazon || !customer || amazon.version !== 4 || customer.version !== 4) return undefined;
  return { amazon, customer };
}

/** The block of the /30 or /31 of `amazon`: its size, its network and its two host addresses. */
function hostsOf(amazon: Cidr): { size: bigint; base: bigint; hosts: [bigint, bigint] } {
  const size = 1n << BigInt(32 - amazon.prefixLength);
  const base = amazon.address - (amazon.address % size);
  return { size, base, hosts: amazon.prefixLength === 31 ? [base, base + 1n] : [base + 1n, base + 2n] };
}

/** Whether `amazon` and `customer` are the two different host addresses of the block of `amazon`. */
function isHostPair(amazon: Cidr, customer: Cidr): boolean {
  const { size, base, hosts } = hostsOf(amazon);
  return (
    customer.address - (customer.address % size) === base &&
    amazon.address !== customer.address &&
    [amazon.address, customer.address].every((a) => hosts.includes(a))
  );
}

/** Whether a pair's prefixes are one /30 or /31. */
function isPairLength(amazon: Cidr, customer: Cidr): boolean {
  return (
    amazon.prefixLength === customer.prefixLength && amazon.prefixLength >= 30 && amazon.prefixLength <= 31
  );
}

/** §3.6: one pair of explicit peer addresses (of the spec `vif`): two hosts of one /30 or /31. */
export function checkPeerPair(p: PlanPeerAddresses, vif: string): RuleFinding[] {
  const where = `\`peerAddresses\` of ${vif} at ${p.location}/Slot${p.slotNumber}`;
  const pair = parsePair(p);
  if (pair === undefined) {
    return [
      finding(
        PEER_ADDRESS_PAIR,
        `${where}: "${p.amazonAddress}" and "${p.customerAddress}" must be IPv4 host addresses with a prefix, e.g. 169.254.10.1/30.`,
      ),
    ];
  }
  const { amazon, customer } = pair;
  if (!isPairLength(amazon, customer)) {
    return [
      finding(
        PEER_ADDRESS_PAIR,
        `${where}: both addresses must be in one /30 or /31 (got /${amazon.prefixLength} and /${customer.prefixLength}).`,
      ),
    ];
  }
  if (isHostPair(amazon, customer)) return [];
  const { hosts } = hostsOf(amazon);
  return [
    finding(
      PEER_ADDRESS_PAIR,
      `${where}: "${p.amazonAddress}" and "${p.customerAddress}" must be the two different host addresses of one ` +
        `/${amazon.prefixLength} (here ${formatAddress(4, hosts[0])} and ${formatAddress(4, hosts[1])}).`,
    ),
  ];
}

/** The /30 or /31 of a pair of explicit peer addresses; undefined when they are not one (`checkPeerPair`). */
export function peerPairBlock(p: PlanPeerAddresses): Cidr | undefined {
  const pair = parsePair(p);
  if (pair === undefined || !isPairLength(pair.amazon, pair.customer)) return undefined;
  if (!isHostPair(pair.amazon, pair.customer)) return undefined;
  return { version: 4, address: hostsOf(pair.amazon).base, prefixLength: pair.amazon.prefixLength };
}

/** The id of the slot a pair of explicit peer addresses is for: `<location>/Slot<n>`. */
export function peerSlotId(p: PlanPeerAddresses): string {
  return `${p.location}/Slot${p.slotNumber}`;
}

/** The pinned peer addresses of a spec: each for a slot of the construct (`slotIds`), once. */
export function checkPeerAddressSlots(
  spec: PlanVirtualInterface,
  slotIds: ReadonlySet<string>,
): RuleFinding[] {
  const seen = new Set<string>();
  return (spec.peerAddresses ?? []).flatMap((p) => {
    const id = peerSlotId(p);
    const twice = seen.has(id);
    seen.add(id);
    if (!slotIds.has(id)) {
      return [
        finding(
          PEER_ADDRESSES_SLOT,
          `\`peerAddresses\` of ${spec.name} name ${id}, which is not a device slot of this construct: ${[...slotIds].join(", ")}.`,
        ),
      ];
    }
    return twice ? [finding(PEER_ADDRESSES_SLOT, `\`peerAddresses\` of ${spec.name} give ${id} twice.`)] : [];
  });
}

/** A public IPv4 interface on a slot that gets no peer addresses. */
export function checkPublicPeerAddresses(spec: PlanVirtualInterface, slotId: string): RuleFinding[] {
  if (spec.interfaceType !== VirtualInterfaceType.PUBLIC || !spec.addressFamilies.includes("ipv4")) return [];
  return [
    finding(
      PUBLIC_PEER_ADDRESSES,
      `\`peerAddresses\` of ${spec.name}: a public virtual interface needs IPv4 peer addresses for ${slotId}.`,
    ),
  ];
}

/** One BGP session's IPv4 peer addresses: its /30 or /31, and the session (`<name> on <slot>`). */
export interface SessionBlock {
  readonly block: Cidr;
  readonly session: string;
}

/** Each session its own /30 or /31: every session that shares one with an earlier session. */
export function checkSessionBlocks(sessions: ReadonlyArray<SessionBlock>): RuleFinding[] {
  const first = new Map<string, string>();
  return sessions.flatMap(({ block, session }) => {
    const key = `${formatAddress(4, block.address)}/${block.prefixLength}`;
    const other = first.get(key);
    if (other === undefined) {
      first.set(key, session);
      return [];
    }
    return [
      finding(
        PEER_ADDRESSES_SHARED,
        `\`addressPool\`: ${session} and ${other} both get the peer addresses ${key}. Give a larger pool, or pin ` +
          "one of them with `peerAddresses`.",
      ),
    ];
  });
}

/**
 * §3.6: the names of the interfaces (`<prefix>-<location>-d<slot>-<name>`); a token prefix is not
 * checked. One finding, for the first name over the limit: the names share the prefix.
 */
export function checkVifNames(
  virtualInterfaceNames: ReadonlyArray<string>,
  namePrefix: Deferrable<string>,
): RuleFinding[] {
  if (isDeferred(namePrefix)) return [];
  const bad = virtualInterfaceNames.find((n) => n.length > VIF_LIMITS.nameLength || !VIF_NAME.test(n));
  if (bad === undefined) return [];
  return [
    finding(
      VIF_NAME_LENGTH,
      `\`namePrefix\` "${valueOf(namePrefix)}" makes the virtual interface name "${bad}" of ` +
        `${bad.length} characters; CloudFormation allows at most ${VIF_LIMITS.nameLength}.`,
    ),
  ];
}

/**
 * A transit spec lands on a Direct Connect gateway (`gateway`: whether one is given; `name`: the spec's
 * name as messages show it, `label` of core/props).
 */
export function checkTransitVifGateway(gateway: boolean, name: string): RuleFinding[] {
  if (gateway) return [];
  return [
    finding(
      TRANSIT_VIF_GATEWAY,
      `\`gateway\` of the transit virtual interface ${name} is required: the Direct Connect gateway ` +
        "its interfaces land on.",
    ),
  ];
}

/**
 * A private spec lands on exactly one of a Direct Connect gateway and a virtual private gateway
 * (`name`: the spec's name as messages show it).
 */
export function checkPrivateVifTarget(
  gateway: boolean,
  virtualGateway: boolean,
  name: string,
): RuleFinding[] {
  if (gateway !== virtualGateway) return [];
  return [
    finding(
      PRIVATE_VIF_TARGET,
      `\`gateway\` and \`virtualGatewayId\` of the private virtual interface ${name}: give exactly one ` +
        `(got ${gateway ? "both" : "neither"}).`,
    ),
  ];
}

/**
 * Tags (of the spec `name`, as messages show it): keys 1 to 128 characters not starting with `aws:`, values strings of at
 * most 256 (a token is not checked; a caller without static types may pass a value that is not a
 * string: a finding too). Each bad key and each bad value.
 */
export function checkTags(
  tags: ReadonlyArray<readonly [string, Deferrable<string>]>,
  name: string,
): RuleFinding[] {
  return tags.flatMap(([key, value]) => [...checkTagKey(key, name), ...checkTagValue(key, value, name)]);
}

function checkTagKey(key: string, name: string): RuleFinding[] {
  if (key.length >= 1 && key.length <= TAG_LIMITS.key && !key.toLowerCase().startsWith("aws:")) return [];
  return [
    finding(
      TAG_KEY,
      `\`tags\` of ${name}: the key ${show(key)} is not allowed: 1 to ${TAG_LIMITS.key} characters, not starting with aws:.`,
    ),
  ];
}

function checkTagValue(key: string, value: Deferrable<string>, name: string): RuleFinding[] {
  if (isDeferred(value) || (typeof value === "string" && value.length <= TAG_LIMITS.value)) return [];
  return [
    finding(
      TAG_VALUE,
      `\`tags\` of ${name}: the value of ${show(key)} must be a string of at most ${TAG_LIMITS.value} characters, got ${show(value)}.`,
    ),
  ];
}
