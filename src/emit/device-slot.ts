import { CustomResource, RemovalPolicy } from "aws-cdk-lib";
import { Metric, MetricOptions } from "aws-cdk-lib/aws-cloudwatch";
import { CfnConnection, CfnLag } from "aws-cdk-lib/aws-directconnect";
import { Construct, IConstruct } from "constructs";
import type { MacSecKey } from "./macsec-key";
import { connectionMetric } from "./operate/metrics";
import { SlotVirtualInterface, VirtualInterface } from "./virtual-interface";
import { TopologyDeviceSlot } from "../core/topology";

/**
 * One device slot as emitted: an `AWS::DirectConnect::Lag` and its member
 * `AWS::DirectConnect::Connection`s (`LagId` set) at one location, on one AWS device, with a virtual
 * interface per spec, or an existing connection or LAG that carries the virtual interfaces.
 *
 * Every new slot is a LAG, also with one port: virtual interfaces can then be created on it in the same
 * template (a new connection carries none until it is `available`, as the CloudFormation page of
 * `AWS::DirectConnect::Connection` says:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-directconnect-connection.html), and
 * two slots are always two LAGs, so "redundant" ports never share a device (all members of a LAG
 * terminate on the same AWS device: https://docs.aws.amazon.com/directconnect/latest/UserGuide/lags.html).
 *
 * Made by `ResilientConnections` and the model constructs; read it from their `deviceSlots`.
 */
export class DeviceSlot extends Construct {
  /** @internal */
  public static _emit(
    scope: Construct,
    slot: TopologyDeviceSlot,
    removalPolicy: RemovalPolicy,
    specs: ReadonlyArray<VirtualInterface>,
    macSecKey?: MacSecKey,
  ): DeviceSlot {
    return new DeviceSlot(scope, `Slot${slot.slotNumber}`, slot, removalPolicy, specs, macSecKey);
  }

  /** The Direct Connect location code. */
  public readonly location: string;
  /** The slot number within its location (1-based). */
  public readonly slotNumber: number;
  /** The capacity of the slot in Gbps (port speed x ports). */
  public readonly capacityGbps: number;
  /**
   * The slot's LAG.
   *
   * @default - undefined for an existing circuit
   */
  public readonly lag?: CfnLag;
  /**
   * The member ports ordered for this slot, by member number: each an `AWS::DirectConnect::Connection` in
   * the slot's LAG (none for an existing circuit). Their metrics are on `slotPorts`.
   */
  public readonly ports: CfnConnection[];
  /** What virtual interfaces attach to: the LAG's ARN, or the existing connection's or LAG's id. */
  public readonly connectionId: string;
  /** The virtual interfaces on this slot, one per spec. */
  public readonly virtualInterfaces: SlotVirtualInterface[];
  /**
   * The ports of the slot as CloudWatch measures them, each with its metrics: the LAG's member ports by
   * member number (each with its `connection`, the same as in `ports`), or the existing dedicated
   * connection (`dxcon-`) the slot stands for. None for an existing LAG (`dxlag-`): its members are not
   * known here.
   */
  public readonly slotPorts: SlotPort[];
  /** The planned slot this was emitted from. */
  public readonly topology: TopologyDeviceSlot;
  /**
   * The association of the construct's `macSecKey` with the slot's LAG (`Custom::DirectConnectMacSecKey`):
   * its `getAttString('SecretArn')` is the ARN of the secret Direct Connect stores the key in.
   *
   * @default - undefined without `macSecKey`, and for an existing circuit
   */
  public readonly macSecKeyAssociation?: CustomResource;

  private constructor(
    scope: Construct,
    id: string,
    slot: TopologyDeviceSlot,
    removalPolicy: RemovalPolicy,
    specs: ReadonlyArray<VirtualInterface>,
    macSecKey: MacSecKey | undefined,
  ) {
    super(scope, id);
    this.location = slot.location;
    this.slotNumber = slot.slotNumber;
    this.capacityGbps = slot.capacityGbps;
    this.topology = slot;

    if (slot.existingConnectionId !== undefined) {
      this.ports = [];
      this.connectionId = slot.existingConnectionId;
      this.slotPorts = slot.existingConnectionId.startsWith("dxcon-")
        ? [SlotPort._of(this, 1, slot.existingConnectionId)]
        : [];
    } else {
      const lag = new CfnLag(this, "Lag", {
        lagName: slot.lagName!,
        location: slot.location,
        connectionsBandwidth: slot.portBandwidth,
        providerName: slot.providerName,
        requestMacSec: slot.requestMacSec || undefined,
        minimumLinks: slot.minimumLinks,
      });
      lag.applyRemovalPolicy(removalPolicy);
      this.lag = lag;
      this.connectionId = lag.ref;
      this.ports = slot.ports.map((port) => {
        const connection = new CfnConnection(this, `Port${port.memberNumber}`, {
          connectionName: port.connectionName,
          location: port.location,
          bandwidth: port.bandwidth,
          lagId: lag.ref,
          providerName: slot.providerName,
          requestMacSec: slot.requestMacSec || undefined,
        });
        connection.applyRemovalPolicy(removalPolicy);
        return connection;
      });
      this.slotPorts = this.ports.map((port, i) => SlotPort._of(port, slot.ports[i].memberNumber, port));
      this.macSecKeyAssociation = macSecKey?._associate(this, lag);
    }

    const specByName = new Map(specs.map((s) => [s.name, s]));
    this.virtualInterfaces = slot.virtualInterfaces.map((vif) =>
      SlotVirtualInterface._of(
        vif,
        specByName.get(vif.name)!._emit(this, vif, this.connectionId),
        () => this.metricConnectionId,
      ),
    );
  }

  /**
   * The ports of the slot as CloudWatch measures them: the same as `slotPorts`.
   *
   * @deprecated use `slotPorts`
   */
  public get memberPorts(): SlotPort[] {
    return this.slotPorts;
  }

  /**
   * A metric of the slot's LAG, or of the existing connection or LAG it stands for, from the `AWS/DX`
   * namespace, dimension `ConnectionId`: the `dxlag-` (or existing `dxcon-`) id. AWS measures a LAG as a
   * whole under its own id, and each member port under its own id (see `slotPorts`).
   *
   * @param metricName a metric of the Direct Connect user guide, for example `ConnectionState`
   * @param props to override the statistic (by default Minimum for states, Average for rates, Sum for
   *   counts), the period (5 minutes) or the dimensions
   */
  public metric(metricName: string, props?: MetricOptions): Metric {
    return connectionMetric(this, this.metricConnectionId, metricName, props);
  }

  /**
   * The `ConnectionId` of the slot's metrics: the LAG's id, or the existing circuit's. Read when a metric
   * asks for it: each attribute token read at construction costs a reference, kept until synth, whether
   * a metric uses it or not.
   */
  private get metricConnectionId(): string {
    return this.lag ? this.lag.attrLagId : this.connectionId;
  }

  /**
   * The state of the slot's LAG (`ConnectionState`): 1 up, 0 down.
   *
   * Minimum over 5 minutes by default.
   */
  public metricConnectionState(props?: MetricOptions): Metric {
    return this.metric("ConnectionState", props);
  }

  /**
   * The bit rate out of AWS on the slot's LAG (`ConnectionBpsEgress`), in bits per second.
   *
   * Average over 5 minutes by default.
   */
  public metricConnectionBpsEgress(props?: MetricOptions): Metric {
    return this.metric("ConnectionBpsEgress", props);
  }

  /**
   * The bit rate into AWS on the slot's LAG (`ConnectionBpsIngress`), in bits per second.
   *
   * Average over 5 minutes by default.
   */
  public metricConnectionBpsIngress(props?: MetricOptions): Metric {
    return this.metric("ConnectionBpsIngress", props);
  }

  /**
   * The packet rate out of AWS on the slot's LAG (`ConnectionPpsEgress`), in packets per second.
   *
   * Average over 5 minutes by default.
   */
  public metricConnectionPpsEgress(props?: MetricOptions): Metric {
    return this.metric("ConnectionPpsEgress", props);
  }

  /**
   * The packet rate into AWS on the slot's LAG (`ConnectionPpsIngress`), in packets per second.
   *
   * Average over 5 minutes by default.
   */
  public metricConnectionPpsIngress(props?: MetricOptions): Metric {
    return this.metric("ConnectionPpsIngress", props);
  }

  /**
   * The MAC-level errors on the AWS device for the slot's LAG (`ConnectionErrorCount`), CRC errors
   * included.
   *
   * Sum over 5 minutes by default.
   */
  public metricConnectionErrorCount(props?: MetricOptions): Metric {
    return this.metric("ConnectionErrorCount", props);
  }

  /**
   * The MACsec state of the slot's LAG (`ConnectionEncryptionState`): 1 when every port of the LAG has
   * encryption up, 0 when one has it down.
   *
   * Minimum over 5 minutes by default.
   */
  public metricConnectionEncryptionState(props?: MetricOptions): Metric {
    return this.metric("ConnectionEncryptionState", props);
  }
}

/**
 * One port of a device slot as CloudWatch measures it: a member port of the slot's LAG, or the existing
 * dedicated connection the slot stands for. Its metrics are the `AWS/DX` connection metrics, dimension
 * `ConnectionId`: the port's `dxcon-` id
 * (https://docs.aws.amazon.com/directconnect/latest/UserGuide/monitoring-cloudwatch.html).
 *
 * Read it from a slot's `slotPorts`.
 */
export class SlotPort {
  /** @internal */
  public static _of(scope: IConstruct, memberNumber: number, port: CfnConnection | string): SlotPort {
    return new SlotPort(scope, memberNumber, port);
  }

  /** The port's member number in its slot (1 for an existing connection). */
  public readonly memberNumber: number;
  /**
   * The port ordered for the slot.
   *
   * @default - undefined for an existing connection
   */
  public readonly connection?: CfnConnection;

  /** The new port, or the existing connection's id. */
  private constructor(
    private readonly scope: IConstruct,
    memberNumber: number,
    private readonly port: CfnConnection | string,
  ) {
    this.memberNumber = memberNumber;
    this.connection = typeof port === "string" ? undefined : port;
  }

  /**
   * The port's connection id (`dxcon-...`; known at deploy time for a new port).
   */
  public get connectionId(): string {
    // read when asked: an attribute token costs a reference kept until synth
    return typeof this.port === "string" ? this.port : this.port.attrConnectionId;
  }

  /**
   * A metric of this port from the `AWS/DX` namespace, dimension `ConnectionId`: the port's id.
   *
   * @param metricName a metric of the Direct Connect user guide, for example `ConnectionLightLevelRx`
   * @param props to override the statistic (by default Minimum for states and light levels, Average for
   *   rates, Sum for counts), the period (5 minutes) or the dimensions
   */
  public metric(metricName: string, props?: MetricOptions): Metric {
    return connectionMetric(this.scope, this.connectionId, metricName, props);
  }

  /**
   * The state of the port (`ConnectionState`): 1 up, 0 down.
   *
   * Minimum over 5 minutes by default.
   */
  public metricConnectionState(props?: MetricOptions): Metric {
    return this.metric("ConnectionState", props);
  }

  /**
   * The bit rate out of AWS on the port (`ConnectionBpsEgress`), in bits per second.
   *
   * Average over 5 minutes by default.
   */
  public metricConnectionBpsEgress(props?: MetricOptions): Metric {
    return this.metric("ConnectionBpsEgress", props);
  }

  /**
   * The bit rate into AWS on the port (`ConnectionBpsIngress`), in bits per second.
   *
   * Average over 5 minutes by default.
   */
  public metricConnectionBpsIngress(props?: MetricOptions): Metric {
    return this.metric("ConnectionBpsIngress", props);
  }

  /**
   * The packet rate out of AWS on the port (`ConnectionPpsEgress`), in packets per second.
   *
   * Average over 5 minutes by default.
   */
  public metricConnectionPpsEgress(props?: MetricOptions): Metric {
    return this.metric("ConnectionPpsEgress", props);
  }

  /**
   * The packet rate into AWS on the port (`ConnectionPpsIngress`), in packets per second.
   *
   * Average over 5 minutes by default.
   */
  public metricConnectionPpsIngress(props?: MetricOptions): Metric {
    return this.metric("ConnectionPpsIngress", props);
  }

  /**
   * The MAC-level errors on the port's AWS device (`ConnectionErrorCount`), CRC errors included: each
   * datapoint counts the errors since the previous one.
   *
   * Sum over 5 minutes by default.
   */
  public metricConnectionErrorCount(props?: MetricOptions): Metric {
    return this.metric("ConnectionErrorCount", props);
  }

  /**
   * The optical power the port sends from the AWS side (`ConnectionLightLevelTx`), in dBm. For an optic
   * of several lanes AWS also publishes it per lane: give `dimensionsMap` with `ConnectionId` and
   * `OpticalLaneNumber` to read one.
   *
   * Minimum over 5 minutes by default.
   */
  public metricConnectionLightLevelTx(props?: MetricOptions): Metric {
    return this.metric("ConnectionLightLevelTx", props);
  }

  /**
   * The optical power AWS receives on the port (`ConnectionLightLevelRx`), in dBm: the health of the fibre
   * into AWS. For an optic of several lanes AWS also publishes it per lane: give `dimensionsMap` with
   * `ConnectionId` and `OpticalLaneNumber` to read one.
   *
   * Minimum over 5 minutes by default.
   */
  public metricConnectionLightLevelRx(props?: MetricOptions): Metric {
    return this.metric("ConnectionLightLevelRx", props);
  }

  /**
   * The MACsec state of the port (`ConnectionEncryptionState`): 1 up, 0 down.
   *
   * Minimum over 5 minutes by default.
   */
  public metricConnectionEncryptionState(props?: MetricOptions): Metric {
    return this.metric("ConnectionEncryptionState", props);
  }
}
