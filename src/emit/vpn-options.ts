import { SecretValue } from "aws-cdk-lib";
import { fail } from "../core/fail";
import { PROP_TYPE } from "../core/prop-type";
import {
  checkList,
  checkObject,
  checkOptionalBoolean,
  checkOptionalList,
  checkOptionalString,
  given,
  isMadeBy,
  label,
  show,
} from "../core/props";
import { checkIdName } from "../rules/names";

/**
 * The options of a VPN backup as the factories keep them: of their types, null taken as not given.
 * Ranges and AWS rules are the planner's (src/plan/rules/vpn.ts, src/plan/rules/vpn-options.ts).
 */
export interface CheckedVpnOptions {
  readonly customerGateways: CheckedCustomerGateway[];
  readonly staticRoutes?: string[];
  readonly onPremisesPrefixes?: string[];
  readonly advertisedPrefixes?: string[];
  readonly acceleration?: boolean;
  /** `standard` or `large`: the value of a TunnelBandwidth (also one of a second copy of the library). */
  readonly tunnelBandwidth?: string;
  readonly transportAttachmentId?: string;
}

export interface CheckedCustomerGateway {
  readonly name: string;
  readonly ipAddress: string;
  /** A number (or a token), or anything else, which the planner refuses with the range. */
  readonly bgpAsn?: number;
  readonly deviceName?: string;
  readonly tunnelInsideCidrs?: string[];
  readonly preSharedKeys?: SecretValue[];
}

const TUNNEL_BANDWIDTHS = ["standard", "large"];

/**
 * The shape of the options of `VpnBackup.<factory>()`, for callers whose types nobody checked (plain
 * JavaScript): every value the planner and the emitter read is of its type, or this throws naming the
 * prop. `targetProp` is the factory's id prop (`transitGatewayId` or `virtualGatewayId`).
 */
export function checkVpnOptions(options: unknown, factory: string, targetProp: string): CheckedVpnOptions {
  const o = checkObject(
    options,
    "options",
    `the options of VpnBackup.${factory}(), with \`${targetProp}\` and \`customerGateways\``,
  );
  const devices = checkList(o.customerGateways, "customerGateways", "one or two customer gateway devices");
  return {
    customerGateways: devices.map((d, i) => checkCustomerGateway(d, i + 1)),
    staticRoutes: cidrList(o.staticRoutes, "staticRoutes"),
    onPremisesPrefixes: cidrList(o.onPremisesPrefixes, "onPremisesPrefixes"),
    advertisedPrefixes: cidrList(o.advertisedPrefixes, "advertisedPrefixes"),
    acceleration: checkOptionalBoolean(o.acceleration, "acceleration"),
    tunnelBandwidth: tunnelBandwidthValue(o.tunnelBandwidth),
    transportAttachmentId: checkOptionalString(
      o.transportAttachmentId,
      "transportAttachmentId",
      "a transit gateway attachment id (tgw-attach-...)",
    ),
  };
}

/** An optional list (its entries are checked as CIDR blocks by the planner). */
function cidrList(value: unknown, prop: string): string[] | undefined {
  return checkOptionalList(value, prop, "CIDR blocks") as string[] | undefined;
}

/** One customer gateway device: an object with a valid `name`, a string `ipAddress`, lists where lists go. */
function checkCustomerGateway(device: unknown, n: number): CheckedCustomerGateway {
  if (typeof device !== "object" || device === null || Array.isArray(device)) {
    fail(
      PROP_TYPE,
      `\`customerGateways\`: device ${n} must be an object with \`name\` and \`ipAddress\`, got ${show(device)}.`,
    );
  }
  const d = device as Record<string, unknown>;
  const name = checkIdName(d.name, "customer gateway");
  if (typeof d.ipAddress !== "string") {
    fail(
      PROP_TYPE,
      `\`ipAddress\` of ${name} must be the device's outside IPv4 address as a string, got ${show(d.ipAddress)}.`,
    );
  }
  if (given(d.deviceName) && typeof d.deviceName !== "string") {
    fail(PROP_TYPE, `\`deviceName\` of ${name} must be a string, got ${show(d.deviceName)}.`);
  }
  const insides = checkOptionalList(
    d.tunnelInsideCidrs,
    "tunnelInsideCidrs",
    "two /30 blocks of 169.254.0.0/16",
  );
  const keys = checkOptionalList(d.preSharedKeys, "preSharedKeys", "two SecretValues, one per tunnel");
  keys?.forEach((key, i) => {
    if (!isMadeBy(key, "unsafeUnwrap")) {
      fail(
        PROP_TYPE,
        `\`preSharedKeys\` of ${label(name)}: key ${i + 1} must be a SecretValue, e.g. ` +
          `SecretValue.secretsManager('vpn/${name}-tunnel${i + 1}'), got ${show(key)}.`,
      );
    }
  });
  return {
    name,
    ipAddress: d.ipAddress,
    bgpAsn: given(d.bgpAsn) ? (d.bgpAsn as number) : undefined,
    deviceName: given(d.deviceName) ? d.deviceName : undefined,
    tunnelInsideCidrs: insides as string[] | undefined,
    preSharedKeys: keys as SecretValue[] | undefined,
  };
}

/** A TunnelBandwidth told by its shape (a second copy of the library makes other instances). */
function tunnelBandwidthValue(value: unknown): string | undefined {
  if (!given(value)) return undefined;
  const v = typeof value === "object" ? (value as Record<string, unknown>).value : undefined;
  if (typeof v !== "string" || !TUNNEL_BANDWIDTHS.includes(v)) {
    fail(
      PROP_TYPE,
      `\`tunnelBandwidth\` must be TunnelBandwidth.STANDARD or TunnelBandwidth.LARGE, got ${show(value)}.`,
    );
  }
  return v;
}
