import { errorRule, ruleFamily } from "../core/fail";
import { SOURCES } from "../core/sources";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const CIDR_RULES = ruleFamily({
  /**
   * CIDR blocks of every prop that takes them (allowed prefixes, route filter prefixes, peer addresses,
   * address pools, VPN routes and inside CIDRs): the messages name the prop.
   */
  CIDR_BLOCK: errorRule({
    id: "cidrBlock",
    what: "a CIDR block that does not parse (an IPv4 block such as 10.0.0.0/16, or an IPv6 block such as 2001:db8::/56)",
    why: "CloudFormation refuses it at deploy",
  }),
  CIDR_IPV4_ONLY: errorRule({
    id: "cidrIpv4Only",
    what: "an IPv6 block where only IPv4 is allowed (`addressPool`, `tunnelInsideCidrs`)",
    why: "BGP peer addresses from a pool and tunnel inside CIDRs of this library are IPv4",
  }),
  CIDR_NETWORK_ADDRESS: errorRule({
    id: "cidrNetworkAddress",
    what: "a CIDR block with host bits set (the message names the network it meant)",
    why: "a block with host bits set is ambiguous: 10.0.0.1/16 is most likely a typo for 10.0.0.0/16 or for a /32",
  }),
  ALLOWED_PREFIX_IPV6_LENGTH: errorRule({
    id: "allowedPrefixIpv6Length",
    what: "an IPv6 allowed prefix longer than /64",
    why: "a Direct Connect gateway association takes IPv6 allowed prefixes of /64 or shorter",
    source: SOURCES.gatewayAssociation,
    prop: "allowedPrefixes",
  }),
});
export const { CIDR_BLOCK, CIDR_IPV4_ONLY, CIDR_NETWORK_ADDRESS, ALLOWED_PREFIX_IPV6_LENGTH } = CIDR_RULES;
