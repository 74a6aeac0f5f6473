/**
 * The request: what the constructs' props say, normalised, as the rules and the planner read it.
 */
import type { Deferrable } from "./deferred";
import type { VirtualInterfaceType, VpnTarget } from "./topology";

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
