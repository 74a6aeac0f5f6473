import { CfnOutput, Token } from "aws-cdk-lib";
import type { DeviceSlot } from "./device-slot";

/**
 * The stack outputs of `outputs: true`: the ids a network team reads after deploy, per new device slot
 * its LAG's `dxlag-` id, per port its `dxcon-` id (its LOA-CFA is asked for by it), and per virtual
 * interface its `dxvif-` id.
 *
 * Each output is a child of its slot named by what identifies it (`LagId`, `Port<m>ConnectionId`,
 * `Vif-<name>-VirtualInterfaceId`), so its logical ID, like every other of the construct, derives from
 * the location code, slot number, member number and purpose, never from a position in a list: adding or
 * reordering locations and slots renames none.
 *
 * @internal
 */
export function emitOutputs(slots: ReadonlyArray<DeviceSlot>): void {
  for (const slot of slots) {
    const t = slot.topology;
    const where = [literal(t.location), `slot ${t.slotNumber}`].filter((p) => p !== "").join(", ");
    if (slot.lag) {
      new CfnOutput(slot, "LagId", {
        value: slot.lag.attrLagId,
        description: `The dxlag- id of LAG${named(t.lagName)} (${where}, ${t.ports.length} x ${t.portBandwidth}).`,
      });
    }
    for (const port of slot.slotPorts) {
      if (port.connection === undefined) continue; // an existing connection: its id is the one given
      const planned = t.ports.find((p) => p.memberNumber === port.memberNumber)!;
      new CfnOutput(slot, `Port${port.memberNumber}ConnectionId`, {
        value: port.connection.attrConnectionId,
        description:
          `The dxcon- id of port${named(planned.connectionName)} (${where}, member ${port.memberNumber}, ${planned.bandwidth}): ` +
          "its LOA-CFA is aws directconnect describe-loa --connection-id <this id>.",
      });
    }
    for (const vif of slot.virtualInterfaces) {
      const vlan = Token.isUnresolved(vif.vlan) ? "" : `, VLAN ${vif.vlan}`;
      new CfnOutput(slot, `Vif-${vif.name}-VirtualInterfaceId`, {
        value: vif.virtualInterfaceId,
        description: `The dxvif- id of virtual interface${named(vif.topology.virtualInterfaceName)} (${vif.interfaceType}${vlan}, ${where}).`,
      });
    }
  }
}

/**
 * A value for a description, or nothing when it is known only at deploy: CloudFormation takes only a
 * literal string as an output's `Description` (a name made from a `namePrefix` token is none).
 */
function literal(value: string | undefined): string {
  return value === undefined || Token.isUnresolved(value) ? "" : value;
}

/** ` <name>`, or nothing for a name known only at deploy. */
function named(name: string | undefined): string {
  const text = literal(name);
  return text === "" ? "" : ` ${text}`;
}
