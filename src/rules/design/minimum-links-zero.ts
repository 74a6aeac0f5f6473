import { SOURCES, isMultiPortLag, slotLabel, slotsOf } from "./layout";
import { warningRule, ruleFamily } from "../../core/fail";
import { RuleFinding } from "../../core/rule";
import { ConnectionTopology } from "../../core/topology";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const MINIMUM_LINKS_ZERO_RULES = ruleFamily({
  /**
   * A LAG of two or more ports with `MinimumLinks` below its port count (0 or unset included). The one
   * advice of the `minimumLinks` rules: deploy first without `minimumLinks` (CloudFormation cannot set it
   * when it creates a LAG: `minimumLinksOnCreate`); once the LAGs exist, set it to the ports per LAG and
   * acknowledge `minimumLinksOnCreate`. Then neither rule warns.
   */
  MINIMUM_LINKS_ZERO: warningRule({
    id: "minimumLinksZero",
    what: "a LAG of two or more ports with `MinimumLinks` below its port count (0 or unset included)",
    why:
      "Below its port count the LAG stays up when a port fails, and its BGP sessions keep attracting the traffic " +
      "of all its ports onto fewer. `MinimumLinks` equal to the ports takes the LAG down instead, to avoid " +
      "over-utilising the remaining ones, so that the traffic moves to the other paths the model sized for it.",
    source: SOURCES.lags,
    prop: "minimumLinks",
    audit: true,
  }),
});
export const { MINIMUM_LINKS_ZERO } = MINIMUM_LINKS_ZERO_RULES;

/** Every LAG of two or more ports ordered here whose `MinimumLinks` is below its port count. */
export function checkMinimumLinksZero(topology: ConnectionTopology): RuleFinding[] {
  return slotsOf(topology)
    .filter((slot) => isMultiPortLag(slot) && (slot.minimumLinks ?? 0) < slot.ports.length)
    .map((slot) => ({
      rule: MINIMUM_LINKS_ZERO,
      message:
        `${slotLabel(slot)} is a LAG of ${slot.ports.length} ports with MinimumLinks ${slot.minimumLinks ?? "unset (0)"}: ` +
        "when a port fails it stays up on fewer, which then get the traffic of all of them. Once the LAG exists, set " +
        `MinimumLinks (\`minimumLinks\`) to ${slot.ports.length} and acknowledge minimumLinksOnCreate ` +
        "(CloudFormation does not take it when it first creates the LAG).",
      at: slot.id,
    }));
}
