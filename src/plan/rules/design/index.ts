import { RuleInfo } from "../rule";

/**
 * The design rules: checks of a whole layout (a `ConnectionTopology`) for single points of failure and
 * risky settings, shared by the planner and the `DirectConnectAudit` aspect. One file per rule.
 */
export const DESIGN_RULES: RuleInfo[] = [];
