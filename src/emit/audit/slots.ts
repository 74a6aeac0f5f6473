import { SlotDraft } from "./drafts";
import { RawResource, ResourceIndex, TYPES, isRetained, literalOf } from "./resources";
import { rateLimitGbpsOf } from "../../core/rate-limit";
import {
  TopologyBgpPeer,
  TopologyDeviceSlot,
  TopologyPort,
  TopologyVirtualInterface,
  VirtualInterfaceType,
} from "../../core/topology";
import { gbpsOf } from "../../rules/design/layout";

// Device slots numbered per location and turned into topology values. Internal to the audit.

/** What the app says of an existing circuit: its location and, when known, its capacity. */
export interface KnownCircuit {
  readonly location: string;
  readonly capacityGbps?: number;
  readonly portBandwidth?: string;
}

/** A slot with its place: location, number and id, the same in every layout and group it is in. */
export interface PlacedSlot {
  readonly draft: SlotDraft;
  readonly id: string;
  readonly location: string;
  readonly slotNumber: number;
  readonly locationUnknown: boolean;
}

/**
 * Numbers the slots per location (location codes that differ only in case are one location), in the
 * order of their stacks' paths and their keys. An existing circuit that nothing places gets a location of
 * its own, `unknown(<id>)`, marked unknown.
 */
export function placeSlots(
  drafts: ReadonlyArray<SlotDraft>,
  known: ReadonlyMap<string, KnownCircuit>,
): PlacedSlot[] {
  const ordered = [...drafts].sort(
    (a, b) => compare(a.stack.node.path, b.stack.node.path) || compare(a.key, b.key),
  );
  const spelling = new Map<string, string>();
  const counts = new Map<string, number>();
  return ordered.map((draft) => {
    const circuit = draft.existingId === undefined ? undefined : known.get(draft.existingId);
    if (circuit !== undefined) {
      draft.location ??= circuit.location;
      draft.capacityGbps = circuit.capacityGbps;
      draft.portBandwidth = circuit.portBandwidth;
    }
    const written = draft.location ?? `unknown(${draft.existingId ?? draft.key})`;
    const key = written.toLowerCase();
    const location = spelling.get(key) ?? written;
    spelling.set(key, location);
    const slotNumber = (counts.get(key) ?? 0) + 1;
    counts.set(key, slotNumber);
    return {
      draft,
      id: `${location}/Slot${slotNumber}`,
      location,
      slotNumber,
      locationUnknown: draft.location === undefined,
    };
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The topology value of a placed slot: its member ports (only `only`, when given: a resiliency group's
 * members) and its virtual interfaces, each target named by `targetOf`.
 */
export function topologySlot(
  placed: PlacedSlot,
  index: ResourceIndex,
  targetOf: (vif: RawResource) => string,
  only?: ReadonlySet<RawResource>,
): TopologyDeviceSlot {
  const { draft, id, location, slotNumber } = placed;
  const head = draft.lag ?? draft.standalone;
  const members = draft.ports.filter((p) => only === undefined || only.has(p));
  const ports = members.map((p, i) => topologyPort(p, `${id}/Port${i + 1}`, placed, i + 1, index));
  const portBandwidth =
    literalOf(head?.props[draft.lag ? "ConnectionsBandwidth" : "Bandwidth"]) ??
    draft.portBandwidth ??
    ports[0]?.bandwidth ??
    "unknown";
  const existing = draft.existingId !== undefined;
  return {
    id,
    location,
    slotNumber,
    lagName:
      head === undefined
        ? undefined
        : (literalOf(head.props[draft.lag ? "LagName" : "ConnectionName"]) ?? head.logicalId),
    existingConnectionId: draft.existingId,
    portBandwidth,
    capacityGbps:
      existing && draft.capacityGbps !== undefined
        ? draft.capacityGbps
        : ports.reduce((n, p) => n + p.speedGbps, 0) || 1,
    ports,
    virtualInterfaces: draft.vifs.map((v) => topologyVif(v, placed, targetOf(v))),
    providerName: literalOf(head?.props.ProviderName),
    requestMacSec: head?.props.RequestMACSec === true,
    minimumLinks:
      typeof draft.lag?.props.MinimumLinks === "number" ? draft.lag.props.MinimumLinks : undefined,
    retained: draft.lag === undefined ? undefined : isRetained(draft.lag),
    locationUnknown: placed.locationUnknown || undefined,
  };
}

function topologyPort(
  c: RawResource,
  id: string,
  placed: PlacedSlot,
  memberNumber: number,
  index: ResourceIndex,
): TopologyPort {
  const bandwidth = literalOf(c.props.Bandwidth) ?? "unknown";
  return {
    id,
    location: placed.location,
    slotNumber: placed.slotNumber,
    memberNumber,
    connectionName: literalOf(c.props.ConnectionName) ?? index.nameOf(c),
    bandwidth,
    // a speed known only at deploy counts as 1 Gbps (the analysis needs some capacity per port)
    speedGbps: gbpsOf(bandwidth) ?? 1,
    retained: isRetained(c),
    requestMacSec: c.props.RequestMACSec === true,
  };
}

const VIF_TYPES: Record<string, VirtualInterfaceType> = {
  [TYPES.transitVif]: VirtualInterfaceType.TRANSIT,
  [TYPES.privateVif]: VirtualInterfaceType.PRIVATE,
  [TYPES.publicVif]: VirtualInterfaceType.PUBLIC,
};

function topologyVif(v: RawResource, placed: PlacedSlot, target: string): TopologyVirtualInterface {
  const peers: any[] = Array.isArray(v.props.BgpPeers) ? v.props.BgpPeers : [];
  const bgpPeers: TopologyBgpPeer[] = peers.map((p) => ({
    addressFamily: literalOf(p.AddressFamily) ?? "ipv4",
    amazonAddress: literalOf(p.AmazonAddress),
    customerAddress: literalOf(p.CustomerAddress),
  }));
  const prefixes: unknown[] = Array.isArray(v.props.RouteFilterPrefixes) ? v.props.RouteFilterPrefixes : [];
  return {
    id: `${placed.id}/Vif-${v.logicalId}`,
    name: v.logicalId,
    interfaceType: VIF_TYPES[v.type],
    target,
    location: placed.location,
    slotNumber: placed.slotNumber,
    virtualInterfaceName: literalOf(v.props.VirtualInterfaceName) ?? v.logicalId,
    vlan: typeof v.props.Vlan === "number" ? v.props.Vlan : 0,
    customerAsn: Number(literalOf(peers[0]?.Asn) ?? 0) || 0,
    mtu: typeof v.props.Mtu === "number" ? v.props.Mtu : undefined,
    ...rateLimitOf(v),
    bgpPeers,
    routeFilterPrefixes: prefixes.length > 0 ? prefixes.flatMap((p) => literalOf(p) ?? []) : undefined,
    ...(v.props.EnableSiteLink === true ? { siteLink: true } : {}),
  };
}

/** A raw interface's `RateLimit` (a Rate Limiter), in Gbps, when it has a literal one. */
function rateLimitOf(v: RawResource): { rateLimitGbps?: number } {
  const gbps = rateLimitGbpsOf(v.props.RateLimit);
  return gbps === undefined ? {} : { rateLimitGbps: gbps };
}
