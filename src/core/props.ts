/**
 * Shape checks of prop values, for callers whose types nobody checked: plain JavaScript, or a value
 * built at run time. (jsii checks the types of Python, Java, C# and Go callers before they get here,
 * so these only add a readable message there.) Each failure is an `Error` naming the prop in
 * backticks, the value it got and what is allowed; never a `TypeError` from deeper down. One rule,
 * `propType` (rules/props.ts); ranges are the rules of each prop.
 */
import { Deferred } from "./deferred";
import { ErrorRule, finding } from "./fail";
import { PROP_TYPE } from "./prop-type";
import type { RuleFinding } from "./rule";

const MAX_SHOWN = 60;

/** A value as an error message shows it: strings quoted and cut, lists and objects named, never `[object Object]`. */
export function show(value: unknown): string {
  if (typeof value === "string") {
    return JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}...` : value);
  }
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  return String(value);
}

/** A name in a message: a string as it is (cut when long), anything else as `show` has it. */
export function label(value: unknown): string {
  return typeof value === "string" && value.length <= MAX_SHOWN ? value : show(value);
}

/** Null, as plain JavaScript often passes for "not given", is taken as undefined for optional props. */
export function given<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

/**
 * An object made by one of this library's factories, told by its shape (a second copy of the library
 * in node_modules makes instances that `instanceof` rejects).
 */
export function isMadeBy(value: unknown, method: string): boolean {
  return typeof value === "object" && value !== null && typeof (value as any)[method] === "function";
}

// The shape of a prop at the edge (emit), without throwing: each takes the list `out` that the construct
// collects its findings in, records a `propType` finding there when the value has the wrong type, and
// returns the value typed (undefined when not given or wrong).

/** The props object (or options object) of a construct or factory: present and an object. */
export function objectOf(
  value: unknown,
  prop: string,
  what: string,
  out: RuleFinding[],
): Record<string, unknown> | undefined {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  out.push(finding(PROP_TYPE, `\`${prop}\` must be ${what}, got ${show(value)}.`));
  return undefined;
}

/** A required list. */
export function listOf(
  value: unknown,
  prop: string,
  what: string,
  out: RuleFinding[],
): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  const needs = given(value) ? "must be" : "is required:";
  out.push(finding(PROP_TYPE, `\`${prop}\` ${needs} a list of ${what}, got ${show(value)}.`));
  return undefined;
}

/** An optional list: undefined (or null) when not given. */
export function optionalListOf(
  value: unknown,
  prop: string,
  what: string,
  out: RuleFinding[],
): unknown[] | undefined {
  return given(value) ? listOf(value, prop, what, out) : undefined;
}

/** An optional string (a token is a string too). */
export function optionalStringOf(
  value: unknown,
  prop: string,
  what: string,
  out: RuleFinding[],
): string | undefined {
  if (!given(value)) return undefined;
  if (typeof value === "string") return value;
  out.push(finding(PROP_TYPE, `\`${prop}\` must be ${what}, got ${show(value)}.`));
  return undefined;
}

/** An optional boolean. */
export function optionalBooleanOf(value: unknown, prop: string, out: RuleFinding[]): boolean | undefined {
  if (!given(value)) return undefined;
  if (typeof value === "boolean") return value;
  out.push(finding(PROP_TYPE, `\`${prop}\` must be true or false, got ${show(value)}.`));
  return undefined;
}

/** A whole number in a range, the rule of the prop; a token (`Deferred`) is not checked. */
export function wholeNumberFindings(
  rule: ErrorRule,
  value: unknown,
  prop: string,
  range: { readonly min: number; readonly max: number },
  why = "",
): RuleFinding[] {
  if (value instanceof Deferred) return [];
  if (typeof value === "number" && Number.isInteger(value) && value >= range.min && value <= range.max) {
    return [];
  }
  return [
    finding(
      rule,
      `\`${prop}\` ${show(value)} is not allowed: a whole number from ${range.min} to ${range.max}${why}.`,
    ),
  ];
}
