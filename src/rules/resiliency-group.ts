/** The resiliency group of a layout: whether there is one, its name and its members. */
import { Deferrable, isDeferred, valueOf } from "../core/deferred";
import { errorRule, finding, warningRule, ruleFamily } from "../core/fail";
import type { ResiliencyModel } from "../core/model";
import type { RuleFinding } from "../core/rule";
import { SOURCES } from "../core/sources";
import type { TopologyDeviceSlot } from "../core/topology";

/** Facts of the resiliency group, with their place in docs/facts.md. */
export const GROUP_LIMITS = {
  /** §3.3: ConnectionArns holds at most 50. */
  connections: 50,
  /** §3.3: ResiliencyGroupName is at most 255 characters. */
  nameLength: 255,
} as const;

/** §3.3: `ResiliencyGroupName` (`^[a-zA-Z0-9_\-]+$`): no spaces, unlike connection names. */
const GROUP_NAME_PATTERN = /^[a-zA-Z0-9_-]+$/;

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const RESILIENCY_GROUP_RULES = ruleFamily({
  GROUP_NAME_WITHOUT_GROUP: errorRule({
    id: "resiliencyGroupNameWithoutGroup",
    what: "`resiliencyGroupName` given with `resiliencyGroup: false`",
    why: "a name for a group that is not made says the props contradict each other",
    prop: "resiliencyGroupName",
  }),
  GROUP_FOR_CLASSIC: errorRule({
    id: "resiliencyGroupForClassic",
    what: "a resiliency group for Classic (no `IntendedResiliencyModel`)",
    why: "a resiliency group records one of the models AWS names: maximum, high or basic resiliency",
    source: SOURCES.resiliencyGroup,
    prop: "resiliencyGroup",
  }),
  GROUP_SIZE: errorRule({
    id: "resiliencyGroupSize",
    what: "more than 50 connections in the resiliency group",
    why: "a resiliency group holds at most 50 connections",
    source: SOURCES.resiliencyGroup,
    prop: "locations",
  }),
  GROUP_NAME: errorRule({
    id: "resiliencyGroupNameFormat",
    what: "a `resiliencyGroupName` outside `^[a-zA-Z0-9_\\-]+$` or over 255 characters",
    why: "CloudFormation refuses any other `ResiliencyGroupName`",
    source: SOURCES.resiliencyGroup,
    prop: "resiliencyGroupName",
  }),
  EXISTING_LAG_NOT_IN_GROUP: warningRule({
    id: "existingLagNotInGroup",
    what: "an existing LAG in a layout with a resiliency group",
    why: "its member connections are unknown here, so they are not in the group: add them yourself",
    source: SOURCES.resiliencyGroup,
    prop: "existingSlots",
  }),
});
export const {
  GROUP_NAME_WITHOUT_GROUP,
  GROUP_FOR_CLASSIC,
  GROUP_SIZE,
  GROUP_NAME,
  EXISTING_LAG_NOT_IN_GROUP,
} = RESILIENCY_GROUP_RULES;

/** A name without a group. */
export function checkGroupNameWithoutGroup(
  resiliencyGroupName: Deferrable<string> | undefined,
): RuleFinding[] {
  if (resiliencyGroupName === undefined) return [];
  return [
    finding(
      GROUP_NAME_WITHOUT_GROUP,
      `\`resiliencyGroupName\` "${valueOf(resiliencyGroupName)}" is set, but there is no resiliency group ` +
        "(`resiliencyGroup` is false). Remove one of the two.",
    ),
  ];
}

/** A group needs a model AWS names. */
export function checkGroupModel(model: ResiliencyModel): RuleFinding[] {
  if (model.intendedResiliencyModel !== undefined) return [];
  return [
    finding(
      GROUP_FOR_CLASSIC,
      `\`resiliencyGroup\`: the ${model.name} model has no IntendedResiliencyModel for a resiliency group. ` +
        "Claim the model the layout meets with `model` (MAXIMUM, HIGH or DEVELOPMENT_AND_TEST), or leave `resiliencyGroup` out.",
    ),
  ];
}

/** The existing LAGs of the slots, whose members stay out of the group. */
export function checkExistingLagsNotInGroup(slots: ReadonlyArray<TopologyDeviceSlot>): RuleFinding[] {
  const existingLags = slots.filter((s) => s.existingConnectionId?.startsWith("dxlag-"));
  if (existingLags.length === 0) return [];
  return [
    finding(
      EXISTING_LAG_NOT_IN_GROUP,
      `\`existingSlots\`: ${existingLags.map((s) => s.existingConnectionId).join(", ")} ` +
        "are existing LAGs whose member connections this app does not know, so they are not in the resiliency group. " +
        "Add their connections to it yourself.",
    ),
  ];
}

/** §3.3: the members of a group (`connections`, of `slots` device slots). */
export function checkGroupSize(connections: number, slots: number): RuleFinding[] {
  if (connections <= GROUP_LIMITS.connections) return [];
  return [
    finding(
      GROUP_SIZE,
      `\`locations\`: the resiliency group would hold ${connections} connections ` +
        `(${slots} device slots); a resiliency group holds at most ` +
        `${GROUP_LIMITS.connections}. Use fewer locations or ports, split the layout into two constructs, ` +
        "or set `resiliencyGroup: false`.",
    ),
  ];
}

/** §3.3: the group's name (a token is not checked). */
export function checkGroupName(name: Deferrable<string>): RuleFinding[] {
  if (isDeferred(name) || (GROUP_NAME_PATTERN.test(name) && name.length <= GROUP_LIMITS.nameLength)) {
    return [];
  }
  return [
    finding(
      GROUP_NAME,
      `\`resiliencyGroupName\` "${name}" is not allowed: 1 to ${GROUP_LIMITS.nameLength} letters, digits, _ ` +
        "and - (no spaces; pattern ^[a-zA-Z0-9_\\-]+$).",
    ),
  ];
}
