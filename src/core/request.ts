/**
 * The request: what the constructs' props say, normalised, as the rules and the planner read it.
 */
import type { Deferrable } from "./deferred";
import type { VirtualInterfaceType, VpnTarget } from "./topology";
import type { TunnelBandwidth } from "./tunnel-bandwidth";

/**
 * A virtual interface spec as the planner sees it: one interface on every device slot. The props that
 * may be CDK tokens are `Deferrable` (marked where the construct takes the spec); the rules skip them.
 */
export interface PlanVirtualInterface {
  readonly name: string;
  readonly interfaceType: VirtualInterfaceType;
  /** What it lands on (gateway id), for the topology. */
  readonly target: Deferrable<string>;
  readonly vlan: Deferrable<number>;
  readonly customerAsn: Deferrable<number>;
  /** `ipv4` and/or `ipv6`, one BGP peer each. */
  readonly addressFamilies: ReadonlyArray<string>;
  readonly mtu?: Deferrable<number>;
  readonly addressPool?: Deferrable<string>;
  readonly peerAddresses?: ReadonlyArray<PlanPeerAddresses>;
  /** Tokens are not allowed here: the prefixes are checked and normalised before deploy. */
  readonly routeFilterPrefixes?: ReadonlyArray<string>;
  /** The Amazon-side ASN of the Direct Connect gateway it lands on, when known. */
  readonly gatewayAsn?: Deferrable<number>;
  /** The BGP auth key, only when it is plain text (to check its form). */
  readonly plaintextAuthKey?: string;
  /** The BGP auth key is a Systems Manager SecureString reference (`{{resolve:ssm-secure:...}}`). */
  readonly ssmSecureAuthKey?: boolean;
  /** The rate limit (`RateLimit`): its CloudFormation value and its Gbps. Never a token. */
  readonly rateLimit?: { readonly value: string; readonly rateGbps: number };
  /** Where the BGP auth key lives, in words (never the key), for the topology: `TopologyVirtualInterface.authKeySource`. */
  readonly authKeySource?: string;
  /** SiteLink asked for (`enableSiteLink: true`), on any interface type (the rules say where it works). */
  readonly siteLink?: boolean;
  /** It lands on a virtual private gateway (`virtualGatewayId`), not a Direct Connect gateway. */
  readonly onVirtualGateway?: boolean;
}

/**
 * IPv4 BGP peer addresses of one slot, given by the user. No token here: the slot and the addresses
 * are checked before deploy.
 */
export interface PlanPeerAddresses {
  readonly location: string;
  readonly slotNumber: number;
  readonly amazonAddress: string;
  readonly customerAddress: string;
}

/**
 * One customer gateway device of a VPN backup: the one internal type of a device, built once at the edge
 * from `CustomerGatewayDevice` (emit/vpn-backup.ts); the planner makes its `TopologyVpnConnection`.
 */
export interface PlanCustomerGateway {
  readonly name: string;
  /** The device's outside IPv4 address. */
  readonly ipAddress: Deferrable<string>;
  /** The device's BGP ASN (65000 when not given). */
  readonly bgpAsn: Deferrable<number>;
  /** The device's name in AWS (`DeviceName`). */
  readonly deviceName?: Deferrable<string>;
  /** The inside CIDRs of the tunnels, as given. */
  readonly tunnelInsideCidrs?: ReadonlyArray<Deferrable<string>>;
  /**
   * The pre-shared keys of the tunnels, as the template takes them: a key given in plain text as it is,
   * a secret (resolved at deploy) `Deferred`. Undefined when none were given (AWS generates them).
   */
  readonly preSharedKeys?: ReadonlyArray<Deferrable<string>>;
}

/** A VPN backup as the planner sees it: built once at the edge from the options of a `VpnBackup` factory. */
export interface PlanVpnBackup {
  readonly target: VpnTarget;
  /** The transit gateway or virtual private gateway. */
  readonly targetId: Deferrable<string>;
  readonly customerGateways: ReadonlyArray<PlanCustomerGateway>;
  readonly staticRoutes?: ReadonlyArray<string>;
  readonly onPremisesPrefixes?: ReadonlyArray<string>;
  readonly advertisedPrefixes?: ReadonlyArray<string>;
  readonly acceleration?: boolean;
  /** A private IP VPN: the transit gateway's attachment to the Direct Connect gateway. */
  readonly transportAttachmentId?: Deferrable<string>;
  readonly tunnelBandwidth: TunnelBandwidth;
  /** The stack's Region (`Deferred` when the stack is environment-agnostic), for per-Region rules. */
  readonly region?: Deferrable<string>;
}
