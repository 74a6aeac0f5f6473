/* eslint-disable no-bitwise -- address arithmetic on bigints */
/**
 * CIDR blocks: parsing, validation, normalisation and overlap, for allowed prefixes, route filter
 * prefixes and BGP peer addresses. Pure TypeScript.
 */
import { ALLOWED_PREFIX_IPV6_LENGTH, CIDR_BLOCK, CIDR_IPV4_ONLY, CIDR_NETWORK_ADDRESS } from "./cidr";
import { finding } from "../core/fail";
import { show } from "../core/props";
import type { RuleFinding } from "../core/rule";

export interface Cidr {
  readonly version: 4 | 6;
  /** The address as an integer. */
  readonly address: bigint;
  readonly prefixLength: number;
}

const BITS = { 4: 32, 6: 128 } as const;

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255)) {
    return undefined;
  }
  return parts.reduce((n, p) => (n << 8n) | BigInt(Number(p)), 0n);
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.toLowerCase().split("::");
  if (halves.length > 2) return undefined;
  const groups = halves.map((h) => (h === "" ? [] : h.split(":")));
  let words: string[];
  if (groups.length === 2) {
    const missing = 8 - groups[0].length - groups[1].length;
    if (missing < 1) return undefined;
    words = [...groups[0], ...Array(missing).fill("0"), ...groups[1]];
  } else {
    words = groups[0];
  }
  if (words.length !== 8 || !words.every((w) => /^[0-9a-f]{1,4}$/.test(w))) return undefined;
  return words.reduce((n, w) => (n << 16n) | BigInt(parseInt(w, 16)), 0n);
}

/** Parses `a.b.c.d/n` or an IPv6 `x::y/n`; undefined when it is neither. */
export function parseCidr(text: string): Cidr | undefined {
  const m = /^([^/]+)\/([0-9]{1,3})$/.exec(text.trim());
  if (!m) return undefined;
  const prefixLength = Number(m[2]);
  const v4 = parseIpv4(m[1]);
  if (v4 !== undefined) {
    return prefixLength <= 32 ? { version: 4, address: v4, prefixLength } : undefined;
  }
  const v6 = m[1].includes(":") ? parseIpv6(m[1]) : undefined;
  if (v6 !== undefined) {
    return prefixLength <= 128 ? { version: 6, address: v6, prefixLength } : undefined;
  }
  return undefined;
}

function hostMask(c: Cidr): bigint {
  return (1n << BigInt(BITS[c.version] - c.prefixLength)) - 1n;
}

/** The network of a block: its address with the host bits cleared. */
export function networkOf(c: Cidr): Cidr {
  return { ...c, address: c.address & ~hostMask(c) };
}

/** The address in text: dotted IPv4, or IPv6 compressed and lower case (RFC 5952). */
export function formatAddress(version: 4 | 6, address: bigint): string {
  if (version === 4) {
    return [24n, 16n, 8n, 0n].map((s) => ((address >> s) & 255n).toString()).join(".");
  }
  const words = Array.from({ length: 8 }, (_, i) => Number((address >> BigInt(112 - 16 * i)) & 0xffffn));
  // the longest run of two or more zero words becomes "::" (the first one when runs tie)
  let best = { at: -1, length: 1 };
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > best.length) best = { at: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = words.map((w) => w.toString(16));
  if (best.at < 0) return hex.join(":");
  return `${hex.slice(0, best.at).join(":")}::${hex.slice(best.at + best.length).join(":")}`;
}

export function formatCidr(c: Cidr): string {
  return `${formatAddress(c.version, c.address)}/${c.prefixLength}`;
}

/** True when the two blocks share any address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  if (a.version !== b.version) return false;
  const shorter = a.prefixLength <= b.prefixLength ? a : b;
  const longer = shorter === a ? b : a;
  const mask = ~hostMask(shorter);
  return (shorter.address & mask) === (longer.address & mask);
}

export interface CidrListRules {
  /** The prop, for messages. */
  readonly prop: string;
  /** IPv6 blocks may be at most this long (allowed prefixes: /64, facts §3.5). */
  readonly maxIpv6PrefixLength?: number;
  /** Only IPv4 is allowed. */
  readonly ipv4Only?: boolean;
}

/** The order of a normalised list: IPv4 first, then by address and length. */
function compareCidrs(a: Cidr, b: Cidr): number {
  if (a.version !== b.version) return a.version - b.version;
  if (a.address !== b.address) return a.address < b.address ? -1 : 1;
  return a.prefixLength - b.prefixLength;
}

/**
 * A list of CIDR blocks normalised: each block in canonical text (IPv6 compressed, lower case),
 * duplicates removed, sorted (IPv4 first, then by address and length), so that reordering or
 * respelling the input gives the same list. Total: a block that does not parse is left out
 * (`checkCidrList` reports it).
 */
export function normalizedCidrList(blocks: ReadonlyArray<string>): string[] {
  const parsed = blocks.flatMap((text) => {
    const c = typeof text === "string" ? parseCidr(text) : undefined;
    return c === undefined ? [] : [c];
  });
  const unique = new Map(parsed.map((c) => [formatCidr(c), c]));
  return [...unique.values()].sort(compareCidrs).map(formatCidr);
}

/** The findings of each block of a list (`checkCidrBlock`), naming the prop. */
export function checkCidrList(blocks: ReadonlyArray<string>, rules: CidrListRules): RuleFinding[] {
  return blocks.flatMap((text) => checkCidrBlock(text, rules));
}

/**
 * The findings of one block: one that does not parse, or is IPv6 where only IPv4 is allowed, is that
 * alone; else a host address (naming the network it meant) and an IPv6 block longer than allowed.
 */
export function checkCidrBlock(text: string, rules: CidrListRules): RuleFinding[] {
  const c = typeof text === "string" ? parseCidr(text) : undefined;
  if (!c) {
    return [
      finding(
        CIDR_BLOCK,
        `\`${rules.prop}\`: ${show(text)} is not a CIDR block: expected an IPv4 block such as 10.0.0.0/16` +
          (rules.ipv4Only ? "." : " or an IPv6 block such as 2001:db8::/56."),
      ),
    ];
  }
  if (rules.ipv4Only && c.version !== 4) {
    return [
      finding(CIDR_IPV4_ONLY, `\`${rules.prop}\`: "${text}" is IPv6; only IPv4 blocks are allowed here.`),
    ];
  }
  const findings: RuleFinding[] = [];
  const network = networkOf(c);
  if (network.address !== c.address) {
    findings.push(
      finding(
        CIDR_NETWORK_ADDRESS,
        `\`${rules.prop}\`: "${text}" is not a network address: its host bits are set. Did you mean ${formatCidr(network)}?`,
      ),
    );
  }
  if (
    c.version === 6 &&
    rules.maxIpv6PrefixLength !== undefined &&
    c.prefixLength > rules.maxIpv6PrefixLength
  ) {
    findings.push(
      finding(
        ALLOWED_PREFIX_IPV6_LENGTH,
        `\`${rules.prop}\`: "${text}" is longer than /${rules.maxIpv6PrefixLength}; IPv6 prefixes must be ` +
          `/${rules.maxIpv6PrefixLength} or shorter.`,
      ),
    );
  }
  return findings;
}

// The throwing forms, for the callers not yet converted to findings (plan/vpn, plan/usage, rules/vpn,
// emit/audit): each throws the first finding, as before.
