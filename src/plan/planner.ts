import { ConnectionBandwidth } from "./bandwidth";
import { ResiliencyModel } from "./model";
import { ConnectionTopology, TopologyDeviceSlot, TopologyLocation, TopologyPort } from "./topology";

/** One location of a layout to plan. */
export interface PlanLocation {
  readonly location: string;
  /** Device slots at the location; undefined means the model's `slotsPerLocation`. */
  readonly deviceSlots?: number;
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
} as const;

/** §7, §3.1: `Location` pattern. */
export const LOCATION_PATTERN = /^[a-zA-Z0-9-]+$/;
/** §3.1, §3.2: `ConnectionName` and `LagName` characters (`^[\w \-_,\/]{1,200}$`). */
const NAME_PATTERN = /^[\w \-,/]+$/;
/** §3.3: `ResiliencyGroupName` (`^[a-zA-Z0-9_\-]+$`): no spaces, unlike connection names. */
const GROUP_NAME_PATTERN = /^[a-zA-Z0-9_-]+$/;
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

/** Every port of a topology, slot by slot. */
export function allPorts(topology: ConnectionTopology): TopologyPort[] {
  return allSlots(topology).flatMap((s) => s.ports);
}

/**
 * Turns a model and its inputs into a topology, or throws an `Error` naming the prop, the bad value
 * and what is allowed. All validation rules of the layout live here.
 */
export function planTopology(req: PlanRequest): PlanResult {
  const unresolved = req.isUnresolved ?? (() => false);
  const model = req.model;
  const warnings: PlanWarning[] = [];

  // Shape checks rather than instanceof: a second copy of this library in node_modules makes
  // instances that instanceof rejects.
  if (typeof model?.slotsPerLocation !== "number") {
    throw new Error(
      `\`model\` ${String(model)} is not a ResiliencyModel: use ResiliencyModel.MAXIMUM, HIGH, DEVELOPMENT_AND_TEST or CLASSIC.`,
    );
  }
  if (typeof req.bandwidth?.portBandwidth !== "string") {
    throw new Error(
      `\`bandwidth\` is required, got ${String(req.bandwidth)}: for example ConnectionBandwidth.GBPS_10 ` +
        "or ConnectionBandwidth.gbps(20).",
    );
  }
  const bandwidth = req.bandwidth;
  if (!Array.isArray(req.locations)) {
    throw new Error(
      "`locations` is required: a list of Direct Connect location codes, got " + `${String(req.locations)}.`,
    );
  }

  const layout = checkLocations(req.locations, model, unresolved);

  if (req.requestMacSec) {
    const speed = bandwidth.portSpeedGbps;
    if (!MACSEC_SPEEDS_GBPS.includes(speed)) {
      throw new Error(
        `\`requestMacSec\`: MACsec is not offered on ${speed} Gbps ports (bandwidth ${bandwidth}). ` +
          "AWS supports MACsec on 10 and 100 Gbps dedicated connections (and 400 Gbps at some locations); " +
          "choose one of those speeds or set `requestMacSec: false`.",
      );
    }
    if (MACSEC_UNCONFIRMED_GBPS.includes(speed)) {
      warnings.push({
        id: "macsec400",
        message:
          "`requestMacSec` on 400 Gbps ports: AWS documents MACsec for 10 and 100 Gbps; 400 Gbps MACsec is listed only " +
          "for some locations (DescribeLocations `availableMacSecPortSpeeds`). Check each location before you deploy.",
      });
    }
  }

  const providerName = req.providerName;
  if (providerName !== undefined && !unresolved(providerName) && providerName.trim() === "") {
    throw new Error(
      "`providerName` is empty: give the service provider's name, or leave it out for no provider.",
    );
  }

  const namePrefix = req.namePrefix;
  if (!unresolved(namePrefix)) {
    if (!NAME_PATTERN.test(namePrefix)) {
      throw new Error(
        `\`namePrefix\` "${namePrefix}" has characters CloudFormation does not allow in connection and LAG names: ` +
          "allowed are letters, digits, spaces and _ - , /.",
      );
    }
    const longest = Math.max(
      ...layout.map((l) => portName(namePrefix, l.location, l.deviceSlots, bandwidth.portCount).length),
    );
    if (longest > LIMITS.nameLength) {
      throw new Error(
        `\`namePrefix\` "${namePrefix}" makes connection names of ${longest} characters; CloudFormation allows at most ` +
          `${LIMITS.nameLength}. Use a prefix of at most ${namePrefix.length - (longest - LIMITS.nameLength)} characters.`,
      );
    }
  }

  const minimumLinks = req.minimumLinks;
  if (minimumLinks !== undefined && !unresolved(minimumLinks)) {
    if (!Number.isInteger(minimumLinks) || minimumLinks < 0 || minimumLinks > bandwidth.portCount) {
      throw new Error(
        `\`minimumLinks\` ${minimumLinks} is not possible: each LAG has ${bandwidth.portCount} port(s) ` +
          `(bandwidth ${bandwidth}); allowed are whole numbers from 0 to ${bandwidth.portCount}.`,
      );
    }
  }
  if (minimumLinks !== undefined) {
    warnings.push({
      id: "minimumLinksOnCreate",
      message:
        "`minimumLinks` cannot be set when CloudFormation first creates a LAG (AWS::DirectConnect::Lag MinimumLinks). " +
        "Deploy without it first, then add it in a later deploy; acknowledge this warning once the LAGs exist.",
    });
  }

  const slots: TopologyDeviceSlot[] = [];
  const locations: TopologyLocation[] = layout.map((l) => {
    const deviceSlots = Array.from({ length: l.deviceSlots }, (_, i) => {
      const slotNumber = i + 1;
      const id = slotId(l.location, slotNumber);
      const slot: TopologyDeviceSlot = {
        id,
        location: l.location,
        slotNumber,
        lagName: lagName(namePrefix, l.location, slotNumber),
        portBandwidth: bandwidth.portBandwidth,
        capacityGbps: bandwidth.capacityGbps,
        providerName,
        requestMacSec: req.requestMacSec ?? false,
        minimumLinks,
        ports: Array.from({ length: bandwidth.portCount }, (__, j) => ({
          id: `${id}/Port${j + 1}`,
          location: l.location,
          slotNumber,
          memberNumber: j + 1,
          connectionName: portName(namePrefix, l.location, slotNumber, j + 1),
          bandwidth: bandwidth.portBandwidth,
          speedGbps: bandwidth.portSpeedGbps,
        })),
      };
      slots.push(slot);
      return slot;
    });
    const ports = l.deviceSlots * bandwidth.portCount;
    if (ports > LIMITS.connectionsPerLocation) {
      warnings.push({
        id: "connectionsPerLocationQuota",
        message:
          `\`locations\`: ${l.location} gets ${ports} dedicated connections; the Direct Connect quota is ` +
          `${LIMITS.connectionsPerLocation} active dedicated connections per location per Region per account. ` +
          "Ask AWS for a higher quota before you deploy.",
      });
    }
    return { location: l.location, deviceSlots };
  });
  if (slots.length > LIMITS.lagsPerRegion) {
    warnings.push({
      id: "lagsPerRegionQuota",
      message:
        `This layout has ${slots.length} LAGs; the Direct Connect quota is ${LIMITS.lagsPerRegion} LAGs per Region. ` +
        "Ask AWS for a higher quota before you deploy.",
    });
  }

  const resiliencyGroupName = planResiliencyGroup(req, model, namePrefix, slots, unresolved);

  return {
    topology: { model, bandwidth, namePrefix, locations, resiliencyGroupName },
    warnings,
  };
}

interface CheckedLocation {
  readonly location: string;
  readonly deviceSlots: number;
}

/**
 * Checks one location code (facts §7: pattern `^[a-zA-Z0-9-]+$`, case sensitivity unconfirmed) and
 * returns it. It must be a literal: it names the ports and their logical IDs.
 */
export function checkLocationCode(code: unknown, prop: string, unresolved: (v: unknown) => boolean): string {
  if (typeof code !== "string" || unresolved(code)) {
    throw new Error(
      `\`${prop}\`: ${String(code)} is not a literal location code. Location codes name the ports and their ` +
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

function checkLocations(
  input: ReadonlyArray<PlanLocation>,
  model: ResiliencyModel,
  unresolved: (v: unknown) => boolean,
): CheckedLocation[] {
  const prop = "locations";
  const seen = new Map<string, string>();
  const checked = input.map((l) => {
    const code = checkLocationCode(l?.location, prop, unresolved);
    const key = code.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const how =
        earlier === code
          ? ""
          : ` (as "${earlier}"; location codes that differ only in case are one location)`;
      throw new Error(
        `\`${prop}\`: "${code}" is listed twice${how}. Each location appears once; a second device at a location ` +
          "is a second device slot, not a second entry.",
      );
    }
    seen.set(key, code);
    const deviceSlots = l.deviceSlots ?? model.slotsPerLocation;
    if (!Number.isInteger(deviceSlots) || deviceSlots < 1) {
      throw new Error(`\`deviceSlots\` of ${code} is ${deviceSlots}: allowed are whole numbers from 1.`);
    }
    if (deviceSlots < model.slotsPerLocation) {
      throw new Error(
        `\`deviceSlots\` of ${code} is ${deviceSlots}: ${model.name} needs at least ${model.slotsPerLocation} ` +
          "device slots (separate AWS devices) in every location.",
      );
    }
    return { location: code, deviceSlots };
  });

  if (checked.length < model.minLocations) {
    const got = checked.length === 0 ? "none" : checked.map((l) => l.location).join(", ");
    const hint =
      model.minLocations > 1 && checked.length === 1
        ? " For separate devices in one location use DevTest (no SLA)."
        : "";
    throw new Error(
      `\`${prop}\`: ${model.name} needs at least ${model.minLocations} distinct location(s), got ${checked.length} ` +
        `(${got}). A campus counts as one location.${hint}`,
    );
  }
  // Sorted by code: reordering the input changes nothing in the template.
  return checked.sort((a, b) => (a.location < b.location ? -1 : a.location > b.location ? 1 : 0));
}

function planResiliencyGroup(
  req: PlanRequest,
  model: ResiliencyModel,
  namePrefix: string,
  slots: TopologyDeviceSlot[],
  unresolved: (v: unknown) => boolean,
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
  const connections = slots.reduce((n, s) => n + s.ports.length, 0);
  if (connections > LIMITS.resiliencyGroupConnections) {
    throw new Error(
      `\`locations\`: the resiliency group would hold ${connections} connections ` +
        `(${slots.length} device slots x ${slots[0].ports.length} ports); a resiliency group holds at most ` +
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

function lagName(prefix: string, location: string, slotNumber: number): string {
  return `${prefix}-${location}-d${slotNumber}`;
}

function portName(prefix: string, location: string, slotNumber: number, memberNumber: number): string {
  return `${lagName(prefix, location, slotNumber)}-p${memberNumber}`;
}

/**
 * A short human summary: model, SLA, what it survives, and per location the device slots and ports.
 */
export function describeTopology(title: string, topology: ConnectionTopology): string {
  const m = topology.model;
  const bw = topology.bandwidth;
  const lines = [`${title}: ${m.name}, SLA ${m.sla}. Survives ${m.survives}.`];
  for (const l of topology.locations) {
    const n = l.deviceSlots.length;
    lines.push(
      `  ${l.location}: ${n * bw.portCount} x ${bw.portSpeedGbps} Gbps ports in ${n} device slot${n === 1 ? "" : "s"}, ` +
        `${bw.capacityGbps} Gbps per slot`,
    );
  }
  const group = topology.resiliencyGroupName;
  lines.push(
    group === undefined
      ? "  no resiliency group"
      : `  resiliency group ${group} (${m.intendedResiliencyModel}), ${allPorts(topology).length} connections`,
  );
  return lines.join("\n");
}
