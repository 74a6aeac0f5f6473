/** Names that become construct ids, logical IDs and resource names: a spec's purpose, a device. */
import { errorRule, finding, ruleFamily } from "../core/fail";
import { show } from "../core/props";
import type { RuleFinding } from "../core/rule";

const ID_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/;

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const NAME_RULES = ruleFamily({
  ID_NAME_RULE: errorRule({
    id: "nameFormat",
    what: "a virtual interface spec or customer gateway device `name` that is not 1 to 32 letters, digits and - (not first or last)",
    why: "the name makes the names of the resources and their logical IDs",
    prop: "name",
  }),
});
export const { ID_NAME_RULE } = NAME_RULES;

/**
 * Such a name (`what` names its owner, e.g. `virtual interface`): 1 to 32 letters, digits and `-`,
 * not first or last. A caller without static types may pass a value that is not a string: a finding
 * too.
 */
export function checkName(name: string, what: string): RuleFinding[] {
  if (typeof name === "string" && ID_NAME.test(name)) return [];
  return [
    finding(
      ID_NAME_RULE,
      `\`name\` ${show(name)} of a ${what} is not allowed: 1 to 32 letters, digits and - (not first or last); ` +
        "it names the resources and their logical IDs.",
    ),
  ];
}
