/**
 * The Direct Connect gateway, its associations with transit gateways and virtual private gateways, and
 * the ids of the gateways the constructs attach to. The quotas and path rules count across the whole
 * app: GatewayUsage (usage.ts) holds what each gateway carries and applies these rules.
 */
import { Cidr, formatCidr, overlaps } from "./cidr-blocks";
import { errorRule, fail, ruleFamily } from "../core/fail";
import { IsUnresolved, show } from "../core/props";
import { SOURCES } from "../core/sources";

/** Facts encoded here, with their section in docs/facts.md. */
export const GATEWAY_LIMITS = {
  /** §4.7: VIFs (private or transit) per Direct Connect gateway, not increasable. */
  virtualInterfacesPerGateway: 30,
  /** §4.7: transit gateways per Direct Connect gateway, not increasable. */
  transitGatewaysPerGateway: 6,
  /** §4.7: virtual private gateways per Direct Connect gateway, not increasable. */
  virtualGatewaysPerGateway: 20,
  /** §4.7: prefixes per transit gateway association (AWS to on-premises), IPv4 and IPv6 combined. */
  prefixesPerTransitGateway: 200,
  /** §3.5: IPv6 allowed prefixes must be /64 or shorter. */
  maxIpv6PrefixLength: 64,
} as const;

/** Ids (or ARNs) of the gateways the constructs attach to (EC2 and DirectConnectGatewayAssociation patterns). */
const PATTERNS = {
  transitGatewayIdOrArn:
    /^(arn:aws[a-z-]*:ec2:[a-z0-9-]+:[0-9]{12}:transit-gateway\/)?tgw-[a-zA-Z0-9]{8,32}$/,
  virtualGatewayIdOrArn: /^(arn:aws[a-z-]*:ec2:[a-z0-9-]+:[0-9]{12}:vpn-gateway\/)?vgw-[a-zA-Z0-9]{8,32}$/,
  transitGatewayId: /^tgw-[a-zA-Z0-9]{8,32}$/,
  virtualGatewayId: /^vgw-[a-zA-Z0-9]{8,32}$/,
  /** A Direct Connect gateway id: a UUID in lower case. */
  directConnectGatewayId: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  /** An IAM role ARN (AcceptDirectConnectGatewayAssociationProposalRoleArn). */
  roleArn: /^arn:aws[a-z-]*:iam::[0-9]{12}:role\/.+$/,
  /** §3.4: DirectConnectGatewayName. */
  gatewayName: /^[\w \-,/]{1,100}$/,
} as const;

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const GATEWAY_RULES = ruleFamily({
  AMAZON_SIDE_ASN_RANGE: errorRule({
    id: "amazonSideAsnRange",
    what: "a Direct Connect gateway's Amazon-side ASN outside 64512–65534 and 4200000000–4294967294",
    why: "the Amazon-side ASN of a Direct Connect gateway is a private ASN",
    source: SOURCES.directConnectGateway,
    prop: "amazonSideAsn",
  }),
  GATEWAY_NAME: errorRule({
    id: "gatewayNameFormat",
    what: "a Direct Connect gateway name that is not 1 to 100 letters, digits, spaces and `_ - , /`",
    why: "CloudFormation refuses any other `DirectConnectGatewayName`",
    source: SOURCES.directConnectGateway,
    prop: "name",
  }),
  GATEWAY_ID: errorRule({
    id: "gatewayIdFormat",
    what: "an imported Direct Connect gateway id that is not a UUID in lower case",
    why: "the virtual interfaces and associations refer to the gateway by this id",
    source: SOURCES.directConnectGateway,
    prop: "gatewayId",
  }),
  TRANSIT_GATEWAY_ID: errorRule({
    id: "transitGatewayIdFormat",
    what: "a transit gateway that is not `tgw-...` (or, for an association, its ARN)",
    why: "CloudFormation refuses any other id",
    source: SOURCES.gatewayAssociation,
    prop: "transitGatewayId",
  }),
  VIRTUAL_GATEWAY_ID: errorRule({
    id: "virtualGatewayIdFormat",
    what: "a virtual private gateway that is not `vgw-...` (or, for an association or a private interface, its ARN)",
    why: "CloudFormation refuses any other id",
    source: SOURCES.gatewayAssociation,
    prop: "virtualGatewayId",
  }),
  TRANSIT_GATEWAY_ASN_RANGE: errorRule({
    id: "transitGatewayAsnRange",
    what: "a transit gateway ASN outside 64512–65534 and 4200000000–4294967294",
    why: "the Amazon-side ASN of a transit gateway is a private ASN",
    source: SOURCES.transitVif,
    prop: "transitGatewayAsn",
  }),
  TRANSIT_GATEWAY_ASN_IS_GATEWAY_ASN: errorRule({
    id: "transitGatewayAsnIsGatewayAsn",
    what: "a transit gateway ASN equal to the Direct Connect gateway's",
    why: "the association of two gateways with one ASN fails",
    source: SOURCES.transitVif,
    prop: "transitGatewayAsn",
  }),
  ROLE_ARN: errorRule({
    id: "acceptProposalRoleArnFormat",
    what: "an `acceptProposalRoleArn` that is not an IAM role ARN",
    why: "the association proposal of a gateway in another account is accepted by this role",
    source: SOURCES.gatewayAssociation,
    prop: "acceptProposalRoleArn",
  }),
  GATEWAY_VIF_QUOTA: errorRule({
    id: "gatewayVifQuota",
    what: "more than 30 interfaces on one Direct Connect gateway, counted across the app",
    why: "a Direct Connect gateway carries at most 30 virtual interfaces (not increasable)",
    source: SOURCES.quotas,
    prop: "virtualInterfaces",
  }),
  TRANSIT_GATEWAYS_PER_GATEWAY: errorRule({
    id: "transitGatewaysPerGateway",
    what: "more than 6 transit gateways on one Direct Connect gateway, counted across the app",
    why: "a Direct Connect gateway has at most 6 transit gateway associations (not increasable)",
    source: SOURCES.quotas,
    prop: "transitGatewayId",
  }),
  VIRTUAL_GATEWAYS_PER_GATEWAY: errorRule({
    id: "virtualGatewaysPerGateway",
    what: "more than 20 virtual private gateways on one Direct Connect gateway, counted across the app",
    why: "a Direct Connect gateway has at most 20 virtual private gateway associations (not increasable)",
    source: SOURCES.quotas,
    prop: "virtualGatewayId",
  }),
  GATEWAY_PATHS: errorRule({
    id: "gatewayPathsMixed",
    what:
      "a transit path (transit interface, transit gateway) and a private path (private interface, virtual private " +
      "gateway) on one Direct Connect gateway",
    why: "AWS does not mix the two on one Direct Connect gateway",
    source: SOURCES.transitGatewayAssociations,
    prop: "virtualInterfaces",
  }),
  ALLOWED_PREFIXES_REQUIRED: errorRule({
    id: "allowedPrefixesRequired",
    what: "a transit gateway association without allowed prefixes",
    why: "a transit gateway association advertises exactly these prefixes to your network",
    source: SOURCES.gatewayAssociation,
    prop: "allowedPrefixes",
  }),
  ALLOWED_PREFIXES_EMPTY: errorRule({
    id: "allowedPrefixesEmpty",
    what: "a virtual private gateway association with an empty list of allowed prefixes",
    why: "leave it out to allow the VPC's CIDR; an empty list allows nothing",
    source: SOURCES.gatewayAssociation,
    prop: "allowedPrefixes",
  }),
  ALLOWED_PREFIXES_QUOTA: errorRule({
    id: "allowedPrefixesQuota",
    what: "a transit gateway association with more than 200 allowed prefixes (IPv4 and IPv6 together)",
    why: "a transit gateway association advertises at most 200 prefixes to your network",
    source: SOURCES.quotas,
    prop: "allowedPrefixes",
  }),
  ALLOWED_PREFIXES_OVERLAP: errorRule({
    id: "allowedPrefixesOverlap",
    what: "allowed prefixes of a transit gateway overlapping another transit gateway's on the same Direct Connect gateway",
    why: "the allowed prefixes of the transit gateways of one Direct Connect gateway must not overlap",
    source: SOURCES.gatewayAssociation,
    prop: "allowedPrefixes",
  }),
  GATEWAY_ASSOCIATED_TWICE: errorRule({
    id: "gatewayAssociatedTwice",
    what: "one transit gateway or virtual private gateway associated twice (also once by id and once by ARN)",
    why: "a gateway has one association with a Direct Connect gateway",
    source: SOURCES.gatewayAssociation,
    prop: "transitGatewayId",
  }),
});
export const {
  AMAZON_SIDE_ASN_RANGE,
  GATEWAY_NAME,
  GATEWAY_ID,
  TRANSIT_GATEWAY_ID,
  VIRTUAL_GATEWAY_ID,
  TRANSIT_GATEWAY_ASN_RANGE,
  TRANSIT_GATEWAY_ASN_IS_GATEWAY_ASN,
  ROLE_ARN,
  GATEWAY_VIF_QUOTA,
  TRANSIT_GATEWAYS_PER_GATEWAY,
  VIRTUAL_GATEWAYS_PER_GATEWAY,
  GATEWAY_PATHS,
  ALLOWED_PREFIXES_REQUIRED,
  ALLOWED_PREFIXES_EMPTY,
  ALLOWED_PREFIXES_QUOTA,
  ALLOWED_PREFIXES_OVERLAP,
  GATEWAY_ASSOCIATED_TWICE,
} = GATEWAY_RULES;

/**
 * Checks a literal id against its pattern, or throws naming the prop, the value and what is allowed.
 * Returns false, checking nothing, for a value known only at deploy time.
 */
function checkId(
  rule: typeof TRANSIT_GATEWAY_ID,
  prop: string,
  value: unknown,
  pattern: RegExp,
  allowed: string,
  unresolved: IsUnresolved,
): boolean {
  if (unresolved(value)) return false;
  if (typeof value !== "string" || !pattern.test(value)) {
    fail(rule, `\`${prop}\` ${show(value)} is not allowed: ${allowed}.`);
  }
  return true;
}

/** A transit gateway id (`tgw-...`), or its ARN where `orArn`; false when it is a token. */
export function checkTransitGatewayId(value: unknown, orArn: boolean, unresolved: IsUnresolved): boolean {
  return orArn
    ? checkId(
        TRANSIT_GATEWAY_ID,
        "transitGatewayId",
        value,
        PATTERNS.transitGatewayIdOrArn,
        "tgw-... or a transit gateway ARN",
        unresolved,
      )
    : checkId(
        TRANSIT_GATEWAY_ID,
        "transitGatewayId",
        value,
        PATTERNS.transitGatewayId,
        "tgw-...",
        unresolved,
      );
}

/** A virtual private gateway id (`vgw-...`), or its ARN where `orArn`; false when it is a token. */
export function checkVirtualGatewayId(value: unknown, orArn: boolean, unresolved: IsUnresolved): boolean {
  return orArn
    ? checkId(
        VIRTUAL_GATEWAY_ID,
        "virtualGatewayId",
        value,
        PATTERNS.virtualGatewayIdOrArn,
        "vgw-... or a virtual private gateway ARN",
        unresolved,
      )
    : checkId(
        VIRTUAL_GATEWAY_ID,
        "virtualGatewayId",
        value,
        PATTERNS.virtualGatewayId,
        "vgw-...",
        unresolved,
      );
}

/** The id of an imported Direct Connect gateway. */
export function checkGatewayId(gatewayId: unknown, unresolved: IsUnresolved): void {
  if (
    unresolved(gatewayId) ||
    (typeof gatewayId === "string" && PATTERNS.directConnectGatewayId.test(gatewayId))
  ) {
    return;
  }
  fail(
    GATEWAY_ID,
    `\`gatewayId\` ${show(gatewayId)} is not a Direct Connect gateway id: a UUID such as ` +
      "5f294f92-bafb-4011-916d-9b0bEXAMPLE in lower case.",
  );
}

/** The role that accepts an association proposal (a string, or undefined: checked for its type before). */
export function checkRoleArn(arn: string | undefined, unresolved: IsUnresolved): void {
  if (arn === undefined || unresolved(arn) || PATTERNS.roleArn.test(arn)) return;
  fail(
    ROLE_ARN,
    `\`acceptProposalRoleArn\` ${show(arn)} is not an IAM role ARN (arn:aws:iam::<account>:role/<name>).`,
  );
}

/** §3.4, §4.5: a private ASN. */
function isPrivateAsn(asn: unknown): boolean {
  return (
    typeof asn === "number" &&
    Number.isInteger(asn) &&
    ((asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294))
  );
}

const PRIVATE_ASN = "a private ASN from 64512 to 65534 or from 4200000000 to 4294967294";

/** §3.4, §4.5: the Amazon-side ASN of a Direct Connect gateway. */
export function checkAmazonSideAsn(asn: unknown): void {
  if (isPrivateAsn(asn)) return;
  fail(AMAZON_SIDE_ASN_RANGE, `\`amazonSideAsn\` ${show(asn)} is not allowed: ${PRIVATE_ASN}.`);
}

/**
 * The ASN of a transit gateway to associate (its private ranges are those of a Direct Connect gateway:
 * EC2 TransitGateway AmazonSideAsn), different from the Direct Connect gateway's.
 */
export function checkTransitGatewayAsn(
  asn: number | undefined,
  gatewayAsn: number | undefined,
  unresolved: IsUnresolved,
): void {
  if (asn === undefined) return;
  if (!unresolved(asn) && !isPrivateAsn(asn)) {
    fail(TRANSIT_GATEWAY_ASN_RANGE, `\`transitGatewayAsn\` ${show(asn)} is not allowed: ${PRIVATE_ASN}.`);
  }
  if (gatewayAsn !== undefined && asn === gatewayAsn) {
    fail(
      TRANSIT_GATEWAY_ASN_IS_GATEWAY_ASN,
      `\`transitGatewayAsn\` ${asn} is also the Amazon-side ASN of the Direct Connect gateway: the transit gateway and ` +
        "the Direct Connect gateway need different ASNs (e.g. not 64512 on both).",
    );
  }
}

/** §3.4: DirectConnectGatewayName. */
export function checkGatewayName(name: string): void {
  if (PATTERNS.gatewayName.test(name)) return;
  fail(
    GATEWAY_NAME,
    `\`name\` ${show(name)} of the Direct Connect gateway is not allowed: 1 to 100 letters, digits, spaces and _ - , /.`,
  );
}

/** §4.7: the virtual interfaces of a gateway (`label`) across the app. */
export function checkGatewayVifs(label: string, vifs: number): void {
  if (vifs <= GATEWAY_LIMITS.virtualInterfacesPerGateway) return;
  fail(
    GATEWAY_VIF_QUOTA,
    `\`virtualInterfaces\`: ${label} would carry ${vifs} virtual interfaces (one per device slot and spec, across ` +
      `the app); a Direct Connect gateway carries at most ${GATEWAY_LIMITS.virtualInterfacesPerGateway}.`,
  );
}

/** What a gateway carries so far, for the path rule. */
export interface GatewayPaths {
  readonly hasTransit: boolean;
  readonly hasPrivate: boolean;
}

/** §4.7: a gateway with a transit path (TGW, transit VIF) takes no private path (VGW, private VIF), and back. */
export function checkPaths(
  label: string,
  paths: GatewayPaths,
  prop: string,
  what: string,
  transit: boolean,
): void {
  if (!(transit ? paths.hasPrivate : paths.hasTransit)) return;
  fail(
    GATEWAY_PATHS,
    `\`${prop}\`: ${what} cannot go on ${label}: it already has ${transit ? "a private path (virtual private gateway or private virtual interface)" : "a transit path (transit gateway or transit virtual interface)"}. ` +
      "AWS does not mix the two on one Direct Connect gateway: use a second gateway.",
  );
}

/** §3.5: a transit gateway association needs allowed prefixes (`given`: whether any were). */
export function checkAllowedPrefixesGiven(given: boolean, transitGatewayId: string, label: string): void {
  if (given) return;
  fail(
    ALLOWED_PREFIXES_REQUIRED,
    `\`allowedPrefixes\` of the association of ${transitGatewayId} with ${label} is empty: a transit gateway ` +
      "association advertises exactly these prefixes to your network, so they are required.",
  );
}

/** §4.7: the prefixes of one transit gateway association. */
export function checkAllowedPrefixesQuota(transitGatewayId: string, prefixes: number): void {
  if (prefixes <= GATEWAY_LIMITS.prefixesPerTransitGateway) return;
  fail(
    ALLOWED_PREFIXES_QUOTA,
    `\`allowedPrefixes\` of the association of ${transitGatewayId} has ${prefixes} prefixes; a transit ` +
      `gateway association advertises at most ${GATEWAY_LIMITS.prefixesPerTransitGateway} (IPv4 and IPv6 together): summarise them.`,
  );
}

/** §3.5: a virtual private gateway association with a list takes a non-empty one. */
export function checkAllowedPrefixesNotEmpty(prefixes: ReadonlyArray<string> | undefined): void {
  if (prefixes === undefined || prefixes.length > 0) return;
  fail(
    ALLOWED_PREFIXES_EMPTY,
    "`allowedPrefixes` is empty: leave it out to allow the VPC's CIDR, or give prefixes.",
  );
}

/** §3.5: the allowed prefixes of the transit gateways of one gateway do not overlap (`others`: by gateway). */
export function checkAllowedPrefixesOverlap(
  transitGatewayId: string,
  mine: ReadonlyArray<Cidr>,
  others: ReadonlyMap<string, ReadonlyArray<Cidr>>,
  label: string,
): void {
  for (const [other, otherPrefixes] of others) {
    for (const prefix of mine) {
      const clash = otherPrefixes.find((o) => overlaps(o, prefix));
      if (clash) {
        fail(
          ALLOWED_PREFIXES_OVERLAP,
          `\`allowedPrefixes\`: ${formatCidr(prefix)} for ${transitGatewayId} overlaps ${formatCidr(clash)} of ${other} on ` +
            `${label}; the allowed prefixes of the transit gateways of one Direct Connect gateway must not overlap.`,
        );
      }
    }
  }
}

/** The associations by kind: the quota rule, the prop, the quota, the kind in words, the path. */
const ASSOCIATIONS = {
  transit: {
    quota: TRANSIT_GATEWAYS_PER_GATEWAY,
    prop: "transitGatewayId",
    max: GATEWAY_LIMITS.transitGatewaysPerGateway,
    kind: "transit",
    what: "a transit gateway association",
    transit: true,
  },
  virtual: {
    quota: VIRTUAL_GATEWAYS_PER_GATEWAY,
    prop: "virtualGatewayId",
    max: GATEWAY_LIMITS.virtualGatewaysPerGateway,
    kind: "virtual private",
    what: "a virtual private gateway association",
    transit: false,
  },
} as const;

/** What a gateway has of one kind of association, when one more is added. */
export interface Associations {
  /** Whether the gateway to associate is associated already. */
  readonly associated: boolean;
  /** The associations of its kind, with the new one. */
  readonly count: number;
}

/**
 * §4.7, §3.5: a new association of a Direct Connect gateway (`label`): not a second one of the same
 * gateway, within the quota of its kind, and on a gateway of its path (transit or private).
 */
export function checkAssociation(
  kind: keyof typeof ASSOCIATIONS,
  id: string,
  associations: Associations,
  paths: GatewayPaths,
  label: string,
): void {
  const { quota, prop, max, what, transit } = ASSOCIATIONS[kind];
  if (associations.associated) {
    fail(GATEWAY_ASSOCIATED_TWICE, `\`${prop}\` ${id} is already associated with ${label}.`);
  }
  if (associations.count > max) {
    fail(
      quota,
      `\`${prop}\` ${id}: ${label} would have ${associations.count} ${ASSOCIATIONS[kind].kind} ` +
        `gateway associations (across the app); a Direct Connect gateway has at most ${max}.`,
    );
  }
  checkPaths(label, paths, prop, what, transit);
}

/**
 * The id of a transit gateway or virtual private gateway given by id or ARN
 * (`arn:aws:ec2:<region>:<account>:transit-gateway/tgw-...` is `tgw-...`): one gateway, one key.
 */
export function gatewayIdOf(idOrArn: string): string {
  return idOrArn.replace(/^arn:aws[a-z-]*:ec2:[a-z0-9-]+:[0-9]{12}:(transit-gateway|vpn-gateway)\//, "");
}
