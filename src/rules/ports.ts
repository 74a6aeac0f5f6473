/**
 * The ports and LAGs of every device slot: their bandwidth, MACsec, `minimumLinks` and removal policy.
 */
import type { ConnectionBandwidth } from "../core/bandwidth";
import { Deferrable, isDeferred } from "../core/deferred";
import { given, show } from "../core/props";
import { REMOVAL_POLICY_DESTROY } from "./design/removal-policy-destroy";
import { errorRule, finding, warningRule, ruleFamily } from "../core/fail";
import type { RuleFinding } from "../core/rule";
import { SOURCES } from "../core/sources";

/** §4.3: MACsec on 10 and 100 Gbps per AWS; 400 Gbps only in third-party data (§9.4). */
const MACSEC_SPEEDS_GBPS = [10, 100, 400];
const MACSEC_UNCONFIRMED_GBPS = [400];

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const PORT_RULES = ruleFamily({
  MACSEC_SPEED: errorRule({
    id: "macsecSpeed",
    what: "MACsec on 1 Gbps ports",
    why: "AWS offers MACsec on 10 and 100 Gbps dedicated connections (and 400 Gbps at some locations)",
    source: SOURCES.macsec,
    prop: "requestMacSec",
  }),
  MACSEC_400: warningRule({
    id: "macsec400",
    what: "MACsec on 400 Gbps ports (AWS prose says 10 and 100 Gbps; 400 only in location data)",
    why: "400 Gbps MACsec is offered at some locations only: check each before you deploy",
    source: SOURCES.macsec,
    prop: "requestMacSec",
  }),
  MACSEC_KEY_WITHOUT_REQUEST: errorRule({
    id: "macSecKeyWithoutRequest",
    what: "`macSecKey` without `requestMacSec: true`",
    why:
      "a MACsec key is associated with a connection or LAG that supports MACsec, and only `RequestMACSec` at " +
      "creation orders one that does",
    source: SOURCES.macsec,
    prop: "macSecKey",
  }),
  MACSEC_KEY_SECRET_ARN: errorRule({
    id: "macSecKeySecretArn",
    what: "`MacSecKey.fromDirectConnectSecretArn` with a value that is not a Secrets Manager secret ARN",
    why: "AssociateMacSecKey takes the ARN of a MACsec secret Direct Connect stores (from DescribeLags or DescribeConnections)",
    source: SOURCES.associateMacSecKey,
    prop: "macSecKey",
  }),
  MACSEC_KEY_EXISTING_SLOTS: warningRule({
    id: "macSecKeyExistingSlots",
    what: "`macSecKey` with `existingSlots`: the key is associated with the new LAGs only",
    why:
      "the construct does not own existing connections and LAGs, so it does not change their keys; associate one " +
      "yourself where they support MACsec",
    source: SOURCES.macsecAssociateLag,
    prop: "macSecKey",
  }),
  MINIMUM_LINKS_RANGE: errorRule({
    id: "minimumLinksRange",
    what: "`minimumLinks` outside 0 to the ports per LAG",
    why: "a LAG cannot need more member ports up than it has",
    source: SOURCES.lag,
    prop: "minimumLinks",
  }),
  MINIMUM_LINKS_ON_CREATE: warningRule({
    id: "minimumLinksOnCreate",
    what: "`minimumLinks` set at all",
    why: "CloudFormation cannot set `MinimumLinks` when it first creates a LAG: deploy without it, then add it",
    source: SOURCES.lag,
    prop: "minimumLinks",
  }),
  REMOVAL_POLICY_SUPPORTED: errorRule({
    id: "removalPolicySupported",
    what: "`removalPolicy: SNAPSHOT`, or a value that is not a RemovalPolicy",
    why: "the Snapshot deletion policy is for resources that have snapshots; connections and LAGs have none",
    source: SOURCES.deletionPolicy,
    prop: "removalPolicy",
  }),
});
export const {
  MACSEC_SPEED,
  MACSEC_400,
  MACSEC_KEY_WITHOUT_REQUEST,
  MACSEC_KEY_SECRET_ARN,
  MACSEC_KEY_EXISTING_SLOTS,
  MINIMUM_LINKS_RANGE,
  MINIMUM_LINKS_ON_CREATE,
  REMOVAL_POLICY_SUPPORTED,
} = PORT_RULES;

/** §4.3: MACsec on the port speed of a layout (a warning where AWS offers it at some locations only). */
export function checkMacSec(
  requestMacSec: boolean | undefined,
  bandwidth: ConnectionBandwidth,
): RuleFinding[] {
  if (!requestMacSec) return [];
  const speed = bandwidth.portSpeedGbps;
  if (!MACSEC_SPEEDS_GBPS.includes(speed)) {
    return [
      finding(
        MACSEC_SPEED,
        `\`requestMacSec\`: MACsec is not offered on ${speed} Gbps ports (bandwidth ${bandwidth}). ` +
          "AWS supports MACsec on 10 and 100 Gbps dedicated connections (and 400 Gbps at some locations); " +
          "choose one of those speeds or set `requestMacSec: false`.",
      ),
    ];
  }
  if (!MACSEC_UNCONFIRMED_GBPS.includes(speed)) return [];
  return [
    finding(
      MACSEC_400,
      "`requestMacSec` on 400 Gbps ports: AWS documents MACsec for 10 and 100 Gbps; 400 Gbps MACsec is listed only " +
        "for some locations (DescribeLocations `availableMacSecPortSpeeds`). Check each location before you deploy.",
    ),
  ];
}

/**
 * A MACsec key (`macSecKey`) needs ports and LAGs ordered with MACsec (`requestMacSec`; its speed rules,
 * `checkMacSec`, apply then); a warning when existing slots are in the layout, as their keys stay as they are.
 */
export function checkMacSecKey(
  hasKey: boolean,
  requestMacSec: boolean | undefined,
  existingSlots: number,
): RuleFinding[] {
  if (!hasKey) return [];
  if (requestMacSec !== true) {
    return [
      finding(
        MACSEC_KEY_WITHOUT_REQUEST,
        `\`macSecKey\` is given but \`requestMacSec\` is ${show(requestMacSec)}: a MACsec key can only be associated ` +
          "with ports and LAGs ordered with MACsec. Set `requestMacSec: true` (it replaces existing ports and LAGs) " +
          "or leave `macSecKey` out.",
      ),
    ];
  }
  if (existingSlots === 0) return [];
  return [
    finding(
      MACSEC_KEY_EXISTING_SLOTS,
      `\`macSecKey\` is associated with the LAGs this construct creates, not with the ${existingSlots} existing ` +
        "slot(s) of `existingSlots`: associate a key with those yourself (AssociateMacSecKey) where they support MACsec.",
    ),
  ];
}

/** The ARN a MACsec key of Direct Connect is stored under: a Secrets Manager secret ARN (a token is not checked). */
export function checkMacSecKeySecretArn(arn: unknown): RuleFinding[] {
  if (typeof arn === "string" && /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+$/.test(arn)) {
    return [];
  }
  return [
    finding(
      MACSEC_KEY_SECRET_ARN,
      `\`macSecKey\`: ${show(arn)} is not a Secrets Manager secret ARN. Give the \`secretARN\` of a MACsec key Direct ` +
        "Connect stores (DescribeLags or DescribeConnections `macSecKeys`), e.g. " +
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:my-key-AbCdEf.",
    ),
  ];
}

/**
 * `minimumLinks` of every LAG: 0 to its ports (a token is not checked), and a warning that the first
 * create cannot set it.
 */
export function checkMinimumLinks(
  minimumLinks: Deferrable<number> | undefined,
  bandwidth: ConnectionBandwidth,
): RuleFinding[] {
  if (minimumLinks === undefined) return [];
  const ports = bandwidth.portCount;
  if (
    !isDeferred(minimumLinks) &&
    (typeof minimumLinks !== "number" ||
      !Number.isInteger(minimumLinks) ||
      minimumLinks < 0 ||
      minimumLinks > ports)
  ) {
    return [
      finding(
        MINIMUM_LINKS_RANGE,
        `\`minimumLinks\` ${show(minimumLinks)} is not possible: each LAG has ${ports} port(s) ` +
          `(bandwidth ${bandwidth}); allowed are whole numbers from 0 to ${ports}.`,
      ),
    ];
  }
  return [
    finding(
      MINIMUM_LINKS_ON_CREATE,
      "`minimumLinks` cannot be set when CloudFormation first creates a LAG (AWS::DirectConnect::Lag MinimumLinks). " +
        "Deploy without it first; once the LAGs exist, set it to the ports per LAG and acknowledge this warning.",
    ),
  ];
}

/**
 * The values of aws-cdk-lib's `RemovalPolicy` (the plan does not import aws-cdk-lib): what CloudFormation
 * does with a port or LAG that leaves the stack.
 */
const REMOVAL_POLICIES = {
  destroy: "destroy",
  retain: "retain",
  snapshot: "snapshot",
  retainOnUpdateOrDelete: "retain-on-update-or-delete",
} as const;

const SUPPORTED_REMOVAL_POLICIES: ReadonlyArray<string> = [
  REMOVAL_POLICIES.retain,
  REMOVAL_POLICIES.retainOnUpdateOrDelete,
  REMOVAL_POLICIES.destroy,
];

/**
 * §5: the removal policy of the ports and LAGs: RETAIN when not given (null too); undefined for one that
 * `checkRemovalPolicy` refuses.
 */
export function removalPolicyOf(value: string | undefined): string | undefined {
  if (!given(value)) return REMOVAL_POLICIES.retain;
  return SUPPORTED_REMOVAL_POLICIES.includes(value) ? value : undefined;
}

/**
 * §5: the removal policy of the ports and LAGs. SNAPSHOT (or anything that is not a RemovalPolicy) is not
 * supported, and DESTROY is a warning (`removalPolicyDestroy`, a design rule: the audit checks it too).
 */
export function checkRemovalPolicy(value: string | undefined): RuleFinding[] {
  if (!given(value)) return [];
  if (!SUPPORTED_REMOVAL_POLICIES.includes(value)) {
    return [
      finding(
        REMOVAL_POLICY_SUPPORTED,
        `\`removalPolicy\` ${value === REMOVAL_POLICIES.snapshot ? "SNAPSHOT" : show(value)} is not supported by Direct Connect ` +
          "connections and LAGs: use RETAIN (the default), RETAIN_ON_UPDATE_OR_DELETE or DESTROY.",
      ),
    ];
  }
  if (value !== REMOVAL_POLICIES.destroy) return [];
  return [
    finding(
      REMOVAL_POLICY_DESTROY,
      "`removalPolicy` DESTROY: deleting the stack, or a change that replaces a port, deletes the Direct Connect " +
        "connection and AWS has its cross-connect removed. A new port is a new order with a new LOA.",
    ),
  ];
}
