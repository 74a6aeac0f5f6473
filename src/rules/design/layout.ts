import { ResiliencyModel } from "../../core/model";
import { ConnectionTopology, TopologyDeviceSlot, TopologyLocation } from "../../core/topology";

// What the design rules read of a layout: its claim, its device slots and how to name them.

/** AWS pages the design rules cite: the rules' one list. */
export { SOURCES } from "../../core/sources";

/**
 * The model a layout claims, or undefined for Classic (a custom layout: no claim). Told by name, so
 * that a model of a second copy of this library counts too.
 */
export function claimOf(topology: ConnectionTopology): ResiliencyModel | undefined {
  const name = topology.model?.name;
  return name === undefined || name === ResiliencyModel.CLASSIC.name ? undefined : topology.model;
}

/** Every device slot of a layout, location by location. */
export function slotsOf(topology: ConnectionTopology): TopologyDeviceSlot[] {
  return topology.locations.flatMap((l) => l.deviceSlots);
}

/** The locations that hold at least one device slot. */
export function usedLocations(topology: ConnectionTopology): TopologyLocation[] {
  return topology.locations.filter((l) => l.deviceSlots.length > 0);
}

/** Whether some slot's location is unknown (an existing circuit known only by id). */
export function hasUnknownLocation(topology: ConnectionTopology): boolean {
  return slotsOf(topology).some((s) => s.locationUnknown === true);
}

/** A slot in words: `EqDC2/Slot1 (LAG dx-EqDC2-d1)`, `EqDC2/Slot2 (existing dxcon-abc12345)`. */
export function slotLabel(slot: TopologyDeviceSlot): string {
  if (slot.existingConnectionId !== undefined) return `${slot.id} (existing ${slot.existingConnectionId})`;
  return slot.lagName === undefined ? slot.id : `${slot.id} (${slot.lagName})`;
}

/** A port speed as CloudFormation writes it (`10Gbps`, `500Mbps`) in Gbps; undefined when it is not one. */
export function gbpsOf(bandwidth: string | undefined): number | undefined {
  const m = bandwidth === undefined ? null : /^([0-9]+(?:\.[0-9]+)?)(G|M)bps$/.exec(bandwidth);
  return m === null ? undefined : Number(m[1]) / (m[2] === "M" ? 1000 : 1);
}

/** The port speed of a slot in Gbps, or undefined when unknown. */
export function portSpeedOf(slot: TopologyDeviceSlot): number | undefined {
  return slot.ports.length > 0 ? slot.ports[0].speedGbps : gbpsOf(slot.portBandwidth);
}

/** Whether a slot is a LAG of two or more member ports this layout orders (one AWS device). */
export function isMultiPortLag(slot: TopologyDeviceSlot): boolean {
  return slot.existingConnectionId === undefined && slot.ports.length >= 2;
}

/** `1 location` / `2 locations`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The model of an `IntendedResiliencyModel` value, or undefined. */
export function modelOfIntended(value: string | undefined): ResiliencyModel | undefined {
  const models = [ResiliencyModel.MAXIMUM, ResiliencyModel.HIGH, ResiliencyModel.DEVELOPMENT_AND_TEST];
  return models.find((m) => m.intendedResiliencyModel === value);
}

/** The first `dxcon-` or `dxlag-` id in a text (an id or an ARN), if any. */
export function circuitIdIn(text: string | undefined): string | undefined {
  return text === undefined ? undefined : /(dx(?:con|lag)-[a-zA-Z0-9]{8,21})/.exec(text)?.[1];
}

/** Device slots grouped by location: the locations sorted by code, each one's slots by number. */
export function locationsOf(slots: ReadonlyArray<TopologyDeviceSlot>): TopologyLocation[] {
  const byLocation = new Map<string, TopologyDeviceSlot[]>();
  for (const s of slots) byLocation.set(s.location, [...(byLocation.get(s.location) ?? []), s]);
  return [...byLocation.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([location, deviceSlots]) => ({
      location,
      deviceSlots: deviceSlots.sort((a, b) => a.slotNumber - b.slotNumber),
    }));
}
