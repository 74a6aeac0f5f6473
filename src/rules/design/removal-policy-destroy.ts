import { SOURCES, slotLabel, slotsOf } from "./layout";
import { warningRule, ruleFamily } from "../../core/fail";
import { RuleFinding } from "../../core/rule";
import { ConnectionTopology } from "../../core/topology";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const REMOVAL_POLICY_DESTROY_RULES = ruleFamily({
  /**
   * A port or LAG that is not retained. The id is the planner's warning for `removalPolicy: DESTROY`,
   * which is this fact (CloudFormation's `DeletionPolicy: Delete`), so that acknowledgements of it keep working.
   */
  REMOVAL_POLICY_DESTROY: warningRule({
    id: "removalPolicyDestroy",
    what: "a port or LAG that is not retained (`DeletionPolicy` other than `Retain` or `RetainExceptOnCreate`)",
    why:
      "Deleting the stack or removing the resource deletes the connection: AWS has its cross-connect removed, " +
      "and a new port is a new order with a new LOA.",
    source: SOURCES.deletingConnection,
    prop: "removalPolicy",
    audit: true,
  }),
});
export const { REMOVAL_POLICY_DESTROY } = REMOVAL_POLICY_DESTROY_RULES;

const CONSEQUENCE =
  "deleting the stack, or removing it from the template, deletes the Direct Connect connection and AWS has its " +
  "cross-connect removed; a new port is a new order with a new LOA. Retain it (RemovalPolicy.RETAIN).";

/** Every LAG and port of the layout marked `retained: false`. */
export function checkRemovalPolicyDestroy(topology: ConnectionTopology): RuleFinding[] {
  return slotsOf(topology).flatMap((slot) => [
    ...(slot.retained === false
      ? [
          {
            rule: REMOVAL_POLICY_DESTROY,
            message: `The LAG of ${slotLabel(slot)} is not retained: ${CONSEQUENCE}`,
            at: slot.id,
          },
        ]
      : []),
    ...slot.ports
      .filter((port) => port.retained === false)
      .map((port) => ({
        rule: REMOVAL_POLICY_DESTROY,
        message: `Port ${port.id} (${port.connectionName}) is not retained: ${CONSEQUENCE}`,
        at: port.id,
      })),
  ]);
}
