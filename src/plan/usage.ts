/**
 * What an app uses across its constructs, for the rules that count across the app: per Direct Connect
 * gateway its virtual interfaces and associations (GatewayUsage), per VPN target the customer gateway
 * addresses and tunnel inside CIDRs in use (VpnAddressBook). Pure state and rules; the emit layer keeps
 * one AppUsage per app (emit/app-usage.ts).
 */
import { Deferred } from "../core/deferred";
import { raise } from "../core/fail";
import { IsUnresolved, given } from "../core/props";
import { TopologyVpnBackup, VirtualInterfaceType } from "../core/topology";
import { Cidr, checkCidr, normalizeCidrList } from "../rules/cidr-blocks";
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

/** What one Direct Connect gateway carries, across the whole app. */
export class GatewayUsage {
  private readonly transitGateways = new Map<string, Cidr[]>();
  private readonly virtualGateways = new Set<string>();
  private transitVifs = 0;
  private privateVifs = 0;

  constructor(private readonly label: string) {}

  /** Adds `count` virtual interfaces of a type that land on this gateway. */
  public addVirtualInterfaces(type: VirtualInterfaceType, count: number): void {
    checkGatewayVifs(this.label, this.transitVifs + this.privateVifs + count);
    if (type === VirtualInterfaceType.TRANSIT) {
      checkPaths(this.label, this.paths(), "gateway", "a transit virtual interface", true);
      this.transitVifs += count;
    } else {
      checkPaths(this.label, this.paths(), "gateway", "a private virtual interface", false);
      this.privateVifs += count;
    }
  }

  /** Adds a transit gateway association; returns its allowed prefixes, normalised. */
  public addTransitGateway(
    transitGatewayId: string,
    allowedPrefixes: ReadonlyArray<string> | undefined,
    literalId: boolean,
  ): string[] {
    checkAllowedPrefixesGiven(
      given(allowedPrefixes) && !(Array.isArray(allowedPrefixes) && allowedPrefixes.length === 0),
      transitGatewayId,
      this.label,
    );
    const prefixes = normalizeCidrList(allowedPrefixes!, {
      prop: "allowedPrefixes",
      maxIpv6PrefixLength: GATEWAY_LIMITS.maxIpv6PrefixLength,
    });
    checkAllowedPrefixesQuota(transitGatewayId, prefixes.length);
    const key = gatewayIdOf(transitGatewayId);
    const associated = literalId && this.transitGateways.has(key);
    const count = this.transitGateways.size + 1;
    checkAssociation("transit", transitGatewayId, { associated, count }, this.paths(), this.label);
    const parsed = prefixes.map((p) => checkCidr(p, { prop: "allowedPrefixes" }));
    checkAllowedPrefixesOverlap(transitGatewayId, parsed, this.transitGateways, this.label);
    this.transitGateways.set(literalId ? key : `${transitGatewayId}#${this.transitGateways.size}`, parsed);
    return prefixes;
  }

  /** Adds a virtual private gateway association; returns its allowed prefixes, normalised. */
  public addVirtualGateway(
    virtualGatewayId: string,
    allowedPrefixes: ReadonlyArray<string> | undefined,
    literalId: boolean,
  ): string[] | undefined {
    const prefixes = !given(allowedPrefixes)
      ? undefined
      : normalizeCidrList(allowedPrefixes, {
          prop: "allowedPrefixes",
          maxIpv6PrefixLength: GATEWAY_LIMITS.maxIpv6PrefixLength,
        });
    checkAllowedPrefixesNotEmpty(prefixes);
    const key = gatewayIdOf(virtualGatewayId);
    const associated = literalId && this.virtualGateways.has(key);
    const count = this.virtualGateways.size + 1;
    checkAssociation("virtual", virtualGatewayId, { associated, count }, this.paths(), this.label);
    this.virtualGateways.add(literalId ? key : `${virtualGatewayId}#${this.virtualGateways.size}`);
    return prefixes;
  }

  /**
   * The transit gateways and virtual private gateways associated so far; undefined when one of them is
   * known only at deploy time (a token).
   */
  public associatedGateways(): string[] | undefined {
    const ids = [...this.transitGateways.keys(), ...this.virtualGateways];
    return ids.some((id) => id.includes("#")) ? undefined : ids;
  }

  private paths() {
    return {
      hasTransit: this.transitVifs > 0 || this.transitGateways.size > 0,
      hasPrivate: this.privateVifs > 0 || this.virtualGateways.size > 0,
    };
  }
}

/** The customer gateway addresses and tunnel inside CIDRs in use on each VPN target, across the app. */
export class VpnAddressBook {
  /** Per target id: `ip <address>` and `inside <cidr>`, each with the path of its owner. */
  private readonly byTarget = new Map<string, Map<string, string>>();

  /**
   * Two VPN connections from one address, or one inside CIDR twice, on one target: an error across the
   * app. `owner` names a device's owner in messages (`<construct path>/<device>`).
   */
  public register(vpn: TopologyVpnBackup, owner: (device: string) => string, unresolved: IsUnresolved): void {
    if (unresolved(vpn.targetId)) return;
    const used = this.byTarget.get(vpn.targetId) ?? new Map<string, string>();
    this.byTarget.set(vpn.targetId, used);
    for (const c of vpn.connections) {
      const ip = unresolved(c.customerGatewayIp) ? new Deferred(c.customerGatewayIp) : c.customerGatewayIp;
      const [taken] = checkFreeOnTarget({ ...c, customerGatewayIp: ip }, vpn.targetId, used);
      if (taken !== undefined) raise(taken);
    }
    for (const c of vpn.connections) {
      used.set(`ip ${c.customerGatewayIp}`, owner(c.name));
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
