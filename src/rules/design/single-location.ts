import { SOURCES, claimOf, hasUnknownLocation, plural, slotsOf, usedLocations } from "./layout";
import { warningRule, ruleFamily } from "../../core/fail";
import { RuleFinding } from "../../core/rule";
import { ConnectionTopology } from "../../core/topology";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const SINGLE_LOCATION_RULES = ruleFamily({
  /** A layout that claims no model has all its connections in one location. */
  SINGLE_LOCATION: warningRule({
    id: "singleLocation",
    what: "all ports of a layout that claims no model in one location",
    why:
      "The location is a single point of failure: its loss takes down every connection. AWS recommends " +
      "connecting from multiple locations for physical location redundancy.",
    source: SOURCES.resiliencyRecommendations,
    audit: true,
  }),
});
export const { SINGLE_LOCATION } = SINGLE_LOCATION_RULES;

/**
 * A layout without a claimed model (Classic) whose device slots are all in one location. Nothing when
 * a slot's location is unknown.
 */
export function checkSingleLocation(topology: ConnectionTopology): RuleFinding[] {
  if (claimOf(topology) !== undefined || hasUnknownLocation(topology)) return [];
  const used = usedLocations(topology);
  if (used.length !== 1) return [];
  const slots = slotsOf(topology).length;
  return [
    {
      rule: SINGLE_LOCATION,
      message:
        `Every connection of this layout (${plural(slots, "device slot")}) is in ${used[0].location}: the loss of ` +
        "that location takes down every Direct Connect path. Add connections in a second location, or claim " +
        "Development and Test if one location is what you want.",
    },
  ];
}
