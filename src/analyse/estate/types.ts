import { ResiliencyModel } from "../../core/model";
import { RuleSeverity } from "../../core/rule";
import { ConnectionTopology } from "../../core/topology";
import { FailureScenario } from "../scenario";

/**
 * The JSON the AWS describe and list calls return for an estate, each exactly as the AWS CLI prints it
 * with `--output json` (or as the AWS SDK returns it): the whole output object, or a list of such
 * objects, one per page. `dx-resiliency estate --from DIR` reads them from files named after the AWS CLI
 * command (`describe-connections.json`, ...).
 */
export interface EstateDescribeOutputs {
  /** `aws directconnect describe-connections`: `{ "connections": [...] }`, LAG members and hosted connections included. */
  readonly describeConnections: any;
  /**
   * `aws directconnect describe-lags`: `{ "lags": [...] }`.
   *
   * @default - no LAGs
   */
  readonly describeLags?: any;
  /**
   * `aws directconnect describe-virtual-interfaces`: `{ "virtualInterfaces": [...] }`.
   *
   * @default - no virtual interfaces
   */
  readonly describeVirtualInterfaces?: any;
  /**
   * `aws directconnect describe-direct-connect-gateways`: `{ "directConnectGateways": [...] }` (their names).
   *
   * @default - gateways are named by their ids
   */
  readonly describeDirectConnectGateways?: any;
  /**
   * `aws directconnect describe-direct-connect-gateway-associations` (of every gateway):
   * `{ "directConnectGatewayAssociations": [...] }`. A VPN backs a Direct Connect gateway only through them.
   *
   * @default - no associations
   */
  readonly describeDirectConnectGatewayAssociations?: any;
  /**
   * `aws ec2 describe-vpn-connections`: `{ "VpnConnections": [...] }` (tunnel states from `VgwTelemetry`).
   *
   * @default - no Site-to-Site VPN
   */
  readonly describeVpnConnections?: any;
  /**
   * `aws ec2 describe-customer-gateways`: `{ "CustomerGateways": [...] }`.
   *
   * @default - the VPNs' customer gateways are unknown
   */
  readonly describeCustomerGateways?: any;
  /**
   * `aws directconnect list-resiliency-groups`: `{ "items": [...] }`.
   *
   * @default - no resiliency groups
   */
  readonly listResiliencyGroups?: any;
  /**
   * `aws directconnect get-resiliency-group` of each group: `{ "resiliencyGroup": {...} }`, or a list of them.
   * The group's `intendedResiliencyModel` is read from it (or from the list's items).
   *
   * @default - the intended models are read from `listResiliencyGroups` only
   */
  readonly resiliencyGroupDetails?: any;
  /**
   * `aws directconnect list-resiliency-group-associations` of each group: `{ "items": [...] }`, or a list of them.
   *
   * @default - the groups hold no connections
   */
  readonly listResiliencyGroupAssociations?: any;
}

/** Options of `DirectConnectEstate.fromDescribeOutputs`. */
export interface DirectConnectEstateOptions {
  /**
   * The resiliency model every gateway's paths claim: checked like a construct's model (its locations,
   * devices and promise), an error when not met.
   *
   * @default - a gateway claims the model of the resiliency groups that hold all its connections, else none:
   *   the report then says which model it meets
   */
  readonly model?: ResiliencyModel;
  /**
   * The prefixes your routers advertise over Direct Connect, to check the VPNs' static routes against.
   *
   * @default - not checked
   */
  readonly onPremisesPrefixes?: string[];
  /**
   * The estate's name in the report, for example the account and Region.
   *
   * @default "estate"
   */
  readonly title?: string;
}

/** Where a gateway's claimed model comes from. */
export enum EstateClaimSource {
  /** The `model` option. */
  OPTIONS = "options",
  /** The resiliency groups that hold every connection of its paths, all with one intended model. */
  RESILIENCY_GROUP = "resiliencyGroup",
  /** None: the report says which model its paths meet. */
  NONE = "none",
}

/** One circuit of the estate: a LAG, a dedicated connection or a hosted connection. */
export interface EstateCircuit {
  /** `dxlag-...` or `dxcon-...`. */
  readonly id: string;
  /** Its name. */
  readonly name: string;
  /** `lag`, `connection` or `hosted connection`. */
  readonly kind: string;
  /** `connectionState` or `lagState`, for example `available` or `down`. */
  readonly state: string;
  /** The Direct Connect location code. */
  readonly location: string;
  /** The port speed, for example `10Gbps` or `500Mbps`. */
  readonly bandwidth: string;
  /**
   * The AWS device it terminates on (`awsDeviceV2`).
   *
   * @default - not reported by the API
   */
  readonly device?: string;
  /**
   * The device slot it is in, for example `EqDC2/Slot1`.
   *
   * @default - none: it is deleted, deleting or rejected
   */
  readonly slotId?: string;
  /**
   * The LAG it is a member of.
   *
   * @default - none
   */
  readonly lagId?: string;
  /**
   * The partner of a hosted connection.
   *
   * @default - a dedicated connection
   */
  readonly partnerName?: string;
}

/** The paths to one gateway: the layout of the device slots whose virtual interfaces reach it, and its verdict. */
export interface EstateGateway {
  /** The Direct Connect gateway or virtual private gateway id, or `public` for the public virtual interfaces. */
  readonly gatewayId: string;
  /** Its name: a Direct Connect gateway's name, else its id. */
  readonly name: string;
  /**
   * The paths to it as a layout: the device slots whose virtual interfaces reach it (only those
   * interfaces), its associations and the VPN that backs it. Its model is the claim (Classic: none).
   * Analyse it with `FailureAnalysis.analyse`.
   */
  readonly topology: ConnectionTopology;
  /** Where the claim comes from. */
  readonly claimSource: EstateClaimSource;
  /** Whether its claim holds (true without a claim). */
  readonly claimMet: boolean;
  /**
   * The strongest model its paths meet today, without what is not available now: Maximum, High, or
   * Development and Test.
   *
   * @default - none of them
   */
  readonly modelMet?: ResiliencyModel;
  /**
   * The strongest model its paths meet with every connection, interface and tunnel available.
   *
   * @default - none of them
   */
  readonly modelAsBuilt?: ResiliencyModel;
  /**
   * The single failure that leaves the least Direct Connect capacity, from the state today.
   *
   * @default - nothing can fail
   */
  readonly worstSingleFailure?: FailureScenario;
  /**
   * The state now: the connections, interfaces and tunnels that are not available, failed together.
   *
   * @default - everything is available
   */
  readonly now?: FailureScenario;
  /** The verdict in one line. */
  readonly verdict: string;
}

/** A resiliency group of the estate and whether its connections meet its intended model. */
export interface EstateResiliencyGroup {
  /** `dxrg-...`. */
  readonly groupId: string;
  /** Its name. */
  readonly name: string;
  /**
   * Its `intendedResiliencyModel` (`maximum-resiliency`, `high-resiliency`, `basic-resiliency`).
   *
   * @default - not returned by the API: nothing to check
   */
  readonly intendedResiliencyModel?: string;
  /** The connections associated with it. */
  readonly connectionIds: string[];
  /** Whether its connections meet its intended model (true when it has none to check). */
  readonly met: boolean;
  /** The verdict in one line. */
  readonly verdict: string;
}

/** One finding of the rules on the estate. */
export interface EstateFinding {
  /** The rule's id (see `RuleCatalogue`). */
  readonly ruleId: string;
  /** Error or warning. */
  readonly severity: RuleSeverity;
  /** What is wrong, and what to do. */
  readonly message: string;
  /** What it is about: `gateway <name>`, `resiliency group <name>` or `estate`. */
  readonly subject: string;
}
