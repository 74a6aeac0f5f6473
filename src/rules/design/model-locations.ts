import { SOURCES, claimOf, hasUnknownLocation, plural, usedLocations } from "./layout";
import { errorRule, finding, ruleFamily } from "../../core/fail";
import { ResiliencyModel } from "../../core/model";
import { RuleFinding } from "../../core/rule";
import { ConnectionTopology } from "../../core/topology";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const MODEL_LOCATIONS_RULES = ruleFamily({
  /** A claimed model needs more locations than the layout has: all ports in one location. */
  MODEL_LOCATIONS: errorRule({
    id: "modelLocations",
    what: "fewer distinct locations than the claimed model needs (Maximum, High: 2), for example all ports in one location",
    why:
      "The loss of a location (its power, its building, its fibre; a campus is one location) takes down every " +
      "connection in it. Maximum and High Resiliency put connections in two or more locations to survive it.",
    source: SOURCES.resiliencyToolkit,
    prop: "locations",
    audit: true,
  }),
});
export const { MODEL_LOCATIONS } = MODEL_LOCATIONS_RULES;

/** The message of the rule: `got` the distinct locations, `counted` how they were counted, `hint` what to do. */
function shortOfLocations(
  model: ResiliencyModel,
  got: ReadonlyArray<string>,
  counted: string,
  hint: string,
): string {
  const which = got.length === 0 ? "none" : got.join(", ");
  return (
    `${model.name} needs at least ${plural(model.minLocations, "distinct location")}, ${counted} ${got.length} ` +
    `(${which}): the loss of a location takes down every connection in it. A campus counts as one location.` +
    (model.minLocations > 1 && got.length === 1 ? hint : "")
  );
}

/**
 * Whom a finding of a model's minimums speaks to: a layout (the audit and the design rules), or a
 * construct's props (the planner: its errors name `locations` and `deviceSlots`, the props that set them).
 */
export type Wording = "layout" | "props";

/**
 * The layout's device slots are in fewer distinct locations than its claimed model needs. Nothing
 * for Classic (no claim), or when a slot's location is unknown. Read for a construct's props
 * (`wording` "props"), Classic claims its one location too.
 */
export function checkModelLocations(
  topology: ConnectionTopology,
  wording: Wording = "layout",
): RuleFinding[] {
  const model = wording === "props" ? topology.model : claimOf(topology);
  if (model === undefined || hasUnknownLocation(topology)) return [];
  const used = usedLocations(topology).map((l) => l.location);
  if (used.length >= model.minLocations) return [];
  const message =
    wording === "props"
      ? `\`locations\`: ${shortOfLocations(model, used, "got", " For separate devices in one location use DevTest (no SLA).")}`
      : shortOfLocations(
          model,
          used,
          "this layout has",
          " For separate devices in one location, claim Development and Test (no SLA).",
        );
  return [finding(MODEL_LOCATIONS, message)];
}
