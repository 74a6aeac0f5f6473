/**
 * The virtual interface specs of a construct (each lands on every device slot) and their placement:
 * VLANs, ASNs, address families, MTUs, keys, peer addresses and names.
 */
/* eslint-disable no-bitwise -- /30 arithmetic */
import { Cidr, checkCidr, formatAddress, parseCidr } from "./cidr-blocks";
import { errorRule, fail, warn, warningRule, ruleFamily } from "../core/fail";
import { IsUnresolved, label, show } from "../core/props";
import type { PlanPeerAddresses, PlanVirtualInterface } from "../core/request";
import type { PlanWarning } from "../core/rule";
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
} = VIRTUAL_INTERFACE_RULES;

/** §4.7: the interfaces every slot carries. */
export function checkVifsPerSlot(specs: ReadonlyArray<PlanVirtualInterface>): void {
  const transit = specs.filter((x) => x.interfaceType === VirtualInterfaceType.TRANSIT).length;
  const others = specs.length - transit;
  if (transit > VIF_LIMITS.transitPerSlot) {
    fail(
      TRANSIT_VIFS_PER_SLOT,
      `\`virtualInterfaces\`: ${transit} transit virtual interfaces on every device slot; a connection or LAG carries at ` +
        `most ${VIF_LIMITS.transitPerSlot}.`,
    );
  }
  if (others > VIF_LIMITS.privatePublicPerSlot || specs.length > VIF_LIMITS.totalPerSlot) {
    fail(
      VIFS_PER_SLOT,
      `\`virtualInterfaces\`: ${specs.length} virtual interfaces (${others} private or public) on every device slot; a ` +
        `connection or LAG carries at most ${VIF_LIMITS.privatePublicPerSlot} private or public and ` +
        `${VIF_LIMITS.totalPerSlot} in all.`,
    );
  }
}

/** A spec's name, unlike the others' (`names`: the names so far, by key). */
export function checkVifNameOnce(name: string, names: Map<string, string>): void {
  const key = name.toLowerCase().replace(/-/g, "");
  const other = names.get(key);
  if (other !== undefined) {
    fail(
      VIF_NAME_TWICE,
      `\`name\` "${name}" is used by two virtual interfaces (also "${other}"): give each its own.`,
    );
  }
  names.set(key, name);
}

/** §4.4: the VLAN, once among the specs (`vlans`: the VLANs so far). */
export function checkVlan(spec: PlanVirtualInterface, vlans: Map<number, string>): void {
  if (!Number.isInteger(spec.vlan) || spec.vlan < 1 || spec.vlan > 4094) {
    fail(
      VLAN_RANGE,
      `\`vlan\` ${show(spec.vlan)} of ${spec.name} is not allowed: a whole number from 1 to 4094 (802.1Q).`,
    );
  }
  const other = vlans.get(spec.vlan);
  if (other !== undefined) {
    fail(
      VLAN_TWICE,
      `\`vlan\` ${show(spec.vlan)} of ${spec.name} is also the VLAN of ${other}: both land on every device slot, and a VLAN ` +
        "is used once per connection or LAG. Give each virtual interface its own VLAN.",
    );
  }
  vlans.set(spec.vlan, spec.name);
}

/** §4.5: the customer ASN, and a warning for a long one. */
export function checkCustomerAsn(spec: PlanVirtualInterface): PlanWarning[] {
  const asn = spec.customerAsn;
  if (!Number.isInteger(asn) || asn < 1 || asn > 4294967294) {
    fail(
      CUSTOMER_ASN_RANGE,
      `\`customerAsn\` ${show(asn)} of ${spec.name} is not allowed: a whole number from 1 to 4294967294.`,
    );
  }
  if (spec.gatewayAsn !== undefined && asn === spec.gatewayAsn) {
    fail(
      CUSTOMER_ASN_IS_GATEWAY_ASN,
      `\`customerAsn\` ${show(asn)} of ${spec.name} is the Amazon-side ASN of its Direct Connect gateway: ` +
        "the two ends of a BGP session need different ASNs.",
    );
  }
  if (asn <= LEGACY_ASN_MAX) return [];
  return [
    warn(
      LONG_ASN,
      `\`customerAsn\` ${show(asn)} of ${spec.name} is a long (4-byte) ASN above ${LEGACY_ASN_MAX}: ` +
        "Direct Connect enables long ASN support per account. Check that yours has it.",
    ),
  ];
}

/** One BGP peer per address family, at least one. */
export function checkAddressFamilies(spec: PlanVirtualInterface): void {
  const families = spec.addressFamilies;
  if (families.length === 0) {
    fail(ADDRESS_FAMILIES_EMPTY, `\`addressFamilies\` of ${spec.name} is empty: give ipv4, ipv6 or both.`);
  }
  const twice = families.find((f, i) => families.indexOf(f) !== i);
  if (twice !== undefined) {
    fail(
      ADDRESS_FAMILY_TWICE,
      `\`addressFamilies\` of ${spec.name} lists ${twice} twice: a virtual interface has at most one BGP peer per ` +
        "address family.",
    );
  }
}

/** §4.6: the MTU of the type (a public interface has no MTU property: 1500, fixed). */
export function checkMtu(spec: PlanVirtualInterface, unresolved: IsUnresolved): PlanWarning[] {
  if (spec.mtu === undefined || unresolved(spec.mtu)) return [];
  const mtus = MTUS[spec.interfaceType] ?? [];
  if (!mtus.includes(spec.mtu)) {
    fail(
      MTU_VALUE,
      `\`mtu\` ${show(spec.mtu)} of ${spec.name} is not allowed for a ${spec.interfaceType} virtual interface: ${mtus.join(", ")}.`,
    );
  }
  if (spec.interfaceType !== VirtualInterfaceType.PRIVATE || spec.mtu !== 9001) return [];
  return [
    warn(
      PRIVATE_MTU_9001,
      `\`mtu\` 9001 of ${spec.name}: older Direct Connect documentation gives 9001 as the private jumbo MTU, the ` +
        "current API and CloudFormation pages give 8500. Prefer 8500 unless you know 9001 is accepted.",
    ),
  ];
}

/** §3.6: a plain-text BGP key's form. */
export function checkAuthKey(spec: PlanVirtualInterface): void {
  if (spec.plaintextAuthKey === undefined || AUTH_KEY.test(spec.plaintextAuthKey)) return;
  fail(
    AUTH_KEY_FORMAT,
    `\`authKey\` of ${spec.name} is not allowed: 6 to 80 printable ASCII characters without spaces.`,
  );
}

/** The specs whose BGP key is plain text: readable in the template. */
export function plaintextAuthKeys(specs: ReadonlyArray<PlanVirtualInterface>): PlanWarning[] {
  const plaintext = specs.filter((spec) => spec.plaintextAuthKey !== undefined);
  if (plaintext.length === 0) return [];
  return [
    warn(
      PLAINTEXT_AUTH_KEY,
      `\`authKey\` of ${plaintext.map((s) => s.name).join(", ")} is plain text: it is readable in the template. ` +
        "Keep BGP keys in Secrets Manager: SecretValue.secretsManager(...).",
    ),
  ];
}

/** §3.6: what a public interface needs: route filter prefixes and public IPv4 peer addresses. */
export function checkPublicSpec(spec: PlanVirtualInterface): void {
  if (spec.interfaceType !== VirtualInterfaceType.PUBLIC) return;
  if (spec.routeFilterPrefixes === undefined || spec.routeFilterPrefixes.length === 0) {
    fail(
      PUBLIC_ROUTE_FILTER_PREFIXES,
      `\`routeFilterPrefixes\` of ${spec.name} is empty: a public virtual interface needs the public prefixes ` +
        "you advertise to AWS.",
    );
  }
  if (
    spec.addressFamilies.includes("ipv4") &&
    spec.addressPool === undefined &&
    spec.peerAddresses === undefined
  ) {
    fail(
      PUBLIC_PEER_ADDRESSES,
      `\`peerAddresses\` of ${spec.name}: a public virtual interface needs public IPv4 peer addresses for every ` +
        "device slot; give `peerAddresses` or an `addressPool` of public addresses you own.",
    );
  }
}

/** An address pool: an IPv4 block of a /30 or more. */
export function checkAddressPool(spec: PlanVirtualInterface, unresolved: IsUnresolved): void {
  if (spec.addressPool === undefined || unresolved(spec.addressPool)) return;
  const pool = checkCidr(spec.addressPool, { prop: "addressPool", ipv4Only: true });
  if (pool.prefixLength > 30) {
    fail(
      ADDRESS_POOL_SIZE,
      `\`addressPool\` ${show(spec.addressPool)} of ${spec.name} is smaller than a /30: give a /30 or larger block.`,
    );
  }
}

/** §3.6: one pair of explicit peer addresses: two hosts of one /30 or /31. Returns the block. */
export function checkPeerPair(p: PlanPeerAddresses, vif: string): Cidr {
  const where = `\`peerAddresses\` of ${vif} at ${p.location}/Slot${p.slotNumber}`;
  const amazon = parseCidr(p.amazonAddress);
  const customer = parseCidr(p.customerAddress);
  if (!amazon || !customer || amazon.version !== 4 || customer.version !== 4) {
    fail(
      PEER_ADDRESS_PAIR,
      `${where}: "${p.amazonAddress}" and "${p.customerAddress}" must be IPv4 host addresses with a prefix, e.g. 169.254.10.1/30.`,
    );
  }
  if (amazon.prefixLength !== customer.prefixLength || amazon.prefixLength < 30 || amazon.prefixLength > 31) {
    fail(
      PEER_ADDRESS_PAIR,
      `${where}: both addresses must be in one /30 or /31 (got /${amazon.prefixLength} and /${customer.prefixLength}).`,
    );
  }
  const size = 1n << BigInt(32 - amazon.prefixLength);
  const base = amazon.address - (amazon.address % size);
  const hosts = amazon.prefixLength === 31 ? [base, base + 1n] : [base + 1n, base + 2n];
  if (
    customer.address - (customer.address % size) !== base ||
    amazon.address === customer.address ||
    ![amazon.address, customer.address].every((a) => hosts.includes(a))
  ) {
    fail(
      PEER_ADDRESS_PAIR,
      `${where}: "${p.amazonAddress}" and "${p.customerAddress}" must be the two different host addresses of one ` +
        `/${amazon.prefixLength} (here ${formatAddress(4, hosts[0])} and ${formatAddress(4, hosts[1])}).`,
    );
  }
  return { version: 4, address: base, prefixLength: amazon.prefixLength };
}

/** The pinned peer addresses of a spec, by slot id: each for a slot of the construct, once. */
export function pinnedPeerAddresses(
  spec: PlanVirtualInterface,
  slotIds: ReadonlySet<string>,
): Map<string, PlanPeerAddresses> {
  const pinned = new Map<string, PlanPeerAddresses>();
  for (const p of spec.peerAddresses ?? []) {
    const id = `${p.location}/Slot${p.slotNumber}`;
    if (!slotIds.has(id)) {
      fail(
        PEER_ADDRESSES_SLOT,
        `\`peerAddresses\` of ${spec.name} name ${id}, which is not a device slot of this construct: ${[...slotIds].join(", ")}.`,
      );
    }
    if (pinned.has(id)) {
      fail(PEER_ADDRESSES_SLOT, `\`peerAddresses\` of ${spec.name} give ${id} twice.`);
    }
    pinned.set(id, p);
  }
  return pinned;
}

/** A public IPv4 interface on a slot that gets no peer addresses. */
export function checkPublicPeerAddresses(spec: PlanVirtualInterface, slotId: string): void {
  if (spec.interfaceType !== VirtualInterfaceType.PUBLIC || !spec.addressFamilies.includes("ipv4")) return;
  fail(
    PUBLIC_PEER_ADDRESSES,
    `\`peerAddresses\` of ${spec.name}: a public virtual interface needs IPv4 peer addresses for ${slotId}.`,
  );
}

/** Each session its own /30 or /31 (`used`: the sessions so far, by block). */
export function checkSessionBlock(block: Cidr, session: string, used: Map<string, string>): void {
  const key = `${formatAddress(4, block.address)}/${block.prefixLength}`;
  const other = used.get(key);
  if (other !== undefined) {
    fail(
      PEER_ADDRESSES_SHARED,
      `\`addressPool\`: ${session} and ${other} both get the peer addresses ${key}. Give a larger pool, or pin ` +
        "one of them with `peerAddresses`.",
    );
  }
  used.set(key, session);
}

/** §3.6: the name of one interface (`<prefix>-<location>-d<slot>-<name>`). */
export function checkVifName(
  virtualInterfaceName: string,
  namePrefix: string,
  unresolved: IsUnresolved,
): void {
  if (
    unresolved(namePrefix) ||
    (virtualInterfaceName.length <= VIF_LIMITS.nameLength && VIF_NAME.test(virtualInterfaceName))
  ) {
    return;
  }
  fail(
    VIF_NAME_LENGTH,
    `\`namePrefix\` "${namePrefix}" makes the virtual interface name "${virtualInterfaceName}" of ` +
      `${virtualInterfaceName.length} characters; CloudFormation allows at most ${VIF_LIMITS.nameLength}.`,
  );
}

/** A transit spec lands on a Direct Connect gateway (`gateway`: whether one is given). */
export function checkTransitVifGateway(gateway: boolean, name: unknown): void {
  if (gateway) return;
  fail(
    TRANSIT_VIF_GATEWAY,
    `\`gateway\` of the transit virtual interface ${label(name)} is required: the Direct Connect gateway ` +
      "its interfaces land on.",
  );
}

/** A private spec lands on exactly one of a Direct Connect gateway and a virtual private gateway. */
export function checkPrivateVifTarget(gateway: boolean, virtualGateway: boolean, name: unknown): void {
  if (gateway !== virtualGateway) return;
  fail(
    PRIVATE_VIF_TARGET,
    `\`gateway\` and \`virtualGatewayId\` of the private virtual interface ${label(name)}: give exactly one ` +
      `(got ${gateway ? "both" : "neither"}).`,
  );
}

/** Tags: keys 1 to 128 characters not starting with `aws:`, values strings of at most 256 (tokens pass). */
export function checkTags(
  entries: ReadonlyArray<readonly [string, unknown]>,
  name: unknown,
  unresolved: IsUnresolved,
): void {
  for (const [key, value] of entries) {
    if (key.length < 1 || key.length > TAG_LIMITS.key || key.toLowerCase().startsWith("aws:")) {
      fail(
        TAG_KEY,
        `\`tags\` of ${label(name)}: the key ${show(key)} is not allowed: 1 to ${TAG_LIMITS.key} characters, not starting with aws:.`,
      );
    }
    if (unresolved(value)) continue;
    if (typeof value !== "string" || value.length > TAG_LIMITS.value) {
      fail(
        TAG_VALUE,
        `\`tags\` of ${label(name)}: the value of ${show(key)} must be a string of at most ${TAG_LIMITS.value} characters, got ${show(value)}.`,
      );
    }
  }
}
