import { SOURCES, claimOf, hasUnknownLocation, plural, usedLocations } from "./layout";
import { ConnectionTopology } from "../../topology";
import { RuleFinding, RuleInfo, RuleSeverity } from "../rule";

/** A claimed model needs more locations than the layout has: all ports in one location. */
export const MODEL_LOCATIONS: RuleInfo = {
  id: "modelLocations",
  severity: RuleSeverity.ERROR,
  what: "fewer distinct locations than the claimed model needs (Maximum, High: 2), for example all ports in one location",
  why:
    "The loss of a location (its power, its building, its fibre; a campus is one location) takes down every " +
    "connection in it. Maximum and High Resiliency put connections in two or more locations to survive it.",
  source: SOURCES.resiliencyToolkit,
  prop: "locations",
  audit: true,
};

/**
 * The layout's device slots are in fewer distinct locations than its claimed model needs. Nothing
 * for Classic (no claim), or when a slot's location is unknown.
 */
export function checkModelLocations(topology: ConnectionTopology): RuleFinding[] {
  const model = claimOf(topology);
  if (model === undefined || hasUnknownLocation(topology)) return [];
  const used = usedLocations(topology);
  if (used.length >= model.minLocations) return [];
  const got = used.length === 0 ? "none" : used.map((l) => l.location).join(", ");
  const hint =
    model.minLocations > 1 && used.length === 1
      ? " For separate devices in one location, claim Development and Test (no SLA)."
      : "";
  return [
    {
      rule: MODEL_LOCATIONS,
      message:
        `${model.name} needs at least ${plural(model.minLocations, "distinct location")}, this layout has ` +
        `${used.length} (${got}): the loss of a location takes down every connection in it. A campus counts ` +
        `as one location.${hint}`,
    },
  ];
}
