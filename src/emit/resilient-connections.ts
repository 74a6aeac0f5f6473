import { Annotations, CfnResource, RemovalPolicy, Token } from "aws-cdk-lib";
import { CfnConnection, CfnLag } from "aws-cdk-lib/aws-directconnect";
import { Construct } from "constructs";
import { DeviceSlot } from "./device-slot";
import { ResiliencyGroupResource } from "./resiliency-group";
import { ConnectionBandwidth } from "../plan/bandwidth";
import { ResiliencyModel } from "../plan/model";
import { describeTopology, planTopology } from "../plan/planner";
import { ConnectionTopology } from "../plan/topology";

/** Prefix of this library's warning ids (`Annotations.of(x).acknowledgeWarning(id)`). */
const WARNING_PREFIX = "cdk-direct-connect-resiliency";

/**
 * Props shared by every resiliency construct.
 */
export interface ConnectionsCommonProps {
  /**
   * The capacity of every device slot: one port of a native speed (`ConnectionBandwidth.GBPS_10`),
   * or a LAG of equal ports for any other capacity (`ConnectionBandwidth.gbps(20)` is 2 x 10 Gbps).
   * The same in every location, as the Resiliency Toolkit requires.
   *
   * Changing this replaces every port and LAG (new physical orders, new LOAs).
   */
  readonly bandwidth: ConnectionBandwidth;

  /**
   * The service provider of the ports (a partner that brings the circuit to the location).
   *
   * Changing this replaces every port and LAG.
   *
   * @default - no provider: you arrange the cross-connect at the location yourself
   */
  readonly providerName?: string;

  /**
   * Request MACsec on every port and LAG. Offered on 10 and 100 Gbps ports (and, at some locations,
   * 400 Gbps: a warning says so); not on 1 Gbps. The keys (CKN/CAK) are associated after creation,
   * outside CloudFormation.
   *
   * Changing this replaces every port and LAG.
   *
   * @default false
   */
  readonly requestMacSec?: boolean;

  /**
   * The prefix of every name: LAGs are `<prefix>-<location>-d<slot>`, ports
   * `<prefix>-<location>-d<slot>-p<member>`. Letters, digits, spaces and `_ - , /`.
   *
   * Names update in place; changing this replaces nothing.
   *
   * @default - the construct id, with other characters replaced by `-`
   */
  readonly namePrefix?: string;

  /**
   * What happens to ports and LAGs when they leave the stack or are replaced. A deleted port is a
   * cancelled physical circuit: AWS has the cross-connect removed (direct-connect-facts.md §5).
   * `RemovalPolicy.SNAPSHOT` is not supported by these resources.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Create one `AWS::DirectConnect::ResiliencyGroup` that holds every port, with the model's
   * `IntendedResiliencyModel`. A group holds at most 50 connections.
   *
   * @default - true when the model has an `IntendedResiliencyModel` (all but Classic)
   */
  readonly resiliencyGroup?: boolean;

  /**
   * The name of the resiliency group: letters, digits, `_` and `-` (no spaces), at most 255.
   *
   * @default - the name prefix, with other characters replaced by `-`
   */
  readonly resiliencyGroupName?: string;

  /**
   * The `MinimumLinks` of every LAG: the LAG goes down when fewer member ports are up, so traffic
   * moves to the other slots instead of overloading the rest. From 0 to the ports per slot.
   *
   * CloudFormation cannot set `MinimumLinks` when it first creates a LAG: deploy without it, then add
   * it on a later deploy (a warning at synth reminds you; acknowledge it with
   * `Annotations.of(construct).acknowledgeWarning('cdk-direct-connect-resiliency:minimumLinksOnCreate')`).
   * Updates in place.
   *
   * @default - not set (AWS uses 0: the LAG stays up with no member up)
   */
  readonly minimumLinks?: number;
}

/**
 * One location of a custom layout.
 */
export interface LocationLayout {
  /** The Direct Connect location code, for example `EqDC2`. */
  readonly location: string;

  /**
   * The device slots (separate AWS devices, one LAG each) at this location.
   *
   * @default - the model's `slotsPerLocation` (1 for Classic)
   */
  readonly deviceSlots?: number;
}

/**
 * Props of {@link ResilientConnections}.
 */
export interface ResilientConnectionsProps extends ConnectionsCommonProps {
  /** The locations and their device slots. Order does not matter. */
  readonly locations: LocationLayout[];

  /**
   * The model the layout claims. The layout must meet it (locations, device slots per location); its
   * `IntendedResiliencyModel` goes into the resiliency group.
   *
   * @default ResiliencyModel.CLASSIC
   */
  readonly model?: ResiliencyModel;
}

/**
 * Direct Connect ports and LAGs for any layout: the general engine under
 * `MaximumResiliencyConnections`, `HighResiliency` and `DevTest`, for Classic (custom) layouts.
 *
 * Every device slot becomes one `AWS::DirectConnect::Lag` with its member
 * `AWS::DirectConnect::Connection`s; all ports go into one `AWS::DirectConnect::ResiliencyGroup`
 * when the model has one. Ports and LAGs are retained by default.
 *
 * Logical IDs derive from the location code, slot number and member number (construct path
 * `<id>/<location>/Slot<n>/Port<m>`), never from the order of `locations`.
 */
export class ResilientConnections extends Construct {
  /** The resiliency model the layout meets. */
  public readonly model: ResiliencyModel;
  /** The capacity of every device slot. */
  public readonly bandwidth: ConnectionBandwidth;
  /** The planned layout: locations, device slots, ports, names. */
  public readonly topology: ConnectionTopology;
  /** Every device slot, location by location (sorted by code), then by slot number. */
  public readonly deviceSlots: DeviceSlot[];
  /** Every LAG, one per device slot. */
  public readonly lags: CfnLag[];
  /** Every port (dedicated connection). */
  public readonly connections: CfnConnection[];
  /**
   * The `AWS::DirectConnect::ResiliencyGroup`.
   *
   * @default - undefined when there is none (`resiliencyGroup: false`, or Classic)
   */
  public readonly resiliencyGroup?: CfnResource;

  constructor(scope: Construct, id: string, props: ResilientConnectionsProps) {
    super(scope, id);

    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    if (removalPolicy === RemovalPolicy.SNAPSHOT) {
      throw new Error(
        "`removalPolicy` SNAPSHOT is not supported by Direct Connect connections and LAGs: " +
          "use RETAIN (the default), RETAIN_ON_UPDATE_OR_DELETE or DESTROY.",
      );
    }

    const { topology, warnings } = planTopology({
      model: props.model ?? ResiliencyModel.CLASSIC,
      locations: props.locations,
      bandwidth: props.bandwidth,
      namePrefix: props.namePrefix ?? id.replace(/[^\w-]/g, "-"),
      providerName: props.providerName,
      requestMacSec: props.requestMacSec,
      resiliencyGroup: props.resiliencyGroup,
      resiliencyGroupName: props.resiliencyGroupName,
      minimumLinks: props.minimumLinks,
      isUnresolved: (value) => Token.isUnresolved(value),
    });
    for (const w of warnings) {
      Annotations.of(this).addWarningV2(`${WARNING_PREFIX}:${w.id}`, w.message);
    }
    if (removalPolicy === RemovalPolicy.DESTROY) {
      Annotations.of(this).addWarningV2(
        `${WARNING_PREFIX}:removalPolicyDestroy`,
        "`removalPolicy` DESTROY: deleting the stack, or a change that replaces a port, deletes the Direct Connect " +
          "connection and AWS has its cross-connect removed. A new port is a new order with a new LOA.",
      );
    }

    this.topology = topology;
    this.model = topology.model;
    this.bandwidth = topology.bandwidth;
    this.deviceSlots = topology.locations.flatMap((location) => {
      const locationScope = new Construct(this, location.location);
      return location.deviceSlots.map((slot) => DeviceSlot._emit(locationScope, slot, removalPolicy));
    });
    this.lags = this.deviceSlots.map((s) => s.lag);
    this.connections = this.deviceSlots.flatMap((s) => s.ports);

    if (topology.resiliencyGroupName !== undefined && topology.model.intendedResiliencyModel !== undefined) {
      this.resiliencyGroup = new ResiliencyGroupResource(this, "ResiliencyGroup", {
        resiliencyGroupName: topology.resiliencyGroupName,
        intendedResiliencyModel: topology.model.intendedResiliencyModel,
        connectionArns: this.connections.map((c) => c.ref),
      });
    }
  }

  /** The device slots at a location, by slot number (empty when the location is not in the layout). */
  public slotsAt(location: string): DeviceSlot[] {
    return this.deviceSlots.filter((s) => s.location === location);
  }

  /**
   * A short human summary: model, SLA, the failures it survives, and per location the device slots,
   * ports and their speed.
   */
  public summary(): string {
    return describeTopology(this.node.path, this.topology);
  }
}
