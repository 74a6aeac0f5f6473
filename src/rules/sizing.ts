/** Capacity-aware sizing: the traffic a construct must keep through the failures its model covers. */
import { errorRule, finding, warningRule, ruleFamily } from "../core/fail";
import { given, show } from "../core/props";
import { RuleFinding } from "../core/rule";
import { SOURCES } from "../core/sources";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const SIZING_RULES = ruleFamily({
  CAPACITY_GBPS_VALUE: errorRule({
    id: "capacityGbpsValue",
    what: "`requiredBandwidthGbps` or `expectedPeakGbps` not a positive number of Gbps",
    why: "the sizing compares it with the capacity left after a failure",
    prop: "requiredBandwidthGbps",
  }),
  REQUIRED_BANDWIDTH_KEPT: errorRule({
    id: "requiredBandwidthKept",
    what:
      "a `bandwidth` (given, or any the planner can choose) whose worst failure covered by the model leaves less " +
      "than `requiredBandwidthGbps`",
    why: "the required traffic would not fit on the paths left after a failure the model promises to survive",
    prop: "requiredBandwidthGbps",
    source: SOURCES.resiliencyToolkit,
  }),
  CAPACITY_AFTER_FAILURE: warningRule({
    id: "capacityAfterFailure",
    what: "a layout whose worst failure covered by the model leaves less than `expectedPeakGbps`",
    why: "the surviving paths would be overloaded at peak: the failover keeps the sessions, not the traffic",
    prop: "expectedPeakGbps",
    source: SOURCES.resiliencyToolkit,
  }),
  PORT_HOUR_PRICE: errorRule({
    id: "portHourPrice",
    what:
      "a price in `portHourPrices` (per port hour, or per SiteLink interface hour) that is not a number of US " +
      "dollars, 0 or more",
    why: "the cost estimate and the sizing's cheapest choice multiply it by the hours and ports",
    prop: "portHourPrices",
    source: SOURCES.directConnectPricing,
  }),
});
export const { CAPACITY_GBPS_VALUE, REQUIRED_BANDWIDTH_KEPT, CAPACITY_AFTER_FAILURE, PORT_HOUR_PRICE } =
  SIZING_RULES;

/**
 * A price (`key`, for example `gbps10` or `siteLinkVifHour`) per `unit` (a port hour by default): a
 * number of US dollars, 0 or more.
 */
export function checkPortHourPrice(key: string, price: number, unit: string = "port hour"): RuleFinding[] {
  if (typeof price === "number" && Number.isFinite(price) && price >= 0) return [];
  return [
    finding(
      PORT_HOUR_PRICE,
      `\`${key}\` ${String(price)} is not a price: a number of US dollars per ${unit}, 0 or more.`,
    ),
  ];
}

/**
 * Some bandwidth keeps `required` through the worst covered failure: the sizing's choice (the cheapest
 * that keeps it, else the one that keeps the most: `bestGbps` with `bestBandwidth` per device slot).
 */
export function checkRequiredReachable(
  required: number,
  bestGbps: number,
  bestBandwidth: string,
): RuleFinding[] {
  if (bestGbps >= required) return [];
  return [
    finding(
      REQUIRED_BANDWIDTH_KEPT,
      `\`requiredBandwidthGbps\` ${required} cannot be kept through the worst failure this layout's model covers: ` +
        `the most any bandwidth gives is ${bestGbps} Gbps (${bestBandwidth} per device slot). ` +
        "Add locations or device slots, or ask for less.",
    ),
  ];
}

/** A capacity in Gbps (`prop`), when given: a positive number. */
export function checkCapacityGbps(value: number | undefined, prop: string): RuleFinding[] {
  if (!given(value) || isCapacity(value)) return [];
  return [
    finding(CAPACITY_GBPS_VALUE, `\`${prop}\` ${show(value)} is not allowed: a positive number of Gbps.`),
  ];
}

/** A capacity in Gbps as the sizing reads it: undefined when not given, or not a positive number. */
export function capacityOf(value: number | undefined): number | undefined {
  return given(value) && isCapacity(value) ? value : undefined;
}

function isCapacity(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value > 0;
}

/** The capacity left after the worst covered failure (`worst`) keeps `required`, with the given `bandwidth`. */
export function checkRequiredKept(required: number, worst: number, bandwidth: string): RuleFinding[] {
  if (worst >= required) return [];
  return [
    finding(
      REQUIRED_BANDWIDTH_KEPT,
      `\`requiredBandwidthGbps\` ${required}: with \`bandwidth\` ${bandwidth} the worst failure the model covers ` +
        `leaves ${worst} Gbps. Leave \`bandwidth\` out to let the planner choose, or raise it.`,
    ),
  ];
}

/** The warning when the worst covered failure leaves less than the expected peak. */
export function checkExpectedPeak(peak: number | undefined, worst: number): RuleFinding[] {
  if (peak === undefined || worst >= peak) return [];
  return [
    finding(
      CAPACITY_AFTER_FAILURE,
      `\`expectedPeakGbps\` ${peak}: the worst failure the model covers leaves ${worst} Gbps of Direct Connect, ` +
        "less than the expected peak: the surviving paths would be overloaded. Raise `bandwidth`, or give " +
        "`requiredBandwidthGbps` to let the planner size it.",
    ),
  ];
}
