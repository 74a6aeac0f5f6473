/* eslint-disable no-bitwise -- FNV-1a hashing and /30 arithmetic */
import { Cidr, checkCidr, formatAddress, normalizeCidrList, parseCidr } from "./cidr";
import { checkIdName } from "./names";
import { show } from "./props";
import {
  TopologyBgpPeer,
  TopologyDeviceSlot,
  TopologyVirtualInterface,
  VirtualInterfaceType,
} from "./topology";

/** A virtual interface spec as the planner sees it: one interface on every device slot. */
export interface PlanVirtualInterface {
  readonly name: string;
  readonly interfaceType: VirtualInterfaceType;
  /** What it lands on (gateway id), for the topology; may be a token. */
  readonly target: string;
  readonly vlan: number;
  readonly customerAsn: number;
  /** `ipv4` and/or `ipv6`, one BGP peer each. */
  readonly addressFamilies: ReadonlyArray<string>;
  readonly mtu?: number;
  readonly addressPool?: string;
  readonly peerAddresses?: ReadonlyArray<PlanPeerAddresses>;
  readonly routeFilterPrefixes?: ReadonlyArray<string>;
  /** The Amazon-side ASN of the Direct Connect gateway it lands on, when known. */
  readonly gatewayAsn?: number;
  /** The BGP auth key, only when it is plain text (to check its form). */
  readonly plaintextAuthKey?: string;
}

/** IPv4 BGP peer addresses of one slot, given by the user. */
export interface PlanPeerAddresses {
  readonly location: string;
  readonly slotNumber: number;
  readonly amazonAddress: string;
  readonly customerAddress: string;
}

export interface VifWarning {
  readonly id: string;
  readonly message: string;
}

/** Facts encoded here, with their section in direct-connect-facts.md. */
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

/** §4.6, §9.1: MTUs by type. Private 9001 is from older docs (current API: 8500): accepted, warned. */
const MTUS: Record<string, number[]> = { transit: [1500, 8500], private: [1500, 8500, 9001] };
/** §3.6: BgpPeer AuthKey. */
const AUTH_KEY = /^[A-Za-z0-9\\!"#$%&'()*+,\-./:;<=>?@[\]^_`{|}~]{6,80}$/;
/** §3.6: VirtualInterfaceName characters. */
const VIF_NAME = /^[\w \-,/]+$/;
/** §4.5: the legacy `asn` field of the API ends here; above it needs long ASN support on the account. */
const LEGACY_ASN_MAX = 2147483646;

/** FNV-1a, 32 bit: the stable hash that picks a slot's /30 in an address pool. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Checks the specs that do not depend on the slots. */
export function checkVirtualInterfaceSpecs(
  specs: ReadonlyArray<PlanVirtualInterface>,
  unresolved: (v: unknown) => boolean,
): VifWarning[] {
  const transit = specs.filter((x) => x.interfaceType === VirtualInterfaceType.TRANSIT).length;
  const others = specs.length - transit;
  if (transit > VIF_LIMITS.transitPerSlot) {
    throw new Error(
      `\`virtualInterfaces\`: ${transit} transit virtual interfaces on every device slot; a connection or LAG carries at ` +
        `most ${VIF_LIMITS.transitPerSlot}.`,
    );
  }
  if (others > VIF_LIMITS.privatePublicPerSlot || specs.length > VIF_LIMITS.totalPerSlot) {
    throw new Error(
      `\`virtualInterfaces\`: ${specs.length} virtual interfaces (${others} private or public) on every device slot; a ` +
        `connection or LAG carries at most ${VIF_LIMITS.privatePublicPerSlot} private or public and ` +
        `${VIF_LIMITS.totalPerSlot} in all.`,
    );
  }
  const warnings: VifWarning[] = [];
  const names = new Map<string, string>();
  const vlans = new Map<number, string>();
  for (const spec of specs) {
    checkIdName(spec.name, "virtual interface");
    const key = spec.name.toLowerCase().replace(/-/g, "");
    if (names.has(key)) {
      throw new Error(
        `\`name\` "${spec.name}" is used by two virtual interfaces (also "${names.get(key)}"): give each its own.`,
      );
    }
    names.set(key, spec.name);

    if (!unresolved(spec.vlan)) {
      if (!Number.isInteger(spec.vlan) || spec.vlan < 1 || spec.vlan > 4094) {
        throw new Error(
          `\`vlan\` ${show(spec.vlan)} of ${spec.name} is not allowed: a whole number from 1 to 4094 (802.1Q).`,
        );
      }
      const other = vlans.get(spec.vlan);
      if (other !== undefined) {
        throw new Error(
          `\`vlan\` ${show(spec.vlan)} of ${spec.name} is also the VLAN of ${other}: both land on every device slot, and a VLAN ` +
            "is used once per connection or LAG. Give each virtual interface its own VLAN.",
        );
      }
      vlans.set(spec.vlan, spec.name);
    }

    if (!unresolved(spec.customerAsn)) {
      if (!Number.isInteger(spec.customerAsn) || spec.customerAsn < 1 || spec.customerAsn > 4294967294) {
        throw new Error(
          `\`customerAsn\` ${show(spec.customerAsn)} of ${spec.name} is not allowed: a whole number from 1 to 4294967294.`,
        );
      }
      if (spec.gatewayAsn !== undefined && spec.customerAsn === spec.gatewayAsn) {
        throw new Error(
          `\`customerAsn\` ${show(spec.customerAsn)} of ${spec.name} is the Amazon-side ASN of its Direct Connect gateway: ` +
            "the two ends of a BGP session need different ASNs.",
        );
      }
      if (spec.customerAsn > LEGACY_ASN_MAX) {
        warnings.push({
          id: "longAsn",
          message:
            `\`customerAsn\` ${show(spec.customerAsn)} of ${spec.name} is a long (4-byte) ASN above ${LEGACY_ASN_MAX}: ` +
            "Direct Connect enables long ASN support per account. Check that yours has it.",
        });
      }
    }

    const families = spec.addressFamilies;
    if (families.length === 0) {
      throw new Error(`\`addressFamilies\` of ${spec.name} is empty: give ipv4, ipv6 or both.`);
    }
    const twice = families.find((f, i) => families.indexOf(f) !== i);
    if (twice !== undefined) {
      throw new Error(
        `\`addressFamilies\` of ${spec.name} lists ${twice} twice: a virtual interface has at most one BGP peer per ` +
          "address family.",
      );
    }

    // (a public interface has no MTU property: 1500, fixed)
    const mtus = MTUS[spec.interfaceType] ?? [];
    if (spec.mtu !== undefined && !unresolved(spec.mtu)) {
      if (!mtus.includes(spec.mtu)) {
        throw new Error(
          `\`mtu\` ${show(spec.mtu)} of ${spec.name} is not allowed for a ${spec.interfaceType} virtual interface: ${mtus.join(", ")}.`,
        );
      }
      if (spec.interfaceType === VirtualInterfaceType.PRIVATE && spec.mtu === 9001) {
        warnings.push({
          id: "privateMtu9001",
          message:
            `\`mtu\` 9001 of ${spec.name}: older Direct Connect documentation gives 9001 as the private jumbo MTU, the ` +
            "current API and CloudFormation pages give 8500. Prefer 8500 unless you know 9001 is accepted.",
        });
      }
    }

    if (spec.plaintextAuthKey !== undefined && !AUTH_KEY.test(spec.plaintextAuthKey)) {
      throw new Error(
        `\`authKey\` of ${spec.name} is not allowed: 6 to 80 printable ASCII characters without spaces.`,
      );
    }

    if (spec.interfaceType === VirtualInterfaceType.PUBLIC) {
      if (spec.routeFilterPrefixes === undefined || spec.routeFilterPrefixes.length === 0) {
        throw new Error(
          `\`routeFilterPrefixes\` of ${spec.name} is empty: a public virtual interface needs the public prefixes ` +
            "you advertise to AWS.",
        );
      }
      if (families.includes("ipv4") && spec.addressPool === undefined && spec.peerAddresses === undefined) {
        throw new Error(
          `\`peerAddresses\` of ${spec.name}: a public virtual interface needs public IPv4 peer addresses for every ` +
            "device slot; give `peerAddresses` or an `addressPool` of public addresses you own.",
        );
      }
    }
    if (spec.addressPool !== undefined && !unresolved(spec.addressPool)) {
      const pool = checkCidr(spec.addressPool, { prop: "addressPool", ipv4Only: true });
      if (pool.prefixLength > 30) {
        throw new Error(
          `\`addressPool\` ${show(spec.addressPool)} of ${spec.name} is smaller than a /30: give a /30 or larger block.`,
        );
      }
    }
  }
  const plaintext = specs.filter((spec) => spec.plaintextAuthKey !== undefined);
  if (plaintext.length > 0) {
    warnings.push({
      id: "plaintextAuthKey",
      message:
        `\`authKey\` of ${plaintext.map((s) => s.name).join(", ")} is plain text: it is readable in the template. ` +
        "Keep BGP keys in Secrets Manager: SecretValue.secretsManager(...).",
    });
  }
  return warnings;
}

/** The routeFilterPrefixes of a public spec, normalised. */
function routeFilterPrefixesOf(spec: PlanVirtualInterface): string[] | undefined {
  return spec.routeFilterPrefixes === undefined
    ? undefined
    : normalizeCidrList(spec.routeFilterPrefixes, { prop: "routeFilterPrefixes" });
}

/** Checks one pair of explicit peer addresses: two hosts of one /30 or /31. */
function checkPeerPair(p: PlanPeerAddresses, vif: string): Cidr {
  const label = `\`peerAddresses\` of ${vif} at ${p.location}/Slot${p.slotNumber}`;
  const amazon = parseCidr(p.amazonAddress);
  const customer = parseCidr(p.customerAddress);
  if (!amazon || !customer || amazon.version !== 4 || customer.version !== 4) {
    throw new Error(
      `${label}: "${p.amazonAddress}" and "${p.customerAddress}" must be IPv4 host addresses with a prefix, e.g. 169.254.10.1/30.`,
    );
  }
  if (amazon.prefixLength !== customer.prefixLength || amazon.prefixLength < 30 || amazon.prefixLength > 31) {
    throw new Error(
      `${label}: both addresses must be in one /30 or /31 (got /${amazon.prefixLength} and /${customer.prefixLength}).`,
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
    throw new Error(
      `${label}: "${p.amazonAddress}" and "${p.customerAddress}" must be the two different host addresses of one ` +
        `/${amazon.prefixLength} (here ${formatAddress(4, hosts[0])} and ${formatAddress(4, hosts[1])}).`,
    );
  }
  return { version: 4, address: base, prefixLength: amazon.prefixLength };
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
  unresolved: (v: unknown) => boolean,
): Map<string, TopologyVirtualInterface[]> {
  const slotIds = new Set(slots.map((s) => `${s.location}/Slot${s.slotNumber}`));
  const used = new Map<string, string>(); // /30 network -> session
  const perSlot = new Map<string, TopologyVirtualInterface[]>(slots.map((s) => [s.id, []]));

  for (const spec of specs) {
    const explicit = new Map<string, PlanPeerAddresses>();
    for (const p of spec.peerAddresses ?? []) {
      const id = `${p.location}/Slot${p.slotNumber}`;
      if (!slotIds.has(id)) {
        throw new Error(
          `\`peerAddresses\` of ${spec.name} name ${id}, which is not a device slot of this construct: ${[...slotIds].join(", ")}.`,
        );
      }
      if (explicit.has(id)) {
        throw new Error(`\`peerAddresses\` of ${spec.name} give ${id} twice.`);
      }
      explicit.set(id, p);
    }
    const pool =
      spec.addressPool !== undefined && !unresolved(spec.addressPool)
        ? parseCidr(spec.addressPool)
        : undefined;
    const routeFilterPrefixes = routeFilterPrefixesOf(spec);

    for (const slot of slots) {
      const session = `${spec.name} on ${slot.id}`;
      let v4: { amazonAddress?: string; customerAddress?: string } = {};
      const given = explicit.get(slot.id);
      let block: Cidr | undefined;
      if (given) {
        block = checkPeerPair(given, spec.name);
        v4 = { amazonAddress: given.amazonAddress, customerAddress: given.customerAddress };
      } else if (pool) {
        const count = 1n << BigInt(30 - pool.prefixLength);
        const index = BigInt(fnv1a(`${spec.name}/${slot.id}`)) % count;
        const base = pool.address + index * 4n;
        block = { version: 4, address: base, prefixLength: 30 };
        v4 = {
          amazonAddress: `${formatAddress(4, base + 1n)}/30`,
          customerAddress: `${formatAddress(4, base + 2n)}/30`,
        };
      } else if (
        spec.interfaceType === VirtualInterfaceType.PUBLIC &&
        spec.addressFamilies.includes("ipv4")
      ) {
        throw new Error(
          `\`peerAddresses\` of ${spec.name}: a public virtual interface needs IPv4 peer addresses for ${slot.id}.`,
        );
      }
      if (block) {
        const key = `${formatAddress(4, block.address)}/${block.prefixLength}`;
        const other = used.get(key);
        if (other !== undefined) {
          throw new Error(
            `\`addressPool\`: ${session} and ${other} both get the peer addresses ${key}. Give a larger pool, or pin ` +
              "one of them with `peerAddresses`.",
          );
        }
        used.set(key, session);
      }
      const bgpPeers: TopologyBgpPeer[] = spec.addressFamilies.map((family) =>
        family === "ipv4" ? { addressFamily: family, ...v4 } : { addressFamily: family },
      );
      const virtualInterfaceName = `${namePrefix}-${slot.location}-d${slot.slotNumber}-${spec.name}`;
      if (
        !unresolved(namePrefix) &&
        (virtualInterfaceName.length > VIF_LIMITS.nameLength || !VIF_NAME.test(virtualInterfaceName))
      ) {
        throw new Error(
          `\`namePrefix\` "${namePrefix}" makes the virtual interface name "${virtualInterfaceName}" of ` +
            `${virtualInterfaceName.length} characters; CloudFormation allows at most ${VIF_LIMITS.nameLength}.`,
        );
      }
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
        bgpPeers,
        routeFilterPrefixes,
      });
    }
  }

  return perSlot;
}
