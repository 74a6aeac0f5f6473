import { IConstruct } from "constructs";
import type { DeviceSlot } from "./device-slot";
import type { SlotVirtualInterface } from "./virtual-interface";
import type { VpnBackupConnection } from "./vpn-backup";
import type { ConnectionTopology } from "../core/topology";

/**
 * A Direct Connect layout built by this library (`MaximumResiliencyConnections`, `HighResiliency`,
 * `DevTest` or `ResilientConnections`), as monitoring and the failover drill read it.
 */
export interface IResilientConnections extends IConstruct {
  /** The layout: locations, device slots, ports, virtual interfaces and VPN backup. */
  readonly topology: ConnectionTopology;
  /** The device slots, location by location, slot by slot. */
  readonly deviceSlots: DeviceSlot[];
  /** Every virtual interface, on every device slot. */
  readonly virtualInterfaces: SlotVirtualInterface[];
  /** The VPN connections of the backup, one per customer gateway (empty without a backup). */
  readonly vpnConnections: VpnBackupConnection[];
}
