import { checkModelPromise } from "./model-promise";
import { errorRule, ruleFamily } from "../../core/fail";
import { RuleFinding } from "../../core/rule";
import { ConnectionTopology } from "../../core/topology";
import { SOURCES, claimOf } from "../../rules/design/layout";
import { checkModelDeviceSlots } from "../../rules/design/model-device-slots";
import { checkModelLocations } from "../../rules/design/model-locations";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const RESILIENCY_GROUP_MODEL_RULES = ruleFamily({
  /** A resiliency group claims a model that the connections it holds do not meet. */
  RESILIENCY_GROUP_MODEL: errorRule({
    id: "resiliencyGroupModel",
    what:
      "a resiliency group whose `IntendedResiliencyModel` its own connections do not meet (for example a group " +
      "that holds the connections of one location only)",
    why:
      "A resiliency group is the record of which connections form one layout and of the model they meet: a " +
      "group that claims more than its members give records a resiliency that the connections do not have.",
    source: SOURCES.resiliencyGroup,
    prop: "resiliencyGroup",
    audit: true,
  }),
});
export const { RESILIENCY_GROUP_MODEL } = RESILIENCY_GROUP_MODEL_RULES;

/**
 * The group's members as a layout (`topology`: their device slots, with only the member ports, and the
 * group's model as the claim): the first reason it does not meet its model, or nothing.
 */
export function checkResiliencyGroupModel(topology: ConnectionTopology): RuleFinding[] {
  const model = claimOf(topology);
  if (model === undefined) return [];
  const reasons = [
    ...checkModelLocations(topology),
    ...checkModelDeviceSlots(topology),
    ...checkModelPromise(topology),
  ];
  if (reasons.length === 0) return [];
  const name = topology.resiliencyGroupName ?? "the resiliency group";
  return [
    {
      rule: RESILIENCY_GROUP_MODEL,
      message:
        `Resiliency group ${name} claims ${model.name} (${model.intendedResiliencyModel}), but the connections it ` +
        `holds do not meet it: ${reasons.map((r) => r.message).join(" ")} Hold every connection of the layout ` +
        "in the group, or claim the model its connections meet.",
    },
  ];
}
