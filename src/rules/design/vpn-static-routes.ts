import { SOURCES } from "./layout";
import { errorRule, finding, warningRule, ruleFamily } from "../../core/fail";
import { RuleFinding } from "../../core/rule";
import { ConnectionTopology, VpnTarget } from "../../core/topology";
import { Cidr, formatCidr, overlaps, parseCidr } from "../cidr-blocks";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const VPN_STATIC_ROUTES_RULES = ruleFamily({
  /** On a transit gateway, a static VPN route equal to or more specific than a Direct Connect prefix. */
  VPN_STATIC_ROUTE_WINS: errorRule({
    id: "vpnStaticRouteWins",
    what:
      "a static route of a VPN to a transit gateway equal to or more specific than an on-premises prefix that " +
      "Direct Connect carries",
    why:
      "A transit gateway prefers the longer prefix, and for the same prefix a static route over a route " +
      "propagated from the Direct Connect gateway: the VPN would carry the traffic instead of backing it up.",
    source: SOURCES.vpnFailover,
    prop: "staticRoutes",
    audit: true,
  }),
  /** A static VPN route (virtual private gateway) or BGP-advertised VPN prefix more specific than a Direct Connect one. */
  VPN_MORE_SPECIFIC: warningRule({
    id: "vpnMoreSpecific",
    what:
      "a static route of a VPN to a virtual private gateway, or a prefix advertised over a VPN with BGP, more " +
      "specific than an on-premises prefix that Direct Connect carries",
    why:
      "AWS prefers the longer prefix whatever the path: traffic to it leaves over the VPN while the answers " +
      "come back over Direct Connect (asymmetric routing). AS_PATH prepending does not change this.",
    source: SOURCES.asymmetricRouting,
    prop: "staticRoutes",
    audit: true,
  }),
});
export const { VPN_STATIC_ROUTE_WINS, VPN_MORE_SPECIFIC } = VPN_STATIC_ROUTES_RULES;

/** The element id of a static route of the VPN backup, for findings: `vpn/route/<cidr>`. */
export function staticRouteId(cidr: string): string {
  return `vpn/route/${cidr}`;
}

/** The Direct Connect prefix that `prefix` equals or lies within (more specific only: `strict`). */
function coveringPrefix(prefix: string, dx: ReadonlyArray<Cidr>, strict: boolean): Cidr | undefined {
  const p = parseCidr(prefix);
  if (p === undefined) return undefined;
  return dx.find(
    (d) => overlaps(d, p) && (strict ? d.prefixLength < p.prefixLength : d.prefixLength <= p.prefixLength),
  );
}

/** What the route rules read of a VPN backup (the planner's request or a rebuilt VPN backup). */
export interface VpnRoutes {
  readonly target: VpnTarget;
  readonly staticRoutes?: ReadonlyArray<string>;
  readonly onPremisesPrefixes?: ReadonlyArray<string>;
  readonly advertisedPrefixes?: ReadonlyArray<string>;
}

/**
 * How a finding names a prefix: the audit writes `Static route 10.0.0.0/24`, the planner
 * `` `staticRoutes`: 10.0.0.0/24 `` (its errors name the prop).
 */
export type PrefixNamer = (prop: "staticRoutes" | "advertisedPrefixes", prefix: string) => string;

const AUDIT_NAMES: PrefixNamer = (prop, prefix) =>
  `${prop === "staticRoutes" ? "Static route" : "Advertised prefix"} ${prefix}`;

function prefixesOf(vpn: VpnRoutes): Cidr[] | undefined {
  return vpn.onPremisesPrefixes?.flatMap((text) => parseCidr(text) ?? []);
}

/**
 * Every static route of a VPN to a transit gateway that equals or lies within one of its
 * `onPremisesPrefixes`. Nothing without static routes or on-premises prefixes.
 */
export function staticRouteWinsOf(vpn: VpnRoutes, name: PrefixNamer = AUDIT_NAMES): RuleFinding[] {
  const dx = prefixesOf(vpn);
  if (dx === undefined || vpn.target !== VpnTarget.TRANSIT_GATEWAY) return [];
  return (vpn.staticRoutes ?? []).flatMap((route) => {
    const covered = coveringPrefix(route, dx, false);
    if (covered === undefined) return [];
    const how = covered.prefixLength === parseCidr(route)?.prefixLength ? "equal to" : "more specific than";
    return [
      finding(
        VPN_STATIC_ROUTE_WINS,
        `${name("staticRoutes", route)} is ${how} ${formatCidr(covered)}, which Direct Connect carries. On a ` +
          "transit gateway a static VPN route beats the route propagated from the Direct Connect gateway for the " +
          "same prefix (and the longer prefix always wins): the VPN would carry the traffic. Route a less specific " +
          "prefix over the VPN, or use BGP.",
        staticRouteId(route),
      ),
    ];
  });
}

/**
 * Every static route of a VPN to a virtual private gateway, and every prefix advertised over a BGP
 * VPN, that is more specific than one of its `onPremisesPrefixes`.
 */
export function moreSpecificOf(vpn: VpnRoutes, name: PrefixNamer = AUDIT_NAMES): RuleFinding[] {
  const dx = prefixesOf(vpn);
  if (dx === undefined) return [];
  const statics = vpn.target === VpnTarget.VIRTUAL_PRIVATE_GATEWAY ? (vpn.staticRoutes ?? []) : [];
  const find = (prop: "staticRoutes" | "advertisedPrefixes", prefix: string, at?: string): RuleFinding[] => {
    const covered = coveringPrefix(prefix, dx, true);
    if (covered === undefined) return [];
    const message =
      `${name(prop, prefix)} is more specific than ${formatCidr(covered)}, which Direct Connect carries: AWS ` +
      "prefers the longer prefix, so traffic to it leaves over the VPN while the answers come back over Direct " +
      "Connect (asymmetric). Use the same prefixes over both; AS_PATH prepending does not change this.";
    return [finding(VPN_MORE_SPECIFIC, message, at)];
  };
  return [
    ...statics.flatMap((route) => find("staticRoutes", route, staticRouteId(route))),
    ...(vpn.advertisedPrefixes ?? []).flatMap((prefix) => find("advertisedPrefixes", prefix)),
  ];
}

/** `staticRouteWinsOf` on the layout's VPN backup, if any. */
export function checkVpnStaticRouteWins(topology: ConnectionTopology): RuleFinding[] {
  return topology.vpnBackup === undefined ? [] : staticRouteWinsOf(topology.vpnBackup);
}

/** `moreSpecificOf` on the layout's VPN backup, if any. */
export function checkVpnMoreSpecific(topology: ConnectionTopology): RuleFinding[] {
  return topology.vpnBackup === undefined ? [] : moreSpecificOf(topology.vpnBackup);
}
