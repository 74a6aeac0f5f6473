import { RemovalPolicy } from "aws-cdk-lib";
import { CfnConnection, CfnLag } from "aws-cdk-lib/aws-directconnect";
import { Construct } from "constructs";
import { TopologyDeviceSlot } from "../plan/topology";

/**
 * One device slot as emitted: an `AWS::DirectConnect::Lag` and its member
 * `AWS::DirectConnect::Connection`s (`LagId` set) at one location, on one AWS device.
 *
 * Every slot is a LAG, also with one port: virtual interfaces can then be created on it in the same
 * template (a new connection carries none until it is `available`; direct-connect-facts.md §5), and
 * two slots are always two LAGs, so "redundant" ports never share a device (§4.2).
 *
 * Made by `ResilientConnections` and the model constructs; read it from their `deviceSlots`.
 */
export class DeviceSlot extends Construct {
  /** @internal */
  public static _emit(scope: Construct, slot: TopologyDeviceSlot, removalPolicy: RemovalPolicy): DeviceSlot {
    return new DeviceSlot(scope, `Slot${slot.slotNumber}`, slot, removalPolicy);
  }

  /** The Direct Connect location code. */
  public readonly location: string;
  /** The slot number within its location (1-based). */
  public readonly slotNumber: number;
  /** The capacity of the slot in Gbps (port speed x ports). */
  public readonly capacityGbps: number;
  /** The slot's LAG. Virtual interfaces attach to it. */
  public readonly lag: CfnLag;
  /** The member ports, by member number. */
  public readonly ports: CfnConnection[];
  /** The planned slot this was emitted from. */
  public readonly topology: TopologyDeviceSlot;

  private constructor(scope: Construct, id: string, slot: TopologyDeviceSlot, removalPolicy: RemovalPolicy) {
    super(scope, id);
    this.location = slot.location;
    this.slotNumber = slot.slotNumber;
    this.capacityGbps = slot.capacityGbps;
    this.topology = slot;

    this.lag = new CfnLag(this, "Lag", {
      lagName: slot.lagName,
      location: slot.location,
      connectionsBandwidth: slot.portBandwidth,
      providerName: slot.providerName,
      requestMacSec: slot.requestMacSec || undefined,
      minimumLinks: slot.minimumLinks,
    });
    this.lag.applyRemovalPolicy(removalPolicy);

    this.ports = slot.ports.map((port) => {
      const connection = new CfnConnection(this, `Port${port.memberNumber}`, {
        connectionName: port.connectionName,
        location: port.location,
        bandwidth: port.bandwidth,
        lagId: this.lag.ref,
        providerName: slot.providerName,
        requestMacSec: slot.requestMacSec || undefined,
      });
      connection.applyRemovalPolicy(removalPolicy);
      return connection;
    });
  }
}
