/**
 * What can fail in a topology: the failure domains the analysis enumerates.
 */
export enum FailureKind {
  /** A complete Direct Connect location (every device slot in it). Id: the location code, e.g. `EqDC2`. */
  LOCATION = "location",
  /** One AWS device: a device slot with its LAG or existing circuit. Id: the slot id, e.g. `EqDC2/Slot1`. */
  DEVICE = "device",
  /** One member port (dedicated connection) of a LAG: a fibre cut. Id: the port id, e.g. `EqDC2/Slot1/Port2`. */
  PORT = "port",
  /** One virtual interface: its BGP session. Id: the virtual interface id, e.g. `EqDC2/Slot1/Vif-prod`. */
  VIRTUAL_INTERFACE = "virtual-interface",
  /** One customer gateway device of the VPN backup, with both its tunnels. Id: `vpn/<name>`. */
  CUSTOMER_GATEWAY = "customer-gateway",
  /** One tunnel of the VPN backup. Id: `vpn/<name>/Tunnel<n>`. */
  VPN_TUNNEL = "vpn-tunnel",
}

/**
 * One element that fails in a scenario.
 */
export interface FailedElement {
  /** What kind of element it is. */
  readonly kind: FailureKind;
  /**
   * Its stable id: a location code (`EqDC2`), slot id (`EqDC2/Slot1`), port id (`EqDC2/Slot1/Port2`),
   * virtual interface id (`EqDC2/Slot1/Vif-prod`), customer gateway (`vpn/edge1`) or tunnel
   * (`vpn/edge1/Tunnel1`).
   */
  readonly id: string;
  /** The failure in words, for example `loss of location EqDC2`. */
  readonly description: string;
}

/**
 * How traffic reaches a gateway target in a scenario.
 */
export enum PathVia {
  /** At least one BGP session over Direct Connect is left. */
  DIRECT_CONNECT = "direct-connect",
  /**
   * No Direct Connect session is left, and the Site-to-Site VPN backup carries the traffic: only for the
   * gateway the VPN terminates on, that virtual private gateway or a Direct Connect gateway associated with
   * the VPN's transit gateway or virtual private gateway (`ConnectionTopology.gatewayAssociations`).
   */
  VPN = "vpn",
  /** Neither: the target is cut off. */
  NONE = "none",
}

/**
 * Whether one gateway target is still reached in a scenario.
 */
export interface TargetPath {
  /**
   * The gateway the virtual interfaces land on (a Direct Connect gateway or virtual private gateway
   * id, or a CDK token string), `public` for the public virtual interfaces, or a Cloud WAN core network
   * id (`core-network-...`) that a Direct Connect gateway target is attached to.
   */
  readonly target: string;
  /** How the target is reached. */
  readonly via: PathVia;
  /** The Direct Connect BGP sessions (virtual interfaces on carrying slots) left to the target. */
  readonly bgpSessions: number;
}

/**
 * The state of a topology after a set of simultaneous failures.
 */
export interface FailureScenario {
  /** The elements that fail together (none for the baseline, where nothing failed). */
  readonly failures: FailedElement[];
  /**
   * The ids of the device slots that still carry traffic: enough ports up (at least one, and at least
   * its LAG's `minimumLinks`) and at least one of its BGP sessions (virtual interfaces) up. A slot with
   * no virtual interface counts by its ports.
   */
  readonly survivingSlots: string[];
  /**
   * The Direct Connect capacity left, in Gbps.
   *
   * Per slot that still carries traffic: what its ports up carry, capped by its interfaces' rate limits
   * (`rateLimit`). An interface carries at most its rate limit, so a slot whose interfaces still up all
   * have one carries at most the sum of their rate limits: a 2 x 10 Gbps LAG with one interface limited to
   * 5 Gbps carries 5, and still 5 with one port down; a 10 Gbps port with two interfaces limited to 5 Gbps
   * carries 10, and 5 once one of them is lost. While an interface without a rate limit is up, the slot
   * carries what its ports carry.
   */
  readonly survivingCapacityGbps: number;
  /**
   * One path per gateway target: every distinct target of the private and transit virtual
   * interfaces, and `public` for the public virtual interfaces, in the order they first appear, then one
   * per Cloud WAN core network those Direct Connect gateways are attached to.
   *
   * A core network's path (`ConnectionTopology.coreNetworkAttachments`) has the BGP sessions left to its
   * gateways: it is reached over Direct Connect while one is left, else not at all (a VPN backup never
   * lands on a core network).
   */
  readonly paths: TargetPath[];
  /** Whether some target is reached only over the VPN backup. */
  readonly vpnOnly: boolean;
  /** The VPN capacity left, in Gbps (0 without a VPN backup). */
  readonly vpnCapacityGbps: number;
}
