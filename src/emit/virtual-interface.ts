import { CfnResource, CfnTag, SecretValue } from "aws-cdk-lib";
import { Metric, MetricOptions } from "aws-cdk-lib/aws-cloudwatch";
import {
  CfnPrivateVirtualInterface,
  CfnPublicVirtualInterface,
  CfnTransitVirtualInterface,
} from "aws-cdk-lib/aws-directconnect";
import { Construct, IConstruct } from "constructs";
import { authKeyPlaceOf } from "./auth-key";
import { mark } from "./findings";
import { IDirectConnectGateway } from "./gateway";
import { virtualInterfaceMetric } from "./operate/metrics";
import { known } from "../core/deferred";
import { finding } from "../core/fail";
import { PROP_TYPE } from "../core/prop-type";
import {
  given,
  isMadeBy,
  label,
  listOf,
  objectOf,
  optionalBooleanOf,
  optionalListOf,
  show,
  wholeNumberFindings,
} from "../core/props";
import { RateLimit } from "../core/rate-limit";
import type { PlanVirtualInterface } from "../core/request";
import type { RuleFinding } from "../core/rule";
import { TopologyVirtualInterface, VirtualInterfaceType } from "../core/topology";
import { checkVirtualGatewayId } from "../rules/gateways";
import { LIMITS, SLOT_NUMBER_RANGE } from "../rules/layout";
import { checkPrivateVifTarget, checkTags, checkTransitVifGateway } from "../rules/virtual-interfaces";

/** The address family of a BGP peer. */
export enum AddressFamily {
  /** IPv4: peer addresses from `peerAddresses`, `addressPool`, or assigned by AWS. */
  IPV4 = "ipv4",
  /** IPv6: peer addresses always assigned by AWS (a /125). */
  IPV6 = "ipv6",
}

/**
 * The IPv4 BGP peer addresses of one device slot.
 */
export interface SlotPeerAddresses {
  /** The location code of the slot. */
  readonly location: string;
  /** The slot number. */
  readonly slotNumber: number;
  /** The Amazon-side address with its prefix, e.g. `169.254.10.1/30`. */
  readonly amazonAddress: string;
  /** The customer-side address with its prefix, e.g. `169.254.10.2/30`. */
  readonly customerAddress: string;
}

/**
 * Options of every virtual interface spec.
 */
export interface VirtualInterfaceOptions {
  /**
   * The purpose of the interfaces, for example `prod`: 1 to 32 letters, digits and `-`. It names each
   * interface (`<prefix>-<location>-d<slot>-<name>`) and its logical ID, so renaming it replaces the
   * interfaces (new BGP sessions).
   */
  readonly name: string;

  /**
   * The 802.1Q VLAN, 1 to 4094, unique among the specs (each spec lands on every slot).
   *
   * Changing this replaces the interfaces.
   */
  readonly vlan: number;

  /** Your side's BGP ASN, 1 to 4294967294, different from the gateway's Amazon-side ASN. Updates with interruption. */
  readonly customerAsn: number;

  /**
   * The BGP MD5 key of every session, from Secrets Manager:
   * `SecretValue.secretsManager('dx/bgp-key')`. A plain-text value
   * (`SecretValue.unsafePlainText`) ends up readable in the template: it is accepted with a warning.
   *
   * Changing this updates the BGP peers in place (the sessions are interrupted).
   *
   * @default - AWS generates a key per session
   */
  readonly authKey?: SecretValue;

  /**
   * The BGP sessions of each interface: one per address family.
   *
   * Changing this adds or removes BGP peers in place.
   *
   * @default [AddressFamily.IPV4]
   */
  readonly addressFamilies?: AddressFamily[];

  /**
   * An IPv4 block (a /30 or larger) to carve the IPv4 peer addresses of each slot from: each slot gets
   * the /30 at index FNV-1a(`<name>/<location>/Slot<n>`) modulo the number of /30s in the block, Amazon
   * side the first host, your side the second. The choice depends only on the slot and the spec, so
   * adding slots or specs never moves an existing session. Two sessions landing on one /30 are an
   * error: give a larger block (a /22 or larger keeps that rare) or pin one with `peerAddresses`.
   *
   * Changing this updates the BGP peers in place (the sessions are interrupted).
   *
   * @default - AWS assigns IPv4 peer addresses from 169.254.0.0/16 (private and transit)
   */
  readonly addressPool?: string;

  /**
   * IPv4 peer addresses for given slots, which take precedence over `addressPool`.
   *
   * Changing this updates the BGP peers in place (the sessions are interrupted).
   *
   * @default - none
   */
  readonly peerAddresses?: SlotPeerAddresses[];

  /**
   * Tags of every interface of this spec (`Tags.of()` reaches them too).
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };

  /**
   * The rate limit of every interface of this spec (a Direct Connect Rate Limiter, `RateLimit` in the
   * template): traffic above it, in either direction, is dropped, so one interface cannot take the
   * bandwidth of the others on its slot. At most the capacity of each slot; at most 10 specs of a
   * construct have one (a dedicated connection or LAG takes at most 10 Rate Limiters). The failure
   * analysis and the report count an interface at most at its rate limit.
   *
   * Changing this updates the interfaces in place.
   *
   * @see https://docs.aws.amazon.com/directconnect/latest/UserGuide/vif-rate-limiters.html
   * @default - none: the interface may use the whole slot
   */
  readonly rateLimit?: RateLimit;
}

/**
 * Options of `VirtualInterface.transit`.
 */
export interface TransitVirtualInterfaceOptions extends VirtualInterfaceOptions {
  /**
   * The Direct Connect gateway the interfaces land on (associated with transit gateways).
   *
   * Changing this replaces the interfaces.
   */
  readonly gateway: IDirectConnectGateway;

  /**
   * The MTU: 1500 or 8500 (jumbo frames).
   *
   * Changing this updates the interfaces in place; AWS may interrupt the connection for up to 30 s.
   *
   * @default 1500
   */
  readonly mtu?: number;

  /**
   * Turn on SiteLink (`EnableSiteLink`) on every interface of this spec: your sites at different Direct
   * Connect locations exchange traffic over the AWS backbone, without entering a Region, through the
   * SiteLink interfaces of the same Direct Connect gateway. The report shows the SiteLink paths; the cost
   * estimate counts the SiteLink interface hours (data transfer is billed on top). A construct with
   * slots at one location only gets a warning: SiteLink has nothing to link there.
   *
   * Changing this updates the interfaces in place (with interruption).
   *
   * @see https://aws.amazon.com/blogs/networking-and-content-delivery/introducing-aws-direct-connect-sitelink/
   * @default false
   */
  readonly enableSiteLink?: boolean;
}

/**
 * Options of `VirtualInterface.privateInterface`: give exactly one of `gateway` and `virtualGatewayId`.
 */
export interface PrivateVirtualInterfaceOptions extends VirtualInterfaceOptions {
  /**
   * The Direct Connect gateway the interfaces land on (associated with virtual private gateways).
   *
   * Changing this replaces the interfaces.
   *
   * @default - none: give `virtualGatewayId`
   */
  readonly gateway?: IDirectConnectGateway;

  /**
   * A virtual private gateway (`vgw-...`) the interfaces land on directly, without a Direct Connect
   * gateway.
   *
   * Changing this replaces the interfaces.
   *
   * @default - none: give `gateway`
   */
  readonly virtualGatewayId?: string;

  /**
   * The MTU: 1500, or 8500 for jumbo frames. 9001, which older documentation gives, is accepted with
   * a warning (the current API says 8500).
   *
   * Changing this updates the interfaces in place; AWS may interrupt the connection for up to 30 s.
   *
   * @default 1500
   */
  readonly mtu?: number;

  /**
   * Turn on SiteLink (`EnableSiteLink`) on every interface of this spec: your sites at different Direct
   * Connect locations exchange traffic over the AWS backbone, without entering a Region, through the
   * SiteLink interfaces of the same Direct Connect gateway. Only with `gateway`: an interface on a
   * virtual private gateway (`virtualGatewayId`) cannot have it. The report shows the SiteLink paths; the
   * cost estimate counts the SiteLink interface hours (data transfer is billed on top).
   *
   * Changing this updates the interfaces in place (with interruption).
   *
   * @see https://aws.amazon.com/blogs/networking-and-content-delivery/introducing-aws-direct-connect-sitelink/
   * @default false
   */
  readonly enableSiteLink?: boolean;
}

/**
 * Options of `VirtualInterface.publicInterface`.
 */
export interface PublicVirtualInterfaceOptions extends VirtualInterfaceOptions {
  /**
   * The public prefixes you advertise to AWS (you must own them). At least one.
   *
   * Changing this replaces the interfaces.
   */
  readonly routeFilterPrefixes: string[];
}

/**
 * A virtual interface spec: it becomes one virtual interface on every device slot (on the slot's LAG),
 * so every path has its own BGP session.
 *
 * @example
 * VirtualInterface.transit({ name: 'prod', gateway, vlan: 101, customerAsn: 65010 });
 */
export class VirtualInterface {
  /**
   * Transit virtual interfaces to a Direct Connect gateway (for transit gateways). At most 4 per slot.
   *
   * The options are checked by the construct that takes the spec, with all its other props.
   */
  public static transit(options: TransitVirtualInterfaceOptions): VirtualInterface {
    const o = optionsOf(options);
    return new VirtualInterface(
      VirtualInterfaceType.TRANSIT,
      o,
      o.gateway,
      o.mtu,
      o.enableSiteLink,
    ).recording(
      optionsFindings(options, "transit", () => checkTransitVifGateway(given(o.gateway), label(o.name))),
    );
  }

  /**
   * Private virtual interfaces to a Direct Connect gateway or to a virtual private gateway.
   *
   * The options are checked by the construct that takes the spec, with all its other props.
   */
  public static privateInterface(options: PrivateVirtualInterfaceOptions): VirtualInterface {
    const o = optionsOf(options);
    const gateway = given(o.gateway) ? o.gateway : undefined;
    const vgw = given(o.virtualGatewayId) ? o.virtualGatewayId : undefined;
    return new VirtualInterface(
      VirtualInterfaceType.PRIVATE,
      o,
      gateway,
      o.mtu,
      o.enableSiteLink,
      vgw,
    ).recording(
      optionsFindings(options, "privateInterface", () => [
        ...checkPrivateVifTarget(gateway !== undefined, vgw !== undefined, label(o.name)),
        ...(vgw === undefined ? [] : checkVirtualGatewayId(mark(vgw), true)),
      ]),
    );
  }

  /**
   * Public virtual interfaces, to reach AWS public endpoints over Direct Connect.
   *
   * The options are checked by the construct that takes the spec, with all its other props.
   */
  public static publicInterface(options: PublicVirtualInterfaceOptions): VirtualInterface {
    const o = optionsOf(options);
    // no `enableSiteLink` on public interfaces: one passed anyway (plain JavaScript) is refused by name
    const siteLink = (o as { enableSiteLink?: unknown }).enableSiteLink;
    return new VirtualInterface(
      VirtualInterfaceType.PUBLIC,
      o,
      undefined,
      undefined,
      siteLink === true ? true : undefined,
      undefined,
      o.routeFilterPrefixes,
    ).recording(optionsFindings(options, "publicInterface", () => []));
  }

  /** The spec's name (its purpose). */
  public readonly name: string;
  /** Transit, private or public. */
  public readonly interfaceType: VirtualInterfaceType;
  /**
   * The Direct Connect gateway the interfaces land on.
   *
   * @default - none (public, or private to a virtual private gateway)
   */
  public readonly gateway?: IDirectConnectGateway;
  /**
   * The virtual private gateway the interfaces land on.
   *
   * @default - none
   */
  public readonly virtualGatewayId?: string;

  private findings: ReadonlyArray<RuleFinding> = [];

  private constructor(
    interfaceType: VirtualInterfaceType,
    private readonly options: VirtualInterfaceOptions,
    gateway?: IDirectConnectGateway,
    private readonly mtu?: number,
    private readonly enableSiteLink?: boolean,
    virtualGatewayId?: string,
    private readonly routeFilterPrefixes?: string[],
  ) {
    this.name = options.name;
    this.interfaceType = interfaceType;
    this.gateway = gateway;
    this.virtualGatewayId = virtualGatewayId;
  }

  /** The findings of the factory's options, reported by the construct that takes the spec (`_findings`). */
  private recording(findings: ReadonlyArray<RuleFinding>): VirtualInterface {
    this.findings = findings;
    return this;
  }

  /**
   * The findings of the options the factory recorded, each naming its prop: the construct that takes
   * the spec reports them with its own.
   *
   * @internal
   */
  public _findings(): RuleFinding[] {
    return [...this.findings];
  }

  /**
   * The spec as the planner sees it, its tokens marked; `scope` resolves the BGP key's reference to
   * say where the key lives.
   *
   * @internal
   */
  public _plan(scope: IConstruct): PlanVirtualInterface {
    const authKey = given(this.options.authKey) ? this.options.authKey : undefined;
    const raw = authKey?.unsafeUnwrap();
    const key = authKeyPlaceOf(scope, authKey);
    const gatewayAsn = this.gateway?.amazonSideAsn;
    return {
      name: this.options.name,
      interfaceType: this.interfaceType,
      target: mark(this.gateway?.gatewayId ?? this.virtualGatewayId ?? ""),
      vlan: mark(this.options.vlan),
      customerAsn: mark(this.options.customerAsn),
      addressFamilies: this.options.addressFamilies ?? [AddressFamily.IPV4],
      mtu: given(this.mtu) ? mark(this.mtu) : undefined,
      addressPool: given(this.options.addressPool) ? mark(this.options.addressPool) : undefined,
      peerAddresses: this.options.peerAddresses ?? undefined,
      routeFilterPrefixes: given(this.routeFilterPrefixes) ? this.routeFilterPrefixes : undefined,
      gatewayAsn: gatewayAsn === undefined ? undefined : mark(gatewayAsn),
      plaintextAuthKey: raw === undefined ? undefined : known(mark(raw)),
      authKeySource: key?.source,
      ssmSecureAuthKey: key?.ssmSecure || undefined,
      rateLimit: rateLimitOf(this.options.rateLimit),
      siteLink: this.enableSiteLink === true,
      onVirtualGateway: this.virtualGatewayId !== undefined,
    };
  }

  /**
   * The interface on one slot.
   *
   * @internal
   */
  public _emit(scope: Construct, vif: TopologyVirtualInterface, connectionId: string): CfnResource {
    const bgpPeers = vif.bgpPeers.map((p) => ({
      addressFamily: p.addressFamily,
      asn: String(vif.customerAsn),
      authKey: given(this.options.authKey) ? this.options.authKey.unsafeUnwrap() : undefined,
      amazonAddress: p.amazonAddress,
      customerAddress: p.customerAddress,
    }));
    const tags: CfnTag[] | undefined = given(this.options.tags)
      ? Object.entries(this.options.tags).map(([key, value]) => ({ key, value }))
      : undefined;
    const common = {
      connectionId,
      vlan: vif.vlan,
      virtualInterfaceName: vif.virtualInterfaceName,
      bgpPeers,
      tags,
    };
    const resource = this.l1(scope, `Vif-${vif.name}`, common, vif);
    const rateLimit = rateLimitOf(this.options.rateLimit);
    // `RateLimit` is in the L1s from about aws-cdk-lib 2.270; the floor, 2.241, has none: an override.
    if (rateLimit !== undefined) resource.addPropertyOverride("RateLimit", rateLimit.value);
    return resource;
  }

  private l1(
    scope: Construct,
    id: string,
    common: {
      connectionId: string;
      vlan: number;
      virtualInterfaceName: string;
      bgpPeers: CfnTransitVirtualInterface.BgpPeerProperty[];
      tags?: CfnTag[];
    },
    vif: TopologyVirtualInterface,
  ): CfnResource {
    switch (this.interfaceType) {
      case VirtualInterfaceType.TRANSIT:
        return new CfnTransitVirtualInterface(scope, id, {
          ...common,
          directConnectGatewayId: this.gateway!.gatewayId,
          mtu: this.mtu ?? undefined,
          enableSiteLink: this.enableSiteLink ?? undefined,
        });
      case VirtualInterfaceType.PRIVATE:
        return new CfnPrivateVirtualInterface(scope, id, {
          ...common,
          directConnectGatewayId: this.gateway?.gatewayId,
          virtualGatewayId: this.virtualGatewayId,
          mtu: this.mtu ?? undefined,
          enableSiteLink: this.enableSiteLink ?? undefined,
        });
      default:
        return new CfnPublicVirtualInterface(scope, id, {
          ...common,
          routeFilterPrefixes: vif.routeFilterPrefixes,
        });
    }
  }
}

/** The options as an object, whatever a caller without static types passed (`optionsFindings` says what is wrong). */
function optionsOf<T extends VirtualInterfaceOptions>(options: T): T {
  return typeof options === "object" && options !== null ? options : ({} as T);
}

/**
 * The findings of a spec's options, for callers whose types nobody checked (plain JavaScript): every
 * value the planner reads is of its type, or a finding names the prop; then the spec's target
 * (`target`). Ranges are the planner's. Options that are not an object are that finding alone.
 */
function optionsFindings(
  options: VirtualInterfaceOptions,
  factory: string,
  target: () => RuleFinding[],
): RuleFinding[] {
  const out: RuleFinding[] = [];
  const o = objectOf(
    options,
    "options",
    `the options of VirtualInterface.${factory}(), with \`name\`, \`vlan\` and \`customerAsn\``,
    out,
  );
  if (o === undefined) return out;
  const name = label(o.name);
  return [
    ...authKeyFindings(o.authKey, name),
    ...addressFamiliesFindings(o.addressFamilies, name),
    ...peerAddressesFindings(o.peerAddresses, name),
    ...tagsFindings(o.tags, name),
    ...booleanFindings(o.enableSiteLink, "enableSiteLink"),
    ...gatewayFindings(o.gateway, name),
    ...rateLimitFindings(o.rateLimit, name),
    ...(given(o.routeFilterPrefixes)
      ? listFindings(o.routeFilterPrefixes, "routeFilterPrefixes", "CIDR blocks")
      : []),
    ...target(),
  ];
}

/** `authKey`: a SecretValue (of this or another copy of the library). */
function authKeyFindings(authKey: unknown, name: string): RuleFinding[] {
  if (!given(authKey) || isMadeBy(authKey, "unsafeUnwrap")) return [];
  return [
    finding(
      PROP_TYPE,
      `\`authKey\` of ${name} must be a SecretValue, e.g. SecretValue.secretsManager('dx/bgp-key'), got ${show(authKey)}.`,
    ),
  ];
}

/** `addressFamilies`: a list of AddressFamily values. */
function addressFamiliesFindings(families: unknown, name: string): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const family of optionalListOf(families, "addressFamilies", "AddressFamily values", out) ?? []) {
    if (!Object.values(AddressFamily).includes(family as AddressFamily)) {
      out.push(
        finding(
          PROP_TYPE,
          `\`addressFamilies\` of ${name}: ${show(family)} is not AddressFamily.IPV4 or IPV6.`,
        ),
      );
    }
  }
  return out;
}

/** `peerAddresses`: a list of SlotPeerAddresses, each with its strings and a slot number. */
function peerAddressesFindings(peers: unknown, name: string): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const peer of optionalListOf(peers, "peerAddresses", "SlotPeerAddresses", out) ?? []) {
    const p = objectOf(peer, "peerAddresses", "each entry a slot's location, slotNumber and addresses", out);
    if (p === undefined) continue;
    if (
      typeof p.location !== "string" ||
      typeof p.amazonAddress !== "string" ||
      typeof p.customerAddress !== "string"
    ) {
      out.push(
        finding(
          PROP_TYPE,
          `\`peerAddresses\` of ${name}: each entry needs the strings \`location\`, \`amazonAddress\` and \`customerAddress\`.`,
        ),
      );
    }
    out.push(
      ...wholeNumberFindings(
        SLOT_NUMBER_RANGE,
        p.slotNumber,
        "slotNumber",
        { min: 1, max: LIMITS.slotNumber },
        ` (in \`peerAddresses\` of ${name})`,
      ),
    );
  }
  return out;
}

/** `tags`: an object of tag keys to values (the values marked: a token is not checked). */
function tagsFindings(tags: unknown, name: string): RuleFinding[] {
  if (!given(tags)) return [];
  const out: RuleFinding[] = [];
  const t = objectOf(tags, "tags", "an object of tag keys to string values", out);
  if (t === undefined) return out;
  const entries = Object.entries(t).map(([key, value]) => [key, mark(value as string)] as const);
  return checkTags(entries, name);
}

/** An optional boolean option. */
function booleanFindings(value: unknown, prop: string): RuleFinding[] {
  const out: RuleFinding[] = [];
  optionalBooleanOf(value, prop, out);
  return out;
}

/** A required list option. */
function listFindings(value: unknown, prop: string, what: string): RuleFinding[] {
  const out: RuleFinding[] = [];
  listOf(value, prop, what, out);
  return out;
}

/** A rate limit as the planner reads it: its value and Gbps (of this or another copy of the library). */
function rateLimitOf(rateLimit: unknown): { value: string; rateGbps: number } | undefined {
  if (!given(rateLimit) || typeof rateLimit !== "object") return undefined;
  const r = rateLimit as RateLimit;
  if (typeof r.value !== "string" || typeof r.rateGbps !== "number") return undefined;
  return { value: r.value, rateGbps: r.rateGbps };
}

/** `rateLimit`: a RateLimit (of this or another copy of the library). */
function rateLimitFindings(rateLimit: unknown, name: string): RuleFinding[] {
  if (!given(rateLimit) || rateLimitOf(rateLimit) !== undefined) return [];
  return [
    finding(
      PROP_TYPE,
      `\`rateLimit\` of ${name} must be a RateLimit (RateLimit.mbps(n) or RateLimit.gbps(n)), got ${show(rateLimit)}.`,
    ),
  ];
}

/** `gateway`: a Direct Connect gateway (of this or another copy of the library). */
function gatewayFindings(gateway: unknown, name: string): RuleFinding[] {
  if (
    !given(gateway) ||
    (isMadeBy(gateway, "associateTransitGateway") && typeof (gateway as any).gatewayId === "string")
  ) {
    return [];
  }
  return [
    finding(
      PROP_TYPE,
      `\`gateway\` of ${name} must be a Direct Connect gateway (new DirectConnectGateway(...) or ` +
        `DirectConnectGateway.fromGatewayId(...)), got ${show(gateway)}.`,
    ),
  ];
}

/**
 * One virtual interface on one device slot, as emitted, with its metrics: the `AWS/DX` virtual interface
 * metrics, dimensions `ConnectionId` (the LAG or existing connection it is on) and `VirtualInterfaceId`
 * (https://docs.aws.amazon.com/directconnect/latest/UserGuide/monitoring-cloudwatch.html).
 */
export class SlotVirtualInterface {
  /** @internal */
  public static _of(
    vif: TopologyVirtualInterface,
    resource: CfnResource,
    metricConnectionId: () => string,
  ): SlotVirtualInterface {
    return new SlotVirtualInterface(vif, resource, metricConnectionId);
  }

  /** The spec's name. */
  public readonly name: string;
  /** Transit, private or public. */
  public readonly interfaceType: VirtualInterfaceType;
  /** The location code of its slot. */
  public readonly location: string;
  /** The slot number of its slot. */
  public readonly slotNumber: number;
  /** The VLAN. */
  public readonly vlan: number;
  /** The L1 resource (`CfnTransitVirtualInterface`, `CfnPrivateVirtualInterface` or `CfnPublicVirtualInterface`). */
  public readonly resource: CfnResource;
  /** The planned interface. */
  public readonly topology: TopologyVirtualInterface;

  private constructor(
    vif: TopologyVirtualInterface,
    resource: CfnResource,
    private readonly metricConnectionId: () => string,
  ) {
    this.name = vif.name;
    this.interfaceType = vif.interfaceType;
    this.location = vif.location;
    this.slotNumber = vif.slotNumber;
    this.vlan = vif.vlan;
    this.resource = resource;
    this.topology = vif;
  }

  // The two ids are read when asked: an attribute token costs a reference kept until synth.

  /** The interface's id (`dxvif-...`). */
  public get virtualInterfaceId(): string {
    return this.resource.getAtt("VirtualInterfaceId").toString();
  }

  /** The interface's ARN. */
  public get virtualInterfaceArn(): string {
    return this.resource.ref;
  }

  /**
   * A metric of this interface from the `AWS/DX` namespace, dimensions `ConnectionId` (the `dxlag-` id of
   * its slot's LAG, or the existing connection or LAG) and `VirtualInterfaceId`.
   *
   * @param metricName a metric of the Direct Connect user guide, for example `VirtualInterfaceBpsEgress`
   * @param props to override the statistic (Average by default), the period (5 minutes) or the dimensions
   */
  public metric(metricName: string, props?: MetricOptions): Metric {
    return virtualInterfaceMetric(
      this.resource,
      this.metricConnectionId(),
      this.virtualInterfaceId,
      metricName,
      props,
    );
  }

  /**
   * The bit rate out of AWS on this interface (`VirtualInterfaceBpsEgress`), in bits per second.
   *
   * Average over 5 minutes by default.
   */
  public metricVirtualInterfaceBpsEgress(props?: MetricOptions): Metric {
    return this.metric("VirtualInterfaceBpsEgress", props);
  }

  /**
   * The bit rate into AWS on this interface (`VirtualInterfaceBpsIngress`), in bits per second.
   *
   * Average over 5 minutes by default.
   */
  public metricVirtualInterfaceBpsIngress(props?: MetricOptions): Metric {
    return this.metric("VirtualInterfaceBpsIngress", props);
  }

  /**
   * The packet rate out of AWS on this interface (`VirtualInterfacePpsEgress`), in packets per second.
   *
   * Average over 5 minutes by default.
   */
  public metricVirtualInterfacePpsEgress(props?: MetricOptions): Metric {
    return this.metric("VirtualInterfacePpsEgress", props);
  }

  /**
   * The packet rate into AWS on this interface (`VirtualInterfacePpsIngress`), in packets per second.
   *
   * Average over 5 minutes by default.
   */
  public metricVirtualInterfacePpsIngress(props?: MetricOptions): Metric {
    return this.metric("VirtualInterfacePpsIngress", props);
  }
}
