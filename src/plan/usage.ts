/**
 * What an app uses across its constructs, for the rules that count across the app: per Direct Connect
 * gateway its virtual interfaces and associations (GatewayUsage), per VPN target the customer gateway
 * addresses and tunnel inside CIDRs in use (VpnAddressBook). Pure state and rules; the emit layer keeps
 * one AppUsage per app (emit/app-usage.ts).
 */
import { Deferrable, isDeferred, known, valueOf } from "../core/deferred";
import { RuleFinding } from "../core/rule";
import { TopologyVpnConnection, VirtualInterfaceType } from "../core/topology";
import { Cidr, checkCidrList, normalizedCidrList, parseCidr } from "../rules/cidr-blocks";
import { checkBesideCoreNetwork, checkCoreNetworkAttachment } from "../rules/core-networks";
import {
  GATEWAY_LIMITS,
  checkAllowedPrefixesGiven,
  checkAllowedPrefixesNotEmpty,
  checkAllowedPrefixesOverlap,
  checkAllowedPrefixesQuota,
  checkAssociation,
  checkGatewayVifs,
  checkPaths,
  gatewayIdOf,
} from "../rules/gateways";
import { checkFreeOnTarget } from "../rules/vpn";

/**
 * A new association of a Direct Connect gateway, as its construct's method takes it: the transit
 * gateway or virtual private gateway (its id or ARN; a token is `Deferred`) and its allowed prefixes.
 */
export interface GatewayAssociation {
  /** The gateway to associate: its id or ARN. */
  readonly gatewayId: Deferrable<string>;
  /**
   * The prefixes as given (a list of strings).
   *
   * @default - none given
   */
  readonly allowedPrefixes?: ReadonlyArray<string>;
}

/**
 * An attachment of a Direct Connect gateway to a Cloud WAN core network, as recorded: the core network
 * (its id, a token by its text), the Regions of its edges and the routing policy label.
 */
export interface CoreNetworkAttachmentRecord {
  /** The core network's id (`core-network-...`), or a token's text. */
  readonly coreNetworkId: string;
  /** The Regions of the core network edges the attachment is associated with. */
  readonly edgeLocations: ReadonlyArray<string>;
  /**
   * The routing policy label.
   *
   * @default - none
   */
  readonly routingPolicyLabel?: string;
}

/**
 * What one Direct Connect gateway carries, across the whole app. Each addition is checked first
 * (`check...`: the findings, nothing recorded) and recorded only once its construct has reported them
 * (`add...`).
 */
export class GatewayUsage {
  private readonly transitGateways = new Map<string, Cidr[]>();
  private readonly virtualGateways = new Set<string>();
  private transitVifs = 0;
  private privateVifs = 0;
  private readonly coreNetworks: CoreNetworkAttachmentRecord[] = [];

  constructor(private readonly label: string) {}

  /** §4.7: `count` more virtual interfaces of a type on this gateway, within its quota and on its path. */
  public checkVirtualInterfaces(type: VirtualInterfaceType, count: number): RuleFinding[] {
    const transit = type === VirtualInterfaceType.TRANSIT;
    return [
      ...checkGatewayVifs(this.label, this.transitVifs + this.privateVifs + count),
      ...checkPaths(
        this.label,
        this.paths(),
        "gateway",
        transit ? "a transit virtual interface" : "a private virtual interface",
        transit,
      ),
      ...(transit
        ? []
        : checkBesideCoreNetwork(
            this.coreNetworkIds(),
            "gateway",
            "a private virtual interface",
            this.label,
          )),
    ];
  }

  /** Records `count` virtual interfaces of a type that land on this gateway. */
  public addVirtualInterfaces(type: VirtualInterfaceType, count: number): void {
    if (type === VirtualInterfaceType.TRANSIT) {
      this.transitVifs += count;
    } else {
      this.privateVifs += count;
    }
  }

  /**
   * §3.5, §4.7: a transit gateway association: its allowed prefixes given, each a CIDR block, within
   * the quota and overlapping no other transit gateway's; the association itself (`checkAssociation`).
   */
  public checkTransitGateway(association: GatewayAssociation): RuleFinding[] {
    const id = String(valueOf(association.gatewayId));
    const given = association.allowedPrefixes ?? [];
    const blocks = [
      ...checkAllowedPrefixesGiven(given.length > 0, id, this.label),
      ...allowedPrefixFindings(given),
    ];
    const associations = [
      ...this.checkNew("transit", association.gatewayId),
      ...checkBesideCoreNetwork(
        this.coreNetworkIds(),
        "transitGatewayId",
        "a transit gateway association",
        this.label,
      ),
    ];
    if (blocks.length > 0) return [...blocks, ...associations];
    const prefixes = allowedPrefixesOf(given);
    return [
      ...checkAllowedPrefixesQuota(id, prefixes.length),
      ...associations,
      ...checkAllowedPrefixesOverlap(id, prefixes.map(cidrOf), this.transitGateways, this.label),
    ];
  }

  /** Records a transit gateway association (checked); returns its allowed prefixes, normalised. */
  public addTransitGateway(association: GatewayAssociation): string[] {
    const prefixes = allowedPrefixesOf(association.allowedPrefixes ?? []);
    this.transitGateways.set(keyOf(association.gatewayId, this.transitGateways.size), prefixes.map(cidrOf));
    return prefixes;
  }

  /**
   * §3.5, §4.7: a virtual private gateway association: its allowed prefixes, when given, a non-empty
   * list of CIDR blocks; the association itself (`checkAssociation`).
   */
  public checkVirtualGateway(association: GatewayAssociation): RuleFinding[] {
    const prefixes = association.allowedPrefixes;
    return [
      ...(prefixes === undefined ? [] : allowedPrefixFindings(prefixes)),
      ...checkAllowedPrefixesNotEmpty(prefixes),
      ...this.checkNew("virtual", association.gatewayId),
      ...checkBesideCoreNetwork(
        this.coreNetworkIds(),
        "virtualGatewayId",
        "a virtual private gateway association",
        this.label,
      ),
    ];
  }

  /**
   * A core network attachment (Cloud WAN docs, Direct Connect gateway attachments): the only one of
   * this gateway, on a gateway with no transit gateway, no virtual private gateway and no private
   * virtual interface.
   */
  public checkCoreNetwork(coreNetworkId: Deferrable<string>): RuleFinding[] {
    return checkCoreNetworkAttachment(
      String(valueOf(coreNetworkId)),
      {
        transitGateways: this.transitGateways.size,
        virtualGateways: this.virtualGateways.size,
        privateVifs: this.privateVifs,
        coreNetworks: this.coreNetworkIds(),
      },
      this.label,
    );
  }

  /** Records a core network attachment (checked). */
  public addCoreNetwork(attachment: CoreNetworkAttachmentRecord): void {
    this.coreNetworks.push(attachment);
  }

  /** The core network attachments so far, in the order they were made. */
  public coreNetworkAttachments(): CoreNetworkAttachmentRecord[] {
    return [...this.coreNetworks];
  }

  /** Records a virtual private gateway association (checked); returns its allowed prefixes, normalised. */
  public addVirtualGateway(association: GatewayAssociation): string[] | undefined {
    const given = association.allowedPrefixes;
    this.virtualGateways.add(keyOf(association.gatewayId, this.virtualGateways.size));
    return given === undefined ? undefined : allowedPrefixesOf(given);
  }

  /**
   * The transit gateways and virtual private gateways associated so far; undefined when one of them is
   * known only at deploy time (a token).
   */
  public associatedGateways(): string[] | undefined {
    const ids = [...this.transitGateways.keys(), ...this.virtualGateways];
    return ids.some((id) => id.includes("#")) ? undefined : ids;
  }

  /**
   * The transit gateways and virtual private gateways associated so far, each by its id (a token by its
   * text), for the failure analysis (`ConnectionTopology.gatewayAssociations`).
   */
  public associatedGatewayIds(): string[] {
    return [...this.transitGateways.keys(), ...this.virtualGateways].map((key) => key.replace(/#\d+$/, ""));
  }

  /** The association of one more gateway of a kind: not twice (by its literal id), its quota, its path. */
  private checkNew(kind: "transit" | "virtual", gatewayId: Deferrable<string>): RuleFinding[] {
    const literal = known(gatewayId);
    const key = typeof literal === "string" ? gatewayIdOf(literal) : undefined;
    const keys = kind === "transit" ? [...this.transitGateways.keys()] : [...this.virtualGateways];
    const associated = key !== undefined && keys.includes(key);
    return checkAssociation(
      kind,
      String(valueOf(gatewayId)),
      { associated, count: keys.length + 1 },
      this.paths(),
      this.label,
    );
  }

  private coreNetworkIds(): string[] {
    return this.coreNetworks.map((c) => c.coreNetworkId);
  }

  private paths() {
    return {
      hasTransit: this.transitVifs > 0 || this.transitGateways.size > 0,
      hasPrivate: this.privateVifs > 0 || this.virtualGateways.size > 0,
    };
  }
}

/** One gateway, one key: its id (an ARN counts as its id); a token, `<token>#<n>`, never equal to another. */
function keyOf(gatewayId: Deferrable<string>, n: number): string {
  return isDeferred(gatewayId) ? `${gatewayId.value}#${n}` : gatewayIdOf(gatewayId);
}

/** §3.5: the CIDR rules of allowed prefixes (IPv6 /64 or shorter). */
const ALLOWED_PREFIXES = { prop: "allowedPrefixes", maxIpv6PrefixLength: GATEWAY_LIMITS.maxIpv6PrefixLength };

/** The findings of the CIDR rules on each allowed prefix. */
function allowedPrefixFindings(prefixes: ReadonlyArray<string>): RuleFinding[] {
  return checkCidrList(prefixes, ALLOWED_PREFIXES);
}

/** Allowed prefixes that broke no CIDR rule, normalised (sorted, deduplicated, canonical text). */
function allowedPrefixesOf(prefixes: ReadonlyArray<string>): string[] {
  return normalizedCidrList(prefixes);
}

/** A normalised block, parsed. */
function cidrOf(block: string): Cidr {
  return parseCidr(block)!;
}

/** A VPN connection as the address book takes it: its customer gateway address a `Deferred` when a token. */
export type VpnAddressConnection = Omit<TopologyVpnConnection, "customerGatewayIp"> & {
  readonly customerGatewayIp: Deferrable<string>;
};

/** The VPN backup of a construct as the address book takes it: tokens marked. */
export interface VpnAddresses {
  /** The transit gateway or virtual private gateway (a `Deferred` when a token). */
  readonly targetId: Deferrable<string>;
  /** One VPN connection per customer gateway device. */
  readonly connections: ReadonlyArray<VpnAddressConnection>;
}

/** The customer gateway addresses and tunnel inside CIDRs in use on each VPN target, across the app. */
export class VpnAddressBook {
  /** Per target id: `ip <address>` and `inside <cidr>`, each with the path of its owner. */
  private readonly byTarget = new Map<string, Map<string, string>>();

  /**
   * Two VPN connections from one address, or one inside CIDR twice, on one target: an error across the
   * app (nothing to check on a target known only at deploy time).
   */
  public check(vpn: VpnAddresses): RuleFinding[] {
    const targetId = vpn.targetId;
    if (isDeferred(targetId)) return [];
    const used = this.byTarget.get(targetId) ?? new Map<string, string>();
    return vpn.connections.flatMap((c) =>
      // the rule asks of the customer gateway address alone whether it is known only at deploy time
      checkFreeOnTarget(c, targetId, used),
    );
  }

  /**
   * Records the addresses and inside CIDRs of a VPN backup (checked) on its target. `owner` names a
   * device's owner in messages (`<construct path>/<device>`).
   */
  public add(vpn: VpnAddresses, owner: (device: string) => string): void {
    if (isDeferred(vpn.targetId)) return;
    const used = this.byTarget.get(vpn.targetId) ?? new Map<string, string>();
    this.byTarget.set(vpn.targetId, used);
    for (const c of vpn.connections) {
      used.set(`ip ${valueOf(c.customerGatewayIp)}`, owner(c.name));
      for (const cidr of c.tunnelInsideCidrs ?? []) used.set(`inside ${cidr}`, owner(c.name));
    }
  }
}

/** Everything one app uses that the rules count across the app. */
export class AppUsage {
  /** The VPN addresses of the app. */
  public readonly vpnAddresses = new VpnAddressBook();
  private readonly gateways = new Map<string, GatewayUsage>();

  /** The usage of one Direct Connect gateway, by its key (its literal id, or its construct address). */
  public gateway(key: string, label: string): GatewayUsage {
    let usage = this.gateways.get(key);
    if (!usage) {
      usage = new GatewayUsage(label);
      this.gateways.set(key, usage);
    }
    return usage;
  }
}
