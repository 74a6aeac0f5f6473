/** The arguments of the failure analysis and the cost estimate, when a program calls them directly. */
import { errorRule, finding, ruleFamily } from "../core/fail";
import { ResiliencyModel } from "../core/model";
import { PROP_TYPE } from "../core/prop-type";
import { show } from "../core/props";
import { RuleFinding } from "../core/rule";

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
  ANALYSIS_SCENARIO_LIMIT: errorRule({
    id: "analysisScenarioLimit",
    what:
      "`maxFailures` of `FailureAnalysis.analyse` that makes more failure scenarios than an analysis evaluates " +
      "(`FailureAnalysis.MAX_SCENARIOS`)",
    why: "every scenario is evaluated and stored before the analysis returns: the cap bounds its memory and time",
    prop: "maxFailures",
  }),
  PORT_SPEED_PRICED: errorRule({
    id: "portSpeedPriced",
    what: "`PortHourPrices.hourly(portSpeedGbps)` at a speed that is not a dedicated port speed",
    why: "prices are per dedicated port speed: 1, 10, 100 or 400 Gbps",
    prop: "portSpeedGbps",
  }),
});
export const { ANALYSIS_MAX_FAILURES, SCENARIO_INDEX, ANALYSIS_SCENARIO_LIMIT, PORT_SPEED_PRICED } =
  ANALYSIS_RULES;

/** A depth of analysis: a whole number from 1. */
export function checkMaxFailures(maxFailures: number): RuleFinding[] {
  if (typeof maxFailures === "number" && Number.isInteger(maxFailures) && maxFailures >= 1) return [];
  return [
    finding(
      ANALYSIS_MAX_FAILURES,
      `\`maxFailures\` ${show(maxFailures)} is not allowed: a whole number from 1 (the most elements that fail at once).`,
    ),
  ];
}

/** The scenarios of an analysis: in all, and by their number of failures (1, 2, ...). */
export interface ScenarioTotals {
  readonly total: number;
  readonly bySize: ReadonlyArray<number>;
}

/**
 * The scenarios of `maxFailures` (`count`, of a topology of `elements` failure elements), at most what
 * an analysis evaluates (`max`); the message names the largest `maxFailures` that fits.
 */
export function checkScenarioLimit(
  maxFailures: number,
  count: ScenarioTotals,
  elements: number,
  max: number,
): RuleFinding[] {
  if (count.total <= max) return [];
  const n = (x: number) => x.toLocaleString("en-US");
  let fits = 0;
  let fitting = 0;
  for (const size of count.bySize) {
    if (fitting + size > max) break;
    fitting += size;
    fits++;
  }
  const hint = fits === 0 ? "" : ` \`maxFailures: ${fits}\` makes ${n(fitting)}.`;
  return [
    finding(
      ANALYSIS_SCENARIO_LIMIT,
      `\`maxFailures\` ${maxFailures} makes ${n(count.total)} failure scenarios for this topology ` +
        `(${n(elements)} failure elements); an analysis evaluates at most ` +
        `${n(max)} (FailureAnalysis.MAX_SCENARIOS).${hint}`,
    ),
  ];
}

/** A scenario's index in an analysis of `count` scenarios. */
export function checkScenarioIndex(index: number, count: number): RuleFinding[] {
  if (typeof index === "number" && Number.isInteger(index) && index >= 0 && index < count) return [];
  return [
    finding(
      SCENARIO_INDEX,
      `\`index\` ${show(index)} is not a scenario: a whole number from 0 to ${count - 1}.`,
    ),
  ];
}

/** A port speed the prices know (`price`: its price, undefined when none). */
export function checkPricedSpeed(price: number | undefined, portSpeedGbps: number): RuleFinding[] {
  if (price !== undefined) return [];
  return [
    finding(
      PORT_SPEED_PRICED,
      `\`portSpeedGbps\` ${show(portSpeedGbps)} is not a dedicated port speed: 1, 10, 100 or 400.`,
    ),
  ];
}

/**
 * A model the analysis knows (`known`: found by name, so an instance of a second copy of the library
 * counts); `model` is named as the user gave it.
 */
export function checkModelKnown(model: ResiliencyModel, known: boolean): RuleFinding[] {
  if (known) return [];
  const name = typeof model === "object" && model !== null ? model.name : undefined;
  return [
    finding(
      PROP_TYPE,
      `\`model\` ${String(name ?? model)} is not a ResiliencyModel: use ResiliencyModel.MAXIMUM, HIGH, DEVELOPMENT_AND_TEST or CLASSIC.`,
    ),
  ];
}
