/**
 * The Direct Connect gateway, its associations with transit gateways and virtual private gateways, and
 * the ids of the gateways the constructs attach to. The quotas and path rules count across the whole
 * app: GatewayUsage (usage.ts) holds what each gateway carries and applies these rules.
 */
import { Cidr, formatCidr, overlaps } from "./cidr-blocks";
import { Deferrable, isDeferred, valueOf } from "../core/deferred";
import { errorRule, finding, ruleFamily } from "../core/fail";
import { show } from "../core/props";
import { RuleFinding } from "../core/rule";
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
 * A literal id against its pattern: a finding naming the prop, the value and what is allowed. A value
 * known only at deploy time (`Deferred`) is not checked.
 */
function checkId(
  rule: typeof TRANSIT_GATEWAY_ID,
  prop: string,
  value: Deferrable<string>,
  pattern: RegExp,
  allowed: string,
): RuleFinding[] {
  if (isDeferred(value)) return [];
  if (typeof value === "string" && pattern.test(value)) return [];
  return [finding(rule, `\`${prop}\` ${show(value)} is not allowed: ${allowed}.`)];
}

/** A transit gateway id (`tgw-...`), or its ARN where `orArn`. */
export function checkTransitGatewayId(id: Deferrable<string>, orArn: boolean): RuleFinding[] {
  return orArn
    ? checkId(
        TRANSIT_GATEWAY_ID,
        "transitGatewayId",
        id,
        PATTERNS.transitGatewayIdOrArn,
        "tgw-... or a transit gateway ARN",
      )
    : checkId(TRANSIT_GATEWAY_ID, "transitGatewayId", id, PATTERNS.transitGatewayId, "tgw-...");
}

/** A virtual private gateway id (`vgw-...`), or its ARN where `orArn`. */
export function checkVirtualGatewayId(id: Deferrable<string>, orArn: boolean): RuleFinding[] {
  return orArn
    ? checkId(
        VIRTUAL_GATEWAY_ID,
        "virtualGatewayId",
        id,
        PATTERNS.virtualGatewayIdOrArn,
        "vgw-... or a virtual private gateway ARN",
      )
    : checkId(VIRTUAL_GATEWAY_ID, "virtualGatewayId", id, PATTERNS.virtualGatewayId, "vgw-...");
}

/** The id of an imported Direct Connect gateway. */
export function checkGatewayId(gatewayId: Deferrable<string>): RuleFinding[] {
  if (isDeferred(gatewayId)) return [];
  if (typeof gatewayId === "string" && PATTERNS.directConnectGatewayId.test(gatewayId)) return [];
  return [
    finding(
      GATEWAY_ID,
      `\`gatewayId\` ${show(gatewayId)} is not a Direct Connect gateway id: a UUID such as ` +
        "5f294f92-bafb-4011-916d-9b0bEXAMPLE in lower case.",
    ),
  ];
}

/** The role that accepts an association proposal (undefined: none given). */
export function checkRoleArn(arn: Deferrable<string> | undefined): RuleFinding[] {
  if (arn === undefined || isDeferred(arn) || PATTERNS.roleArn.test(arn)) return [];
  return [
    finding(
      ROLE_ARN,
      `\`acceptProposalRoleArn\` ${show(arn)} is not an IAM role ARN (arn:aws:iam::<account>:role/<name>).`,
    ),
  ];
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
export function checkAmazonSideAsn(asn: Deferrable<number>): RuleFinding[] {
  if (isDeferred(asn) || isPrivateAsn(asn)) return [];
  return [finding(AMAZON_SIDE_ASN_RANGE, `\`amazonSideAsn\` ${show(asn)} is not allowed: ${PRIVATE_ASN}.`)];
}

/**
 * The ASN of a transit gateway to associate (its private ranges are those of a Direct Connect gateway:
 * EC2 TransitGateway AmazonSideAsn), different from the Direct Connect gateway's (`gatewayAsn`; equal
 * tokens are the same ASN too).
 */
export function checkTransitGatewayAsn(
  asn: Deferrable<number> | undefined,
  gatewayAsn: Deferrable<number> | undefined,
): RuleFinding[] {
  if (asn === undefined) return [];
  if (!isDeferred(asn) && !isPrivateAsn(asn)) {
    return [
      finding(
        TRANSIT_GATEWAY_ASN_RANGE,
        `\`transitGatewayAsn\` ${show(asn)} is not allowed: ${PRIVATE_ASN}.`,
      ),
    ];
  }
  if (gatewayAsn === undefined || valueOf(asn) !== valueOf(gatewayAsn)) return [];
  return [
    finding(
      TRANSIT_GATEWAY_ASN_IS_GATEWAY_ASN,
      `\`transitGatewayAsn\` ${valueOf(asn)} is also the Amazon-side ASN of the Direct Connect gateway: the transit ` +
        "gateway and the Direct Connect gateway need different ASNs (e.g. not 64512 on both).",
    ),
  ];
}

/** §3.4: DirectConnectGatewayName. */
export function checkGatewayName(name: Deferrable<string>): RuleFinding[] {
  if (isDeferred(name) || PATTERNS.gatewayName.test(name)) return [];
  return [
    finding(
      GATEWAY_NAME,
      `\`name\` ${show(name)} of the Direct Connect gateway is not allowed: 1 to 100 letters, digits, spaces and _ - , /.`,
    ),
  ];
}

/** §4.7: the virtual interfaces of a gateway (`label`) across the app. */
export function checkGatewayVifs(label: string, vifs: number): RuleFinding[] {
  if (vifs <= GATEWAY_LIMITS.virtualInterfacesPerGateway) return [];
  return [
    finding(
      GATEWAY_VIF_QUOTA,
      `\`virtualInterfaces\`: ${label} would carry ${vifs} virtual interfaces (one per device slot and spec, across ` +
        `the app); a Direct Connect gateway carries at most ${GATEWAY_LIMITS.virtualInterfacesPerGateway}.`,
    ),
  ];
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
): RuleFinding[] {
  if (!(transit ? paths.hasPrivate : paths.hasTransit)) return [];
  return [
    finding(
      GATEWAY_PATHS,
      `\`${prop}\`: ${what} cannot go on ${label}: it already has ${transit ? "a private path (virtual private gateway or private virtual interface)" : "a transit path (transit gateway or transit virtual interface)"}. ` +
        "AWS does not mix the two on one Direct Connect gateway: use a second gateway.",
    ),
  ];
}

/** §3.5: a transit gateway association needs allowed prefixes (`given`: whether any were). */
export function checkAllowedPrefixesGiven(
  given: boolean,
  transitGatewayId: string,
  label: string,
): RuleFinding[] {
  if (given) return [];
  return [
    finding(
      ALLOWED_PREFIXES_REQUIRED,
      `\`allowedPrefixes\` of the association of ${transitGatewayId} with ${label} is empty: a transit gateway ` +
        "association advertises exactly these prefixes to your network, so they are required.",
    ),
  ];
}

/** §4.7: the prefixes of one transit gateway association. */
export function checkAllowedPrefixesQuota(transitGatewayId: string, prefixes: number): RuleFinding[] {
  if (prefixes <= GATEWAY_LIMITS.prefixesPerTransitGateway) return [];
  return [
    finding(
      ALLOWED_PREFIXES_QUOTA,
      `\`allowedPrefixes\` of the association of ${transitGatewayId} has ${prefixes} prefixes; a transit ` +
        `gateway association advertises at most ${GATEWAY_LIMITS.prefixesPerTransitGateway} (IPv4 and IPv6 together): summarise them.`,
    ),
  ];
}

/** §3.5: a virtual private gateway association with a list takes a non-empty one. */
export function checkAllowedPrefixesNotEmpty(prefixes: ReadonlyArray<string> | undefined): RuleFinding[] {
  if (prefixes === undefined || prefixes.length > 0) return [];
  return [
    finding(
      ALLOWED_PREFIXES_EMPTY,
      "`allowedPrefixes` is empty: leave it out to allow the VPC's CIDR, or give prefixes.",
    ),
  ];
}

/**
 * §3.5: the allowed prefixes of the transit gateways of one gateway do not overlap (`others`: by
 * gateway): one finding per prefix of `mine` that overlaps another's (the first it overlaps).
 */
export function checkAllowedPrefixesOverlap(
  transitGatewayId: string,
  mine: ReadonlyArray<Cidr>,
  others: ReadonlyMap<string, ReadonlyArray<Cidr>>,
  label: string,
): RuleFinding[] {
  return mine.flatMap((prefix) => {
    for (const [other, otherPrefixes] of others) {
      const clash = otherPrefixes.find((o) => overlaps(o, prefix));
      if (clash) {
        return [
          finding(
            ALLOWED_PREFIXES_OVERLAP,
            `\`allowedPrefixes\`: ${formatCidr(prefix)} for ${transitGatewayId} overlaps ${formatCidr(clash)} of ${other} on ` +
              `${label}; the allowed prefixes of the transit gateways of one Direct Connect gateway must not overlap.`,
          ),
        ];
      }
    }
    return [];
  });
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
 * gateway (then nothing else is checked), within the quota of its kind, and on a gateway of its path
 * (transit or private).
 */
export function checkAssociation(
  kind: keyof typeof ASSOCIATIONS,
  id: string,
  associations: Associations,
  paths: GatewayPaths,
  label: string,
): RuleFinding[] {
  const { quota, prop, max, what, transit } = ASSOCIATIONS[kind];
  if (associations.associated) {
    return [finding(GATEWAY_ASSOCIATED_TWICE, `\`${prop}\` ${id} is already associated with ${label}.`)];
  }
  const quotaFindings =
    associations.count <= max
      ? []
      : [
          finding(
            quota,
            `\`${prop}\` ${id}: ${label} would have ${associations.count} ${ASSOCIATIONS[kind].kind} ` +
              `gateway associations (across the app); a Direct Connect gateway has at most ${max}.`,
          ),
        ];
  return [...quotaFindings, ...checkPaths(label, paths, prop, what, transit)];
}

/**
 * The id of a transit gateway or virtual private gateway given by id or ARN
 * (`arn:aws:ec2:<region>:<account>:transit-gateway/tgw-...` is `tgw-...`): one gateway, one key.
 */
export function gatewayIdOf(idOrArn: string): string {
  return idOrArn.replace(/^arn:aws[a-z-]*:ec2:[a-z0-9-]+:[0-9]{12}:(transit-gateway|vpn-gateway)\//, "");
}
