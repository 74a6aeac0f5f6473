import { SOURCES, isMultiPortLag, slotLabel, slotsOf } from "./layout";
import { warningRule } from "../../core/fail";
import { RuleFinding } from "../../core/rule";
import { ConnectionTopology } from "../../core/topology";

/** A LAG of two or more ports keeps `MinimumLinks` 0 (unset). */
export const MINIMUM_LINKS_ZERO = warningRule({
  id: "minimumLinksZero",
  what: "a LAG of two or more ports with `MinimumLinks` 0 or unset",
  why:
    "With 0 the LAG stays up on its last port, and its BGP sessions keep attracting the traffic of all its " +
    "ports. A minimum number of operational connections takes the LAG down instead, to avoid over-utilising " +
    "the remaining ones, so that the traffic moves to the other paths.",
  source: SOURCES.lags,
  prop: "minimumLinks",
  audit: true,
});

/** Every LAG of two or more ports ordered here whose `MinimumLinks` is 0 or not set. */
export function checkMinimumLinksZero(topology: ConnectionTopology): RuleFinding[] {
  return slotsOf(topology)
    .filter((slot) => isMultiPortLag(slot) && (slot.minimumLinks ?? 0) === 0)
    .map((slot) => ({
      rule: MINIMUM_LINKS_ZERO,
      message:
        `${slotLabel(slot)} is a LAG of ${slot.ports.length} ports with MinimumLinks ${slot.minimumLinks ?? "unset (0)"}: ` +
        "when ports fail it stays up on the last one, which then gets the traffic of all of them. Set MinimumLinks " +
        "(in a later deploy: CloudFormation does not take it when it first creates the LAG).",
      at: slot.id,
    }));
}
