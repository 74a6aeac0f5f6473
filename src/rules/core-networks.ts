/**
 * The attachment of a Direct Connect gateway to an AWS Cloud WAN core network
 * (`AWS::NetworkManager::DirectConnectGatewayAttachment`): its props, and what else the gateway may
 * carry while it is attached. GatewayUsage (plan/usage.ts) holds what each gateway carries across the
 * app and applies these rules.
 *
 * Documented and not checked here (nothing the construct knows): the ASN of the Direct Connect gateway
 * must be outside the core network's ASN range, and a Cloud WAN attachment advertises at most 5,000
 * prefixes (docs/cloud-wan.md).
 */
import { Deferrable, isDeferred } from "../core/deferred";
import { errorRule, finding, ruleFamily } from "../core/fail";
import { show } from "../core/props";
import { RuleFinding } from "../core/rule";
import { SOURCES } from "../core/sources";

/** The constraints of the attachment's props (CloudFormation schema, CreateDirectConnectGatewayAttachment). */
export const CORE_NETWORK_LIMITS = {
  /** `CoreNetworkId`: `^core-network-([0-9a-f]{8,17})$`. */
  coreNetworkId: /^core-network-([0-9a-f]{8,17})$/,
  /** `EdgeLocations` items: 1 to 63 characters, each a Region code (`us-east-1`, `eusc-de-east-1`). */
  edgeLocation: /^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$/,
  /** The most characters of an edge location. */
  edgeLocationLength: 63,
  /** `RoutingPolicyLabel`: at most 256 characters. */
  routingPolicyLabelLength: 256,
} as const;

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const CORE_NETWORK_RULES = ruleFamily({
  CORE_NETWORK_ID: errorRule({
    id: "coreNetworkIdFormat",
    what: "a `coreNetworkId` that is not `core-network-` and 8 to 17 lower-case hex digits",
    why: "CloudFormation refuses any other `CoreNetworkId`",
    source: SOURCES.coreNetworkAttachment,
    prop: "coreNetworkId",
  }),
  EDGE_LOCATIONS: errorRule({
    id: "edgeLocationsFormat",
    what: "`edgeLocations` empty, or an edge location that is not a Region code (such as `us-east-1`) of at most 63 characters",
    why: "the attachment needs the Regions of the core network edges it is associated with",
    source: SOURCES.coreNetworkAttachment,
    prop: "edgeLocations",
  }),
  ROUTING_POLICY_LABEL: errorRule({
    id: "routingPolicyLabelFormat",
    what: "a `routingPolicyLabel` of more than 256 characters",
    why: "CloudFormation refuses a longer `RoutingPolicyLabel`",
    source: SOURCES.coreNetworkAttachment,
    prop: "routingPolicyLabel",
  }),
  CORE_NETWORK_EXCLUSIVE: errorRule({
    id: "coreNetworkGatewayExclusive",
    what:
      "a Direct Connect gateway attached to a Cloud WAN core network that also has a transit gateway, a virtual " +
      "private gateway or a private virtual interface, counted across the app",
    why:
      "a Direct Connect gateway can't be used for any other gateway types while it is associated with a core " +
      "network: virtual gateways, transit gateways and private virtual interfaces",
    source: SOURCES.cloudWanDirectConnect,
    prop: "coreNetworkId",
  }),
  CORE_NETWORKS_PER_GATEWAY: errorRule({
    id: "coreNetworksPerGateway",
    what: "a second core network attachment on one Direct Connect gateway (of the same or another core network)",
    why: "only one core network can be associated with a Direct Connect gateway",
    source: SOURCES.cloudWanDirectConnect,
    prop: "coreNetworkId",
  }),
});
export const {
  CORE_NETWORK_ID,
  EDGE_LOCATIONS,
  ROUTING_POLICY_LABEL,
  CORE_NETWORK_EXCLUSIVE,
  CORE_NETWORKS_PER_GATEWAY,
} = CORE_NETWORK_RULES;

/** The core network id (a value known only at deploy time is not checked). */
export function checkCoreNetworkId(id: Deferrable<string>): RuleFinding[] {
  if (isDeferred(id) || (typeof id === "string" && CORE_NETWORK_LIMITS.coreNetworkId.test(id))) return [];
  return [
    finding(
      CORE_NETWORK_ID,
      `\`coreNetworkId\` ${show(id)} is not allowed: core-network- and 8 to 17 lower-case hex digits, such as ` +
        "core-network-0fab62fe438d94db6.",
    ),
  ];
}

/** The edge locations: at least one; each a Region code of at most 63 characters (tokens not checked). */
export function checkEdgeLocations(locations: ReadonlyArray<Deferrable<string>>): RuleFinding[] {
  if (locations.length === 0) {
    return [
      finding(
        EDGE_LOCATIONS,
        "`edgeLocations` is empty: give the Regions of the core network edges to associate, such as ['us-east-1'].",
      ),
    ];
  }
  return locations.flatMap((location) =>
    isDeferred(location) ||
    (typeof location === "string" &&
      location.length <= CORE_NETWORK_LIMITS.edgeLocationLength &&
      CORE_NETWORK_LIMITS.edgeLocation.test(location))
      ? []
      : [
          finding(
            EDGE_LOCATIONS,
            `\`edgeLocations\`: ${show(location)} is not allowed: a Region code of a core network edge, such as us-east-1.`,
          ),
        ],
  );
}

/** The routing policy label, when given: at most 256 characters (a token is not checked). */
export function checkRoutingPolicyLabel(label: Deferrable<string> | undefined): RuleFinding[] {
  if (label === undefined || isDeferred(label)) return [];
  if (typeof label === "string" && label.length <= CORE_NETWORK_LIMITS.routingPolicyLabelLength) return [];
  return [
    finding(
      ROUTING_POLICY_LABEL,
      `\`routingPolicyLabel\` ${show(label)} is not allowed: a string of at most ` +
        `${CORE_NETWORK_LIMITS.routingPolicyLabelLength} characters.`,
    ),
  ];
}

/** What a Direct Connect gateway carries so far, for the core network rules. */
export interface CoreNetworkPaths {
  /** Transit gateway associations. */
  readonly transitGateways: number;
  /** Virtual private gateway associations. */
  readonly virtualGateways: number;
  /** Private virtual interfaces. */
  readonly privateVifs: number;
  /** The core networks attached (their ids, a token by its text). */
  readonly coreNetworks: ReadonlyArray<string>;
}

/**
 * A new core network attachment of a Direct Connect gateway (`label`): its only one, and on a gateway
 * with no transit gateway, no virtual private gateway and no private virtual interface.
 */
export function checkCoreNetworkAttachment(
  coreNetworkId: string,
  paths: CoreNetworkPaths,
  label: string,
): RuleFinding[] {
  const out: RuleFinding[] = [];
  if (paths.coreNetworks.length > 0) {
    const same = paths.coreNetworks.includes(coreNetworkId);
    out.push(
      finding(
        CORE_NETWORKS_PER_GATEWAY,
        `\`coreNetworkId\` ${coreNetworkId}: ${label} is already attached to ` +
          `${same ? "this core network" : `core network ${paths.coreNetworks.join(", ")}`}; ` +
          "only one core network can be associated with a Direct Connect gateway.",
      ),
    );
  }
  const others = [
    paths.transitGateways > 0 ? "a transit gateway association" : undefined,
    paths.virtualGateways > 0 ? "a virtual private gateway association" : undefined,
    paths.privateVifs > 0 ? "a private virtual interface" : undefined,
  ].filter((o): o is string => o !== undefined);
  if (others.length > 0) {
    out.push(
      finding(
        CORE_NETWORK_EXCLUSIVE,
        `\`coreNetworkId\` ${coreNetworkId}: ${label} already has ${others.join(" and ")}. A Direct Connect ` +
          "gateway attached to a core network takes only transit virtual interfaces: use a second gateway.",
      ),
    );
  }
  return out;
}

/**
 * Something else on a Direct Connect gateway (`label`) attached to a core network (`coreNetworks`, none:
 * nothing to check): a transit gateway or virtual private gateway association, or a private virtual
 * interface (`what`, its prop `prop`).
 */
export function checkBesideCoreNetwork(
  coreNetworks: ReadonlyArray<string>,
  prop: string,
  what: string,
  label: string,
): RuleFinding[] {
  if (coreNetworks.length === 0) return [];
  return [
    finding(
      CORE_NETWORK_EXCLUSIVE,
      `\`${prop}\`: ${what} cannot go on ${label}: it is attached to Cloud WAN core network ` +
        `${coreNetworks.join(", ")}, and then takes only transit virtual interfaces. Use a second gateway.`,
    ),
  ];
}
