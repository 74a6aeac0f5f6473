import { errorRule, ruleFamily } from "../../core/fail";
import { RuleFinding } from "../../core/rule";
import { ConnectionTopology } from "../../core/topology";
import { SOURCES, claimOf, hasUnknownLocation } from "../../rules/design/layout";
import { checkModelDeviceSlots } from "../../rules/design/model-device-slots";
import { checkModelLocations } from "../../rules/design/model-locations";
import { FailureAnalysis } from "../failures";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const MODEL_PROMISE_RULES = ruleFamily({
  /** The failure analysis finds a single failure the claimed model promises to survive and the layout does not. */
  MODEL_PROMISE: errorRule({
    id: "modelPromise",
    what:
      "a claimed model whose promise the failure analysis refutes: a single failure it covers leaves no capacity, " +
      "or a gateway without a Direct Connect BGP session",
    why:
      "Each model promises to survive certain single failures (Maximum: any device or location; High: any port, " +
      "device or location; Development and Test: any device). A layout with the right locations and devices can " +
      "still break it, for example through where its virtual interfaces are or a LAG's minimum links.",
    source: SOURCES.resiliencyToolkit,
    prop: "model",
    audit: true,
  }),
});
export const { MODEL_PROMISE } = MODEL_PROMISE_RULES;

/**
 * The first claim of the layout's model that the failure analysis refutes, with its counter-example.
 * Nothing for Classic, when a slot's location is unknown, or when the layout lacks the model's
 * locations or device slots (`modelLocations` and `modelDeviceSlots` say why). The message speaks of
 * "This layout"; a construct's error names the prop in front of it (analyse/checks.ts).
 */
export function checkModelPromise(topology: ConnectionTopology): RuleFinding[] {
  const model = claimOf(topology);
  if (model === undefined || hasUnknownLocation(topology)) return [];
  if (checkModelLocations(topology).length > 0 || checkModelDeviceSlots(topology).length > 0) return [];
  const broken = FailureAnalysis.analyse(topology)
    .verdicts()
    .find((v) => !v.met);
  if (broken === undefined) return [];
  const s = broken.counterExample!;
  const cut = s.paths.filter((p) => p.bgpSessions === 0).map((p) => p.target);
  return [
    {
      rule: MODEL_PROMISE,
      message:
        `This layout does not meet ${model.name}: it promises to survive ${broken.claim}, but ` +
        `${s.failures.map((f) => f.description).join(" and ")} leaves ${s.survivingCapacityGbps} Gbps` +
        (cut.length === 0 ? "." : ` and no Direct Connect BGP session to ${cut.join(", ")}.`),
    },
  ];
}
