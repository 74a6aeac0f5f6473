import {
  ConnectionTopology,
  TopologyDeviceSlot,
  TopologyLocation,
  TopologyVpnBackup,
  VirtualInterfaceType,
} from "../core/topology";
import { isEcmp } from "../core/vpn-capacity";
import { gatewayIdOf } from "../rules/gateways";

// The failure elements of a topology as a containment forest in preorder (location > device slot >
// ports and virtual interfaces; customer gateway > tunnels), held in flat arrays so that a scenario
// is evaluated from the baseline by touching only its own elements. Internal: not exported by index.ts.

/** Element kinds as small numbers (the order of `FailureKind`'s members). */
export const LOCATION = 0;
export const DEVICE = 1;
export const PORT = 2;
export const VIF = 3;
export const GATEWAY = 4;
export const TUNNEL = 5;
/** The kinds in one object, for a module that reads them in a hot loop (see analyse/table.ts). */
export const KIND = { LOCATION, DEVICE, PORT, VIF, GATEWAY, TUNNEL } as const;

/** One device slot, as the evaluation needs it. */
export interface SlotInfo {
  readonly id: string;
  /** Member ports (0 for an existing circuit, which has none to fail). */
  readonly ports: number;
  /**
   * Ports that must be up for the slot to carry: max(1, minimumLinks), since a LAG with no member up
   * carries nothing whatever its minimum (facts §4.2); 0 for an existing circuit.
   */
  readonly need: number;
  /** Whether it carries traffic with nothing failed. */
  readonly carrying: boolean;
  /** Its capacity with nothing failed (0 when not carrying): its ports' capacity, capped by `rateCap`. */
  readonly capacity: number;
  /** What its ports carry with nothing failed (0 when not carrying), before the rate limits. */
  readonly portCapacity: number;
  /** The sum of the rate limits of its interfaces that have one. */
  readonly rateSum: number;
  /** Its interfaces without a rate limit: while one of them is up, the slot carries what its ports carry. */
  readonly unlimitedVifs: number;
  /** The BGP sessions it carries with nothing failed, flat: [target, count, target, count, ...]. */
  readonly sessions: number[];
  /**
   * Its virtual interfaces (BGP sessions): with every one of them lost it carries nothing; with none it
   * carries by its ports alone.
   */
  readonly vifs: number;
}

/** The Site-to-Site VPN backup, as the evaluation needs it. */
export interface VpnInfo {
  /** Whether every tunnel up carries (BGP to a transit gateway: ECMP) or only one. */
  readonly ecmp: boolean;
  readonly tunnelGbps: number;
}

/** The baseline: nothing failed. */
export interface Baseline {
  readonly capacity: number;
  /** BGP sessions per target. */
  readonly sessions: Int32Array;
  /** VPN tunnels up. */
  readonly tunnels: number;
}

/** The failure elements of a topology in preorder, and what each takes away from the baseline. */
export interface Forest {
  /** The number of elements. */
  readonly size: number;
  readonly kind: Uint8Array;
  readonly ids: string[];
  readonly descriptions: string[];
  /** Preorder: the elements inside element i are i+1 .. end[i]-1. */
  readonly end: Int32Array;
  /** Device, port, virtual interface: its slot; a location: its first slot; else -1. */
  readonly slot: Int32Array;
  /** A location: the end of its slot range (exclusive); a device: its slot + 1; else -1. */
  readonly slotEnd: Int32Array;
  /**
   * A port: its speed; a location or device: the baseline capacity it takes away; a virtual interface:
   * its rate limit (Infinity without one).
   */
  readonly capacityLoss: Float64Array;
  /** A location or device: the baseline sessions it takes away, flat [target, count, ...]; else empty. */
  readonly sessionLoss: number[][];
  /** A virtual interface: its target; else -1. */
  readonly target: Int32Array;
  /** A customer gateway: its tunnels; a tunnel: 1. */
  readonly tunnelLoss: Int32Array;
  readonly slots: SlotInfo[];
  /** The gateway targets, by index; `public` for the public virtual interfaces. */
  readonly targets: TargetInfo[];
  /** The VPN backup; undefined without one. */
  readonly vpn?: VpnInfo;
  readonly base: Baseline;
  /**
   * The Cloud WAN core networks the targets are attached to, in the order of the topology's
   * attachments: each reached while one of its targets keeps a BGP session.
   */
  readonly coreNetworks: CoreNetworkInfo[];
}

/** One Cloud WAN core network behind Direct Connect gateway targets. */
export interface CoreNetworkInfo {
  /** The core network's id. */
  readonly name: string;
  /** The indexes of the targets (Direct Connect gateways) attached to it. */
  readonly targets: number[];
}

/** One gateway target. */
export interface TargetInfo {
  readonly name: string;
  /** Public virtual interfaces: the VPN never backs them up. */
  readonly isPublic: boolean;
  /**
   * Whether the VPN backup backs it: the virtual private gateway the VPN terminates on, or a Direct
   * Connect gateway associated with the VPN's transit gateway or virtual private gateway (facts §6; the
   * rule `vpnTargetMismatch`). Never a public target.
   */
  readonly vpnBacked: boolean;
}

interface RawElement {
  kind: number;
  id: string;
  description: string;
  end: number;
  slot: number;
  slotEnd: number;
  capacityLoss: number;
  sessionLoss: number[];
  target: number;
  tunnelLoss: number;
}

/** Builds the forest of a topology. */
export function buildForest(topology: ConnectionTopology): Forest {
  const b = new ForestBuilder();
  for (const location of topology.locations) b.addLocation(location);
  const vpn = topology.vpnBackup;
  let tunnels = 0;
  if (vpn !== undefined) tunnels = b.addVpn(vpn);
  const elements = b.elements;
  const sessions = new Int32Array(b.targets.length);
  let capacity = 0;
  for (const s of b.slots) {
    capacity += s.capacity;
    for (let j = 0; j < s.sessions.length; j += 2) sessions[s.sessions[j]] += s.sessions[j + 1];
  }
  return {
    size: elements.length,
    kind: Uint8Array.from(elements, (e) => e.kind),
    ids: elements.map((e) => e.id),
    descriptions: elements.map((e) => e.description),
    end: Int32Array.from(elements, (e) => e.end),
    slot: Int32Array.from(elements, (e) => e.slot),
    slotEnd: Int32Array.from(elements, (e) => e.slotEnd),
    capacityLoss: Float64Array.from(elements, (e) => e.capacityLoss),
    sessionLoss: elements.map((e) => e.sessionLoss),
    target: Int32Array.from(elements, (e) => e.target),
    tunnelLoss: Int32Array.from(elements, (e) => e.tunnelLoss),
    slots: b.slots,
    targets: b.targets.map((t) => ({ ...t, vpnBacked: backs(topology, t) })),
    vpn:
      vpn === undefined
        ? undefined
        : {
            ecmp: isEcmp(vpn.target, vpn.routing),
            tunnelGbps: vpn.tunnelBandwidthGbps,
          },
    base: { capacity, sessions, tunnels },
    coreNetworks: coreNetworksOf(topology, b.targets),
  };
}

/**
 * The core networks of the topology's attachments whose Direct Connect gateway is a target: one per
 * core network, with every target attached to it (a gateway no interface lands on carries no path).
 */
function coreNetworksOf(
  topology: ConnectionTopology,
  targets: ReadonlyArray<Omit<TargetInfo, "vpnBacked">>,
): CoreNetworkInfo[] {
  const out: Array<{ name: string; targets: number[] }> = [];
  for (const a of topology.coreNetworkAttachments ?? []) {
    const target = targets.findIndex((t) => !t.isPublic && t.name === a.directConnectGatewayId);
    if (target < 0) continue;
    let core = out.find((c) => c.name === a.coreNetworkId);
    if (core === undefined) {
      core = { name: a.coreNetworkId, targets: [] };
      out.push(core);
    }
    if (!core.targets.includes(target)) core.targets.push(target);
  }
  return out;
}

/**
 * Whether the topology's VPN backup backs a target: only the gateway it terminates on, that virtual
 * private gateway itself or a Direct Connect gateway associated with its gateway (facts §6).
 */
function backs(topology: ConnectionTopology, target: Omit<TargetInfo, "vpnBacked">): boolean {
  const vpn = topology.vpnBackup;
  if (vpn === undefined || target.isPublic) return false;
  const gateway = gatewayIdOf(vpn.targetId);
  if (gatewayIdOf(target.name) === gateway) return true;
  return (topology.gatewayAssociations ?? []).some(
    (a) => a.directConnectGatewayId === target.name && gatewayIdOf(a.associatedGatewayId) === gateway,
  );
}

/**
 * The most a slot's interfaces carry: an interface carries at most its rate limit, so with every
 * interface up rate-limited the slot carries at most the sum of their rate limits (`rateUp`); while one
 * without a rate limit is up (`unlimitedUp`), or with no interface at all, only the ports limit it.
 */
export function rateCap(vifs: number, unlimitedUp: number, rateUp: number): number {
  return vifs === 0 || unlimitedUp > 0 ? Infinity : rateUp;
}

/** Adds [target, count] pairs of `from` into the flat list `into`. */
function addSessions(into: number[], from: ReadonlyArray<number>): void {
  for (let j = 0; j < from.length; j += 2) {
    const at = into.findIndex((t, i) => i % 2 === 0 && t === from[j]);
    if (at >= 0) into[at + 1] += from[j + 1];
    else into.push(from[j], from[j + 1]);
  }
}

class ForestBuilder {
  public readonly elements: RawElement[] = [];
  public readonly slots: SlotInfo[] = [];
  public readonly targets: Array<Omit<TargetInfo, "vpnBacked">> = [];
  private readonly targetIndex = new Map<string, number>();

  public addLocation(location: TopologyLocation): void {
    const at = this.add(LOCATION, location.location, `loss of location ${location.location}`);
    const loc = this.elements[at];
    loc.slot = this.slots.length;
    for (const slot of location.deviceSlots) {
      const s = this.addSlot(slot);
      loc.capacityLoss += s.capacity;
      addSessions(loc.sessionLoss, s.sessions);
    }
    loc.slotEnd = this.slots.length;
    loc.end = this.elements.length;
  }

  /** Adds a customer gateway and its tunnels per VPN connection; returns the tunnels. */
  public addVpn(vpn: TopologyVpnBackup): number {
    let tunnels = 0;
    for (const c of vpn.connections) {
      const id = `vpn/${c.name}`;
      const at = this.add(GATEWAY, id, `failure of customer gateway ${c.name} (both its tunnels)`);
      this.elements[at].tunnelLoss = c.tunnels;
      for (let n = 1; n <= c.tunnels; n++) {
        const t = this.add(
          TUNNEL,
          `${id}/Tunnel${n}`,
          `loss of VPN tunnel ${n} of customer gateway ${c.name}`,
        );
        this.elements[t].tunnelLoss = 1;
      }
      this.elements[at].end = this.elements.length;
      tunnels += c.tunnels;
    }
    return tunnels;
  }

  private addSlot(slot: TopologyDeviceSlot): SlotInfo {
    const index = this.slots.length;
    const circuit = slot.existingConnectionId !== undefined;
    const name = circuit
      ? `existing circuit ${slot.existingConnectionId}`
      : (slot.deviceName ?? `LAG ${slot.lagName}`);
    const at = this.add(DEVICE, slot.id, `failure of device ${slot.id} (${name})`);
    const device = this.elements[at];
    device.slot = index;
    device.slotEnd = index + 1;
    const ports = circuit ? [] : slot.ports;
    const need = circuit ? 0 : Math.max(1, slot.minimumLinks ?? 0);
    const carrying = ports.length >= need;
    for (const p of ports) {
      const e = this.elements[this.add(PORT, p.id, `failure of port ${p.id} (${p.connectionName})`)];
      e.slot = index;
      e.capacityLoss = p.speedGbps;
    }
    const sessions: number[] = [];
    for (const v of slot.virtualInterfaces) {
      const description = `loss of the BGP session of virtual interface ${v.id} (${v.interfaceType})`;
      const e = this.elements[this.add(VIF, v.id, description)];
      e.slot = index;
      e.target = this.targetOf(v.interfaceType, v.target);
      e.capacityLoss = v.rateLimitGbps ?? Infinity;
      if (carrying) addSessions(sessions, [e.target, 1]);
    }
    const full = circuit ? slot.capacityGbps : ports.reduce((sum, p) => sum + p.speedGbps, 0);
    const vifs = slot.virtualInterfaces;
    const unlimitedVifs = vifs.filter((v) => v.rateLimitGbps === undefined).length;
    const rateSum = vifs.reduce((sum, v) => sum + (v.rateLimitGbps ?? 0), 0);
    const info: SlotInfo = {
      id: slot.id,
      ports: ports.length,
      need,
      carrying,
      capacity: carrying ? Math.min(full, rateCap(vifs.length, unlimitedVifs, rateSum)) : 0,
      portCapacity: carrying ? full : 0,
      rateSum,
      unlimitedVifs,
      sessions,
      vifs: slot.virtualInterfaces.length,
    };
    device.capacityLoss = info.capacity;
    device.sessionLoss = [...sessions];
    device.end = this.elements.length;
    this.slots.push(info);
    return info;
  }

  /** The index of a target: its gateway for private and transit, `public` for every public interface. */
  private targetOf(type: VirtualInterfaceType, target: string): number {
    const isPublic = type === VirtualInterfaceType.PUBLIC;
    const key = isPublic ? "public" : `gateway:${target}`;
    let index = this.targetIndex.get(key);
    if (index === undefined) {
      index = this.targets.length;
      this.targets.push({ name: isPublic ? "public" : target, isPublic });
      this.targetIndex.set(key, index);
    }
    return index;
  }

  private add(kind: number, id: string, description: string): number {
    const at = this.elements.length;
    this.elements.push({
      kind,
      id,
      description,
      end: at + 1,
      slot: -1,
      slotEnd: -1,
      capacityLoss: 0,
      sessionLoss: [],
      target: -1,
      tunnelLoss: 0,
    });
    return at;
  }
}

/**
 * The antichain counts of a preorder forest: `table[i * (k + 1) + r]` is the number of sets of r
 * elements from i .. size-1 with none inside another (c(i, r) = c(i + 1, r) + c(end[i], r - 1)).
 * Exact while below 2^53.
 */
export function antichainTable(end: Int32Array, k: number): Float64Array {
  const n = end.length;
  const w = k + 1;
  const table = new Float64Array((n + 1) * w);
  table[n * w] = 1;
  for (let i = n - 1; i >= 0; i--) {
    table[i * w] = 1;
    for (let r = 1; r <= k; r++) table[i * w + r] = table[(i + 1) * w + r] + table[end[i] * w + r - 1];
  }
  return table;
}
