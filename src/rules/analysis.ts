/** The arguments of the failure analysis and the cost estimate, when a program calls them directly. */
import { errorRule, fail, ruleFamily } from "../core/fail";
import { PROP_TYPE } from "../core/prop-type";
import { show } from "../core/props";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const ANALYSIS_RULES = ruleFamily({
  ANALYSIS_MAX_FAILURES: errorRule({
    id: "analysisMaxFailures",
    what: "`maxFailures` of `FailureAnalysis.analyse` or `countScenarios` not a whole number from 1",
    why: "the analysis evaluates every combination of up to that many simultaneous failures",
    prop: "maxFailures",
  }),
  SCENARIO_INDEX: errorRule({
    id: "scenarioIndex",
    what: "`FailureAnalysis.scenario(index)` with an index outside 0 to `scenarioCount` - 1",
    why: "the scenarios are numbered from 0 in the order of `scenarios()`",
    prop: "index",
  }),
  PORT_SPEED_PRICED: errorRule({
    id: "portSpeedPriced",
    what: "`PortHourPrices.hourly(portSpeedGbps)` at a speed that is not a dedicated port speed",
    why: "prices are per dedicated port speed: 1, 10, 100 or 400 Gbps",
    prop: "portSpeedGbps",
  }),
});
export const { ANALYSIS_MAX_FAILURES, SCENARIO_INDEX, PORT_SPEED_PRICED } = ANALYSIS_RULES;

/** The rules of this family, for the catalogue. */

/** A depth of analysis: a whole number from 1. */
export function checkMaxFailures(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    fail(
      ANALYSIS_MAX_FAILURES,
      `\`maxFailures\` ${show(value)} is not allowed: a whole number from 1 (the most elements that fail at once).`,
    );
  }
  return value;
}

/** A scenario's index in an analysis of `count` scenarios. */
export function checkScenarioIndex(index: unknown, count: number): number {
  if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= count) {
    fail(
      SCENARIO_INDEX,
      `\`index\` ${show(index)} is not a scenario: a whole number from 0 to ${count - 1}.`,
    );
  }
  return index;
}

/** A port speed the prices know. */
export function checkPricedSpeed(price: number | undefined, portSpeedGbps: number): number {
  if (price === undefined) {
    fail(
      PORT_SPEED_PRICED,
      `\`portSpeedGbps\` ${show(portSpeedGbps)} is not a dedicated port speed: 1, 10, 100 or 400.`,
    );
  }
  return price;
}

/** A model the analysis knows (by name: an instance of a second copy of the library counts). */
export function unknownModel(name: unknown): never {
  return fail(
    PROP_TYPE,
    `\`model\` ${String(name)} is not a ResiliencyModel: use ResiliencyModel.MAXIMUM, HIGH, DEVELOPMENT_AND_TEST or CLASSIC.`,
  );
}
