/* eslint-disable no-bitwise -- FNV-1a hashing and /30 arithmetic */
import { IsUnresolved } from "../core/props";
import type { PlanPeerAddresses, PlanVirtualInterface } from "../core/request";
import { PlanWarning } from "../core/rule";
import { TopologyDeviceSlot, TopologyVirtualInterface } from "../core/topology";
import { Cidr, formatAddress, normalizeCidrList, parseCidr } from "../rules/cidr-blocks";
import { checkIdName } from "../rules/names";
import {
  checkAddressFamilies,
  checkAddressPool,
  checkAuthKey,
  checkCustomerAsn,
  checkMtu,
  checkPeerPair,
  checkPublicPeerAddresses,
  checkPublicSpec,
  checkSessionBlock,
  checkVifName,
  checkVifNameOnce,
  checkVifsPerSlot,
  checkVlan,
  pinnedPeerAddresses,
  plaintextAuthKeys,
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
 * Checks the specs that do not depend on the slots (rules/virtual-interfaces.ts); returns the warnings.
 */
export function checkVirtualInterfaceSpecs(
  specs: ReadonlyArray<PlanVirtualInterface>,
  unresolved: IsUnresolved,
): PlanWarning[] {
  checkVifsPerSlot(specs);
  const warnings: PlanWarning[] = [];
  const names = new Map<string, string>();
  const vlans = new Map<number, string>();
  for (const spec of specs) {
    checkIdName(spec.name, "virtual interface");
    checkVifNameOnce(spec.name, names);
    if (!unresolved(spec.vlan)) checkVlan(spec, vlans);
    if (!unresolved(spec.customerAsn)) warnings.push(...checkCustomerAsn(spec));
    checkAddressFamilies(spec);
    warnings.push(...checkMtu(spec, unresolved));
    checkAuthKey(spec);
    checkPublicSpec(spec);
    checkAddressPool(spec, unresolved);
  }
  return [...warnings, ...plaintextAuthKeys(specs)];
}

/** The routeFilterPrefixes of a public spec, normalised. */
function routeFilterPrefixesOf(spec: PlanVirtualInterface): string[] | undefined {
  return spec.routeFilterPrefixes === undefined
    ? undefined
    : normalizeCidrList(spec.routeFilterPrefixes, { prop: "routeFilterPrefixes" });
}

/**
 * Places the virtual interfaces on every device slot: names, BGP peers and their addresses.
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
  namePrefix: string,
  unresolved: IsUnresolved,
): Map<string, TopologyVirtualInterface[]> {
  const slotIds = new Set(slots.map((s) => `${s.location}/Slot${s.slotNumber}`));
  const used = new Map<string, string>(); // /30 network -> session
  const perSlot = new Map<string, TopologyVirtualInterface[]>(slots.map((s) => [s.id, []]));
  for (const spec of specs) {
    const pinned = pinnedPeerAddresses(spec, slotIds);
    const pool =
      spec.addressPool !== undefined && !unresolved(spec.addressPool)
        ? parseCidr(spec.addressPool)
        : undefined;
    const routeFilterPrefixes = routeFilterPrefixesOf(spec);
    for (const slot of slots) {
      const v4 = ipv4PeerAddresses(spec, slot, pinned.get(slot.id), pool, used);
      const virtualInterfaceName = `${namePrefix}-${slot.location}-d${slot.slotNumber}-${spec.name}`;
      checkVifName(virtualInterfaceName, namePrefix, unresolved);
      perSlot.get(slot.id)!.push({
        id: `${slot.id}/Vif-${spec.name}`,
        name: spec.name,
        interfaceType: spec.interfaceType,
        target: spec.target,
        location: slot.location,
        slotNumber: slot.slotNumber,
        virtualInterfaceName,
        vlan: spec.vlan,
        customerAsn: spec.customerAsn,
        mtu: spec.mtu,
        bgpPeers: spec.addressFamilies.map((family) =>
          family === "ipv4" ? { addressFamily: family, ...v4 } : { addressFamily: family },
        ),
        routeFilterPrefixes,
      });
    }
  }
  return perSlot;
}

/**
 * The IPv4 peer addresses of one spec on one slot: pinned, from the pool, or none (AWS assigns them),
 * each block taken once across the construct (`used`).
 */
function ipv4PeerAddresses(
  spec: PlanVirtualInterface,
  slot: TopologyDeviceSlot,
  pinned: PlanPeerAddresses | undefined,
  pool: Cidr | undefined,
  used: Map<string, string>,
): { amazonAddress?: string; customerAddress?: string } {
  let block: Cidr;
  let v4: { amazonAddress: string; customerAddress: string };
  if (pinned) {
    block = checkPeerPair(pinned, spec.name);
    v4 = { amazonAddress: pinned.amazonAddress, customerAddress: pinned.customerAddress };
  } else if (pool) {
    const count = 1n << BigInt(30 - pool.prefixLength);
    const index = BigInt(fnv1a(`${spec.name}/${slot.id}`)) % count;
    const base = pool.address + index * 4n;
    block = { version: 4, address: base, prefixLength: 30 };
    v4 = {
      amazonAddress: `${formatAddress(4, base + 1n)}/30`,
      customerAddress: `${formatAddress(4, base + 2n)}/30`,
    };
  } else {
    checkPublicPeerAddresses(spec, slot.id);
    return {};
  }
  checkSessionBlock(block, `${spec.name} on ${slot.id}`, used);
  return v4;
}
