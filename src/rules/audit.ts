/** The options of the audit (`DirectConnectAudit`): its acknowledgements and the existing circuits it is told of. */
import { errorRule, finding, ruleFamily } from "../core/fail";
import { ResiliencyModel } from "../core/model";
import { PROP_TYPE } from "../core/prop-type";
import { show } from "../core/props";
import { RuleFinding } from "../core/rule";
import { SOURCES } from "../core/sources";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const AUDIT_OPTION_RULES = ruleFamily({
  ACKNOWLEDGE_UNKNOWN_RULE: errorRule({
    id: "acknowledgeUnknownRule",
    what: "an acknowledgement of an id that is no rule of the audit",
    why: "a misspelt id would acknowledge nothing, and the finding it meant would still fail synth",
    prop: "ruleId",
  }),
  ACKNOWLEDGE_REASON: errorRule({
    id: "acknowledgeReason",
    what: "an acknowledgement without a reason",
    why: "an accepted single point of failure needs its reason next to it, for the next reader of the app",
    prop: "reason",
  }),
  EXISTING_CIRCUIT_ID: errorRule({
    id: "existingCircuitId",
    what: "an existing circuit whose `connectionId` is not a connection or LAG id (dxcon-..., dxlag-...), or listed twice",
    why: "templates refer to existing circuits by these ids: another value matches no resource of the app",
    prop: "connectionId",
    source: SOURCES.connection,
  }),
});
export const { ACKNOWLEDGE_UNKNOWN_RULE, ACKNOWLEDGE_REASON, EXISTING_CIRCUIT_ID } = AUDIT_OPTION_RULES;

/** An acknowledgement names a rule of the audit (`known`), with a reason. */
export function checkAcknowledgement(
  ruleId: string,
  reason: string,
  known: ReadonlyArray<string>,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  if (typeof ruleId !== "string" || !known.includes(ruleId)) {
    findings.push(
      finding(
        ACKNOWLEDGE_UNKNOWN_RULE,
        `\`ruleId\` ${show(ruleId)} is not a rule of the audit: one of ${known.join(", ")}.`,
      ),
    );
  }
  if (typeof reason !== "string" || reason.trim() === "") {
    findings.push(
      finding(
        ACKNOWLEDGE_REASON,
        `\`reason\` of the acknowledgement of ${ruleId} is empty: say why the finding does not apply.`,
      ),
    );
  }
  return findings;
}

/** An existing circuit's id: well formed (`wellFormed`; else nothing more), and not listed before (`seen`). */
export function checkExistingCircuitId(id: string, wellFormed: boolean, seen: boolean): RuleFinding[] {
  if (!wellFormed) {
    return [
      finding(
        EXISTING_CIRCUIT_ID,
        `\`connectionId\` ${show(id)} of an existing circuit is not a connection or LAG id: ` +
          "dxcon-... or dxlag-....",
      ),
    ];
  }
  return seen ? [finding(EXISTING_CIRCUIT_ID, `\`existingCircuits\`: ${String(id)} is listed twice.`)] : [];
}

/** The model the audit claims for every layout (`known`: one of the models, by name). */
export function checkAuditModel(model: ResiliencyModel, known: boolean): RuleFinding[] {
  if (known) return [];
  return [
    finding(
      PROP_TYPE,
      `\`model\` ${show(model)} is not a ResiliencyModel: use ResiliencyModel.MAXIMUM, HIGH, DEVELOPMENT_AND_TEST or CLASSIC.`,
    ),
  ];
}
