import { MODEL_PROMISE, checkModelPromise } from "./model-promise";
import { RESILIENCY_GROUP_MODEL } from "./resiliency-group-model";
import { RuleFinding, RuleInfo } from "../../core/rule";
import { ConnectionTopology } from "../../core/topology";
import {
  EXISTING_CIRCUIT_LOCATION,
  checkExistingCircuitLocation,
} from "../../rules/design/existing-circuit-location";
import { LAG_NOT_REDUNDANT, checkLagNotRedundant } from "../../rules/design/lag-not-redundant";
import { MACSEC_MISMATCH, checkMacSecMismatch } from "../../rules/design/macsec-mismatch";
import { MINIMUM_LINKS_ZERO, checkMinimumLinksZero } from "../../rules/design/minimum-links-zero";
import { MIXED_PORT_SPEEDS, checkMixedPortSpeeds } from "../../rules/design/mixed-port-speeds";
import { MODEL_DEVICE_SLOTS, checkModelDeviceSlots } from "../../rules/design/model-device-slots";
import { MODEL_LOCATIONS, checkModelLocations } from "../../rules/design/model-locations";
import { REMOVAL_POLICY_DESTROY, checkRemovalPolicyDestroy } from "../../rules/design/removal-policy-destroy";
import { SINGLE_LOCATION, checkSingleLocation } from "../../rules/design/single-location";
import {
  VIRTUAL_INTERFACE_MISSING,
  checkVirtualInterfaceMissing,
} from "../../rules/design/virtual-interface-missing";
import {
  VPN_MORE_SPECIFIC,
  VPN_STATIC_ROUTE_WINS,
  checkVpnMoreSpecific,
  checkVpnStaticRouteWins,
} from "../../rules/design/vpn-static-routes";

export { checkResiliencyGroupModel } from "./resiliency-group-model";
export { staticRouteId } from "../../rules/design/vpn-static-routes";

/**
 * The design rules: checks of a whole layout (a `ConnectionTopology`) for single points of failure and
 * risky settings, shared by the planner and the `DirectConnectAudit` aspect. One file per rule.
 */
export const DESIGN_RULES: RuleInfo[] = [
  MODEL_LOCATIONS,
  MODEL_DEVICE_SLOTS,
  MODEL_PROMISE,
  RESILIENCY_GROUP_MODEL,
  SINGLE_LOCATION,
  LAG_NOT_REDUNDANT,
  MIXED_PORT_SPEEDS,
  VIRTUAL_INTERFACE_MISSING,
  MINIMUM_LINKS_ZERO,
  REMOVAL_POLICY_DESTROY,
  MACSEC_MISMATCH,
  VPN_STATIC_ROUTE_WINS,
  VPN_MORE_SPECIFIC,
  EXISTING_CIRCUIT_LOCATION,
];

/** The checks of one layout, in the order of DESIGN_RULES (the resiliency group's is separate). */
const LAYOUT_CHECKS: ReadonlyArray<(topology: ConnectionTopology) => RuleFinding[]> = [
  checkModelLocations,
  checkModelDeviceSlots,
  checkModelPromise,
  checkSingleLocation,
  checkLagNotRedundant,
  checkMixedPortSpeeds,
  checkVirtualInterfaceMissing,
  checkMinimumLinksZero,
  checkRemovalPolicyDestroy,
  checkMacSecMismatch,
  checkVpnStaticRouteWins,
  checkVpnMoreSpecific,
  checkExistingCircuitLocation,
];

/**
 * Every finding of the design rules on one layout: its model as the claim (Classic: none), its device
 * slots, virtual interfaces and VPN backup. A resiliency group is checked on its own members with
 * `checkResiliencyGroupModel`.
 */
export function checkDesign(topology: ConnectionTopology): RuleFinding[] {
  return LAYOUT_CHECKS.flatMap((check) => check(topology));
}
