/* eslint-disable no-bitwise -- FNV-1a hashing and /30 arithmetic */
import { Deferrable, known, valueOf } from "../core/deferred";
import { label } from "../core/props";
import type { PlanPeerAddresses, PlanVirtualInterface } from "../core/request";
import { RuleFinding } from "../core/rule";
import { TopologyDeviceSlot, TopologyVirtualInterface } from "../core/topology";
import { Cidr, formatAddress, normalizedCidrList } from "../rules/cidr-blocks";
import { checkName } from "../rules/names";
import {
  SessionBlock,
  addressPoolOf,
  checkAddressFamilies,
  checkAddressPool,
  checkAuthKey,
  checkCustomerAsn,
  checkMtu,
  checkPeerAddressSlots,
  checkPeerPair,
  checkPlaintextAuthKeys,
  checkPublicPeerAddresses,
  checkPublicSpec,
  checkRateLimitOnSlot,
  checkRateLimitsPerSlot,
  checkSessionBlocks,
  checkSiteLinkLocations,
  checkSiteLinkSpec,
  checkVifNameOnce,
  checkVifNames,
  checkVifsPerSlot,
  checkVlan,
  peerPairBlock,
  peerSlotId,
} from "../rules/virtual-interfaces";

/** FNV-1a, 32 bit: the stable hash that picks a slot's /30 in an address pool. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The findings of the specs that do not depend on the slots (rules/virtual-interfaces.ts): errors and
 * warnings, every spec's.
 */
export function checkVirtualInterfaceSpecs(specs: ReadonlyArray<PlanVirtualInterface>): RuleFinding[] {
  return [
    ...checkVifsPerSlot(specs),
    ...checkRateLimitsPerSlot(specs),
    ...specs.flatMap((spec, i) => checkSpec(spec, specs.slice(0, i))),
    ...checkPlaintextAuthKeys(specs),
  ];
}

/**
 * The findings of one spec (`earlier`: the specs before it, for the rules of one among all). A name
 * that is not one is a finding, and the other findings name the spec as `label` shows the value.
 */
function checkSpec(
  original: PlanVirtualInterface,
  earlier: ReadonlyArray<PlanVirtualInterface>,
): RuleFinding[] {
  const name = checkName(original.name, "virtual interface");
  const spec = name.length === 0 ? original : { ...original, name: label(original.name) };
  return [
    ...name,
    ...(name.length === 0 ? checkVifNameOnce(spec, earlier) : []),
    ...checkVlan(spec, earlier),
    ...checkCustomerAsn(spec),
    ...checkAddressFamilies(spec),
    ...checkMtu(spec),
    ...checkAuthKey(spec),
    ...checkPublicSpec(spec),
    ...checkSiteLinkSpec(spec),
    ...checkAddressPool(spec),
    ...(spec.peerAddresses ?? []).flatMap((p) => checkPeerPair(p, spec.name)),
  ];
}

/** The IPv4 peer addresses of one session, and the /30 or /31 they are in (when they are one). */
interface Ipv4Peers {
  readonly amazonAddress: string;
  readonly customerAddress: string;
  readonly block?: Cidr;
}

/** The name of a spec's interface on a slot: `<prefix>-<location>-d<slot>-<name>`. */
function virtualInterfaceName(
  namePrefix: Deferrable<string>,
  slot: TopologyDeviceSlot,
  spec: PlanVirtualInterface,
): string {
  return `${valueOf(namePrefix)}-${slot.location}-d${slot.slotNumber}-${spec.name}`;
}

/** The pinned peer addresses of a spec, by slot id (the first for a slot given twice). */
function pinnedPeerAddresses(spec: PlanVirtualInterface): Map<string, PlanPeerAddresses> {
  const pinned = new Map<string, PlanPeerAddresses>();
  for (const p of spec.peerAddresses ?? []) {
    if (!pinned.has(peerSlotId(p))) pinned.set(peerSlotId(p), p);
  }
  return pinned;
}

/**
 * The IPv4 peer addresses of one spec on each slot, by slot id: pinned (`peerAddresses`), from the
 * pool (`addressPool`), or none (AWS assigns them). Total: pinned addresses that are not a pair have
 * no block, a pool that is not one has no /30s.
 */
function ipv4PeersBySlot(
  spec: PlanVirtualInterface,
  slots: ReadonlyArray<TopologyDeviceSlot>,
): Map<string, Ipv4Peers | undefined> {
  const pinned = pinnedPeerAddresses(spec);
  const pool = addressPoolOf(spec);
  return new Map(
    slots.map((slot) => {
      const p = pinned.get(slot.id);
      if (p !== undefined) {
        const peers: Ipv4Peers = {
          amazonAddress: p.amazonAddress,
          customerAddress: p.customerAddress,
          block: peerPairBlock(p),
        };
        return [slot.id, peers];
      }
      return [slot.id, pool === undefined ? undefined : poolPeers(pool, `${spec.name}/${slot.id}`)];
    }),
  );
}

/** The /30 of a pool at index FNV-1a(`key`) modulo their number: Amazon side the first host, customer the second. */
function poolPeers(pool: Cidr, key: string): Ipv4Peers {
  const count = 1n << BigInt(30 - pool.prefixLength);
  const base = pool.address + (BigInt(fnv1a(key)) % count) * 4n;
  return {
    amazonAddress: `${formatAddress(4, base + 1n)}/30`,
    customerAddress: `${formatAddress(4, base + 2n)}/30`,
    block: { version: 4, address: base, prefixLength: 30 },
  };
}

/**
 * The findings of placing the specs on the slots: pinned peer addresses for slots of the construct,
 * IPv4 peer addresses for every public session, each session its own /30 or /31, and the interfaces'
 * names (`namePrefix` makes them; a token is not checked).
 */
export function checkVirtualInterfacePlacement(
  specs: ReadonlyArray<PlanVirtualInterface>,
  slots: ReadonlyArray<TopologyDeviceSlot>,
  namePrefix: Deferrable<string>,
): RuleFinding[] {
  const slotIds = new Set(slots.map((s) => `${s.location}/Slot${s.slotNumber}`));
  const findings: RuleFinding[] = [];
  const sessions: SessionBlock[] = [];
  for (const spec of specs) {
    findings.push(...checkPeerAddressSlots(spec, slotIds));
    const peers = ipv4PeersBySlot(spec, slots);
    for (const slot of slots) {
      findings.push(...checkRateLimitOnSlot(spec, slot));
      const v4 = peers.get(slot.id);
      if (v4 === undefined) findings.push(...checkPublicPeerAddresses(spec, slot.id));
      if (v4?.block !== undefined) sessions.push({ block: v4.block, session: `${spec.name} on ${slot.id}` });
    }
  }
  const names = specs.flatMap((spec) => slots.map((slot) => virtualInterfaceName(namePrefix, slot, spec)));
  return [
    ...findings,
    ...checkSessionBlocks(sessions),
    ...checkVifNames(names, namePrefix),
    ...checkSiteLinkLocations(
      specs,
      slots.map((s) => s.location),
    ),
  ];
}

/**
 * Places the virtual interfaces on every device slot: names, BGP peers and their addresses. Total:
 * `checkVirtualInterfacePlacement` says what is wrong with a placement.
 *
 * IPv4 peer addresses of a slot come from `peerAddresses` when given for it, else from `addressPool`:
 * the pool is cut into /30s and the slot gets the one at index FNV-1a(`<name>/<location>/Slot<n>`)
 * modulo their number (Amazon side the first host, customer side the second). That depends on the
 * slot and the spec alone, so adding slots or specs never moves an existing session's addresses; two
 * sessions landing on one /30 are an error that names both. Without either, AWS assigns the IPv4
 * addresses (169.254.0.0/16); IPv6 peer addresses are always assigned by AWS (facts §3.6).
 */
export function placeVirtualInterfaces(
  specs: ReadonlyArray<PlanVirtualInterface>,
  slots: ReadonlyArray<TopologyDeviceSlot>,
  namePrefix: Deferrable<string>,
): Map<string, TopologyVirtualInterface[]> {
  const perSlot = new Map<string, TopologyVirtualInterface[]>(slots.map((s) => [s.id, []]));
  for (const spec of specs) {
    const peers = ipv4PeersBySlot(spec, slots);
    const routeFilterPrefixes =
      spec.routeFilterPrefixes === undefined ? undefined : normalizedCidrList(spec.routeFilterPrefixes);
    // the gateway's ASN when known before deploy (a token is left to the gateway: the report says where)
    const amazonSideAsn = known(spec.gatewayAsn);
    for (const slot of slots) {
      const v4 = peers.get(slot.id);
      const ipv4 =
        v4 === undefined ? {} : { amazonAddress: v4.amazonAddress, customerAddress: v4.customerAddress };
      perSlot.get(slot.id)!.push({
        id: `${slot.id}/Vif-${spec.name}`,
        name: spec.name,
        interfaceType: spec.interfaceType,
        target: valueOf(spec.target),
        location: slot.location,
        slotNumber: slot.slotNumber,
        virtualInterfaceName: virtualInterfaceName(namePrefix, slot, spec),
        vlan: valueOf(spec.vlan),
        customerAsn: valueOf(spec.customerAsn),
        mtu: spec.mtu === undefined ? undefined : valueOf(spec.mtu),
        bgpPeers: spec.addressFamilies.map((family) =>
          family === "ipv4" ? { addressFamily: family, ...ipv4 } : { addressFamily: family },
        ),
        routeFilterPrefixes,
        ...(spec.rateLimit === undefined ? {} : { rateLimitGbps: spec.rateLimit.rateGbps }),
        ...(spec.siteLink === true ? { siteLink: true } : {}),
        ...(amazonSideAsn === undefined ? {} : { amazonSideAsn }),
        ...(spec.authKeySource === undefined ? {} : { authKeySource: spec.authKeySource }),
      });
    }
  }
  return perSlot;
}
