import { ConnectionBandwidth } from "./bandwidth";
import { ResiliencyModel } from "./model";
import {
  IsUnresolved,
  checkList,
  checkObject,
  checkOptionalBoolean,
  checkOptionalList,
  checkOptionalString,
  checkWholeNumber,
  given,
  label,
  show,
} from "./props";
import { ConnectionTopology, TopologyDeviceSlot, TopologyLocation, TopologyPort } from "./topology";
import {
  PlanVirtualInterface,
  checkVirtualInterfaceSpecs,
  placeVirtualInterfaces,
} from "./virtual-interfaces";

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

/** Risky-but-legal input: the emit layer turns it into a warning annotation. */
export interface PlanWarning {
  /** Stable id, for `Annotations.acknowledgeWarning`. */
  readonly id: string;
  readonly message: string;
}

export interface PlanResult {
  readonly topology: ConnectionTopology;
  readonly warnings: PlanWarning[];
}

/** Facts encoded by the planner, with their place in direct-connect-facts.md. */
export const LIMITS = {
  /** §3.3: ConnectionArns holds at most 50. */
  resiliencyGroupConnections: 50,
  /** §4.7: active dedicated connections per location per Region per account. */
  connectionsPerLocation: 10,
  /** §4.2 and §4.7: LAGs per Region. */
  lagsPerRegion: 10,
  /** §3.1, §3.2: ConnectionName and LagName are at most 200 characters. */
  nameLength: 200,
  /** §3.3: ResiliencyGroupName is at most 255 characters. */
  resiliencyGroupNameLength: 255,
  /**
   * §4.7: device slots per location. Every slot orders at least one dedicated connection and one LAG,
   * and an account has 10 of each (connections per location, LAGs per Region) until AWS raises it.
   */
  deviceSlotsPerLocation: 10,
  /** Slot numbers name resources (`-d<n>`) and logical IDs: 1 to 99. */
  slotNumber: 99,
} as const;

/** §7, §3.1: `Location` pattern. */
const LOCATION_PATTERN = /^[a-zA-Z0-9-]+$/;
/** §3.1, §3.2: `ConnectionName` and `LagName` characters (`^[\w \-_,\/]{1,200}$`). */
const NAME_PATTERN = /^[\w \-,/]+$/;
/** §3.3: `ResiliencyGroupName` (`^[a-zA-Z0-9_\-]+$`): no spaces, unlike connection names. */
const GROUP_NAME_PATTERN = /^[a-zA-Z0-9_-]+$/;
/** §3.1, §3.2: ids of existing connections and LAGs. */
const EXISTING_ID_PATTERN = /^dx(con|lag)-[a-z0-9]{8,21}$/;
/** §4.3: MACsec on 10 and 100 Gbps per AWS; 400 Gbps only in third-party data (§9.4). */
const MACSEC_SPEEDS_GBPS = [10, 100, 400];
const MACSEC_UNCONFIRMED_GBPS = [400];

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
 * and what is allowed. All validation rules of the layout live here.
 */
export function planTopology(request: PlanRequest): PlanResult {
  const unresolved = request.isUnresolved ?? (() => false);
  const req = checkRequest(request, unresolved);
  const { model, bandwidth, namePrefix } = req;
  const warnings: PlanWarning[] = [];

  const layout = checkLayout(req, unresolved);
  warnings.push(...checkMacSec(req), ...checkMinimumLinks(req, unresolved));
  checkNamePrefix(req, layout, unresolved);

  const specs = req.virtualInterfaces ?? [];
  warnings.push(...checkVirtualInterfaceSpecs(specs, unresolved));

  const locations = layout.map((l) => ({
    location: l.location,
    deviceSlots: [
      ...l.newSlots.map((slotNumber) => newSlot(req, l.location, slotNumber)),
      ...l.existing.map((e) => existingSlot(e, bandwidth)),
    ].sort((a, b) => a.slotNumber - b.slotNumber),
  }));
  const slots = locations.flatMap((l) => l.deviceSlots);
  warnings.push(...quotaWarnings(locations));

  const vifs = placeVirtualInterfaces(specs, slots, namePrefix, unresolved);
  const withVifs: TopologyLocation[] = locations.map((l) => ({
    location: l.location,
    deviceSlots: l.deviceSlots.map((s) => ({ ...s, virtualInterfaces: vifs.get(s.id) ?? [] })),
  }));

  const resiliencyGroupName = planResiliencyGroup(req, model, namePrefix, slots, unresolved, warnings);

  return {
    topology: { model, bandwidth, namePrefix, locations: withVifs, resiliencyGroupName },
    warnings,
  };
}

/**
 * The request with every value of its type (a caller without static types may pass anything): the
 * model and bandwidth made canonical (they may come from a second copy of this library), scalars
 * checked, null taken as not given.
 */
function checkRequest(req: PlanRequest, unresolved: IsUnresolved): PlanRequest {
  const namePrefix = req.namePrefix;
  if (typeof namePrefix !== "string") {
    throw new Error(`\`namePrefix\` must be a string, got ${show(namePrefix)}.`);
  }
  const providerName = checkOptionalString(req.providerName, "providerName", "the service provider's name");
  if (providerName !== undefined && !unresolved(providerName) && providerName.trim() === "") {
    throw new Error(
      "`providerName` is empty: give the service provider's name, or leave it out for no provider.",
    );
  }
  return {
    ...req,
    model: modelOf(req.model),
    bandwidth: bandwidthOf(req.bandwidth, "bandwidth"),
    locations: checkList(req.locations, "locations", "Direct Connect locations"),
    existingSlots: checkOptionalList(req.existingSlots, "existingSlots", "existing connections or LAGs"),
    providerName,
    requestMacSec: checkOptionalBoolean(req.requestMacSec, "requestMacSec"),
    resiliencyGroup: checkOptionalBoolean(req.resiliencyGroup, "resiliencyGroup"),
    resiliencyGroupName: checkOptionalString(req.resiliencyGroupName, "resiliencyGroupName", "a group name"),
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
    throw new Error(
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
    throw new Error(
      `\`${prop}\` is required, got ${show(value)}: for example ConnectionBandwidth.GBPS_10 ` +
        "or ConnectionBandwidth.gbps(20).",
    );
  }
  return ConnectionBandwidth.gbps(capacity);
}

function checkMacSec(req: PlanRequest): PlanWarning[] {
  if (!req.requestMacSec) return [];
  const bandwidth = req.bandwidth;
  const speed = bandwidth.portSpeedGbps;
  if (!MACSEC_SPEEDS_GBPS.includes(speed)) {
    throw new Error(
      `\`requestMacSec\`: MACsec is not offered on ${speed} Gbps ports (bandwidth ${bandwidth}). ` +
        "AWS supports MACsec on 10 and 100 Gbps dedicated connections (and 400 Gbps at some locations); " +
        "choose one of those speeds or set `requestMacSec: false`.",
    );
  }
  if (!MACSEC_UNCONFIRMED_GBPS.includes(speed)) return [];
  return [
    {
      id: "macsec400",
      message:
        "`requestMacSec` on 400 Gbps ports: AWS documents MACsec for 10 and 100 Gbps; 400 Gbps MACsec is listed only " +
        "for some locations (DescribeLocations `availableMacSecPortSpeeds`). Check each location before you deploy.",
    },
  ];
}

function checkMinimumLinks(req: PlanRequest, unresolved: IsUnresolved): PlanWarning[] {
  const minimumLinks = req.minimumLinks;
  if (minimumLinks === undefined) return [];
  const ports = req.bandwidth.portCount;
  if (!unresolved(minimumLinks)) {
    if (
      typeof minimumLinks !== "number" ||
      !Number.isInteger(minimumLinks) ||
      minimumLinks < 0 ||
      minimumLinks > ports
    ) {
      throw new Error(
        `\`minimumLinks\` ${show(minimumLinks)} is not possible: each LAG has ${ports} port(s) ` +
          `(bandwidth ${req.bandwidth}); allowed are whole numbers from 0 to ${ports}.`,
      );
    }
  }
  return [
    {
      id: "minimumLinksOnCreate",
      message:
        "`minimumLinks` cannot be set when CloudFormation first creates a LAG (AWS::DirectConnect::Lag MinimumLinks). " +
        "Deploy without it first, then add it in a later deploy; acknowledge this warning once the LAGs exist.",
    },
  ];
}

/** §3.1, §3.2: the characters of the names and their length (the longest port name of the layout). */
function checkNamePrefix(req: PlanRequest, layout: CheckedLocation[], unresolved: IsUnresolved): void {
  const namePrefix = req.namePrefix;
  if (unresolved(namePrefix)) return;
  if (!NAME_PATTERN.test(namePrefix)) {
    throw new Error(
      `\`namePrefix\` ${show(namePrefix)} has characters CloudFormation does not allow in connection and LAG names: ` +
        "allowed are letters, digits, spaces and _ - , /.",
    );
  }
  const longest = Math.max(
    0,
    ...layout.flatMap((l) =>
      l.newSlots.map((n) => portName(namePrefix, l.location, n, req.bandwidth.portCount).length),
    ),
  );
  if (longest > LIMITS.nameLength) {
    throw new Error(
      `\`namePrefix\` ${show(namePrefix)} makes connection names of ${longest} characters; CloudFormation allows at most ` +
        `${LIMITS.nameLength}. Use a prefix of at most ${namePrefix.length - (longest - LIMITS.nameLength)} characters.`,
    );
  }
}

/**
 * §4.7: the account quotas a layout would exceed (they can be raised, so warnings): dedicated
 * connections per location, counting the member connections of existing circuits too, and LAGs.
 */
function quotaWarnings(locations: ReadonlyArray<TopologyLocation>): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  for (const l of locations) {
    const created = l.deviceSlots.filter((s) => s.existingConnectionId === undefined);
    const newPorts = created.reduce((n, s) => n + s.ports.length, 0);
    const existingPorts = l.deviceSlots
      .filter((s) => s.existingConnectionId !== undefined)
      .reduce((n, s) => n + existingPortCount(s), 0);
    const ports = newPorts + existingPorts;
    if (ports > LIMITS.connectionsPerLocation) {
      const existing = existingPorts > 0 ? ` (${newPorts} new, ${existingPorts} existing)` : "";
      warnings.push({
        id: "connectionsPerLocationQuota",
        message:
          `\`locations\`: ${l.location} gets ${ports} dedicated connections${existing}; the Direct Connect quota is ` +
          `${LIMITS.connectionsPerLocation} active dedicated connections per location per Region per account. ` +
          "Ask AWS for a higher quota before you deploy.",
      });
    }
  }
  const lags = locations
    .flatMap((l) => l.deviceSlots)
    .filter((s) => s.existingConnectionId === undefined).length;
  if (lags > LIMITS.lagsPerRegion) {
    warnings.push({
      id: "lagsPerRegionQuota",
      message:
        `This layout has ${lags} LAGs; the Direct Connect quota is ${LIMITS.lagsPerRegion} LAGs per Region. ` +
        "Ask AWS for a higher quota before you deploy.",
    });
  }
  return warnings;
}

/** The dedicated connections an existing circuit holds: capacity / port speed (1 for a connection). */
function existingPortCount(slot: TopologyDeviceSlot): number {
  return slot.capacityGbps / Number.parseInt(slot.portBandwidth, 10);
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

/**
 * Checks one location code (facts §7: pattern `^[a-zA-Z0-9-]+$`, case sensitivity unconfirmed) and
 * returns it. It must be a literal: it names the ports and their logical IDs.
 */
export function checkLocationCode(code: unknown, prop: string, unresolved: (v: unknown) => boolean): string {
  if (typeof code !== "string" || unresolved(code)) {
    throw new Error(
      `\`${prop}\`: ${typeof code === "string" ? code : show(code)} is not a literal location code. Location codes name the ports and their ` +
        "logical IDs, so they must be known at synth; for example EqDC2.",
    );
  }
  if (!LOCATION_PATTERN.test(code)) {
    throw new Error(
      `\`${prop}\`: "${code}" is not a Direct Connect location code: allowed are letters, digits and - ` +
        "(pattern ^[a-zA-Z0-9-]+$), for example EqDC2.",
    );
  }
  return code;
}

function checkSlotNumber(n: unknown, what: string): number {
  return checkWholeNumber(n, what, { min: 1, max: LIMITS.slotNumber }, () => false);
}

/** The new slots of one location: how many (bounded by the quotas) and their numbers. */
function newSlotsOf(l: PlanLocation, code: string, model: ResiliencyModel): number[] {
  const count = checkWholeNumber(
    given(l.deviceSlots) ? l.deviceSlots : model.slotsPerLocation,
    "deviceSlots",
    { min: 1, max: LIMITS.deviceSlotsPerLocation },
    () => false,
    ` (at ${code}; each slot is at least one dedicated connection and one LAG, and the account quotas are 10 of each)`,
  );
  const first = checkSlotNumber(given(l.firstSlotNumber) ? l.firstSlotNumber : 1, "firstSlotNumber");
  if (first + count - 1 > LIMITS.slotNumber) {
    throw new Error(
      `\`firstSlotNumber\` ${first} of ${code} numbers its ${count} slots up to ${first + count - 1}; slot numbers go up to ${LIMITS.slotNumber}.`,
    );
  }
  return Array.from({ length: count }, (_, i) => first + i);
}

/** The locations of new and existing slots, with the model's minimums checked; sorted by code. */
function checkLayout(req: PlanRequest, unresolved: IsUnresolved): CheckedLocation[] {
  const model = req.model;
  const byKey = new Map<string, CheckedLocation>();
  for (const l of req.locations) {
    checkObject(l, "locations", "a list of location layouts, each like { location: 'EqDC2' }");
    const code = checkLocationCode(l.location, "locations", unresolved);
    const key = code.toLowerCase();
    const earlier = byKey.get(key);
    if (earlier !== undefined) {
      const how =
        earlier.location === code
          ? ""
          : ` (as "${earlier.location}"; location codes that differ only in case are one location)`;
      throw new Error(
        `\`locations\`: "${code}" is listed twice${how}. Each location appears once; a second device at a location ` +
          "is a second device slot, not a second entry.",
      );
    }
    byKey.set(key, { location: code, newSlots: newSlotsOf(l, code, model), existing: [] });
  }
  addExistingSlots(req, byKey, unresolved);
  const checked = [...byKey.values()];
  checkModelMinimums(model, checked);
  // Sorted by code: reordering the input changes nothing in the template.
  return checked.sort((a, b) => (a.location < b.location ? -1 : a.location > b.location ? 1 : 0));
}

/** Puts each existing circuit in its location, checking its id, slot number and capacity. */
function addExistingSlots(
  req: PlanRequest,
  byKey: Map<string, CheckedLocation>,
  unresolved: IsUnresolved,
): void {
  const ids = new Set<string>();
  for (const raw of req.existingSlots ?? []) {
    const e = checkObject(
      raw,
      "existingSlots",
      "each entry a location, slotNumber and connectionId",
    ) as unknown as PlanExistingSlot;
    const code = checkLocationCode(e.location, "existingSlots", unresolved);
    const n = checkSlotNumber(e.slotNumber, "slotNumber");
    const bandwidth = given(e.bandwidth) ? bandwidthOf(e.bandwidth, "bandwidth") : undefined;
    if (!unresolved(e.connectionId)) {
      if (typeof e.connectionId !== "string" || !EXISTING_ID_PATTERN.test(e.connectionId)) {
        throw new Error(
          `\`connectionId\` ${show(e.connectionId)} of an existing slot at ${code} is not a connection or LAG id: ` +
            "dxcon-... or dxlag-... (8 to 21 lower-case letters and digits).",
        );
      }
      if (ids.has(e.connectionId)) {
        throw new Error(`\`existingSlots\`: ${e.connectionId} is listed twice.`);
      }
      ids.add(e.connectionId);
      if (e.connectionId.startsWith("dxcon-") && bandwidth !== undefined && bandwidth.portCount > 1) {
        throw new Error(
          `\`bandwidth\` of the existing connection ${e.connectionId} is ${bandwidth}: a connection is one port ` +
            "(1, 10, 100 or 400 Gbps). For a LAG, give its dxlag- id.",
        );
      }
    }
    const key = code.toLowerCase();
    const entry = byKey.get(key) ?? { location: code, newSlots: [], existing: [] };
    if (entry.location !== code) {
      throw new Error(
        `\`existingSlots\`: "${code}" differs from "${entry.location}" only in case; location codes that differ only in case are one location.`,
      );
    }
    if (entry.newSlots.includes(n) || entry.existing.some((x) => x.slotNumber === n)) {
      throw new Error(
        `\`slotNumber\` ${n} of the existing slot ${label(e.connectionId)} at ${code} is taken by another slot there. ` +
          "Number existing circuits apart from the new slots (see `firstSlotNumber`).",
      );
    }
    entry.existing.push({ ...e, location: code, slotNumber: n, bandwidth });
    byKey.set(key, entry);
  }
}

/** §1.2: the model's locations and device slots per location. */
function checkModelMinimums(model: ResiliencyModel, checked: ReadonlyArray<CheckedLocation>): void {
  for (const l of checked) {
    const total = l.newSlots.length + l.existing.length;
    if (total < model.slotsPerLocation) {
      throw new Error(
        `\`deviceSlots\` of ${l.location} is ${total}: ${model.name} needs at least ${model.slotsPerLocation} ` +
          "device slots (separate AWS devices) in every location.",
      );
    }
  }
  if (checked.length < model.minLocations) {
    const got = checked.length === 0 ? "none" : checked.map((l) => l.location).join(", ");
    const hint =
      model.minLocations > 1 && checked.length === 1
        ? " For separate devices in one location use DevTest (no SLA)."
        : "";
    throw new Error(
      `\`locations\`: ${model.name} needs at least ${model.minLocations} distinct location(s), got ${checked.length} ` +
        `(${got}). A campus counts as one location.${hint}`,
    );
  }
}

function planResiliencyGroup(
  req: PlanRequest,
  model: ResiliencyModel,
  namePrefix: string,
  slots: TopologyDeviceSlot[],
  unresolved: (v: unknown) => boolean,
  warnings: PlanWarning[],
): string | undefined {
  const wanted = req.resiliencyGroup ?? model.intendedResiliencyModel !== undefined;
  if (!wanted) {
    if (req.resiliencyGroupName !== undefined) {
      throw new Error(
        `\`resiliencyGroupName\` "${req.resiliencyGroupName}" is set, but there is no resiliency group ` +
          "(`resiliencyGroup` is false). Remove one of the two.",
      );
    }
    return undefined;
  }
  if (model.intendedResiliencyModel === undefined) {
    throw new Error(
      `\`resiliencyGroup\`: the ${model.name} model has no IntendedResiliencyModel for a resiliency group. ` +
        "Claim the model the layout meets with `model` (MAXIMUM, HIGH or DEVELOPMENT_AND_TEST), or leave `resiliencyGroup` out.",
    );
  }
  const existingLags = slots.filter((s) => s.existingConnectionId?.startsWith("dxlag-"));
  if (existingLags.length > 0) {
    warnings.push({
      id: "existingLagNotInGroup",
      message:
        `\`existingSlots\`: ${existingLags.map((s) => s.existingConnectionId).join(", ")} ` +
        "are existing LAGs whose member connections this app does not know, so they are not in the resiliency group. " +
        "Add their connections to it yourself.",
    });
  }
  const connections = groupMembers(slots).length;
  if (connections > LIMITS.resiliencyGroupConnections) {
    throw new Error(
      `\`locations\`: the resiliency group would hold ${connections} connections ` +
        `(${slots.length} device slots); a resiliency group holds at most ` +
        `${LIMITS.resiliencyGroupConnections}. Use fewer locations or ports, split the layout into two constructs, ` +
        "or set `resiliencyGroup: false`.",
    );
  }
  const name =
    req.resiliencyGroupName ??
    (unresolved(namePrefix) ? namePrefix : namePrefix.replace(/[^a-zA-Z0-9_-]/g, "-"));
  if (
    !unresolved(name) &&
    (!GROUP_NAME_PATTERN.test(name) || name.length > LIMITS.resiliencyGroupNameLength)
  ) {
    throw new Error(
      `\`resiliencyGroupName\` "${name}" is not allowed: 1 to ${LIMITS.resiliencyGroupNameLength} letters, digits, _ ` +
        "and - (no spaces; pattern ^[a-zA-Z0-9_\\-]+$).",
    );
  }
  return name;
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
