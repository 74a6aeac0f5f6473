import { SOURCES, claimOf, hasUnknownLocation, isMultiPortLag, plural, slotLabel } from "./layout";
import { ConnectionTopology } from "../../topology";
import { RuleFinding, RuleInfo, RuleSeverity } from "../rule";

/** A location has fewer separate AWS devices than the claimed model needs ("redundant" ports in one LAG). */
export const MODEL_DEVICE_SLOTS: RuleInfo = {
  id: "modelDeviceSlots",
  severity: RuleSeverity.ERROR,
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
};

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
          `${model.name} needs at least ${model.slotsPerLocation} separate AWS devices in every location.${lag}`,
        at: slots[0].id,
      },
    ];
  });
}
