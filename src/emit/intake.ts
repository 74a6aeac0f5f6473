/**
 * The construct's intake: its props turned into one request (tokens marked, each value typed), the
 * rules of the props and the plan run, their findings collected. The construct reports them at once
 * and emits from the plan.
 */
import { RemovalPolicy, Stack } from "aws-cdk-lib";
import { Construct } from "constructs";
import { mark } from "./findings";
import { locationPropOf } from "./location-prop";
import type { MacSecKey } from "./macsec-key";
import { MonitoringOptions } from "./operate/monitoring";
import type {
  ExistingDeviceSlot,
  LocationLayout,
  ResilientConnectionsProps,
} from "./resilient-connections-props";
import { VirtualInterface } from "./virtual-interface";
import { VpnBackup } from "./vpn-backup";
import { SizedBandwidth, checkCapacity, sizeBandwidth } from "../analyse/checks";
import { PortHourPrices } from "../analyse/cost";
import { FailureAnalysis } from "../analyse/failures";
import { ConnectionBandwidth } from "../core/bandwidth";
import { known } from "../core/deferred";
import { errorsOf, finding } from "../core/fail";
import { ResiliencyModel } from "../core/model";
import { PROP_TYPE } from "../core/prop-type";
import {
  given,
  isMadeBy,
  listOf,
  objectOf,
  optionalBooleanOf,
  optionalListOf,
  optionalStringOf,
  show,
} from "../core/props";
import type { PlanVirtualInterface } from "../core/request";
import { RuleFinding, RuleSeverity } from "../core/rule";
import { ConnectionTopology, VirtualInterfaceType } from "../core/topology";
import { PlanExistingSlot, PlanLocation, PlanRequest, planLayout } from "../plan/planner";
import { planVpnBackup } from "../plan/vpn";
import { checkMacSecKey, checkRemovalPolicy, removalPolicyOf } from "../rules/ports";
import { checkReportMaxFailures, checkReportScenarios } from "../rules/report";

/** What the props say, checked, and the findings of every rule of the props and the plan. */
export interface CheckedProps {
  readonly findings: RuleFinding[];
  readonly removalPolicy: RemovalPolicy;
  readonly specs: VirtualInterface[];
  readonly vpnBackup?: VpnBackup;
  readonly prices: PortHourPrices;
  readonly monitoring?: MonitoringOptions;
  /** The plan; undefined when a finding is an error. */
  readonly planned?: Planned;
  readonly reportMaxFailures?: number;
  /** Whether to emit the stack outputs of the ids (`outputs`). */
  readonly outputs: boolean;
  /** The MACsec key to associate with every new LAG (`macSecKey`). */
  readonly macSecKey?: MacSecKey;
}

/** A construct's layout, planned: its topology and how its bandwidth was chosen. */
export interface Planned {
  readonly topology: ConnectionTopology;
  readonly sized: SizedBandwidth;
}

/**
 * What the props say, checked: every independent check runs, and the findings of all of them are
 * collected (the construct reports them at once).
 */
export function intakeOf(construct: Construct, props: ResilientConnectionsProps): CheckedProps {
  const findings: RuleFinding[] = [];
  const removal = checkRemovalPolicy(props.removalPolicy);
  findings.push(...errorsOf(removal));
  const specs = virtualInterfacesOf(props.virtualInterfaces, findings).filter((spec) => {
    const broken = errorsOf(spec._findings());
    findings.push(...broken);
    return broken.length === 0;
  });
  const vpnBackup = given(props.vpnBackup) ? vpnBackupOf(props.vpnBackup, findings) : undefined;
  findings.push(...(vpnBackup?._findings() ?? []));
  const macSecKey = given(props.macSecKey) ? macSecKeyOf(props.macSecKey, findings) : undefined;
  if (typeof props.requestMacSec === "boolean" || !given(props.requestMacSec)) {
    const existing = Array.isArray(props.existingSlots) ? props.existingSlots.length : 0;
    findings.push(...checkMacSecKey(macSecKey !== undefined, props.requestMacSec, existing));
  }
  const prices =
    (given(props.portHourPrices) ? pricesOf(props.portHourPrices, findings) : undefined) ??
    PortHourPrices.AWS_LIST_PRICES;
  const monitoring = given(props.monitoring)
    ? (objectOf(props.monitoring, "monitoring", "MonitoringOptions, e.g. {}", findings) as
        MonitoringOptions | undefined)
    : undefined;
  const outputs = optionalBooleanOf(props.outputs, "outputs", findings) ?? false;
  const planned = planConstruct(construct, props, { specs, vpnBackup, prices }, findings);
  const reportMaxFailures = planned
    ? reportDepthOf(props.reportMaxFailures, planned.topology, findings)
    : undefined;
  // The warning of DESTROY after the plan's, as before.
  findings.push(...removal.filter((f) => f.rule.severity === RuleSeverity.WARNING));
  const removalPolicy = (removalPolicyOf(props.removalPolicy) ?? RemovalPolicy.RETAIN) as RemovalPolicy;
  return {
    findings,
    removalPolicy,
    specs,
    vpnBackup,
    prices,
    monitoring,
    planned,
    reportMaxFailures,
    outputs,
    macSecKey,
  };
}
/**
 * The planner's request from the props: each prop of its type (a `propType` finding in `out` for one
 * that is not, and a neutral value in its place), tokens marked. The bandwidth is left to the sizing.
 */
function requestOf(
  construct: Construct,
  props: ResilientConnectionsProps,
  virtualInterfaces: ReadonlyArray<PlanVirtualInterface>,
  out: RuleFinding[],
): PlanRequest {
  const prefix = props.namePrefix ?? construct.node.id.replace(/[^\w-]/g, "-");
  const namePrefix = optionalStringOf(prefix, "namePrefix", "a string", out);
  const providerName = optionalStringOf(
    props.providerName,
    "providerName",
    "the service provider's name",
    out,
  );
  const layout = layoutOf(props, out);
  const requestMacSec = optionalBooleanOf(props.requestMacSec, "requestMacSec", out);
  const resiliencyGroup = optionalBooleanOf(props.resiliencyGroup, "resiliencyGroup", out);
  const groupName = optionalStringOf(props.resiliencyGroupName, "resiliencyGroupName", "a group name", out);
  return {
    ...layout,
    model: given(props.model) ? props.model : ResiliencyModel.CLASSIC,
    virtualInterfaces,
    namePrefix: namePrefix === undefined ? "Dx" : mark(namePrefix),
    providerName: providerName === undefined ? undefined : mark(providerName),
    requestMacSec,
    macSecKey: isMadeBy(props.macSecKey, "_associate"),
    resiliencyGroup,
    resiliencyGroupName: groupName === undefined ? undefined : mark(groupName),
    minimumLinks: given(props.minimumLinks) ? mark(props.minimumLinks) : undefined,
    locationsProp: locationPropOf(props),
  };
}

/**
 * The locations and existing slots of the props, each entry marked (findings in `out` for a list or
 * entry of the wrong type), and whether every entry is there.
 */
function layoutOf(
  props: ResilientConnectionsProps,
  out: RuleFinding[],
): Pick<PlanRequest, "locations" | "existingSlots" | "layoutComplete"> {
  const found: RuleFinding[] = [];
  const locations = listOf(props.locations, "locations", "Direct Connect locations", found) ?? [];
  const existing = optionalListOf(
    props.existingSlots,
    "existingSlots",
    "existing connections or LAGs",
    found,
  );
  const entries: RuleFinding[] = [];
  const layout = {
    locations: locations.flatMap((l) => locationOf(l, entries)),
    existingSlots: existing?.flatMap((e) => existingSlotOf(e, entries)),
    layoutComplete: found.length === 0 && entries.length === 0,
  };
  out.push(...found, ...entries);
  return layout;
}

/** One entry of `locations`, marked; none when it is not an object (its finding in `out`). */
function locationOf(value: unknown, out: RuleFinding[]): PlanLocation[] {
  const l = objectOf(value, "locations", "a list of location layouts, each like { location: 'EqDC2' }", out);
  if (l === undefined) return [];
  const layout = l as unknown as LocationLayout;
  return [
    {
      location: mark(layout.location),
      deviceSlots: layout.deviceSlots,
      firstSlotNumber: layout.firstSlotNumber,
    },
  ];
}

/** One entry of `existingSlots`, marked; none when it is not an object (its finding in `out`). */
function existingSlotOf(value: unknown, out: RuleFinding[]): PlanExistingSlot[] {
  const e = objectOf(value, "existingSlots", "each entry a location, slotNumber and connectionId", out);
  if (e === undefined) return [];
  const slot = e as unknown as ExistingDeviceSlot;
  return [
    {
      location: mark(slot.location),
      slotNumber: slot.slotNumber,
      connectionId: mark(slot.connectionId),
      bandwidth: slot.bandwidth,
    },
  ];
}

/** What a construct plans with, beside its props: the checked specs, VPN backup and prices. */
interface PlanInputs {
  readonly specs: ReadonlyArray<VirtualInterface>;
  readonly vpnBackup?: VpnBackup;
  readonly prices: PortHourPrices;
}

/**
 * The topology of a construct (the bandwidth sized when `requiredBandwidthGbps` asks for it), with its
 * VPN backup; the findings of every rule in `out`. Undefined when one of them is an error.
 */
function planConstruct(
  construct: Construct,
  props: ResilientConnectionsProps,
  { specs, vpnBackup, prices }: PlanInputs,
  out: RuleFinding[],
): Planned | undefined {
  const specPlans = specs.map((spec) => spec._plan(construct));
  const request = requestOf(construct, props, specPlans, out);
  const plan = (bandwidth: ConnectionBandwidth) => planLayout({ ...request, bandwidth }).topology;
  const sized = sizeBandwidth({ ...props, prices }, plan, out);
  if (sized === undefined) return undefined;
  const planned = planLayout({ ...request, bandwidth: sized.bandwidth });
  out.push(...planned.findings);
  if (planned.topology === undefined) return undefined;
  const dx = {
    hasVirtualInterfaces: specPlans.some((spec) => spec.interfaceType !== VirtualInterfaceType.PUBLIC),
    jumbo: specPlans.some((spec) => (known(spec.mtu) ?? 1500) > 1500),
  };
  const vpnRequest = vpnBackup?._plan();
  const vpn = vpnRequest
    ? planVpnBackup({ ...vpnRequest, region: mark(Stack.of(construct).region) }, dx)
    : undefined;
  out.push(...(vpn?.findings ?? []));
  if (vpn !== undefined && errorsOf(vpn.findings).length > 0) return undefined;
  const topology: ConnectionTopology = { ...planned.topology, vpnBackup: vpn?.topology };
  const capacity = checkCapacity(topology, sized);
  out.push(...capacity);
  return errorsOf(capacity).length > 0 ? undefined : { topology, sized };
}

/** The depth of the report's analysis, checked now: the report is written at synth, too late to refuse. */
function reportDepthOf(value: unknown, topology: ConnectionTopology, out: RuleFinding[]): number | undefined {
  if (!given(value)) return undefined;
  const depth = value as number;
  const range = checkReportMaxFailures(depth);
  out.push(...range);
  if (errorsOf(range).length > 0) return undefined;
  const scenarios = checkReportScenarios(
    depth,
    FailureAnalysis.countScenarios(topology, depth),
    FailureAnalysis.MAX_SCENARIOS,
  );
  out.push(...scenarios);
  return errorsOf(scenarios).length > 0 ? undefined : depth;
}

/** The port-hour prices, made by `PortHourPrices` (told by shape: a second library copy counts). */
function pricesOf(value: unknown, out: RuleFinding[]): PortHourPrices | undefined {
  if (isMadeBy(value, "estimate")) return value as PortHourPrices;
  out.push(
    finding(
      PROP_TYPE,
      `\`portHourPrices\` ${show(value)} is not a PortHourPrices: use PortHourPrices.AWS_LIST_PRICES or PortHourPrices.of().`,
    ),
  );
  return undefined;
}

/**
 * The specs, each made by a `VirtualInterface` factory (told by shape: a second library copy counts); a
 * finding in `out` for the list when it is not one, and for each entry that is not a spec.
 */
function virtualInterfacesOf(value: unknown, out: RuleFinding[]): VirtualInterface[] {
  const specs = optionalListOf(value, "virtualInterfaces", "VirtualInterface specs", out) ?? [];
  return specs.filter((spec): spec is VirtualInterface => {
    if (isMadeBy(spec, "_plan") && isMadeBy(spec, "_emit")) return true;
    out.push(
      finding(
        PROP_TYPE,
        `\`virtualInterfaces\`: ${show(spec)} is not a VirtualInterface: make each with VirtualInterface.transit(), ` +
          "VirtualInterface.privateInterface() or VirtualInterface.publicInterface().",
      ),
    );
    return false;
  });
}

/** The VPN backup, made by a `VpnBackup` factory (told by shape: a second library copy counts). */
function macSecKeyOf(value: unknown, out: RuleFinding[]): MacSecKey | undefined {
  if (isMadeBy(value, "_associate")) return value as MacSecKey;
  out.push(
    finding(
      PROP_TYPE,
      `\`macSecKey\` ${show(value)} is not a MacSecKey: make it with MacSecKey.fromSecret() or ` +
        "MacSecKey.fromDirectConnectSecretArn().",
    ),
  );
  return undefined;
}

function vpnBackupOf(value: unknown, out: RuleFinding[]): VpnBackup | undefined {
  if (isMadeBy(value, "_plan") && isMadeBy(value, "_emit")) return value as VpnBackup;
  out.push(
    finding(
      PROP_TYPE,
      `\`vpnBackup\` ${show(value)} is not a VpnBackup: make it with VpnBackup.toTransitGateway() or ` +
        "VpnBackup.toVirtualPrivateGateway().",
    ),
  );
  return undefined;
}
