import { SOURCES, claimOf, hasUnknownLocation, isMultiPortLag, plural, slotLabel } from "./layout";
import { errorRule, raise, ruleFamily } from "../../core/fail";
import { ResiliencyModel } from "../../core/model";
import { RuleFinding } from "../../core/rule";
import { ConnectionTopology } from "../../core/topology";

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
 * Classic (no claim), or when a slot's location is unknown.
 */
export function checkModelDeviceSlots(topology: ConnectionTopology): RuleFinding[] {
  const model = claimOf(topology);
  if (model === undefined || hasUnknownLocation(topology)) return [];
  return topology.locations.flatMap((l) => {
    const slots = l.deviceSlots;
    if (slots.length === 0 || slots.length >= model.slotsPerLocation) return [];
    const lag =
      slots.length === 1 && isMultiPortLag(slots[0])
        ? ` Its ${slots[0].ports.length} ports are members of one LAG, and all members of a LAG terminate on ` +
          "the same AWS device: they do not survive its failure."
        : "";
    return [
      {
        rule: MODEL_DEVICE_SLOTS,
        message:
          `${l.location} has ${plural(slots.length, "device slot")} (${slots.map(slotLabel).join(", ")}): ` +
          `${needs(model)}${lag}`,
        at: slots[0].id,
      },
    ];
  });
}

/** What the model needs in every location. */
function needs(model: ResiliencyModel): string {
  return `${model.name} needs at least ${model.slotsPerLocation} device slots (separate AWS devices) in every location.`;
}

/**
 * The planner's check of the rule on the device slots a request gives each location (new and
 * existing), before any slot exists: an Error naming `deviceSlots`.
 */
export function checkRequestDeviceSlots(
  model: ResiliencyModel,
  counts: ReadonlyArray<{ readonly location: string; readonly slots: number }>,
): void {
  const short = counts.find((c) => c.slots < model.slotsPerLocation);
  if (short === undefined) return;
  raise({
    rule: MODEL_DEVICE_SLOTS,
    message: `\`deviceSlots\` of ${short.location} is ${short.slots}: ${needs(model)}`,
  });
}
