import { SOURCES, claimOf, isMultiPortLag, slotLabel } from "./layout";
import { warningRule, ruleFamily } from "../../core/fail";
import { RuleFinding } from "../../core/rule";
import { ConnectionTopology } from "../../core/topology";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const LAG_NOT_REDUNDANT_RULES = ruleFamily({
  /** In a layout that claims no model, a location's capacity is one LAG of several ports: one device. */
  LAG_NOT_REDUNDANT: warningRule({
    id: "lagNotRedundant",
    what:
      "in a layout that claims no model, a location whose only device slot is a LAG of two or more ports " +
      '("redundant" ports on one device)',
    why:
      "All members of a LAG terminate on the same AWS device, so the ports add capacity, not redundancy: " +
      "the device's failure takes all of them down.",
    source: SOURCES.lags,
    audit: true,
  }),
});
export const { LAG_NOT_REDUNDANT } = LAG_NOT_REDUNDANT_RULES;

/**
 * Every location of a layout without a claimed model (Classic) whose only device slot is a LAG of two
 * or more ports, at that slot. With a claim, `modelDeviceSlots` judges the devices per location.
 */
export function checkLagNotRedundant(topology: ConnectionTopology): RuleFinding[] {
  if (claimOf(topology) !== undefined) return [];
  return topology.locations.flatMap((l) => {
    const slots = l.deviceSlots;
    if (slots.length !== 1 || !isMultiPortLag(slots[0])) return [];
    const slot = slots[0];
    return [
      {
        rule: LAG_NOT_REDUNDANT,
        message:
          `The ${slot.ports.length} ports of ${slotLabel(slot)} are the only connections in ${l.location}, and ` +
          "they are members of one LAG: all members of a LAG terminate on the same AWS device, so they are one " +
          "device, not redundant ones. For device redundancy, use a second LAG (a second device slot).",
        at: slot.id,
      },
    ];
  });
}
