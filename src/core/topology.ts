import { ConnectionBandwidth } from "./bandwidth";
import { ResiliencyModel } from "./model";
import { TunnelBandwidth } from "./tunnel-bandwidth";

/** The kind of a virtual interface. */
export enum VirtualInterfaceType {
  /** A transit virtual interface, to a Direct Connect gateway associated with transit gateways. */
  TRANSIT = "transit",
  /** A private virtual interface, to a Direct Connect gateway or a virtual private gateway. */
  PRIVATE = "private",
  /** A public virtual interface, to AWS public endpoints. */
  PUBLIC = "public",
}

/** What a Site-to-Site VPN backup connects to. */
export enum VpnTarget {
  /** A transit gateway. */
  TRANSIT_GATEWAY = "transitGateway",
  /** A virtual private gateway. */
  VIRTUAL_PRIVATE_GATEWAY = "virtualPrivateGateway",
}

/** How a Site-to-Site VPN backup routes. */
export enum VpnRouting {
  /** Dynamic routing over BGP. */
  BGP = "bgp",
  /** Static routes only. */
  STATIC = "static",
}

/**
 * One member port (dedicated connection) of a device slot.
 */
export interface TopologyPort {
  /** Stable id: `<location>/Slot<n>/Port<m>`, for example `EqDC2/Slot1/Port2`. */
  readonly id: string;
  /** The Direct Connect location code. */
  readonly location: string;
  /** The number of the device slot this port belongs to (1-based, per location). */
  readonly slotNumber: number;
  /** The number of this port within its slot's LAG (1-based). */
  readonly memberNumber: number;
  /** The `ConnectionName` of the port. */
  readonly connectionName: string;
  /** The port speed as CloudFormation writes it, for example `10Gbps`. */
  readonly bandwidth: string;
  /** The port speed in Gbps. */
  readonly speedGbps: number;
  /**
   * Whether the port outlives its stack: its `DeletionPolicy` is `Retain` or `RetainExceptOnCreate`.
   * A deleted port is a cancelled circuit whose cross-connect AWS has removed.
   *
   * @default true
   */
  readonly retained?: boolean;
  /**
   * Whether this port requests MACsec (`RequestMACSec`), when it may differ from its LAG's.
   *
   * @default - the slot's `requestMacSec`
   */
  readonly requestMacSec?: boolean;
  /**
   * The `connectionState` the Direct Connect API gives for a port that exists (a live estate's port),
   * for example `requested`, `pending` or `available`. The report's turn-up section says from it what is
   * left to do: an LOA-CFA and a cross-connect while `requested` or `pending`, nothing once `available`.
   *
   * @default - not known: a port this layout orders
   */
  readonly connectionState?: string;
}

/**
 * One BGP peer (session) of a virtual interface.
 */
export interface TopologyBgpPeer {
  /** `ipv4` or `ipv6`. */
  readonly addressFamily: string;
  /**
   * The Amazon-side peer address with its prefix, e.g. `169.254.10.1/30`.
   *
   * @default - assigned by AWS
   */
  readonly amazonAddress?: string;
  /**
   * The customer-side peer address with its prefix, e.g. `169.254.10.2/30`.
   *
   * @default - assigned by AWS
   */
  readonly customerAddress?: string;
}

/**
 * One virtual interface on one device slot: its own BGP session(s) on the slot's LAG or connection.
 */
export interface TopologyVirtualInterface {
  /** Stable id: `<location>/Slot<n>/Vif-<name>`. */
  readonly id: string;
  /** The name of the spec it comes from (its purpose), for example `prod`. */
  readonly name: string;
  /** Transit, private or public. */
  readonly interfaceType: VirtualInterfaceType;
  /** The id of the gateway it lands on (Direct Connect gateway or virtual private gateway), or a token. Empty for public. */
  readonly target: string;
  /** The Direct Connect location code of its slot. */
  readonly location: string;
  /** The slot number of its slot. */
  readonly slotNumber: number;
  /** The `VirtualInterfaceName`. */
  readonly virtualInterfaceName: string;
  /** The 802.1Q VLAN. */
  readonly vlan: number;
  /** The customer-side BGP ASN. */
  readonly customerAsn: number;
  /**
   * The MTU.
   *
   * @default - 1500
   */
  readonly mtu?: number;
  /** The BGP peers, one per address family. */
  readonly bgpPeers: TopologyBgpPeer[];
  /**
   * The Amazon-side BGP ASN of the sessions: the Amazon-side ASN of the Direct Connect gateway or
   * virtual private gateway the interface lands on.
   *
   * @default - not known here: read it on the gateway (console, or `aws directconnect
   *   describe-direct-connect-gateways`, `aws ec2 describe-vpn-gateways`) or on the interface once it
   *   exists (`aws directconnect describe-virtual-interfaces`, `amazonSideAsn`)
   */
  readonly amazonSideAsn?: number;
  /**
   * Where the BGP MD5 key of the sessions lives, in words, never the key itself: for example
   * `Secrets Manager secret dx/bgp-key`, or that it is in the template in plain text.
   *
   * @default - no key given: AWS generates one per session (read it in the console or with
   *   `aws directconnect describe-virtual-interfaces`)
   */
  readonly authKeySource?: string;
  /**
   * The public prefixes advertised to AWS (public virtual interfaces).
   *
   * @default - none
   */
  readonly routeFilterPrefixes?: string[];
  /**
   * The interface's rate limit (its Rate Limiter, `RateLimit`), in Gbps: it carries at most this much in
   * either direction. The failure analysis caps a slot whose every interface has one at the sum of the
   * rate limits of its interfaces that are up (`FailureScenario.survivingCapacityGbps`).
   *
   * @default - none: the interface may use the whole slot
   */
  readonly rateLimitGbps?: number;
  /**
   * SiteLink is on (`EnableSiteLink`): the interface exchanges traffic over the AWS backbone with the
   * other SiteLink interfaces of its Direct Connect gateway at other Direct Connect locations, without
   * entering a Region. SiteLink is billed per interface hour and per GB.
   *
   * @see https://aws.amazon.com/blogs/networking-and-content-delivery/introducing-aws-direct-connect-sitelink/
   * @default false
   */
  readonly siteLink?: boolean;
}

/**
 * One device slot: one AWS device at one location, realised as one LAG with its member ports.
 *
 * All members of a LAG terminate on the same AWS device
 * (https://docs.aws.amazon.com/directconnect/latest/UserGuide/lags.html), so two slots are always two LAGs.
 */
export interface TopologyDeviceSlot {
  /** Stable id: `<location>/Slot<n>`, for example `EqDC2/Slot1`. */
  readonly id: string;
  /** The Direct Connect location code. */
  readonly location: string;
  /** The slot number within its location (1-based). */
  readonly slotNumber: number;
  /**
   * The `LagName` of the slot's LAG.
   *
   * @default - undefined for an existing circuit
   */
  readonly lagName?: string;
  /**
   * What the device holds, in words, when it is not one LAG of this layout: for a live estate's device,
   * its circuits, for example `connections dxcon-fg5678gh, dxcon-ab1234cd on device EqDC2-2abc3def`.
   *
   * @default - `LAG <lagName>`
   */
  readonly deviceName?: string;
  /**
   * The `dxcon-` or `dxlag-` id of an existing circuit this slot stands for: nothing is ordered for it.
   *
   * @default - a new LAG and ports
   */
  readonly existingConnectionId?: string;
  /** The speed of each port as CloudFormation writes it, for example `10Gbps`. */
  readonly portBandwidth: string;
  /** The capacity of the slot in Gbps: port speed x ports. */
  readonly capacityGbps: number;
  /** The member ports to order (none for an existing circuit). */
  readonly ports: TopologyPort[];
  /** The virtual interfaces on this slot. */
  readonly virtualInterfaces: TopologyVirtualInterface[];
  /**
   * The service provider of the ports.
   *
   * @default - no provider: you arrange the cross-connect yourself
   */
  readonly providerName?: string;
  /** Whether the LAG and its ports request MACsec. */
  readonly requestMacSec: boolean;
  /**
   * Whether the deploy associates a MACsec key (CKN/CAK) with the LAG (the construct's `macSecKey`).
   *
   * @default false
   */
  readonly macSecKey?: boolean;
  /**
   * The LAG's `MinimumLinks`.
   *
   * @default - not set (AWS uses 0)
   */
  readonly minimumLinks?: number;
  /**
   * Whether the slot's LAG outlives its stack: its `DeletionPolicy` is `Retain` or `RetainExceptOnCreate`.
   *
   * @default true
   */
  readonly retained?: boolean;
  /**
   * Whether the slot's location is unknown: an existing circuit that a template refers to only by
   * its id. Its `location` is then a placeholder, and the rules that compare locations skip the layout.
   *
   * @default false
   */
  readonly locationUnknown?: boolean;
}

/**
 * One Direct Connect location of a topology with its device slots.
 */
export interface TopologyLocation {
  /** The Direct Connect location code, for example `EqDC2`. */
  readonly location: string;
  /** The device slots at this location, by slot number. */
  readonly deviceSlots: TopologyDeviceSlot[];
}

/**
 * One VPN connection of a VPN backup: one customer gateway device, two tunnels.
 */
export interface TopologyVpnConnection {
  /** The device's name (its logical IDs derive from it). */
  readonly name: string;
  /** The device's outside IPv4 address. */
  readonly customerGatewayIp: string;
  /** The device's BGP ASN. */
  readonly bgpAsn: number;
  /** Tunnels of the connection (2). */
  readonly tunnels: number;
  /**
   * The /30 inside CIDRs of the two tunnels.
   *
   * @default - chosen by AWS
   */
  readonly tunnelInsideCidrs?: string[];
}

/**
 * The Site-to-Site VPN backup of a construct.
 */
export interface TopologyVpnBackup {
  /** A transit gateway or a virtual private gateway. */
  readonly target: VpnTarget;
  /** The id of the transit gateway or virtual private gateway. */
  readonly targetId: string;
  /** BGP or static routes. */
  readonly routing: VpnRouting;
  /** One VPN connection per customer gateway device. */
  readonly connections: TopologyVpnConnection[];
  /** The bandwidth of each tunnel: `TunnelBandwidth.STANDARD` or `TunnelBandwidth.LARGE`. */
  readonly bandwidthPerTunnel: TunnelBandwidth;
  /**
   * The CloudFormation value of `bandwidthPerTunnel`: `standard` or `large`.
   *
   * @deprecated use `bandwidthPerTunnel` (its `value`)
   */
  readonly tunnelBandwidth: string;
  /** The capacity of one tunnel in Gbps (`bandwidthPerTunnel.gbps`). */
  readonly tunnelBandwidthGbps: number;
  /** What the VPN carries at most in Gbps: every tunnel with BGP on a transit gateway (ECMP), else one tunnel. */
  readonly capacityGbps: number;
  /**
   * The static routes (on-premises prefixes), normalised.
   *
   * @default - none (BGP)
   */
  readonly staticRoutes?: string[];
  /**
   * The prefixes the on-premises routers advertise over Direct Connect, normalised.
   *
   * @default - not given
   */
  readonly onPremisesPrefixes?: string[];
  /**
   * The prefixes the customer gateways advertise over the VPN (BGP), normalised.
   *
   * @default - not given
   */
  readonly advertisedPrefixes?: string[];
  /** Whether the VPN connections are accelerated. */
  readonly acceleration: boolean;
}

/**
 * One association of a Direct Connect gateway with a transit gateway or virtual private gateway: what
 * lets a Site-to-Site VPN on that gateway back up the Direct Connect gateway's virtual interfaces.
 */
export interface TopologyGatewayAssociation {
  /** The Direct Connect gateway, as the virtual interfaces name it (`TopologyVirtualInterface.target`). */
  readonly directConnectGatewayId: string;
  /** The transit gateway or virtual private gateway associated with it, as `TopologyVpnBackup.targetId` names it. */
  readonly associatedGatewayId: string;
}

/**
 * One attachment of a Direct Connect gateway to an AWS Cloud WAN core network
 * (`AWS::NetworkManager::DirectConnectGatewayAttachment`). The core network is a gateway target behind the
 * Direct Connect gateway, as a transit gateway is: it is reached while a BGP session to that Direct
 * Connect gateway is left (`FailureScenario.paths`).
 */
export interface TopologyCoreNetworkAttachment {
  /** The Direct Connect gateway, as the virtual interfaces name it (`TopologyVirtualInterface.target`). */
  readonly directConnectGatewayId: string;
  /** The core network's id (`core-network-...`), or a token. */
  readonly coreNetworkId: string;
  /** The Regions of the core network edges the attachment is associated with, for example `us-east-1`. */
  readonly edgeLocations: string[];
  /**
   * The attachment's routing policy label.
   *
   * @default - none
   */
  readonly routingPolicyLabel?: string;
}

/**
 * The planned layout of a construct: locations -> device slots -> member ports, with names and
 * stable ids. It is what the constructs emit and what analysis reads.
 */
export interface ConnectionTopology {
  /** The resiliency model the layout meets. */
  readonly model: ResiliencyModel;
  /** The capacity of every device slot and the ports that build it. */
  readonly bandwidth: ConnectionBandwidth;
  /** The prefix of every generated name. */
  readonly namePrefix: string;
  /** The locations, sorted by location code. */
  readonly locations: TopologyLocation[];
  /**
   * The Site-to-Site VPN backup.
   *
   * @default - none
   */
  readonly vpnBackup?: TopologyVpnBackup;
  /**
   * The associations of the Direct Connect gateways the virtual interfaces land on. The failure analysis
   * credits the VPN backup only to the gateway it terminates on: a virtual private gateway that
   * private virtual interfaces reach directly, or a Direct Connect gateway associated with the VPN's
   * transit gateway or virtual private gateway.
   *
   * @default - none known: the VPN backs only a virtual private gateway the interfaces reach directly
   */
  readonly gatewayAssociations?: TopologyGatewayAssociation[];
  /**
   * The attachments to Cloud WAN core networks of the Direct Connect gateways the virtual interfaces land
   * on. The failure analysis adds one path per core network: it is reached while one of its Direct Connect
   * gateways is.
   *
   * @default - none
   */
  readonly coreNetworkAttachments?: TopologyCoreNetworkAttachment[];
  /**
   * The name of the resiliency group that holds every port.
   *
   * @default - no resiliency group
   */
  readonly resiliencyGroupName?: string;
}
