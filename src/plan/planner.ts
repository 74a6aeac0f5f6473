import {
  checkVirtualInterfacePlacement,
  checkVirtualInterfaceSpecs,
  placeVirtualInterfaces,
} from "./virtual-interfaces";
import { ConnectionBandwidth } from "../core/bandwidth";
import { Deferred } from "../core/deferred";
import { RuleErrors, fail, raiseAll, warningsOf } from "../core/fail";
import { ResiliencyModel } from "../core/model";
import { PROP_TYPE } from "../core/prop-type";
import {
  IsUnresolved,
  checkList,
  checkObject,
  checkOptionalBoolean,
  checkOptionalList,
  checkOptionalString,
  given,
  show,
} from "../core/props";
import type { PlanVirtualInterface } from "../core/request";
import { PlanWarning } from "../core/rule";
import { ConnectionTopology, TopologyDeviceSlot, TopologyLocation, TopologyPort } from "../core/topology";
import { checkRequestDeviceSlots } from "../rules/design/model-device-slots";
import { checkRequestLocations } from "../rules/design/model-locations";
import {
  checkDeviceSlots,
  checkExistingConnectionBandwidth,
  checkExistingSlotId,
  checkLocationCase,
  checkLocationCode,
  checkLocationOnce,
  checkNamePrefix,
  checkProviderName,
  checkSlotNumber,
  checkSlotNumberFree,
  checkSlotNumbers,
  connectionsPerLocationQuota,
  lagsPerRegionQuota,
} from "../rules/layout";
import { checkMacSec, checkMinimumLinks } from "../rules/ports";
import {
  checkGroupModel,
  checkGroupName,
  checkGroupNameWithoutGroup,
  checkGroupSize,
  existingLagsNotInGroup,
} from "../rules/resiliency-group";

/** One location of a layout to plan. */
export interface PlanLocation {
  readonly location: string;
  /** Device slots at the location; undefined means the model's `slotsPerLocation`. */
  readonly deviceSlots?: number;
  /** The number of the first new slot (default 1). */
  readonly firstSlotNumber?: number;
}

/** An existing connection or LAG that stands as a device slot. */
export interface PlanExistingSlot {
  readonly location: string;
  readonly slotNumber: number;
  readonly connectionId: string;
  /** Its capacity; undefined means the construct's bandwidth. */
  readonly bandwidth?: ConnectionBandwidth;
}

/** What the planner needs. Prop names in error messages are the construct props these come from. */
export interface PlanRequest {
  readonly model: ResiliencyModel;
  readonly locations: ReadonlyArray<PlanLocation>;
  readonly bandwidth: ConnectionBandwidth;
  readonly namePrefix: string;
  readonly providerName?: string;
  readonly requestMacSec?: boolean;
  /** undefined: a group when the model has an IntendedResiliencyModel. */
  readonly resiliencyGroup?: boolean;
  readonly resiliencyGroupName?: string;
  readonly minimumLinks?: number;
  readonly existingSlots?: ReadonlyArray<PlanExistingSlot>;
  readonly virtualInterfaces?: ReadonlyArray<PlanVirtualInterface>;
  /** Tells values that are resolved only at deploy time (CDK tokens); they are not validated. */
  readonly isUnresolved?: (value: unknown) => boolean;
}

export interface PlanResult {
  readonly topology: ConnectionTopology;
  readonly warnings: PlanWarning[];
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
 * Turns a model and its inputs into a topology, or throws an `Error` naming the prop, the bad value
 * and what is allowed. The rules of the layout are in rules/ (each a named check with its catalogue
 * entry); this puts them in order.
 */
export function planTopology(request: PlanRequest): PlanResult {
  const unresolved = request.isUnresolved ?? (() => false);
  const errors = new RuleErrors();
  const req = checkRequest(request, unresolved, errors);
  const { model, bandwidth, namePrefix } = req;

  const layout = checkLayout(req, unresolved, errors);
  const warnings: PlanWarning[] = [
    ...errors.attempt(() => checkMacSec(req.requestMacSec, bandwidth), []),
    ...errors.attempt(() => checkMinimumLinks(req.minimumLinks, bandwidth, unresolved), []),
  ];
  if (!unresolved(namePrefix)) {
    errors.attempt(() => checkNamePrefix(namePrefix, longestPortName(req, layout)), undefined);
  }

  const specs = req.virtualInterfaces ?? [];
  const specFindings = checkVirtualInterfaceSpecs(specs);
  warnings.push(
    ...errors.attempt(() => (raiseAll(specFindings, "the layout"), warningsOf(specFindings)), []),
  );
  // Every independent check has run: the layout is built only from values that passed.
  errors.throwIfAny("the layout");

  const locations = layout.map((l) => ({
    location: l.location,
    deviceSlots: [
      ...l.newSlots.map((slotNumber) => newSlot(req, l.location, slotNumber)),
      ...l.existing.map((e) => existingSlot(e, bandwidth)),
    ].sort((a, b) => a.slotNumber - b.slotNumber),
  }));
  const slots = locations.flatMap((l) => l.deviceSlots);
  warnings.push(...locations.flatMap(connectionsPerLocationQuota), ...lagsPerRegionQuota(locations));

  const prefix = unresolved(namePrefix) ? new Deferred(namePrefix) : namePrefix;
  raiseAll(checkVirtualInterfacePlacement(specs, slots, prefix), "the layout");
  const vifs = placeVirtualInterfaces(specs, slots, prefix);
  const withVifs: TopologyLocation[] = locations.map((l) => ({
    location: l.location,
    deviceSlots: l.deviceSlots.map((s) => ({ ...s, virtualInterfaces: vifs.get(s.id) ?? [] })),
  }));

  const group = planResiliencyGroup(req, slots, unresolved);
  return {
    topology: { model, bandwidth, namePrefix, locations: withVifs, resiliencyGroupName: group.name },
    warnings: [...warnings, ...group.warnings],
  };
}

/**
 * The request with every value of its type (a caller without static types may pass anything): the
 * model and bandwidth made canonical (they may come from a second copy of this library), scalars
 * checked, null taken as not given. Each prop is checked on its own (`errors` collects them); a bad
 * value is replaced by a neutral one so that the other props are still checked.
 */
function checkRequest(req: PlanRequest, unresolved: IsUnresolved, errors: RuleErrors): PlanRequest {
  const namePrefix = errors.attempt(() => {
    if (typeof req.namePrefix !== "string") {
      fail(PROP_TYPE, `\`namePrefix\` must be a string, got ${show(req.namePrefix)}.`);
    }
    return req.namePrefix;
  }, "Dx");
  const providerName = errors.attempt(() => {
    const name = checkOptionalString(req.providerName, "providerName", "the service provider's name");
    checkProviderName(name, unresolved);
    return name;
  }, undefined);
  return {
    ...req,
    namePrefix,
    model: errors.attempt(() => modelOf(req.model), ResiliencyModel.CLASSIC),
    bandwidth: errors.attempt(() => bandwidthOf(req.bandwidth, "bandwidth"), ConnectionBandwidth.GBPS_10),
    locations: errors.attempt(() => checkList(req.locations, "locations", "Direct Connect locations"), []),
    existingSlots: errors.attempt(
      () => checkOptionalList(req.existingSlots, "existingSlots", "existing connections or LAGs"),
      undefined,
    ),
    providerName,
    requestMacSec: errors.attempt(() => checkOptionalBoolean(req.requestMacSec, "requestMacSec"), undefined),
    resiliencyGroup: errors.attempt(
      () => checkOptionalBoolean(req.resiliencyGroup, "resiliencyGroup"),
      undefined,
    ),
    resiliencyGroupName: errors.attempt(
      () => checkOptionalString(req.resiliencyGroupName, "resiliencyGroupName", "a group name"),
      undefined,
    ),
    minimumLinks: given(req.minimumLinks) ? req.minimumLinks : undefined,
  } as PlanRequest;
}
const MODELS = [
  ResiliencyModel.MAXIMUM,
  ResiliencyModel.HIGH,
  ResiliencyModel.DEVELOPMENT_AND_TEST,
  ResiliencyModel.CLASSIC,
];

/** The model, by its name: an instance of a second copy of this library counts too. */
function modelOf(value: unknown): ResiliencyModel {
  const name = typeof value === "object" && value !== null ? (value as { name?: unknown }).name : undefined;
  const model = MODELS.find((m) => m === value || m.name === name);
  if (!model) {
    fail(
      PROP_TYPE,
      `\`model\` ${show(value)} is not a ResiliencyModel: use ResiliencyModel.MAXIMUM, HIGH, DEVELOPMENT_AND_TEST or CLASSIC.`,
    );
  }
  return model;
}

/** A bandwidth, by its capacity: an instance of a second copy of this library counts too. */
export function bandwidthOf(value: unknown, prop: string): ConnectionBandwidth {
  if (value instanceof ConnectionBandwidth) return value;
  const capacity = typeof value === "object" && value !== null ? (value as any).capacityGbps : undefined;
  if (typeof capacity !== "number") {
    fail(
      PROP_TYPE,
      `\`${prop}\` is required, got ${show(value)}: for example ConnectionBandwidth.GBPS_10 ` +
        "or ConnectionBandwidth.gbps(20).",
    );
  }
  return ConnectionBandwidth.gbps(capacity);
}

/** The longest connection name of the new slots of a layout. */
function longestPortName(req: PlanRequest, layout: ReadonlyArray<CheckedLocation>): number {
  return Math.max(
    0,
    ...layout.flatMap((l) =>
      l.newSlots.map((n) => portName(req.namePrefix, l.location, n, req.bandwidth.portCount).length),
    ),
  );
}

function newSlot(req: PlanRequest, location: string, slotNumber: number): TopologyDeviceSlot {
  const bandwidth = req.bandwidth;
  const id = slotId(location, slotNumber);
  return {
    id,
    location,
    slotNumber,
    lagName: lagName(req.namePrefix, location, slotNumber),
    portBandwidth: bandwidth.portBandwidth,
    capacityGbps: bandwidth.capacityGbps,
    providerName: req.providerName,
    requestMacSec: req.requestMacSec ?? false,
    minimumLinks: req.minimumLinks,
    ports: Array.from({ length: bandwidth.portCount }, (_, j) => ({
      id: `${id}/Port${j + 1}`,
      location,
      slotNumber,
      memberNumber: j + 1,
      connectionName: portName(req.namePrefix, location, slotNumber, j + 1),
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
function existingSlot(e: PlanExistingSlot, fallback: ConnectionBandwidth): TopologyDeviceSlot {
  const bandwidth =
    e.bandwidth ??
    (e.connectionId.startsWith("dxcon-") ? ConnectionBandwidth.gbps(fallback.portSpeedGbps) : fallback);
  return {
    id: slotId(e.location, e.slotNumber),
    location: e.location,
    slotNumber: e.slotNumber,
    existingConnectionId: e.connectionId,
    portBandwidth: bandwidth.portBandwidth,
    capacityGbps: bandwidth.capacityGbps,
    requestMacSec: false,
    ports: [],
    virtualInterfaces: [],
  };
}

interface CheckedLocation {
  readonly location: string;
  readonly newSlots: number[];
  readonly existing: PlanExistingSlot[];
}

/** The new slots of one location: how many (bounded by the quotas) and their numbers. */
function newSlotsOf(l: PlanLocation, code: string, model: ResiliencyModel): number[] {
  const count = checkDeviceSlots(given(l.deviceSlots) ? l.deviceSlots : model.slotsPerLocation, code);
  const first = checkSlotNumber(given(l.firstSlotNumber) ? l.firstSlotNumber : 1, "firstSlotNumber");
  checkSlotNumbers(first, count, code);
  return Array.from({ length: count }, (_, i) => first + i);
}

/**
 * The locations of new and existing slots, with the model's minimums checked; sorted by code. Each
 * location and existing circuit is checked on its own (`errors` collects them).
 */
function checkLayout(req: PlanRequest, unresolved: IsUnresolved, errors: RuleErrors): CheckedLocation[] {
  const model = req.model;
  const byKey = new Map<string, CheckedLocation>();
  for (const l of req.locations) {
    errors.attempt(() => {
      checkObject(l, "locations", "a list of location layouts, each like { location: 'EqDC2' }");
      const code = checkLocationCode(l.location, "locations", unresolved);
      const key = code.toLowerCase();
      checkLocationOnce(code, byKey.get(key)?.location);
      byKey.set(key, { location: code, newSlots: newSlotsOf(l, code, model), existing: [] });
    }, undefined);
  }
  addExistingSlots(req, byKey, unresolved, errors);
  const checked = [...byKey.values()];
  // The model's minimums count locations and slots: only meaningful when every prop before was valid.
  if (!errors.any) errors.attempt(() => checkModelMinimums(model, checked), undefined);
  // Sorted by code: reordering the input changes nothing in the template.
  return checked.sort((a, b) => (a.location < b.location ? -1 : a.location > b.location ? 1 : 0));
}

/** Puts each existing circuit in its location, checking its id, slot number and capacity. */
function addExistingSlots(
  req: PlanRequest,
  byKey: Map<string, CheckedLocation>,
  unresolved: IsUnresolved,
  errors: RuleErrors,
): void {
  const ids = new Set<string>();
  for (const raw of req.existingSlots ?? []) {
    errors.attempt(() => addExistingSlot(raw, byKey, ids, unresolved), undefined);
  }
}

/** One existing circuit, in its location. */
function addExistingSlot(
  raw: unknown,
  byKey: Map<string, CheckedLocation>,
  ids: Set<string>,
  unresolved: IsUnresolved,
): void {
  const e = checkObject(
    raw,
    "existingSlots",
    "each entry a location, slotNumber and connectionId",
  ) as unknown as PlanExistingSlot;
  const code = checkLocationCode(e.location, "existingSlots", unresolved);
  const n = checkSlotNumber(e.slotNumber, "slotNumber");
  const bandwidth = given(e.bandwidth) ? bandwidthOf(e.bandwidth, "bandwidth") : undefined;
  if (!unresolved(e.connectionId)) {
    ids.add(checkExistingSlotId(e.connectionId, code, ids));
    checkExistingConnectionBandwidth(e.connectionId, bandwidth);
  }
  const key = code.toLowerCase();
  const entry = byKey.get(key) ?? { location: code, newSlots: [], existing: [] };
  checkLocationCase(code, entry.location);
  checkSlotNumberFree(
    n,
    [...entry.newSlots, ...entry.existing.map((x) => x.slotNumber)],
    e.connectionId,
    code,
  );
  entry.existing.push({ ...e, location: code, slotNumber: n, bandwidth });
  byKey.set(key, entry);
}

/** §1.2: the model's locations and device slots per location (the design rules modelLocations, modelDeviceSlots). */
function checkModelMinimums(model: ResiliencyModel, checked: ReadonlyArray<CheckedLocation>): void {
  checkRequestDeviceSlots(
    model,
    checked.map((l) => ({ location: l.location, slots: l.newSlots.length + l.existing.length })),
  );
  checkRequestLocations(
    model,
    checked.map((l) => l.location),
  );
}

/** The resiliency group of a layout: its name (undefined for none), or an error naming the prop. */
function planResiliencyGroup(
  req: PlanRequest,
  slots: TopologyDeviceSlot[],
  unresolved: IsUnresolved,
): { name?: string; warnings: PlanWarning[] } {
  const { model, namePrefix } = req;
  const wanted = req.resiliencyGroup ?? model.intendedResiliencyModel !== undefined;
  if (!wanted) {
    checkGroupNameWithoutGroup(req.resiliencyGroupName);
    return { warnings: [] };
  }
  checkGroupModel(model);
  const warnings = existingLagsNotInGroup(slots);
  checkGroupSize(groupMembers(slots).length, slots.length);
  const name =
    req.resiliencyGroupName ??
    (unresolved(namePrefix) ? namePrefix : namePrefix.replace(/[^a-zA-Z0-9_-]/g, "-"));
  checkGroupName(name, unresolved);
  return { name, warnings };
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
