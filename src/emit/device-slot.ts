import { RemovalPolicy } from "aws-cdk-lib";
import { CfnConnection, CfnLag } from "aws-cdk-lib/aws-directconnect";
import { Construct } from "constructs";
import { SlotVirtualInterface, VirtualInterface } from "./virtual-interface";
import { TopologyDeviceSlot } from "../plan/topology";

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
  ): DeviceSlot {
    return new DeviceSlot(scope, `Slot${slot.slotNumber}`, slot, removalPolicy, specs);
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
  /** The member ports ordered for this slot, by member number (none for an existing circuit). */
  public readonly ports: CfnConnection[];
  /** What virtual interfaces attach to: the LAG's ARN, or the existing connection's or LAG's id. */
  public readonly connectionId: string;
  /** The virtual interfaces on this slot, one per spec. */
  public readonly virtualInterfaces: SlotVirtualInterface[];
  /** The planned slot this was emitted from. */
  public readonly topology: TopologyDeviceSlot;

  private constructor(
    scope: Construct,
    id: string,
    slot: TopologyDeviceSlot,
    removalPolicy: RemovalPolicy,
    specs: ReadonlyArray<VirtualInterface>,
  ) {
    super(scope, id);
    this.location = slot.location;
    this.slotNumber = slot.slotNumber;
    this.capacityGbps = slot.capacityGbps;
    this.topology = slot;

    if (slot.existingConnectionId !== undefined) {
      this.ports = [];
      this.connectionId = slot.existingConnectionId;
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
    }

    const specByName = new Map(specs.map((s) => [s.name, s]));
    this.virtualInterfaces = slot.virtualInterfaces.map((vif) =>
      SlotVirtualInterface._of(vif, specByName.get(vif.name)!._emit(this, vif, this.connectionId)),
    );
  }
}
