import { Cidr, checkCidr, formatCidr, normalizeCidrList, overlaps } from "./cidr";
import { given, show } from "./props";
import { VirtualInterfaceType } from "./topology";

/** Facts encoded here, with their section in direct-connect-facts.md. */
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

/**
 * §3.4, §4.5: the Amazon-side ASN of a Direct Connect gateway (or of a transit gateway, whose private
 * ranges are the same: EC2 TransitGateway AmazonSideAsn).
 */
export function checkAmazonSideAsn(asn: unknown, prop = "amazonSideAsn"): void {
  const ok =
    typeof asn === "number" &&
    Number.isInteger(asn) &&
    ((asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294));
  if (!ok) {
    throw new Error(
      `\`${prop}\` ${show(asn)} is not allowed: a private ASN from 64512 to 65534 or from 4200000000 to 4294967294.`,
    );
  }
}

/** §3.4: DirectConnectGatewayName. */
export function checkGatewayName(name: string): void {
  if (!/^[\w \-,/]{1,100}$/.test(name)) {
    throw new Error(
      `\`name\` ${show(name)} of the Direct Connect gateway is not allowed: 1 to 100 letters, digits, spaces and _ - , /.`,
    );
  }
}

/**
 * The id of a transit gateway or virtual private gateway given by id or ARN
 * (`arn:aws:ec2:<region>:<account>:transit-gateway/tgw-...` is `tgw-...`): one gateway, one key.
 */
export function gatewayIdOf(idOrArn: string): string {
  return idOrArn.replace(/^arn:aws[a-z-]*:ec2:[a-z0-9-]+:[0-9]{12}:(transit-gateway|vpn-gateway)\//, "");
}

/** What one Direct Connect gateway carries, across the whole app. */
export class GatewayUsage {
  private readonly transitGateways = new Map<string, Cidr[]>();
  private readonly virtualGateways = new Set<string>();
  private transitVifs = 0;
  private privateVifs = 0;

  constructor(private readonly label: string) {}

  /** Adds `count` virtual interfaces of a type that land on this gateway. */
  public addVirtualInterfaces(type: VirtualInterfaceType, count: number): void {
    const vifs = this.transitVifs + this.privateVifs + count;
    if (vifs > GATEWAY_LIMITS.virtualInterfacesPerGateway) {
      throw new Error(
        `\`virtualInterfaces\`: ${this.label} would carry ${vifs} virtual interfaces (one per device slot and spec, across ` +
          `the app); a Direct Connect gateway carries at most ${GATEWAY_LIMITS.virtualInterfacesPerGateway}.`,
      );
    }
    if (type === VirtualInterfaceType.TRANSIT) {
      this.checkPaths("gateway", "a transit virtual interface", true);
      this.transitVifs += count;
    } else {
      this.checkPaths("gateway", "a private virtual interface", false);
      this.privateVifs += count;
    }
  }

  /** Adds a transit gateway association; returns its allowed prefixes, normalised. */
  public addTransitGateway(
    transitGatewayId: string,
    allowedPrefixes: ReadonlyArray<string> | undefined,
    literalId: boolean,
  ): string[] {
    if (!given(allowedPrefixes) || (Array.isArray(allowedPrefixes) && allowedPrefixes.length === 0)) {
      throw new Error(
        `\`allowedPrefixes\` of the association of ${transitGatewayId} with ${this.label} is empty: a transit gateway ` +
          "association advertises exactly these prefixes to your network, so they are required.",
      );
    }
    const prefixes = normalizeCidrList(allowedPrefixes, {
      prop: "allowedPrefixes",
      maxIpv6PrefixLength: GATEWAY_LIMITS.maxIpv6PrefixLength,
    });
    if (prefixes.length > GATEWAY_LIMITS.prefixesPerTransitGateway) {
      throw new Error(
        `\`allowedPrefixes\` of the association of ${transitGatewayId} has ${prefixes.length} prefixes; a transit ` +
          `gateway association advertises at most ${GATEWAY_LIMITS.prefixesPerTransitGateway} (IPv4 and IPv6 together): summarise them.`,
      );
    }
    const key = gatewayIdOf(transitGatewayId);
    if (literalId && this.transitGateways.has(key)) {
      throw new Error(`\`transitGatewayId\` ${transitGatewayId} is already associated with ${this.label}.`);
    }
    if (this.transitGateways.size + 1 > GATEWAY_LIMITS.transitGatewaysPerGateway) {
      throw new Error(
        `\`transitGatewayId\` ${transitGatewayId}: ${this.label} would have ${this.transitGateways.size + 1} transit ` +
          `gateway associations (across the app); a Direct Connect gateway has at most ${GATEWAY_LIMITS.transitGatewaysPerGateway}.`,
      );
    }
    this.checkPaths("transitGatewayId", "a transit gateway association", true);
    const parsed = prefixes.map((p) => checkCidr(p, { prop: "allowedPrefixes" }));
    for (const [other, otherPrefixes] of this.transitGateways) {
      for (const mine of parsed) {
        const clash = otherPrefixes.find((o) => overlaps(o, mine));
        if (clash) {
          throw new Error(
            `\`allowedPrefixes\`: ${formatCidr(mine)} for ${transitGatewayId} overlaps ${formatCidr(clash)} of ${other} on ` +
              `${this.label}; the allowed prefixes of the transit gateways of one Direct Connect gateway must not overlap.`,
          );
        }
      }
    }
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
    if (prefixes !== undefined && prefixes.length === 0) {
      throw new Error("`allowedPrefixes` is empty: leave it out to allow the VPC's CIDR, or give prefixes.");
    }
    const key = gatewayIdOf(virtualGatewayId);
    if (literalId && this.virtualGateways.has(key)) {
      throw new Error(`\`virtualGatewayId\` ${virtualGatewayId} is already associated with ${this.label}.`);
    }
    if (this.virtualGateways.size + 1 > GATEWAY_LIMITS.virtualGatewaysPerGateway) {
      throw new Error(
        `\`virtualGatewayId\` ${virtualGatewayId}: ${this.label} would have ${this.virtualGateways.size + 1} virtual private ` +
          `gateway associations (across the app); a Direct Connect gateway has at most ${GATEWAY_LIMITS.virtualGatewaysPerGateway}.`,
      );
    }
    this.checkPaths("virtualGatewayId", "a virtual private gateway association", false);
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

  /** §4.7: a gateway with a transit path (TGW, transit VIF) takes no private path (VGW, private VIF), and back. */
  private checkPaths(prop: string, what: string, transit: boolean): void {
    const hasTransit = this.transitVifs > 0 || this.transitGateways.size > 0;
    const hasPrivate = this.privateVifs > 0 || this.virtualGateways.size > 0;
    if (transit ? hasPrivate : hasTransit) {
      throw new Error(
        `\`${prop}\`: ${what} cannot go on ${this.label}: it already has ${transit ? "a private path (virtual private gateway or private virtual interface)" : "a transit path (transit gateway or transit virtual interface)"}. ` +
          "AWS does not mix the two on one Direct Connect gateway: use a second gateway.",
      );
    }
  }
}
