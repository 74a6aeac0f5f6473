import { ANALYSIS_RULES } from "../rules/analysis";
import { AUDIT_OPTION_RULES } from "../rules/audit";
import { CIDR_RULES } from "../rules/cidr";
import { DESIGN_RULES } from "./rules/design";
import { BANDWIDTH_RULES } from "../core/bandwidth";
import { rulesOf } from "../core/fail";
import { PROP_TYPE_RULES } from "../core/prop-type";
import { RATE_LIMIT_RULES } from "../core/rate-limit";
import { RuleInfo, WARNING_PREFIX } from "../core/rule";
import { CORE_NETWORK_RULES } from "../rules/core-networks";
import { DRILL_RULES } from "../rules/drill";
import { ESTATE_RULES } from "../rules/estate";
import { GATEWAY_RULES } from "../rules/gateways";
import { LAYOUT_RULES } from "../rules/layout";
import { MONITORING_RULES } from "../rules/monitoring";
import { NAME_RULES } from "../rules/names";
import { PORT_RULES } from "../rules/ports";
import { REPORT_RULES } from "../rules/report";
import { RESILIENCY_GROUP_RULES } from "../rules/resiliency-group";
import { SIZING_RULES } from "../rules/sizing";
import { VIRTUAL_INTERFACE_RULES } from "../rules/virtual-interfaces";
import { VPN_RULES } from "../rules/vpn";
import { VPN_OPTION_RULES } from "../rules/vpn-options";

/** The rules of one part of the library: one table of the README (between `<!-- rules:<key>:... -->`). */
export interface RuleGroup {
  readonly key: string;
  readonly rules: ReadonlyArray<RuleInfo>;
}

/** Every rule, by the README table it is listed in. */
export const RULE_GROUPS: ReadonlyArray<RuleGroup> = [
  {
    key: "layout",
    rules: [
      LAYOUT_RULES,
      BANDWIDTH_RULES,
      PORT_RULES,
      RESILIENCY_GROUP_RULES,
      REPORT_RULES,
      ANALYSIS_RULES,
      SIZING_RULES,
      PROP_TYPE_RULES,
    ].flatMap(rulesOf),
  },
  {
    key: "interfaces",
    rules: [
      VIRTUAL_INTERFACE_RULES,
      RATE_LIMIT_RULES,
      NAME_RULES,
      GATEWAY_RULES,
      CORE_NETWORK_RULES,
      CIDR_RULES,
    ].flatMap(rulesOf),
  },
  { key: "vpn", rules: [VPN_RULES, VPN_OPTION_RULES].flatMap(rulesOf) },
  { key: "design", rules: [...DESIGN_RULES, ...rulesOf(AUDIT_OPTION_RULES)] },
  { key: "estate", rules: rulesOf(ESTATE_RULES) },
  { key: "operate", rules: [MONITORING_RULES, DRILL_RULES].flatMap(rulesOf) },
];

const ALL: ReadonlyArray<RuleInfo> = RULE_GROUPS.flatMap((g) => g.rules);
const BY_ID = new Map(ALL.map((rule) => [rule.id, rule]));

/**
 * Every rule of the library: the checks of the constructs' props and of a whole layout, each with its
 * id, severity, what it finds, why, and the AWS page that states it.
 *
 * An error names its rule in its `ruleId` property (JavaScript and TypeScript); a warning annotation
 * has the id `cdk-direct-connect-resiliency:<rule id>`, to acknowledge it with
 * `Annotations.of(construct).acknowledgeWarning(RuleCatalogue.warningId('minimumLinksOnCreate'))`.
 */
export class RuleCatalogue {
  /** Every rule, table by table (layout, interfaces and gateways, VPN backup, design, operation). */
  public static all(): RuleInfo[] {
    return [...ALL];
  }

  /**
   * The rule with this id.
   *
   * @param id the rule's id, for example `vlanRange`
   * @returns the rule, or undefined when no rule has that id
   */
  public static byId(id: string): RuleInfo | undefined {
    return BY_ID.get(id);
  }

  /**
   * The id of a rule's warning annotations, for `Annotations.acknowledgeWarning`:
   * `cdk-direct-connect-resiliency:<id>`.
   *
   * @param id the rule's id, for example `minimumLinksOnCreate`
   */
  public static warningId(id: string): string {
    return `${WARNING_PREFIX}:${id}`;
  }

  /**
   * The ids of the rules an error names.
   *
   * Each error line of this library ends with its rule's id in brackets (`... [vlanRange]`), one line per
   * mistake when a construct found several, in order. This is how every language reads them (jsii carries only an error's message to Python, Java, C# and Go; in
   * TypeScript `ruleId` and `errors` are on the error too).
   *
   * @param message the message of the error, for example `str(e)` in Python
   * @returns the catalogued rule ids found, each once; empty for an error that names none
   */
  public static ruleIdsOf(message: string): string[] {
    const ids = [...String(message).matchAll(/\[([a-zA-Z0-9]+)\]$/gm)].map((m) => m[1]);
    return [...new Set(ids)].filter((id) => BY_ID.has(id));
  }

  private constructor() {}
}
