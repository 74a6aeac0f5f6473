import { SOURCES, claimOf, hasUnknownLocation, isMultiPortLag, plural, slotLabel } from "./layout";
import { Wording } from "./model-locations";
import { errorRule, finding, ruleFamily } from "../../core/fail";
import { ResiliencyModel } from "../../core/model";
import { RuleFinding } from "../../core/rule";
import { ConnectionTopology, TopologyDeviceSlot } from "../../core/topology";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const MODEL_DEVICE_SLOTS_RULES = ruleFamily({
  /** A location has fewer separate AWS devices than the claimed model needs ("redundant" ports in one LAG). */
  MODEL_DEVICE_SLOTS: errorRule({
    id: "modelDeviceSlots",
    what:
      "a location with fewer device slots (separate AWS devices) than the claimed model needs (Maximum, " +
      'Development and Test: 2), for example two "redundant" ports in one LAG',
    why:
      "Maximum Resiliency and Development and Test survive a device failure with separate connections on " +
      "separate devices in each location. All members of a LAG terminate on the same AWS device: ports in " +
      "one LAG are one device, not two.",
    source: SOURCES.resiliencyToolkit,
    prop: "deviceSlots",
    audit: true,
  }),
});
export const { MODEL_DEVICE_SLOTS } = MODEL_DEVICE_SLOTS_RULES;

/**
 * Every location with fewer device slots than the claimed model needs, at its first slot. Nothing for
 * Classic (no claim), or when a slot's location is unknown. Read for a construct's props (`wording`
 * "props"), the finding names `deviceSlots`, which counts the new and existing slots of a location.
 */
export function checkModelDeviceSlots(
  topology: ConnectionTopology,
  wording: Wording = "layout",
): RuleFinding[] {
  const model = wording === "props" ? topology.model : claimOf(topology);
  if (model === undefined || hasUnknownLocation(topology)) return [];
  return topology.locations.flatMap((l) => {
    const slots = l.deviceSlots;
    if (slots.length === 0 || slots.length >= model.slotsPerLocation) return [];
    const message =
      wording === "props"
        ? `\`deviceSlots\` of ${l.location} is ${slots.length}: ${needs(model)}`
        : `${l.location} has ${plural(slots.length, "device slot")} (${slots.map(slotLabel).join(", ")}): ` +
          `${needs(model)}${lagSentence(slots)}`;
    return [finding(MODEL_DEVICE_SLOTS, message, slots[0].id)];
  });
}

/** Why one LAG of several ports is one device, not several. */
function lagSentence(slots: ReadonlyArray<TopologyDeviceSlot>): string {
  return slots.length === 1 && isMultiPortLag(slots[0])
    ? ` Its ${slots[0].ports.length} ports are members of one LAG, and all members of a LAG terminate on ` +
        "the same AWS device: they do not survive its failure."
    : "";
}

/** What the model needs in every location. */
function needs(model: ResiliencyModel): string {
  return `${model.name} needs at least ${model.slotsPerLocation} device slots (separate AWS devices) in every location.`;
}
