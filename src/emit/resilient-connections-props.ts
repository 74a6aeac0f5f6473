/**
 * The props of `ResilientConnections` and of the three model constructs.
 */
import { RemovalPolicy } from "aws-cdk-lib";
import { MacSecKey } from "./macsec-key";
import { MonitoringOptions } from "./operate/monitoring";
import { VirtualInterface } from "./virtual-interface";
import { VpnBackup } from "./vpn-backup";
import { PortHourPrices } from "../analyse/cost";
import { ConnectionBandwidth } from "../core/bandwidth";
import { ResiliencyModel } from "../core/model";

/**
 * Props shared by every resiliency construct.
 */
export interface ConnectionsCommonProps {
  /**
   * The capacity of every device slot: one port of a native speed (`ConnectionBandwidth.GBPS_10`),
   * or a LAG of equal ports for any other capacity (`ConnectionBandwidth.gbps(20)` is 2 x 10 Gbps).
   * The same in every location, as the Resiliency Toolkit requires.
   *
   * Changing the number of ports at the same port speed (10 Gbps to `gbps(20)` to `gbps(40)`) adds or
   * removes member ports and replaces nothing. Changing the port speed (10 to 100 Gbps) replaces every
   * LAG and port (`ConnectionsBandwidth` and `Bandwidth` are create-only: new physical orders, new LOAs)
   * and moves the virtual interfaces to the new LAGs (their `ConnectionId` changes: their BGP sessions
   * are interrupted).
   *
   * @default - the cheapest that keeps `requiredBandwidthGbps` (one of the two is required)
   */
  readonly bandwidth?: ConnectionBandwidth;

  /**
   * The Direct Connect capacity, in Gbps, that must survive the worst failure the model covers.
   *
   * The covered failures: for Maximum Resiliency the loss of a location or device, for High Resiliency
   * also a port, for Development and Test a device, for Classic any single failure. Without `bandwidth`, the planner
   * chooses the port speed and ports per slot of the cheapest layout that keeps it (port-hour cost at
   * `portHourPrices`); with `bandwidth`, it is checked. A layout that cannot keep it is an error that says
   * the most any bandwidth gives.
   *
   * @default - no requirement: give `bandwidth`
   */
  readonly requiredBandwidthGbps?: number;

  /**
   * The peak traffic you expect, in Gbps: a warning when the worst failure the model covers leaves less
   * Direct Connect capacity (AWS asks for "sufficient network capacity to ensure that the failure of one
   * network connection does not overwhelm and degrade redundant connections",
   * https://aws.amazon.com/directconnect/resiliency-recommendation/).
   *
   * @default - not checked
   */
  readonly expectedPeakGbps?: number;

  /**
   * The port-hour prices of the cost estimate (`costEstimate()`, the report) and of the sizing.
   *
   * @default PortHourPrices.AWS_LIST_PRICES
   */
  readonly portHourPrices?: PortHourPrices;

  /**
   * CloudWatch alarms (per port, per device slot, per VPN connection, and headroom: the traffic against
   * what the worst covered failure leaves), an SNS topic or your alarm actions, and a dashboard.
   *
   * @default - no monitoring
   */
  readonly monitoring?: MonitoringOptions;

  /**
   * How many simultaneous failures the report at synth analyses (its scenario table): 1, 2 or more.
   *
   * @default 2, or 1 when pairs of failures make more scenarios than `FailureAnalysis.MAX_SCENARIOS`
   */
  readonly reportMaxFailures?: number;

  /**
   * Emit stack outputs (`CfnOutput`) of the ids a network team reads after deploy.
   *
   * One per new LAG (its `dxlag-` id), per port (its `dxcon-` id, by which its LOA-CFA is downloaded) and
   * per virtual interface (its `dxvif-` id), each with a description. Their logical IDs derive from the
   * location, slot, member number and purpose (`<id><location>Slot<n>LagId`, `...Port<m>ConnectionId`,
   * `...Vif<name>VirtualInterfaceId`, each with the hash CDK appends), like the resources', so adding or
   * reordering locations and slots renames none. They count toward the stack's quota of outputs.
   *
   * @default false
   */
  readonly outputs?: boolean;

  /**
   * The service provider of the ports (a partner that brings the circuit to the location).
   *
   * Changing this replaces every port and LAG (`ProviderName` is create-only) and moves the virtual
   * interfaces to the new LAGs.
   *
   * @default - no provider: you arrange the cross-connect at the location yourself
   */
  readonly providerName?: string;

  /**
   * Request MACsec on every port and LAG. Offered on 10 and 100 Gbps ports (and, at some locations,
   * 400 Gbps: a warning says so); not on 1 Gbps. The key (CKN/CAK) is associated after creation:
   * give `macSecKey`, or associate one yourself.
   *
   * Changing this replaces every port and LAG (`RequestMACSec` is create-only) and moves the virtual
   * interfaces to the new LAGs.
   *
   * @default false
   */
  readonly requestMacSec?: boolean;

  /**
   * The MACsec key (CKN/CAK) to associate with every LAG the construct creates, at deploy, through a
   * custom resource per LAG (`<slot>/MacSecKey`): `MacSecKey.fromSecret(secret)` or
   * `MacSecKey.fromDirectConnectSecretArn(arn)`. The key material is in no template, property or log.
   * Needs `requestMacSec: true` (an error otherwise, and the port speed must support MACsec); existing
   * slots (`existingSlots`) keep their keys (a warning says so). A LAG carries MACsec traffic once the
   * same key is configured on your router.
   *
   * Changing the key (another secret, another `versionId`) associates the new key with every LAG, then
   * disassociates the old one: how you rotate it (docs/macsec.md). Removing it, or deleting the stack,
   * disassociates the key unless the LAGs are retained (the default `removalPolicy`): a retained LAG keeps
   * its key.
   *
   * @default - no key is associated: associate one yourself (console, CLI or API)
   */
  readonly macSecKey?: MacSecKey;

  /**
   * The prefix of every name: LAGs are `<prefix>-<location>-d<slot>`, ports
   * `<prefix>-<location>-d<slot>-p<member>`. Letters, digits, spaces and `_ - , /`.
   *
   * Changing this renames every LAG, port and virtual interface (and the default resiliency group
   * name) in place; it replaces nothing.
   *
   * @default - the construct id, with other characters replaced by `-`
   */
  readonly namePrefix?: string;

  /**
   * What happens to ports and LAGs when they leave the stack or are replaced. A deleted port is a
   * cancelled physical circuit: AWS has the cross-connect removed
   * (https://docs.aws.amazon.com/directconnect/latest/UserGuide/deleteconnection.html).
   * `RemovalPolicy.SNAPSHOT` is not supported by these resources. With the default, a port or LAG that
   * leaves the stack keeps running (and billing) until you delete it.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Create one `AWS::DirectConnect::ResiliencyGroup` that holds every port, with the model's
   * `IntendedResiliencyModel`. A group holds at most 50 connections. Its membership updates in
   * place as ports come and go; a change of model (`HighResiliency` to `MaximumResiliencyConnections`
   * under the same id) replaces the group (`IntendedResiliencyModel` is create-only), not the ports.
   *
   * @default - true when the model has an `IntendedResiliencyModel` (all but Classic)
   */
  readonly resiliencyGroup?: boolean;

  /**
   * The name of the resiliency group: letters, digits, `_` and `-` (no spaces), at most 255. Updates
   * in place.
   *
   * @default - the name prefix, with other characters replaced by `-`
   */
  readonly resiliencyGroupName?: string;

  /**
   * The `MinimumLinks` of every LAG: the LAG goes down when fewer member ports are up, so traffic
   * moves to the other slots instead of overloading the rest. From 0 to the ports per slot. A LAG with
   * no member up carries nothing whatever `minimumLinks` says, 0 included
   * (https://docs.aws.amazon.com/directconnect/latest/UserGuide/lags.html); the failure analysis counts
   * a LAG while at least one member, and at least `minimumLinks`, are up.
   *
   * CloudFormation cannot set `MinimumLinks` when it first creates a LAG: deploy without it, then add
   * it on a later deploy (a warning at synth reminds you; acknowledge it with
   * `Annotations.of(construct).acknowledgeWarning('cdk-direct-connect-resiliency:minimumLinksOnCreate')`).
   * Updates in place.
   *
   * @default - not set (AWS uses 0: the LAG stays up while any member is up, and is down with none)
   */
  readonly minimumLinks?: number;

  /**
   * Virtual interface specs: each becomes one virtual interface on every device slot (on its LAG), so
   * every path has its own BGP session. Make them with `VirtualInterface.transit()`,
   * `VirtualInterface.privateInterface()` and `VirtualInterface.publicInterface()`.
   *
   * Adding a spec or a slot adds interfaces and renames none (logical IDs derive from the spec's name
   * and the slot); removing a spec deletes its interfaces (their BGP sessions end).
   *
   * @default - no virtual interfaces
   */
  readonly virtualInterfaces?: VirtualInterface[];

  /**
   * A Site-to-Site VPN backup to the transit gateway or virtual private gateway the virtual interfaces
   * reach: `VpnBackup.toTransitGateway()` or `VpnBackup.toVirtualPrivateGateway()`. Its routes are
   * checked so that it stays a backup (Direct Connect wins while any of its paths is up).
   *
   * @default - no VPN backup
   */
  readonly vpnBackup?: VpnBackup;
}

/**
 * One location of a custom layout.
 */
export interface LocationLayout {
  /** The Direct Connect location code, for example `EqDC2`. */
  readonly location: string;

  /**
   * The new device slots (separate AWS devices, one LAG each) at this location.
   *
   * @default - the model's `slotsPerLocation` (1 for Classic)
   */
  readonly deviceSlots?: number;

  /**
   * The number of the first new slot here (the others follow it). Use it to number new slots after the
   * existing circuits of this location (`existingSlots`). Slot numbers name logical IDs: keep them.
   *
   * @default 1
   */
  readonly firstSlotNumber?: number;
}

/**
 * An existing dedicated connection or LAG that stands as a device slot: nothing is ordered for it, and
 * the virtual interfaces are created on it.
 */
export interface ExistingDeviceSlot {
  /** Its Direct Connect location code. */
  readonly location: string;

  /**
   * Its slot number at the location: it names the logical IDs of its virtual interfaces, so keep it.
   * Must differ from the numbers of the location's other slots.
   */
  readonly slotNumber: number;

  /**
   * Its id: `dxcon-...` (a connection) or `dxlag-...` (a LAG). A connection joins the resiliency group;
   * a LAG does not (its members are unknown here; a warning says so).
   *
   * Changing this moves its virtual interfaces (with interruption).
   */
  readonly connectionId: string;

  /**
   * Its capacity, for the summary and the topology.
   *
   * @default - the construct's `bandwidth`
   */
  readonly bandwidth?: ConnectionBandwidth;
}

/**
 * Props of `ResilientConnections`.
 */
export interface ResilientConnectionsProps extends ConnectionsCommonProps {
  /** The locations and their new device slots. Order does not matter. */
  readonly locations: LocationLayout[];

  /**
   * Existing connections or LAGs that stand as device slots: virtual interfaces land on them and they
   * count toward the model's locations and slots, but nothing is ordered for them.
   *
   * @default - none
   */
  readonly existingSlots?: ExistingDeviceSlot[];

  /**
   * The model the layout claims. The layout must meet it (locations, device slots per location); its
   * `IntendedResiliencyModel` goes into the resiliency group.
   *
   * @default ResiliencyModel.CLASSIC
   */
  readonly model?: ResiliencyModel;
}
