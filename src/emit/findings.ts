/**
 * Where findings meet the construct tree: props are marked (tokens become `Deferred`) at the edge,
 * and the findings of a construct's rules end here, errors thrown once, warnings annotated.
 */
import { Annotations, Token } from "aws-cdk-lib";
import type { IConstruct } from "constructs";
import { Deferrable, Deferred } from "../core/deferred";
import { raiseAll, warningsOf } from "../core/fail";
import { RuleFinding, WARNING_PREFIX } from "../core/rule";

/** A prop value as the layers below see it: a token is marked `Deferred`, anything else passes as it is. */
export function mark<T>(value: T): Deferrable<T> {
  return Token.isUnresolved(value) ? new Deferred(value) : value;
}

/**
 * The end of a construct's checks: every error finding thrown at once (one `RuleError` listing each,
 * `subject` names the construct), then every warning annotated with its rule's id.
 */
export function report(
  construct: IConstruct,
  findings: ReadonlyArray<RuleFinding>,
  subject = construct.node.path,
): void {
  raiseAll(findings, subject);
  for (const w of warningsOf(findings)) {
    Annotations.of(construct).addWarningV2(`${WARNING_PREFIX}:${w.id}`, w.message);
  }
}
