/**
 * The shape of every rule: the planner's checks of construct props and the audit's checks of any
 * app's Direct Connect resources are rules of this one kind, catalogued in one place
 * (rules/catalogue.ts), so that no rule exists twice and the README's tables come from the catalogue.
 */

/** How bad a broken rule is. */
export enum RuleSeverity {
  /** AWS refuses it at deploy, or the design does not do what it claims: synth fails. */
  ERROR = "error",
  /** Legal, but risky: a warning annotation, acknowledgeable by the rule's id. */
  WARNING = "warning",
}

/**
 * One rule: what it checks, why, and the AWS page that says so.
 */
export interface RuleInfo {
  /**
   * The rule's stable id, for example `vlanRange`. Warnings carry it as
   * `cdk-direct-connect-resiliency:<id>` (to acknowledge them), audit findings too.
   */
  readonly id: string;
  /** Whether it is an error or a warning. */
  readonly severity: RuleSeverity;
  /** What the rule finds, in one line, for example `VLAN outside 1-4094`. */
  readonly what: string;
  /** Why it matters. */
  readonly why: string;
  /**
   * The AWS page that states the fact the rule encodes.
   *
   * @default - none: a rule of this library's own design
   */
  readonly source?: string;
  /**
   * The construct prop the rule checks (errors name it in backticks).
   *
   * @default - none: a rule on the whole design
   */
  readonly prop?: string;
  /** Whether the audit (`DirectConnectAudit`) checks it on raw resources too, or only the planner. */
  readonly audit: boolean;
}

/** A broken rule in one place: the rule, and the message for the user. */
export interface RuleFinding {
  /** The rule broken. */
  readonly rule: RuleInfo;
  /** What is wrong here, naming the prop or resource, the value, and what is allowed. */
  readonly message: string;
  /**
   * Where: a topology element id (`EqDC2/Slot1`, `EqDC2/Slot1/Port2`, ...) or a logical id.
   *
   * @default - the whole construct or layout
   */
  readonly at?: string;
}

/** The one warning type of the planner and the audit: a warning finding's id and message. */
export interface PlanWarning {
  /** The rule id, for `Annotations.acknowledgeWarning('cdk-direct-connect-resiliency:' + id)`. */
  readonly id: string;
  /** The message. */
  readonly message: string;
}

/** Prefix of every warning id (`Annotations.of(x).acknowledgeWarning(`${WARNING_PREFIX}:${id}`)`). */
export const WARNING_PREFIX = "cdk-direct-connect-resiliency";
