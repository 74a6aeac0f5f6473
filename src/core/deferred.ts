/**
 * Values that CloudFormation resolves only at deploy (CDK tokens), marked where a construct takes its
 * props (emit/, the one layer that can tell them, with `Token.isUnresolved`). Below emit, a prop that
 * may be a token has the type `Deferrable<T>`: rules skip a `Deferred` (nothing to check before
 * deploy) and the planner passes its value on as it is. No function below emit takes a predicate for
 * tokens.
 */

/** A prop value that is resolved only at deploy: its value is the token, to put in the template. */
export class Deferred<T> {
  constructor(public readonly value: T) {}
}

/** A prop value, or its token. */
export type Deferrable<T> = T | Deferred<T>;

/** Whether a value is marked as resolved only at deploy. */
export function isDeferred(value: unknown): value is Deferred<unknown> {
  return value instanceof Deferred;
}

/** The value to put in the template: the value itself, or its token. */
export function valueOf<T>(value: Deferrable<T>): T {
  return value instanceof Deferred ? value.value : value;
}

/** The value when it is known before deploy; undefined for a token. */
export function known<T>(value: Deferrable<T> | undefined): T | undefined {
  return value instanceof Deferred ? undefined : value;
}
