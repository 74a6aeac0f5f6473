import {
  checkVirtualInterfacePlacement,
  checkVirtualInterfaceSpecs,
  placeVirtualInterfaces,
} from "./virtual-interfaces";
import { ConnectionBandwidth, checkBandwidthGbps } from "../core/bandwidth";
import { Deferrable, isDeferred, valueOf } from "../core/deferred";
import { errorsOf, finding, raiseAll, warningsOf } from "../core/fail";
import { ResiliencyModel } from "../core/model";
import { PROP_TYPE } from "../core/prop-type";
import { given, show } from "../core/props";
import type { PlanVirtualInterface } from "../core/request";
import { PlanWarning, RuleFinding } from "../core/rule";
import { ConnectionTopology, TopologyDeviceSlot, TopologyLocation, TopologyPort } from "../core/topology";
import { checkModelDeviceSlots } from "../rules/design/model-device-slots";
import { checkModelLocations } from "../rules/design/model-locations";
import {
  checkConnectionsPerLocationQuota,
  checkDeviceSlots,
  checkExistingConnectionBandwidth,
  checkExistingSlotId,
  checkLagsPerRegionQuota,
  checkLocation,
  checkLocationCase,
  checkLocationOnce,
  checkNamePrefix,
  checkProviderName,
  checkSlotNumberFree,
  checkSlotNumberRange,
  checkSlotNumbers,
} from "../rules/layout";
import { checkMacSec, checkMinimumLinks } from "../rules/ports";
import {
  checkExistingLagsNotInGroup,
  checkGroupModel,
  checkGroupName,
  checkGroupNameWithoutGroup,
  checkGroupSize,
} from "../rules/resiliency-group";

/** One location of a layout to plan. */
export interface PlanLocation {
  /** The location code: a literal (a token is refused: it names logical IDs). */
  readonly location: Deferrable<string>;
  /** Device slots at the location; undefined means the model's `slotsPerLocation`. */
  readonly deviceSlots?: number;
  /** The number of the first new slot (default 1). */
  readonly firstSlotNumber?: number;
}

/** An existing connection or LAG that stands as a device slot. */
export interface PlanExistingSlot {
  /** Its location code: a literal (a token is refused: it names logical IDs). */
  readonly location: Deferrable<string>;
  readonly slotNumber: number;
  readonly connectionId: Deferrable<string>;
  /** Its capacity; undefined means the construct's bandwidth. */
  readonly bandwidth?: ConnectionBandwidth;
}

/**
 * What the planner needs: the props of a construct, each of its type (the construct checks their types
 * and marks tokens, `Deferred`, where it takes them). Prop names in messages are the construct props
 * these come from.
 */
export interface PlanRequest {
  readonly model: ResiliencyModel;
  readonly locations: ReadonlyArray<PlanLocation>;
  /** The capacity of every new slot: required (undefined is an error naming `bandwidth`). */
  readonly bandwidth?: ConnectionBandwidth;
  readonly namePrefix: Deferrable<string>;
  readonly providerName?: Deferrable<string>;
  readonly requestMacSec?: boolean;
  /** Whether a MACsec key is associated with every new LAG (`macSecKey`). */
  readonly macSecKey?: boolean;
  /** undefined: a group when the model has an IntendedResiliencyModel. */
  readonly resiliencyGroup?: boolean;
  readonly resiliencyGroupName?: Deferrable<string>;
  readonly minimumLinks?: Deferrable<number>;
  readonly existingSlots?: ReadonlyArray<PlanExistingSlot>;
  readonly virtualInterfaces?: ReadonlyArray<PlanVirtualInterface>;
  /**
   * The prop that gives the locations, as messages about a location code name it (`DevTest`: `location`).
   *
   * @default "locations"
   */
  readonly locationsProp?: string;
  /**
   * Whether `locations` and `existingSlots` hold every entry of the props: the construct leaves out an
   * entry of the wrong type (with its finding), and the model's minimums, which count the entries, are
   * then not checked.
   *
   * @default true
   */
  readonly layoutComplete?: boolean;
}

/** A request whose model and bandwidth are canonical (a neutral one in place of a refused one). */
type CheckedRequest = PlanRequest & { readonly bandwidth: ConnectionBandwidth };

export interface PlanResult {
  readonly topology: ConnectionTopology;
  readonly warnings: PlanWarning[];
}

/** A plan, and every finding of its rules: without a topology when one of them is an error. */
export interface PlanOutcome {
  readonly topology?: ConnectionTopology;
  readonly findings: RuleFinding[];
}

/** The stable id of a device slot: `<location>/Slot<n>`. */
export function slotId(location: string, slotNumber: number): string {
  return `${location}/Slot${slotNumber}`;
}

/** Every device slot of a topology, location by location. */
export function allSlots(topology: ConnectionTopology): TopologyDeviceSlot[] {
  return topology.locations.flatMap((l) => l.deviceSlots);
}

/** Every port to order in a topology, slot by slot. */
export function allPorts(topology: ConnectionTopology): TopologyPort[] {
  return allSlots(topology).flatMap((s) => s.ports);
}

/**
 * Turns a model and its inputs into a topology, or throws a `RuleError` listing every error finding
 * (one alone as it is): `planLayout` for callers that want the plan or nothing.
 */
export function planTopology(request: PlanRequest): PlanResult {
  const { topology, findings } = planLayout(request);
  raiseAll(findings, "the layout");
  return { topology: topology!, warnings: warningsOf(findings) };
}

/**
 * Turns a model and its inputs into a topology, with the findings of every rule of the layout (rules/,
 * each a named check with its catalogue entry; this puts them in order). Every independent check runs;
 * the layout is built only from values that passed, so there is no topology when one finds an error.
 */
export function planLayout(request: PlanRequest): PlanOutcome {
  const out: RuleFinding[] = [];
  const req = canonicalRequest(request, out);
  const layout = groupedLayout(req, out);
  const bandwidth = req.bandwidth;
  const canCount = errorsOf(out).length === 0 && request.layoutComplete !== false;
  // The model's minimums count locations and slots: only meaningful when every entry was valid.
  const locations = canCount ? buildLocations(req, layout) : undefined;
  if (locations) out.push(...checkModelMinimums(req, locations));
  out.push(
    ...checkMacSec(req.requestMacSec, bandwidth),
    ...checkMinimumLinks(req.minimumLinks, bandwidth),
    ...checkNamePrefix(req.namePrefix, longestPortName(req, layout)),
  );
  const specs = req.virtualInterfaces ?? [];
  out.push(...checkVirtualInterfaceSpecs(specs));
  if (errorsOf(out).length > 0) return { findings: out };
  return {
    topology: buildTopology(req, locations ?? buildLocations(req, layout), out),
    findings: out,
  };
}

/**
 * The built layout: the quotas it reaches, the virtual interfaces on every slot and the resiliency group
 * (their findings in `out`); undefined when one of them is an error.
 */
function buildTopology(
  req: CheckedRequest,
  locations: TopologyLocation[],
  out: RuleFinding[],
): ConnectionTopology | undefined {
  const slots = locations.flatMap((l) => l.deviceSlots);
  out.push(...locations.flatMap(checkConnectionsPerLocationQuota), ...checkLagsPerRegionQuota(locations));
  const namePrefix = valueOf(req.namePrefix);
  const specs = req.virtualInterfaces ?? [];
  const placement = checkVirtualInterfacePlacement(specs, slots, req.namePrefix);
  out.push(...placement);
  if (errorsOf(placement).length > 0) return undefined;
  const vifs = placeVirtualInterfaces(specs, slots, req.namePrefix);
  const withVifs: TopologyLocation[] = locations.map((l) => ({
    location: l.location,
    deviceSlots: l.deviceSlots.map((s) => ({ ...s, virtualInterfaces: vifs.get(s.id) ?? [] })),
  }));
  const group = planResiliencyGroup(req, slots);
  out.push(...group.findings);
  if (errorsOf(group.findings).length > 0) return undefined;
  const { model, bandwidth } = req;
  return { model, bandwidth, namePrefix, locations: withVifs, resiliencyGroupName: group.name };
}

/**
 * The request with its model and bandwidth made canonical (they may come from a second copy of this
 * library), and the findings of its scalars in `out`; a bad value is replaced by a neutral one so that
 * the other props are still checked.
 */
function canonicalRequest(req: PlanRequest, out: RuleFinding[]): CheckedRequest {
  out.push(
    ...checkProviderName(req.providerName),
    ...checkModel(req.model),
    ...checkBandwidth(req.bandwidth, "bandwidth"),
  );
  return {
    ...req,
    model: canonicalModel(req.model) ?? ResiliencyModel.CLASSIC,
    bandwidth: canonicalBandwidth(req.bandwidth) ?? ConnectionBandwidth.GBPS_10,
  };
}

const MODELS = [
  ResiliencyModel.MAXIMUM,
  ResiliencyModel.HIGH,
  ResiliencyModel.DEVELOPMENT_AND_TEST,
  ResiliencyModel.CLASSIC,
];

/** The model, by its name (an instance of a second copy of this library counts too); undefined for none. */
function canonicalModel(model: ResiliencyModel): ResiliencyModel | undefined {
  const name = typeof model === "object" && model !== null ? (model as { name?: unknown }).name : undefined;
  return MODELS.find((m) => m === model || m.name === name);
}

/** The model is a ResiliencyModel (told by name: an instance of a second copy of this library counts too). */
export function checkModel(model: ResiliencyModel): RuleFinding[] {
  if (canonicalModel(model) !== undefined) return [];
  return [
    finding(
      PROP_TYPE,
      `\`model\` ${show(model)} is not a ResiliencyModel: use ResiliencyModel.MAXIMUM, HIGH, DEVELOPMENT_AND_TEST or CLASSIC.`,
    ),
  ];
}

/** The capacity of a bandwidth-like value (a second copy of this library makes its own); undefined for none. */
function capacityOf(value: ConnectionBandwidth | undefined): number | undefined {
  const capacity = typeof value === "object" && value !== null ? (value as any).capacityGbps : undefined;
  return typeof capacity === "number" ? capacity : undefined;
}

/** A bandwidth, by its capacity (an instance of a second copy of this library counts too); undefined for none. */
export function canonicalBandwidth(value: ConnectionBandwidth | undefined): ConnectionBandwidth | undefined {
  if (value instanceof ConnectionBandwidth) return value;
  const capacity = capacityOf(value);
  if (capacity === undefined || checkBandwidthGbps(capacity).length > 0) return undefined;
  return ConnectionBandwidth.gbps(capacity);
}

/** A bandwidth (`prop`): a ConnectionBandwidth, or one of a second copy of this library with a capacity it can build. */
export function checkBandwidth(value: ConnectionBandwidth | undefined, prop: string): RuleFinding[] {
  if (value instanceof ConnectionBandwidth) return [];
  const capacity = capacityOf(value);
  if (capacity === undefined) {
    return [
      finding(
        PROP_TYPE,
        `\`${prop}\` is required, got ${show(value)}: for example ConnectionBandwidth.GBPS_10 ` +
          "or ConnectionBandwidth.gbps(20).",
      ),
    ];
  }
  return checkBandwidthGbps(capacity);
}

/** The longest connection name of the new slots of a layout. */
function longestPortName(req: CheckedRequest, layout: ReadonlyArray<CheckedLocation>): number {
  const prefix = valueOf(req.namePrefix);
  return Math.max(
    0,
    ...layout.flatMap((l) =>
      l.newSlots.map((n) => portName(prefix, l.location, n, req.bandwidth.portCount).length),
    ),
  );
}

/** The locations of a checked layout with their new and existing device slots, by slot number. */
function buildLocations(req: CheckedRequest, layout: ReadonlyArray<CheckedLocation>): TopologyLocation[] {
  return layout.map((l) => ({
    location: l.location,
    deviceSlots: [
      ...l.newSlots.map((slotNumber) => newSlot(req, l.location, slotNumber)),
      ...l.existing.map((e) => existingSlot(e, req.bandwidth)),
    ].sort((a, b) => a.slotNumber - b.slotNumber),
  }));
}

function newSlot(req: CheckedRequest, location: string, slotNumber: number): TopologyDeviceSlot {
  const bandwidth = req.bandwidth;
  const prefix = valueOf(req.namePrefix);
  const id = slotId(location, slotNumber);
  return {
    id,
    location,
    slotNumber,
    lagName: lagName(prefix, location, slotNumber),
    portBandwidth: bandwidth.portBandwidth,
    capacityGbps: bandwidth.capacityGbps,
    providerName: valueOf<string | undefined>(req.providerName),
    requestMacSec: req.requestMacSec ?? false,
    ...(req.macSecKey === true && req.requestMacSec === true ? { macSecKey: true } : {}),
    minimumLinks: valueOf<number | undefined>(req.minimumLinks),
    ports: Array.from({ length: bandwidth.portCount }, (_, j) => ({
      id: `${id}/Port${j + 1}`,
      location,
      slotNumber,
      memberNumber: j + 1,
      connectionName: portName(prefix, location, slotNumber, j + 1),
      bandwidth: bandwidth.portBandwidth,
      speedGbps: bandwidth.portSpeedGbps,
    })),
    virtualInterfaces: [],
  };
}

/**
 * A device slot for an existing circuit. Without its own bandwidth, a LAG has the construct's, and a
 * connection (one port) the construct's port speed.
 */
function existingSlot(e: CheckedExistingSlot, fallback: ConnectionBandwidth): TopologyDeviceSlot {
  const connectionId = valueOf(e.connectionId);
  const bandwidth =
    e.bandwidth ??
    (connectionId.startsWith("dxcon-") ? ConnectionBandwidth.gbps(fallback.portSpeedGbps) : fallback);
  return {
    id: slotId(e.location, e.slotNumber),
    location: e.location,
    slotNumber: e.slotNumber,
    existingConnectionId: connectionId,
    portBandwidth: bandwidth.portBandwidth,
    capacityGbps: bandwidth.capacityGbps,
    requestMacSec: false,
    ports: [],
    virtualInterfaces: [],
  };
}

/** An existing slot whose values passed: its location a literal code, its bandwidth canonical. */
interface CheckedExistingSlot extends PlanExistingSlot {
  readonly location: string;
}

interface CheckedLocation {
  readonly location: string;
  readonly newSlots: number[];
  readonly existing: CheckedExistingSlot[];
}

/** The new slots of one location: how many (bounded by the quotas) and their numbers; undefined when refused. */
function newSlotsOf(
  l: PlanLocation,
  code: string,
  model: ResiliencyModel,
  out: RuleFinding[],
): number[] | undefined {
  const count = given(l.deviceSlots) ? l.deviceSlots : model.slotsPerLocation;
  const first = given(l.firstSlotNumber) ? l.firstSlotNumber : 1;
  const found = [...checkDeviceSlots(count, code), ...checkSlotNumberRange(first, "firstSlotNumber")];
  if (found.length === 0) found.push(...checkSlotNumbers(first, count, code));
  out.push(...found);
  return found.length === 0 ? Array.from({ length: count }, (_, i) => first + i) : undefined;
}

/**
 * The locations of new and existing slots, sorted by code; each location and existing circuit is
 * checked on its own (their findings in `out`), and only the ones that passed are in the layout.
 */
function groupedLayout(req: CheckedRequest, out: RuleFinding[]): CheckedLocation[] {
  const byKey = new Map<string, CheckedLocation>();
  for (const l of req.locations) addLocation(req, l, byKey, out);
  const ids = new Set<string>();
  for (const e of req.existingSlots ?? []) addExistingSlot(e, byKey, ids, out);
  // Sorted by code: reordering the input changes nothing in the template.
  return [...byKey.values()].sort((a, b) => (a.location < b.location ? -1 : a.location > b.location ? 1 : 0));
}

/** One location of `locations`, checked, with its new slots. */
function addLocation(
  req: CheckedRequest,
  l: PlanLocation,
  byKey: Map<string, CheckedLocation>,
  out: RuleFinding[],
): void {
  const located = checkLocation(l.location, req.locationsProp ?? "locations");
  if (located.length > 0) return void out.push(...located);
  const code = valueOf(l.location);
  const key = code.toLowerCase();
  const twice = checkLocationOnce(code, byKey.get(key)?.location);
  if (twice.length > 0) return void out.push(...twice);
  const newSlots = newSlotsOf(l, code, req.model, out);
  if (newSlots) byKey.set(key, { location: code, newSlots, existing: [] });
}

/** One existing circuit, checked (its id, slot number and capacity), in its location. */
function addExistingSlot(
  e: PlanExistingSlot,
  byKey: Map<string, CheckedLocation>,
  ids: Set<string>,
  out: RuleFinding[],
): void {
  const located = checkLocation(e.location, "existingSlots");
  if (located.length > 0) return void out.push(...located);
  const code = valueOf(e.location);
  const bandwidth = given(e.bandwidth) ? canonicalBandwidth(e.bandwidth) : undefined;
  const id = checkExistingSlotId(e.connectionId, code, ids);
  const literalId = id.length === 0 && !isDeferred(e.connectionId) ? valueOf(e.connectionId) : undefined;
  if (literalId !== undefined) ids.add(literalId);
  const key = code.toLowerCase();
  const entry = byKey.get(key) ?? { location: code, newSlots: [], existing: [] };
  const found = [
    ...checkSlotNumberRange(e.slotNumber, "slotNumber"),
    ...(given(e.bandwidth) ? checkBandwidth(e.bandwidth, "bandwidth") : []),
    ...id,
    ...(literalId === undefined ? [] : checkExistingConnectionBandwidth(literalId, bandwidth)),
    ...checkLocationCase(code, entry.location),
  ];
  const taken = [...entry.newSlots, ...entry.existing.map((x) => x.slotNumber)];
  if (found.length === 0) {
    found.push(...checkSlotNumberFree(e.slotNumber, taken, valueOf(e.connectionId), code));
  }
  out.push(...found);
  if (found.length > 0) return;
  entry.existing.push({ ...e, location: code, bandwidth });
  byKey.set(key, entry);
}

/**
 * §1.2: the model's locations and device slots per location (the design rules modelDeviceSlots and
 * modelLocations, read for the construct's props), on the layout before anything lands on it.
 */
function checkModelMinimums(req: CheckedRequest, locations: TopologyLocation[]): RuleFinding[] {
  const { model, bandwidth } = req;
  const layout: ConnectionTopology = { model, bandwidth, namePrefix: valueOf(req.namePrefix), locations };
  return [...checkModelDeviceSlots(layout, "props"), ...checkModelLocations(layout, "props")];
}

/** The name of the resiliency group when not given: the name prefix, with other characters replaced by `-`. */
function defaultGroupName(namePrefix: Deferrable<string>): Deferrable<string> {
  return isDeferred(namePrefix) ? namePrefix : namePrefix.replace(/[^a-zA-Z0-9_-]/g, "-");
}

/** The resiliency group of a layout: its name (undefined for none), and the findings of its rules. */
function planResiliencyGroup(
  req: CheckedRequest,
  slots: TopologyDeviceSlot[],
): { name?: string; findings: RuleFinding[] } {
  const wanted = req.resiliencyGroup ?? req.model.intendedResiliencyModel !== undefined;
  if (!wanted) return { findings: checkGroupNameWithoutGroup(req.resiliencyGroupName) };
  const model = checkGroupModel(req.model);
  if (model.length > 0) return { findings: model };
  const name = req.resiliencyGroupName ?? defaultGroupName(req.namePrefix);
  return {
    name: valueOf(name),
    findings: [
      ...checkExistingLagsNotInGroup(slots),
      ...checkGroupSize(groupMembers(slots).length, slots.length),
      ...checkGroupName(name),
    ],
  };
}

/**
 * The members of a resiliency group: the id of every port to order (`<slot id>/Port<m>`) and of every
 * existing connection (`dxcon-`); existing LAGs are left out (their members are unknown here).
 */
export function groupMembers(slots: ReadonlyArray<TopologyDeviceSlot>): string[] {
  return slots.flatMap((s) =>
    s.existingConnectionId === undefined
      ? s.ports.map((p) => p.id)
      : s.existingConnectionId.startsWith("dxlag-")
        ? []
        : [s.existingConnectionId],
  );
}

function lagName(prefix: string, location: string, slotNumber: number): string {
  return `${prefix}-${location}-d${slotNumber}`;
}

function portName(prefix: string, location: string, slotNumber: number, memberNumber: number): string {
  return `${lagName(prefix, location, slotNumber)}-p${memberNumber}`;
}

/**
 * A short human summary: model, SLA, what it survives, per location the ports and device slots, the
 * virtual interfaces and the resiliency group.
 */
export function describeTopology(title: string, topology: ConnectionTopology): string {
  const m = topology.model;
  const bw = topology.bandwidth;
  const lines = [`${title}: ${m.name}, SLA ${m.sla}. Survives ${m.survives}.`];
  for (const l of topology.locations) {
    const created = l.deviceSlots.filter((s) => s.existingConnectionId === undefined);
    const existing = l.deviceSlots.filter((s) => s.existingConnectionId !== undefined);
    const parts: string[] = [];
    if (created.length > 0) {
      const n = created.length;
      parts.push(
        `${n * bw.portCount} x ${bw.portSpeedGbps} Gbps ports in ${n} device slot${n === 1 ? "" : "s"}, ${bw.capacityGbps} Gbps per slot`,
      );
    }
    if (existing.length > 0) {
      parts.push(
        `existing ${existing.map((s) => `${s.existingConnectionId} (slot ${s.slotNumber}, ${s.capacityGbps} Gbps)`).join(", ")}`,
      );
    }
    lines.push(`  ${l.location}: ${parts.join("; ")}`);
  }
  const vifs = new Map<string, string>();
  for (const v of allSlots(topology).flatMap((s) => s.virtualInterfaces)) {
    vifs.set(v.name, `${v.name} (${v.interfaceType}, VLAN ${v.vlan})`);
  }
  if (vifs.size > 0) {
    lines.push(`  virtual interfaces on every slot: ${[...vifs.values()].join(", ")}`);
  }
  const group = topology.resiliencyGroupName;
  lines.push(
    group === undefined
      ? "  no resiliency group"
      : `  resiliency group ${group} (${m.intendedResiliencyModel}), ${groupMembers(allSlots(topology)).length} connections`,
  );
  return lines.join("\n");
}
