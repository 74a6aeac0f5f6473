import { Cidr, checkCidr, formatCidr, normalizeCidrList, overlaps, parseCidr } from "./cidr";
import { checkIdName } from "./names";
import { show } from "./props";
import { TopologyVpnBackup, TopologyVpnConnection, VpnRouting, VpnTarget } from "./topology";
import { checkCustomerGatewayValues, checkIpv4Only, checkTransitGatewayOnlyOptions } from "./vpn-rules";

/** One customer gateway device of a VPN backup, as the planner sees it. */
export interface PlanCustomerGateway {
  readonly name: string;
  readonly ipAddress: string;
  readonly bgpAsn: number;
  /** The device's name in AWS (`DeviceName`). */
  readonly deviceName?: string;
  readonly tunnelInsideCidrs?: ReadonlyArray<string>;
  /** Pre-shared keys given in plain text (to check their form); undefined entries are secrets. */
  readonly plaintextPreSharedKeys?: ReadonlyArray<string | undefined>;
  /** How many pre-shared keys were given; undefined when none were (AWS generates them). */
  readonly preSharedKeyCount?: number;
}

export interface PlanVpnBackup {
  readonly target: VpnTarget;
  readonly targetId: string;
  readonly customerGateways: ReadonlyArray<PlanCustomerGateway>;
  readonly staticRoutes?: ReadonlyArray<string>;
  readonly onPremisesPrefixes?: ReadonlyArray<string>;
  readonly advertisedPrefixes?: ReadonlyArray<string>;
  readonly acceleration?: boolean;
  readonly transportAttachmentId?: string;
  readonly tunnelBandwidthGbps: number;
  readonly tunnelBandwidth: string;
  /** The stack's Region (a token when the stack is environment-agnostic), for per-Region rules. */
  readonly region?: string;
}

/** What the Direct Connect side of the construct is, for the cross-checks. */
export interface DirectConnectSide {
  /** Whether the construct has any private or transit virtual interface. */
  readonly hasVirtualInterfaces: boolean;
  /** Whether any of its interfaces uses jumbo frames. */
  readonly jumbo: boolean;
}

export interface VpnWarning {
  readonly id: string;
  readonly message: string;
}

/** Facts encoded here, with their section in direct-connect-facts.md. */
export const VPN_FACTS = {
  /** §6: tunnels per VPN connection. */
  tunnelsPerConnection: 2,
  /** §4.5: BgpAsn up to 2,147,483,647; BgpAsnExtended above, up to 4,294,967,294 (registry schema). */
  bgpAsnMax: 2147483647,
  bgpAsnExtendedMax: 4294967294,
} as const;

/** Reserved /30s that tunnel inside CIDRs cannot use (EC2 VpnTunnelOptionsSpecification TunnelInsideCidr). */
const RESERVED_INSIDE = [
  "169.254.0.0/30",
  "169.254.1.0/30",
  "169.254.2.0/30",
  "169.254.3.0/30",
  "169.254.4.0/30",
  "169.254.5.0/30",
  "169.254.169.252/30",
];
const LINK_LOCAL = parseCidr("169.254.0.0/16")!;
/** Not public: RFC 1918, RFC 6598 (shared), loopback, link-local, this network, IETF, benchmarking, multicast, reserved. */
const NOT_PUBLIC = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.168.0.0/16",
  "198.18.0.0/15",
  "224.0.0.0/4",
  "240.0.0.0/4",
].map((c) => parseCidr(c)!);
/** Allowed for the private IP VPN (OutsideIpAddressType PrivateIpv4): RFC 1918 and RFC 6598. */
const PRIVATE_OUTSIDE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"].map((c) =>
  parseCidr(c)!,
);
/** EC2 PreSharedKey: 8 to 64 letters, digits, . and _, not starting with 0. */
const PSK = /^[A-Za-z1-9._][A-Za-z0-9._]{7,63}$/;
const ATTACHMENT = /^tgw-attach-[a-z0-9]{8,17}$/;

function within(c: Cidr, blocks: ReadonlyArray<Cidr>): boolean {
  return blocks.some((b) => overlaps(b, c) && b.prefixLength <= c.prefixLength);
}

/**
 * Checks a VPN backup and returns its topology and warnings, or throws naming the prop and value.
 * `unresolved` tells token values, which are not checked.
 */
export function planVpnBackup(
  vpn: PlanVpnBackup,
  dx: DirectConnectSide,
  unresolved: (v: unknown) => boolean,
): { topology: TopologyVpnBackup; warnings: VpnWarning[] } {
  const warnings: VpnWarning[] = [];
  const tgw = vpn.target === VpnTarget.TRANSIT_GATEWAY;
  const privateIp = vpn.transportAttachmentId !== undefined;
  warnings.push(...checkTransitGatewayOnlyOptions(vpn, unresolved));

  // (a private IP VPN is offered by VpnBackup.toTransitGateway only)
  if (privateIp) {
    if (!unresolved(vpn.transportAttachmentId) && !ATTACHMENT.test(vpn.transportAttachmentId!)) {
      throw new Error(
        `\`transportAttachmentId\` "${vpn.transportAttachmentId}" is not a transit gateway attachment id (tgw-attach-...): ` +
          "the attachment of the transit gateway to the Direct Connect gateway.",
      );
    }
  }

  const gateways: ReadonlyArray<PlanCustomerGateway> = vpn.customerGateways;
  if (!Array.isArray(gateways) || gateways.length < 1 || gateways.length > 2) {
    throw new Error(
      `\`customerGateways\`: give one or two customer gateway devices (two protect against a device failure), got ${Array.isArray(gateways) ? gateways.length : String(gateways)}.`,
    );
  }
  const names = new Set<string>();
  const ips = new Map<string, string>();
  const insides = new Map<string, string>();
  for (const cgw of gateways) {
    checkIdName(cgw.name, "customer gateway");
    if (names.has(cgw.name.toLowerCase())) {
      throw new Error(`\`name\` "${cgw.name}" is used by two customer gateways.`);
    }
    names.add(cgw.name.toLowerCase());

    if (!unresolved(cgw.ipAddress)) {
      checkOutsideAddress(cgw, privateIp);
      const other = ips.get(cgw.ipAddress);
      if (other !== undefined) {
        throw new Error(
          `\`ipAddress\` ${cgw.ipAddress} of ${cgw.name} is also the address of ${other}: two VPN connections to one ` +
            "customer gateway address are no second device. Give each device its own address.",
        );
      }
      ips.set(cgw.ipAddress, cgw.name);
    }

    if (
      !unresolved(cgw.bgpAsn) &&
      (!Number.isInteger(cgw.bgpAsn) || cgw.bgpAsn < 1 || cgw.bgpAsn > VPN_FACTS.bgpAsnExtendedMax)
    ) {
      throw new Error(
        `\`bgpAsn\` ${show(cgw.bgpAsn)} of ${cgw.name} is not allowed: a whole number from 1 to ${VPN_FACTS.bgpAsnExtendedMax}.`,
      );
    }

    if (cgw.tunnelInsideCidrs !== undefined) {
      if (cgw.tunnelInsideCidrs.length !== VPN_FACTS.tunnelsPerConnection) {
        throw new Error(
          `\`tunnelInsideCidrs\` of ${cgw.name}: give one /30 for each of the 2 tunnels, got ${cgw.tunnelInsideCidrs.length}.`,
        );
      }
      for (const text of cgw.tunnelInsideCidrs) {
        if (unresolved(text)) continue;
        const c = checkCidr(text, { prop: "tunnelInsideCidrs", ipv4Only: true });
        if (c.prefixLength !== 30 || !within(c, [LINK_LOCAL])) {
          throw new Error(`\`tunnelInsideCidrs\`: ${text} of ${cgw.name} is not a /30 from 169.254.0.0/16.`);
        }
        if (RESERVED_INSIDE.includes(formatCidr(c))) {
          throw new Error(
            `\`tunnelInsideCidrs\`: ${text} of ${cgw.name} is reserved by AWS (${RESERVED_INSIDE.join(", ")}); choose another /30.`,
          );
        }
        const owner = insides.get(formatCidr(c));
        if (owner !== undefined) {
          throw new Error(
            `\`tunnelInsideCidrs\`: ${text} of ${cgw.name} is also used by ${owner}; each tunnel needs its own /30.`,
          );
        }
        insides.set(formatCidr(c), `a tunnel of ${cgw.name}`);
      }
    }

    if (cgw.preSharedKeyCount !== undefined && cgw.preSharedKeyCount !== VPN_FACTS.tunnelsPerConnection) {
      throw new Error(
        `\`preSharedKeys\` of ${cgw.name}: give one key for each of the 2 tunnels, got ${cgw.preSharedKeyCount}.`,
      );
    }
    for (const key of cgw.plaintextPreSharedKeys ?? []) {
      if (key !== undefined && !PSK.test(key)) {
        throw new Error(
          `\`preSharedKeys\` of ${cgw.name}: a key is not allowed: 8 to 64 letters, digits, . and _, not starting with 0.`,
        );
      }
    }
  }
  const bgp = vpn.staticRoutes === undefined;
  warnings.push(...checkCustomerGatewayValues(gateways, { region: vpn.region, bgp }, unresolved));
  if (
    gateways.some((cgw) =>
      (cgw.plaintextPreSharedKeys ?? []).some((key: string | undefined) => key !== undefined),
    )
  ) {
    warnings.push({
      id: "plaintextPreSharedKey",
      message:
        "`preSharedKeys` has a plain-text key: it is readable in the template. Keep keys in Secrets Manager.",
    });
  }
  if (gateways.length === 1) {
    warnings.push({
      id: "vpnSingleCustomerGateway",
      message:
        "`customerGateways`: one customer gateway device. Its failure takes the VPN backup down; a second device protects against it.",
    });
  }

  const prefixRules = { maxIpv6PrefixLength: 128 };
  const staticRoutes =
    vpn.staticRoutes === undefined
      ? undefined
      : normalizeCidrList(vpn.staticRoutes, { prop: "staticRoutes", ...prefixRules });
  const onPremises =
    vpn.onPremisesPrefixes === undefined
      ? undefined
      : normalizeCidrList(vpn.onPremisesPrefixes, { prop: "onPremisesPrefixes", ...prefixRules });
  const advertised =
    vpn.advertisedPrefixes === undefined
      ? undefined
      : normalizeCidrList(vpn.advertisedPrefixes, { prop: "advertisedPrefixes", ...prefixRules });
  if (staticRoutes !== undefined && staticRoutes.length === 0) {
    throw new Error(
      "`staticRoutes` is empty: leave it out for BGP, or give the on-premises prefixes to route over the VPN.",
    );
  }
  warnings.push(...checkIpv4Only(staticRoutes, advertised));
  if (staticRoutes !== undefined && advertised !== undefined) {
    throw new Error(
      "`advertisedPrefixes` is for BGP; with `staticRoutes` the VPN uses static routes only. Give one of the two.",
    );
  }

  // AWS to on-premises: which path the gateway picks for a destination (facts §6).
  const dxPrefixes = onPremises?.map((p) => parseCidr(p)!);
  if (staticRoutes !== undefined) {
    if (dxPrefixes === undefined) {
      throw new Error(
        "`onPremisesPrefixes` is required with `staticRoutes`: the prefixes your routers advertise over Direct Connect, so that " +
          "the static VPN routes can be checked to stay a backup.",
      );
    }
    for (const route of staticRoutes) {
      const r = parseCidr(route)!;
      const covered = dxPrefixes.find((d) => overlaps(d, r) && d.prefixLength <= r.prefixLength);
      if (covered && tgw) {
        throw new Error(
          `\`staticRoutes\`: ${route} is ${covered.prefixLength === r.prefixLength ? "equal to" : "more specific than"} ` +
            `${formatCidr(covered)}, which Direct Connect carries. On a transit gateway a static VPN route beats the route ` +
            "propagated from the Direct Connect gateway for the same prefix (and the longer prefix always wins): the VPN " +
            "would carry the traffic. Route a less specific prefix over the VPN, or use BGP.",
        );
      }
      if (covered && !tgw && covered.prefixLength < r.prefixLength) {
        warnings.push({
          id: "vpnMoreSpecific",
          message:
            `\`staticRoutes\`: ${route} is more specific than ${formatCidr(covered)}, which Direct Connect carries: the longer ` +
            "prefix wins, so traffic to it leaves over the VPN while the answers come back over Direct Connect (asymmetric).",
        });
      }
    }
  }
  if (advertised !== undefined && dxPrefixes !== undefined) {
    for (const prefix of advertised) {
      const p = parseCidr(prefix)!;
      const covered = dxPrefixes.find((d) => overlaps(d, p) && d.prefixLength < p.prefixLength);
      if (covered) {
        warnings.push({
          id: "vpnMoreSpecific",
          message:
            `\`advertisedPrefixes\`: ${prefix} is more specific than ${formatCidr(covered)}, which Direct Connect carries: AWS ` +
            "prefers the longer prefix, so traffic to it takes the VPN while the rest takes Direct Connect (asymmetric). " +
            "Advertise the same prefixes over both; AS_PATH prepending does not change this.",
        });
      }
    }
  }

  if (!dx.hasVirtualInterfaces) {
    warnings.push({
      id: "vpnWithoutDirectConnectPath",
      message:
        "`vpnBackup`: the construct has no private or transit virtual interfaces, so the VPN backs up no Direct Connect " +
        "path. Add `virtualInterfaces` that reach the same gateway.",
    });
  }
  if (tgw && staticRoutes !== undefined) {
    warnings.push({
      id: "vpnStaticRoutesOnTransitGateway",
      message:
        `\`staticRoutes\`: add ${staticRoutes.join(", ")} to the transit gateway route table, pointing at the VPN ` +
        "attachments: CloudFormation exposes no attachment id for a VPN connection, so this construct cannot.",
    });
  }
  if (dx.jumbo) {
    warnings.push({
      id: "vpnMtu",
      message:
        "`vpnBackup`: the Direct Connect interfaces use jumbo frames, the VPN carries 1500 bytes at most (less the IPsec " +
        "overhead). On failover, larger packets need path MTU discovery or MSS clamping on your routers.",
    });
  }

  const tunnels = gateways.length * VPN_FACTS.tunnelsPerConnection;
  // ECMP over tunnels needs BGP and a transit gateway (facts §6); otherwise one tunnel carries the traffic.
  const activeTunnels = tgw && bgp ? tunnels : 1;
  const connections: TopologyVpnConnection[] = gateways.map((cgw) => ({
    name: cgw.name,
    customerGatewayIp: cgw.ipAddress,
    bgpAsn: cgw.bgpAsn,
    tunnels: VPN_FACTS.tunnelsPerConnection,
    tunnelInsideCidrs: cgw.tunnelInsideCidrs?.map((t: string) =>
      unresolved(t) ? t : formatCidr(checkCidr(t, { prop: "tunnelInsideCidrs" })),
    ),
  }));
  return {
    topology: {
      target: vpn.target,
      targetId: vpn.targetId,
      routing: bgp ? VpnRouting.BGP : VpnRouting.STATIC,
      connections,
      tunnelBandwidth: vpn.tunnelBandwidth,
      tunnelBandwidthGbps: vpn.tunnelBandwidthGbps,
      capacityGbps: activeTunnels * vpn.tunnelBandwidthGbps,
      staticRoutes,
      onPremisesPrefixes: onPremises,
      advertisedPrefixes: advertised,
      acceleration: vpn.acceleration ?? false,
    },
    warnings,
  };
}

function checkOutsideAddress(cgw: PlanCustomerGateway, privateIp: boolean): void {
  const c = typeof cgw.ipAddress === "string" ? parseCidr(`${cgw.ipAddress}/32`) : undefined;
  if (!c || c.version !== 4) {
    throw new Error(`\`ipAddress\` "${String(cgw.ipAddress)}" of ${cgw.name} is not an IPv4 address.`);
  }
  if (privateIp && !within(c, PRIVATE_OUTSIDE)) {
    throw new Error(
      `\`ipAddress\` ${cgw.ipAddress} of ${cgw.name}: a private IP VPN needs a private address (RFC 1918 or 100.64.0.0/10).`,
    );
  }
  if (!privateIp && within(c, NOT_PUBLIC)) {
    throw new Error(
      `\`ipAddress\` ${cgw.ipAddress} of ${cgw.name} is not a public IPv4 address (private, shared, loopback, link-local, ` +
        "multicast or reserved). The customer gateway's outside address must be reachable from the internet; for a VPN over " +
        "Direct Connect use a private IP VPN (`transportAttachmentId`).",
    );
  }
}

/**
 * A warning when the VPN lands elsewhere than the Direct Connect paths (undefined when it matches or
 * either side is unknown). Checked at synth, when every gateway association exists.
 */
export function checkVpnTarget(
  targetId: string,
  targets: ReadonlyArray<string> | undefined,
  unresolved: (v: unknown) => boolean,
): VpnWarning | undefined {
  if (targets === undefined || unresolved(targetId) || targets.includes(targetId)) {
    return undefined;
  }
  return {
    id: "vpnTargetMismatch",
    message:
      `\`vpnBackup\`: the VPN lands on ${targetId}, but the Direct Connect paths of this construct reach ` +
      `${targets.length === 0 ? "no associated gateway" : targets.join(", ")}. A backup takes over only for destinations ` +
      "behind the same transit gateway or virtual private gateway; this VPN is a separate path.",
  };
}

/** One line for the construct's summary. */
export function describeVpnBackup(vpn: TopologyVpnBackup, dxCapacityGbps: number): string {
  const n = vpn.connections.length;
  return (
    `  VPN backup to ${vpn.targetId}: ${n} customer gateway${n === 1 ? "" : "s"} x 2 tunnels, ${vpn.routing.toUpperCase()}, ` +
    `up to ${vpn.capacityGbps} Gbps (${vpn.tunnelBandwidth} tunnels of ${vpn.tunnelBandwidthGbps} Gbps) for ${dxCapacityGbps} Gbps of Direct Connect; MTU 1500`
  );
}
