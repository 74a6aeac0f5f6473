/**
 * The layout of a construct: location codes, device slots and their numbers, existing circuits, the
 * names of ports and LAGs, the provider, and the account quotas a layout reaches.
 */
import type { ConnectionBandwidth } from "../core/bandwidth";
import { Deferrable, isDeferred, valueOf } from "../core/deferred";
import { errorRule, finding, warningRule, ruleFamily } from "../core/fail";
import { label, show, wholeNumberFindings } from "../core/props";
import type { RuleFinding } from "../core/rule";
import { SOURCES } from "../core/sources";
import type { TopologyDeviceSlot, TopologyLocation } from "../core/topology";

/** Facts of the layout, with their place in docs/facts.md. */
export const LIMITS = {
  /** §4.7: active dedicated connections per location per Region per account. */
  connectionsPerLocation: 10,
  /** §4.2 and §4.7: LAGs per Region. */
  lagsPerRegion: 10,
  /** §3.1, §3.2: ConnectionName and LagName are at most 200 characters. */
  nameLength: 200,
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
/** §3.1, §3.2: ids of existing connections and LAGs. */
const EXISTING_ID_PATTERN = /^dx(con|lag)-[a-z0-9]{8,21}$/;

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const LAYOUT_RULES = ruleFamily({
  LOCATION_LITERAL: errorRule({
    id: "locationLiteral",
    what: "a location code known only at deploy time (a token)",
    why: "location codes name the ports and their logical IDs, so they must be known at synth",
    prop: "locations",
  }),
  LOCATION_CODE: errorRule({
    id: "locationCodeFormat",
    what: "a location code outside `^[a-zA-Z0-9-]+$`",
    why: "CloudFormation refuses any other `Location`",
    source: SOURCES.connection,
    prop: "locations",
  }),
  LOCATION_TWICE: errorRule({
    id: "locationTwice",
    what: "a location listed twice (also when the codes differ only in case, also in `existingSlots`)",
    why: "a location is one place: a second device there is a second device slot, not a second location",
    source: SOURCES.resiliencyToolkit,
    prop: "locations",
  }),
  DEVICE_SLOTS_RANGE: errorRule({
    id: "deviceSlotsRange",
    what: "`deviceSlots` outside 1 to 10 per location",
    why: "each slot is at least one dedicated connection and one LAG, and the account quotas are 10 of each",
    source: SOURCES.quotas,
    prop: "deviceSlots",
  }),
  SLOT_NUMBER_RANGE: errorRule({
    id: "slotNumberRange",
    what: "a slot number outside 1 to 99 (`firstSlotNumber`, `slotNumber`, and the slots `firstSlotNumber` numbers)",
    why: "slot numbers name the resources (`-d<n>`) and their logical IDs",
    prop: "firstSlotNumber",
  }),
  EXISTING_SLOT_ID: errorRule({
    id: "existingSlotIdFormat",
    what: "an existing circuit whose id is not a connection (`dxcon-`) or LAG (`dxlag-`) id",
    why: "virtual interfaces land on it by this id",
    source: SOURCES.connection,
    prop: "connectionId",
  }),
  EXISTING_SLOT_TWICE: errorRule({
    id: "existingSlotTwice",
    what: "one existing circuit listed twice in `existingSlots`",
    why: "one circuit is one device slot; twice it would count as two",
    prop: "existingSlots",
  }),
  EXISTING_CONNECTION_BANDWIDTH: errorRule({
    id: "existingConnectionBandwidth",
    what: "an existing connection (`dxcon-`) given the bandwidth of a LAG",
    why: "a dedicated connection is one port of 1, 10, 100 or 400 Gbps",
    source: SOURCES.dedicatedConnections,
    prop: "bandwidth",
  }),
  SLOT_NUMBER_TAKEN: errorRule({
    id: "slotNumberTaken",
    what: "an existing circuit on a slot number another slot of its location has",
    why: "slot numbers name the logical IDs: two slots with one number would clash",
    prop: "slotNumber",
  }),
  PROVIDER_NAME_EMPTY: errorRule({
    id: "providerNameEmpty",
    what: "an empty `providerName`",
    why: "CloudFormation takes the name of a service provider, or no provider",
    source: SOURCES.connection,
    prop: "providerName",
  }),
  NAME_PREFIX_CHARACTERS: errorRule({
    id: "namePrefixCharacters",
    what: "a `namePrefix` with characters outside `^[\\w \\-_,\\/]+$`",
    why: "it starts every connection and LAG name, and CloudFormation refuses other characters there",
    source: SOURCES.connection,
    prop: "namePrefix",
  }),
  NAME_PREFIX_LENGTH: errorRule({
    id: "namePrefixLength",
    what: "a `namePrefix` that makes connection names over 200 characters",
    why: "CloudFormation takes connection and LAG names of at most 200 characters",
    source: SOURCES.connection,
    prop: "namePrefix",
  }),
  CONNECTIONS_PER_LOCATION_QUOTA: warningRule({
    id: "connectionsPerLocationQuota",
    what: "more than 10 dedicated connections in one location (new and existing circuits)",
    why: "the account quota is 10 active dedicated connections per location per Region; AWS can raise it",
    source: SOURCES.quotas,
    prop: "locations",
  }),
  LAGS_PER_REGION_QUOTA: warningRule({
    id: "lagsPerRegionQuota",
    what: "more than 10 LAGs",
    why: "the account quota is 10 LAGs per Region; AWS can raise it",
    source: SOURCES.quotas,
    prop: "locations",
  }),
});
export const {
  LOCATION_LITERAL,
  LOCATION_CODE,
  LOCATION_TWICE,
  DEVICE_SLOTS_RANGE,
  SLOT_NUMBER_RANGE,
  EXISTING_SLOT_ID,
  EXISTING_SLOT_TWICE,
  EXISTING_CONNECTION_BANDWIDTH,
  SLOT_NUMBER_TAKEN,
  PROVIDER_NAME_EMPTY,
  NAME_PREFIX_CHARACTERS,
  NAME_PREFIX_LENGTH,
  CONNECTIONS_PER_LOCATION_QUOTA,
  LAGS_PER_REGION_QUOTA,
} = LAYOUT_RULES;

/**
 * One location code (facts §7: pattern `^[a-zA-Z0-9-]+$`, case sensitivity unconfirmed), given in `prop`.
 * It must be a literal: it names the ports and their logical IDs.
 */
export function checkLocation(code: Deferrable<string>, prop: string): RuleFinding[] {
  const value = valueOf(code);
  if (isDeferred(code) || typeof value !== "string") {
    return [
      finding(
        LOCATION_LITERAL,
        `\`${prop}\`: ${typeof value === "string" ? value : show(value)} is not a literal location code. Location codes name the ports and their ` +
          "logical IDs, so they must be known at synth; for example EqDC2.",
      ),
    ];
  }
  if (LOCATION_PATTERN.test(value)) return [];
  return [
    finding(
      LOCATION_CODE,
      `\`${prop}\`: "${value}" is not a Direct Connect location code: allowed are letters, digits and - ` +
        "(pattern ^[a-zA-Z0-9-]+$), for example EqDC2.",
    ),
  ];
}

/** A location of `locations` that an earlier entry has (`earlier`, perhaps in another case). */
export function checkLocationOnce(code: string, earlier: string | undefined): RuleFinding[] {
  if (earlier === undefined) return [];
  const how =
    earlier === code ? "" : ` (as "${earlier}"; location codes that differ only in case are one location)`;
  return [
    finding(
      LOCATION_TWICE,
      `\`locations\`: "${code}" is listed twice${how}. Each location appears once; a second device at a location ` +
        "is a second device slot, not a second entry.",
    ),
  ];
}

/** An existing slot's location spelled in another case than the location already listed. */
export function checkLocationCase(code: string, listed: string): RuleFinding[] {
  if (listed === code) return [];
  return [
    finding(
      LOCATION_TWICE,
      `\`existingSlots\`: "${code}" differs from "${listed}" only in case; location codes that differ only in case are one location.`,
    ),
  ];
}

/** The number of new device slots at a location (a literal: it counts resources). */
export function checkDeviceSlots(value: number, code: string): RuleFinding[] {
  return wholeNumberFindings(
    DEVICE_SLOTS_RANGE,
    value,
    "deviceSlots",
    { min: 1, max: LIMITS.deviceSlotsPerLocation },
    ` (at ${code}; each slot is at least one dedicated connection and one LAG, and the account quotas are 10 of each)`,
  );
}

/** A slot number, 1 to 99 (`prop` names it; a literal: it names logical IDs). */
export function checkSlotNumberRange(n: number, prop: string, why = ""): RuleFinding[] {
  return wholeNumberFindings(SLOT_NUMBER_RANGE, n, prop, { min: 1, max: LIMITS.slotNumber }, why);
}

/** The last of `count` slots numbered from `first` is a slot number too. */
export function checkSlotNumbers(first: number, count: number, code: string): RuleFinding[] {
  if (first + count - 1 <= LIMITS.slotNumber) return [];
  return [
    finding(
      SLOT_NUMBER_RANGE,
      `\`firstSlotNumber\` ${first} of ${code} numbers its ${count} slots up to ${first + count - 1}; slot numbers go up to ${LIMITS.slotNumber}.`,
    ),
  ];
}

/**
 * The id of an existing circuit, once in `existingSlots` (`ids`: the ones seen so far). A token is not
 * checked, but for its type: an id is a string.
 */
export function checkExistingSlotId(
  connectionId: Deferrable<string>,
  code: string,
  ids: ReadonlySet<string>,
): RuleFinding[] {
  const id = valueOf(connectionId);
  if (isDeferred(connectionId) && typeof id === "string") return [];
  if (isDeferred(connectionId) || typeof id !== "string" || !EXISTING_ID_PATTERN.test(id)) {
    return [
      finding(
        EXISTING_SLOT_ID,
        `\`connectionId\` ${show(id)} of an existing slot at ${code} is not a connection or LAG id: ` +
          "dxcon-... or dxlag-... (8 to 21 lower-case letters and digits).",
      ),
    ];
  }
  if (!ids.has(id)) return [];
  return [finding(EXISTING_SLOT_TWICE, `\`existingSlots\`: ${id} is listed twice.`)];
}

/** An existing connection (one port) with the bandwidth of a LAG. */
export function checkExistingConnectionBandwidth(
  connectionId: string,
  bandwidth: ConnectionBandwidth | undefined,
): RuleFinding[] {
  if (!connectionId.startsWith("dxcon-") || bandwidth === undefined || bandwidth.portCount <= 1) return [];
  return [
    finding(
      EXISTING_CONNECTION_BANDWIDTH,
      `\`bandwidth\` of the existing connection ${connectionId} is ${bandwidth}: a connection is one port ` +
        "(1, 10, 100 or 400 Gbps). For a LAG, give its dxlag- id.",
    ),
  ];
}

/** An existing circuit's slot number, free at its location (`taken`: the numbers of the other slots). */
export function checkSlotNumberFree(
  n: number,
  taken: ReadonlyArray<number>,
  connectionId: string,
  code: string,
): RuleFinding[] {
  if (!taken.includes(n)) return [];
  return [
    finding(
      SLOT_NUMBER_TAKEN,
      `\`slotNumber\` ${n} of the existing slot ${label(connectionId)} at ${code} is taken by another slot there. ` +
        "Number existing circuits apart from the new slots (see `firstSlotNumber`).",
    ),
  ];
}

/** A provider name, when given, is not empty (a token is not checked). */
export function checkProviderName(providerName: Deferrable<string> | undefined): RuleFinding[] {
  if (providerName === undefined || isDeferred(providerName) || providerName.trim() !== "") return [];
  return [
    finding(
      PROVIDER_NAME_EMPTY,
      "`providerName` is empty: give the service provider's name, or leave it out for no provider.",
    ),
  ];
}

/**
 * §3.1, §3.2: the characters of the names, and their length (`longest`: the longest port name). A token
 * is not checked.
 */
export function checkNamePrefix(namePrefix: Deferrable<string>, longest: number): RuleFinding[] {
  if (isDeferred(namePrefix)) return [];
  const findings: RuleFinding[] = [];
  if (!NAME_PATTERN.test(namePrefix)) {
    findings.push(
      finding(
        NAME_PREFIX_CHARACTERS,
        `\`namePrefix\` ${show(namePrefix)} has characters CloudFormation does not allow in connection and LAG names: ` +
          "allowed are letters, digits, spaces and _ - , /.",
      ),
    );
  }
  if (longest > LIMITS.nameLength) {
    findings.push(
      finding(
        NAME_PREFIX_LENGTH,
        `\`namePrefix\` ${show(namePrefix)} makes connection names of ${longest} characters; CloudFormation allows at most ` +
          `${LIMITS.nameLength}. Use a prefix of at most ${namePrefix.length - (longest - LIMITS.nameLength)} characters.`,
      ),
    );
  }
  return findings;
}

/**
 * §4.7: the dedicated connections of one location over the quota, counting the member connections of
 * existing circuits too.
 */
export function checkConnectionsPerLocationQuota(location: TopologyLocation): RuleFinding[] {
  const count = (slots: ReadonlyArray<TopologyDeviceSlot>, ports: (s: TopologyDeviceSlot) => number) =>
    slots.reduce((n, s) => n + ports(s), 0);
  const created = location.deviceSlots.filter((s) => s.existingConnectionId === undefined);
  const existing = location.deviceSlots.filter((s) => s.existingConnectionId !== undefined);
  const newPorts = count(created, (s) => s.ports.length);
  const existingPorts = count(existing, existingPortCount);
  const ports = newPorts + existingPorts;
  if (ports <= LIMITS.connectionsPerLocation) return [];
  const detail = existingPorts > 0 ? ` (${newPorts} new, ${existingPorts} existing)` : "";
  return [
    finding(
      CONNECTIONS_PER_LOCATION_QUOTA,
      `\`locations\`: ${location.location} gets ${ports} dedicated connections${detail}; the Direct Connect quota is ` +
        `${LIMITS.connectionsPerLocation} active dedicated connections per location per Region per account. ` +
        "Ask AWS for a higher quota before you deploy.",
    ),
  ];
}

/** The dedicated connections an existing circuit holds: capacity / port speed (1 for a connection). */
function existingPortCount(slot: TopologyDeviceSlot): number {
  return slot.capacityGbps / Number.parseInt(slot.portBandwidth, 10);
}

/** §4.7: the LAGs of a layout over the quota (one per new slot). */
export function checkLagsPerRegionQuota(locations: ReadonlyArray<TopologyLocation>): RuleFinding[] {
  const lags = locations
    .flatMap((l) => l.deviceSlots)
    .filter((s) => s.existingConnectionId === undefined).length;
  if (lags <= LIMITS.lagsPerRegion) return [];
  return [
    finding(
      LAGS_PER_REGION_QUOTA,
      `This layout has ${lags} LAGs; the Direct Connect quota is ${LIMITS.lagsPerRegion} LAGs per Region. ` +
        "Ask AWS for a higher quota before you deploy.",
    ),
  ];
}
