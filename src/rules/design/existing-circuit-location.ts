import { slotsOf } from "./layout";
import { warningRule, ruleFamily } from "../../core/fail";
import { RuleFinding } from "../../core/rule";
import { ConnectionTopology } from "../../core/topology";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const EXISTING_CIRCUIT_LOCATION_RULES = ruleFamily({
  /** An existing circuit that a template names only by id: its location is unknown to the audit. */
  EXISTING_CIRCUIT_LOCATION: warningRule({
    id: "existingCircuitLocation",
    what: "an existing connection or LAG, referred to only by its id, whose location the audit does not know",
    why:
      "A template names an existing circuit by its dxcon- or dxlag- id, not by its location: the checks that " +
      "compare locations (the model's locations, devices and promise, one location) cannot judge its layout.",
    audit: true,
  }),
});
export const { EXISTING_CIRCUIT_LOCATION } = EXISTING_CIRCUIT_LOCATION_RULES;

/** Every device slot whose location is unknown. */
export function checkExistingCircuitLocation(topology: ConnectionTopology): RuleFinding[] {
  return slotsOf(topology)
    .filter((slot) => slot.locationUnknown === true)
    .map((slot) => ({
      rule: EXISTING_CIRCUIT_LOCATION,
      message:
        `${slot.existingConnectionId ?? slot.id} is an existing circuit whose location this app does not say, so ` +
        "the checks of its layout's locations, devices and model are skipped. Declare it in the audit's " +
        "`existingCircuits` with its location (and bandwidth).",
      at: slot.id,
    }));
}
