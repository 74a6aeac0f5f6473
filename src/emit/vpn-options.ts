import { SecretValue } from "aws-cdk-lib";
import { mark } from "./findings";
import { Deferrable } from "../core/deferred";
import { finding } from "../core/fail";
import { PROP_TYPE } from "../core/prop-type";
import {
  given,
  isMadeBy,
  label,
  listOf,
  objectOf,
  optionalBooleanOf,
  optionalListOf,
  optionalStringOf,
  show,
} from "../core/props";
import type { PlanCustomerGateway, PlanVpnBackup } from "../core/request";
import type { RuleFinding } from "../core/rule";
import { VpnTarget } from "../core/topology";
import { TunnelBandwidth } from "../core/tunnel-bandwidth";
import { CidrListRules, checkCidrBlock } from "../rules/cidr-blocks";
import { checkTransitGatewayId, checkVirtualGatewayId } from "../rules/gateways";
import { checkName } from "../rules/names";
import { checkPrivateIpVpnTarget, customerGatewayAsnFinding } from "../rules/vpn";

/** The factory of each target and the prop of its id. */
const FACTORIES = {
  [VpnTarget.TRANSIT_GATEWAY]: { factory: "toTransitGateway", targetProp: "transitGatewayId" },
  [VpnTarget.VIRTUAL_PRIVATE_GATEWAY]: { factory: "toVirtualPrivateGateway", targetProp: "virtualGatewayId" },
} as const;

/** Default customer gateway ASN (`CustomerGatewayDevice.bgpAsn`). */
const DEFAULT_BGP_ASN = 65000;

/** What the edge makes of the options of `VpnBackup.<factory>()`. */
export interface VpnRequest {
  /** The id of the transit gateway or virtual private gateway as given; empty when it is no string. */
  readonly targetId: string;
  /** The request, when every value is of its type (and the target can have the VPN). */
  readonly request?: PlanVpnBackup;
}

/**
 * The request of `VpnBackup.<factory>()` from its options (`target` tells the factory), the one place
 * where they are read, for callers whose types nobody checked (plain JavaScript) too: each value of
 * the wrong type records a finding in `out` naming the prop, null is taken as not given, and tokens
 * are marked. A value of the wrong type, or a private IP VPN to a virtual private gateway, leaves no
 * request (the findings say why); ranges and the AWS rules are the planner's (plan/vpn.ts).
 */
export function vpnRequestOf(options: unknown, target: VpnTarget, out: RuleFinding[]): VpnRequest {
  const { factory, targetProp } = FACTORIES[target];
  const o = objectOf(
    options,
    "options",
    `the options of VpnBackup.${factory}(), with \`${targetProp}\` and \`customerGateways\``,
    out,
  );
  if (o === undefined) return { targetId: "" };
  const shape: RuleFinding[] = [];
  const devices = listOf(
    o.customerGateways,
    "customerGateways",
    "one or two customer gateway devices",
    shape,
  );
  const customerGateways = devices?.map((d, i) => customerGatewayOf(d, i + 1, shape));
  const request = optionValuesOf(o, target, shape);
  // a private IP VPN is offered by toTransitGateway only: no request for a virtual private gateway
  const premise =
    target === VpnTarget.VIRTUAL_PRIVATE_GATEWAY
      ? checkPrivateIpVpnTarget(request.transportAttachmentId)
      : [];
  const targetId = o[targetProp];
  out.push(...shape, ...premise, ...checkTargetId(targetId, target));
  if (shape.length > 0 || premise.length > 0 || typeof targetId !== "string") {
    return { targetId: typeof targetId === "string" ? targetId : "" };
  }
  return {
    targetId,
    request: {
      ...request,
      targetId: mark(targetId),
      customerGateways: customerGateways as PlanCustomerGateway[],
      tunnelBandwidth: request.tunnelBandwidth!,
    },
  };
}

/** The options but the devices and the target's id, each of its type (a finding in `out` for any other). */
function optionValuesOf(o: Record<string, unknown>, target: VpnTarget, out: RuleFinding[]) {
  return {
    target,
    staticRoutes: cidrListOf(o.staticRoutes, "staticRoutes", out),
    onPremisesPrefixes: cidrListOf(o.onPremisesPrefixes, "onPremisesPrefixes", out),
    advertisedPrefixes: cidrListOf(o.advertisedPrefixes, "advertisedPrefixes", out),
    acceleration: optionalBooleanOf(o.acceleration, "acceleration", out),
    tunnelBandwidth: tunnelBandwidthOf(o.tunnelBandwidth, out),
    transportAttachmentId: markGiven(
      optionalStringOf(
        o.transportAttachmentId,
        "transportAttachmentId",
        "a transit gateway attachment id (tgw-attach-...)",
        out,
      ),
    ),
  };
}

/** The id of the target: `tgw-...` or `vgw-...` (a token passes). */
function checkTargetId(value: unknown, target: VpnTarget): RuleFinding[] {
  const id = mark(value as string);
  return target === VpnTarget.TRANSIT_GATEWAY
    ? checkTransitGatewayId(id, false)
    : checkVirtualGatewayId(id, false);
}

/** A value given, marked; undefined when not given. */
function markGiven<T>(value: T | undefined): Deferrable<T> | undefined {
  return value === undefined ? undefined : mark(value);
}

/**
 * An optional list of CIDR blocks, each a string (the planner checks them as CIDR blocks; an entry of
 * another type records the CIDR rule's finding here).
 */
function cidrListOf(value: unknown, prop: string, out: RuleFinding[]): string[] | undefined {
  const list = optionalListOf(value, prop, "CIDR blocks", out);
  return list && stringsOf(list, { prop, maxIpv6PrefixLength: 128 }, out);
}

/** The entries of a list of CIDR blocks, each a string: another value records the finding of `rules`. */
function stringsOf(list: unknown[], rules: CidrListRules, out: RuleFinding[]): string[] {
  for (const entry of list) {
    // checkCidr shows any value in its message
    if (typeof entry !== "string") {
      out.push(...checkCidrBlock(entry as string, rules));
    }
  }
  return list as string[];
}

/**
 * One customer gateway device, the one request type of a device (`PlanCustomerGateway`): an object with
 * a `name`, a string `ipAddress`, a number `bgpAsn`, lists where lists go, SecretValues for keys.
 * Undefined (with the findings in `out`) when a value has the wrong type.
 */
function customerGatewayOf(device: unknown, n: number, out: RuleFinding[]): PlanCustomerGateway | undefined {
  if (typeof device !== "object" || device === null || Array.isArray(device)) {
    out.push(
      finding(
        PROP_TYPE,
        `\`customerGateways\`: device ${n} must be an object with \`name\` and \`ipAddress\`, got ${show(device)}.`,
      ),
    );
    return undefined;
  }
  const d = device as Record<string, unknown>;
  if (typeof d.name !== "string") {
    // the rule of the name's form says what a name is (the planner checks the form of a string)
    out.push(...checkName(d.name as string, "customer gateway"));
    return undefined;
  }
  const name = d.name;
  const found: RuleFinding[] = [];
  const ipAddress = d.ipAddress;
  if (typeof ipAddress !== "string") {
    found.push(
      finding(
        PROP_TYPE,
        `\`ipAddress\` of ${name} must be the device's outside IPv4 address as a string, got ${show(ipAddress)}.`,
      ),
    );
  }
  const bgpAsn = given(d.bgpAsn) ? d.bgpAsn : DEFAULT_BGP_ASN;
  if (typeof bgpAsn !== "number") found.push(customerGatewayAsnFinding(name, show(bgpAsn)));
  if (given(d.deviceName) && typeof d.deviceName !== "string") {
    found.push(finding(PROP_TYPE, `\`deviceName\` of ${name} must be a string, got ${show(d.deviceName)}.`));
  }
  const insides = optionalListOf(
    d.tunnelInsideCidrs,
    "tunnelInsideCidrs",
    "two /30 blocks of 169.254.0.0/16",
    found,
  );
  const tunnelInsideCidrs =
    insides && stringsOf(insides, { prop: "tunnelInsideCidrs", ipv4Only: true }, found);
  const keys = preSharedKeysOf(d.preSharedKeys, name, found);
  out.push(...found);
  if (found.length > 0 || typeof ipAddress !== "string" || typeof bgpAsn !== "number") return undefined;
  return {
    name,
    ipAddress: mark(ipAddress),
    bgpAsn: mark(bgpAsn),
    deviceName: given(d.deviceName) ? mark(d.deviceName as string) : undefined,
    tunnelInsideCidrs: tunnelInsideCidrs?.map((cidr) => mark(cidr)),
    preSharedKeys: keys?.map((key) => mark(key)),
  };
}

/**
 * The pre-shared keys of device `name`, each a SecretValue (told by its shape: a second copy of the
 * library counts), as the template takes them (`unsafeUnwrap`: a token for a secret).
 */
function preSharedKeysOf(value: unknown, name: string, out: RuleFinding[]): string[] | undefined {
  const keys = optionalListOf(value, "preSharedKeys", "two SecretValues, one per tunnel", out);
  if (keys === undefined) return undefined;
  const wrong = keys.flatMap((key, i) =>
    isMadeBy(key, "unsafeUnwrap")
      ? []
      : [
          finding(
            PROP_TYPE,
            `\`preSharedKeys\` of ${label(name)}: key ${i + 1} must be a SecretValue, e.g. ` +
              `SecretValue.secretsManager('vpn/${name}-tunnel${i + 1}'), got ${show(key)}.`,
          ),
        ],
  );
  out.push(...wrong);
  return wrong.length > 0 ? undefined : keys.map((key) => (key as SecretValue).unsafeUnwrap());
}

/** A TunnelBandwidth told by its value (a second copy of the library makes other instances); STANDARD when not given. */
function tunnelBandwidthOf(value: unknown, out: RuleFinding[]): TunnelBandwidth | undefined {
  if (!given(value)) return TunnelBandwidth.STANDARD;
  const v = typeof value === "object" ? (value as Record<string, unknown>).value : undefined;
  const bandwidth = typeof v === "string" ? TunnelBandwidth._byValue(v) : undefined;
  if (bandwidth === undefined) {
    out.push(
      finding(
        PROP_TYPE,
        `\`tunnelBandwidth\` must be TunnelBandwidth.STANDARD or TunnelBandwidth.LARGE, got ${show(value)}.`,
      ),
    );
  }
  return bandwidth;
}
