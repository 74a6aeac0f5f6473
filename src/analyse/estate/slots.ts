import { RawConnection, RawEstate, RawLag, RawVif, RawVpn } from "./raw";
import { EstateCircuit } from "./types";
import {
  TopologyDeviceSlot,
  TopologyPort,
  TopologyVirtualInterface,
  TopologyVpnBackup,
  VirtualInterfaceType,
  VpnRouting,
  VpnTarget,
} from "../../core/topology";
import { TunnelBandwidth } from "../../core/tunnel-bandwidth";
import { isEcmp, vpnCarriesGbps } from "../../core/vpn-capacity";

// The device slots of a live estate: one per real AWS device (`awsDeviceV2`) per location, holding every
// connection and LAG on that device, whatever their LAG. Internal to the estate reader.

/** States of a connection, LAG or virtual interface that is gone or going: not part of the estate, and nothing to turn up. */
export const GONE = new Set(["deleting", "deleted", "rejected"]);

/** A device slot with what it is read from. */
export interface EstateSlot {
  readonly topology: TopologyDeviceSlot;
  readonly device: string;
  /** The LAG and standalone connection ids on the device. */
  readonly circuits: string[];
  readonly ports: RawConnection[];
  readonly vifs: RawVif[];
  /** Whether the slot is exactly one LAG (all its ports are that LAG's members). */
  readonly isLag: boolean;
}

/** The estate's slots, circuits, and the topology values of its virtual interfaces by id. */
export interface EstateSlots {
  readonly slots: EstateSlot[];
  readonly circuits: EstateCircuit[];
  /** The slot of each circuit (connection or LAG id) and of each member connection. */
  readonly slotOf: Map<string, EstateSlot>;
  /** Each virtual interface's topology value (its target included). */
  readonly vifOf: Map<string, TopologyVirtualInterface>;
  /** Each port's topology id by connection id. */
  readonly portIdOf: Map<string, string>;
}

/** The gateway a virtual interface lands on: its virtual private gateway, its Direct Connect gateway, or "" (public). */
export function targetOf(v: RawVif): string {
  if (v.type === "public") return "";
  return v.virtualGatewayId ?? v.directConnectGatewayId ?? "";
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Places every connection and LAG that is not gone on its device slot. */
export function placeEstate(raw: RawEstate): EstateSlots {
  const lags = new Map(raw.lags.map((l) => [l.id, l]));
  const live = (c: RawConnection) =>
    !GONE.has(c.state) && (c.lagId === undefined || !GONE.has(lags.get(c.lagId)?.state ?? "available"));
  const deviceOf = (c: RawConnection) =>
    c.device ?? (c.lagId ? lags.get(c.lagId)?.device : undefined) ?? `device of ${c.lagId ?? c.id}`;
  const byDevice = new Map<
    string,
    { location: string; device: string; ports: RawConnection[]; lags: RawLag[] }
  >();
  const bucket = (location: string, device: string) => {
    const key = `${location.toLowerCase()}|${device}`;
    let b = byDevice.get(key);
    if (b === undefined) byDevice.set(key, (b = { location, device, ports: [], lags: [] }));
    return b;
  };
  for (const c of raw.connections.filter(live)) bucket(c.location, deviceOf(c)).ports.push(c);
  for (const l of raw.lags.filter((x) => !GONE.has(x.state))) {
    const member = raw.connections.find((c) => c.lagId === l.id && live(c));
    bucket(l.location, member ? deviceOf(member) : (l.device ?? `device of ${l.id}`)).lags.push(l);
  }
  const vifsOn = new Map<string, RawVif[]>();
  for (const v of raw.vifs.filter((x) => !GONE.has(x.state) && x.state !== "deleted")) {
    vifsOn.set(v.circuitId, [...(vifsOn.get(v.circuitId) ?? []), v]);
  }
  const ordered = [...byDevice.values()].sort(
    (a, b) => compare(a.location.toLowerCase(), b.location.toLowerCase()) || compare(a.device, b.device),
  );
  const counts = new Map<string, number>();
  const slotOf = new Map<string, EstateSlot>();
  const vifOf = new Map<string, TopologyVirtualInterface>();
  const portIdOf = new Map<string, string>();
  const slots = ordered.map((b) => {
    const slotNumber = (counts.get(b.location.toLowerCase()) ?? 0) + 1;
    counts.set(b.location.toLowerCase(), slotNumber);
    const id = `${b.location}/Slot${slotNumber}`;
    const ports = [...b.ports].sort((x, y) => compare(x.lagId ?? "", y.lagId ?? "") || compare(x.id, y.id));
    const circuits = [
      ...b.lags.map((l) => l.id).sort(),
      ...ports.filter((p) => p.lagId === undefined).map((p) => p.id),
    ];
    const vifs = circuits.concat(ports.map((p) => p.id)).flatMap((c) => vifsOn.get(c) ?? []);
    const topologyPorts: TopologyPort[] = ports.map((p, i) => {
      portIdOf.set(p.id, `${id}/Port${i + 1}`);
      return {
        id: `${id}/Port${i + 1}`,
        location: b.location,
        slotNumber,
        memberNumber: i + 1,
        connectionName: `${p.id} ${p.name}${p.partnerName ? `, hosted by ${p.partnerName}` : ""}`,
        bandwidth: p.bandwidth,
        speedGbps: p.speedGbps,
        retained: true,
        requestMacSec: p.macSec,
        connectionState: p.state,
      };
    });
    const topologyVifs = [...new Set(vifs)].map((v) => {
      const t = topologyVif(v, id, b.location, slotNumber);
      vifOf.set(v.id, t);
      return t;
    });
    const onlyLag =
      b.lags.length === 1 && ports.every((p) => p.lagId === b.lags[0].id) ? b.lags[0] : undefined;
    const slot: EstateSlot = {
      device: b.device,
      circuits,
      ports,
      vifs: [...new Set(vifs)],
      isLag: onlyLag !== undefined,
      topology: {
        id,
        location: b.location,
        slotNumber,
        lagName: onlyLag?.name,
        deviceName: deviceName(b.lags, ports, b.device),
        portBandwidth: ports[0]?.bandwidth ?? b.lags[0]?.bandwidth ?? "unknown",
        capacityGbps: ports.reduce((n, p) => n + p.speedGbps, 0),
        ports: topologyPorts,
        virtualInterfaces: topologyVifs,
        providerName: ports.find((p) => p.providerName)?.providerName,
        requestMacSec: ports.length > 0 && ports.every((p) => p.macSec),
        minimumLinks: onlyLag?.minimumLinks,
        retained: true,
      },
    };
    for (const c of [...circuits, ...ports.map((p) => p.id)]) slotOf.set(c, slot);
    return slot;
  });
  return { slots, circuits: circuitsOf(raw, slotOf), slotOf, vifOf, portIdOf };
}

/** The circuits on a device in words: `LAG dxlag-1 (core), connection dxcon-2 on device EqDC2-abc`. */
function deviceName(
  lags: ReadonlyArray<RawLag>,
  ports: ReadonlyArray<RawConnection>,
  device: string,
): string {
  const circuits = [
    ...lags.map((l) => `LAG ${l.id} (${l.name})`),
    ...ports
      .filter((p) => p.lagId === undefined)
      .map((p) => `${p.partnerName ? "hosted connection" : "connection"} ${p.id} (${p.name})`),
  ];
  return `${circuits.join(", ")} on device ${device}`;
}

const VIF_TYPES: Record<string, VirtualInterfaceType> = {
  transit: VirtualInterfaceType.TRANSIT,
  private: VirtualInterfaceType.PRIVATE,
  public: VirtualInterfaceType.PUBLIC,
};

function topologyVif(
  v: RawVif,
  slotId: string,
  location: string,
  slotNumber: number,
): TopologyVirtualInterface {
  return {
    id: `${slotId}/Vif-${v.id}`,
    name: v.name,
    interfaceType: VIF_TYPES[v.type] ?? VirtualInterfaceType.PRIVATE,
    target: targetOf(v),
    location,
    slotNumber,
    virtualInterfaceName: v.name,
    vlan: v.vlan,
    customerAsn: v.asn,
    mtu: v.mtu,
    bgpPeers: v.bgpPeers.map((p) => ({
      addressFamily: p.addressFamily,
      amazonAddress: p.amazonAddress,
      customerAddress: p.customerAddress,
    })),
    routeFilterPrefixes: v.routeFilterPrefixes.length > 0 ? v.routeFilterPrefixes : undefined,
    ...(v.amazonSideAsn === undefined ? {} : { amazonSideAsn: v.amazonSideAsn }),
    ...(v.siteLinkEnabled === true ? { siteLink: true } : {}),
    // the key is the interface's: never read from the API's output, so never in a report
    authKeySource: ESTATE_AUTH_KEY,
  };
}

/** Where a live interface's BGP key is, for the turn-up section: on the interface, never copied here. */
const ESTATE_AUTH_KEY = "set on the interface: read it in the Direct Connect console";

function circuitsOf(raw: RawEstate, slotOf: ReadonlyMap<string, EstateSlot>): EstateCircuit[] {
  const lags: EstateCircuit[] = raw.lags.map((l) => ({
    id: l.id,
    name: l.name,
    kind: "lag",
    state: l.state,
    location: l.location,
    bandwidth: l.bandwidth,
    device: slotOf.get(l.id)?.device ?? l.device,
    slotId: slotOf.get(l.id)?.topology.id,
  }));
  const connections: EstateCircuit[] = raw.connections.map((c) => ({
    id: c.id,
    name: c.name,
    kind: c.partnerName ? "hosted connection" : "connection",
    state: c.state,
    location: c.location,
    bandwidth: c.bandwidth,
    device: slotOf.get(c.id)?.device ?? c.device,
    slotId: slotOf.get(c.id)?.topology.id,
    lagId: c.lagId,
    partnerName: c.partnerName,
  }));
  return [...lags, ...connections].sort(
    (a, b) =>
      compare(a.location, b.location) || compare(a.lagId ?? a.id, b.lagId ?? b.id) || compare(a.id, b.id),
  );
}

/** One VPN backup per gateway, routing, tunnel bandwidth and acceleration, as the constructs build them. */
export function vpnBackupsOf(raw: RawEstate): TopologyVpnBackup[] {
  const cgws = new Map(raw.customerGateways.map((g) => [g.id, g]));
  const groups = new Map<string, RawVpn[]>();
  for (const v of raw.vpns) {
    const target = v.transitGatewayId ?? v.vpnGatewayId;
    if (target === undefined) continue;
    const key = [target, v.staticRoutesOnly, v.tunnelBandwidth, v.acceleration].join("|");
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  return [...groups.values()].map((vpns) => {
    const first = vpns[0];
    const target =
      first.transitGatewayId !== undefined ? VpnTarget.TRANSIT_GATEWAY : VpnTarget.VIRTUAL_PRIVATE_GATEWAY;
    const routing = first.staticRoutesOnly ? VpnRouting.STATIC : VpnRouting.BGP;
    const bandwidthPerTunnel = TunnelBandwidth._fromValue(first.tunnelBandwidth);
    const tunnels = vpns.reduce((n, v) => n + v.tunnels.length, 0);
    return {
      target,
      targetId: (first.transitGatewayId ?? first.vpnGatewayId)!,
      routing,
      connections: vpns.map((v) => {
        const cgw = v.customerGatewayId === undefined ? undefined : cgws.get(v.customerGatewayId);
        const insides = v.tunnels.map((t) => t.insideCidr);
        return {
          name: v.id,
          customerGatewayIp: cgw?.ip ?? "unknown",
          bgpAsn: cgw?.asn ?? 0,
          tunnels: v.tunnels.length,
          tunnelInsideCidrs: insides.every((c) => c !== undefined) ? (insides as string[]) : undefined,
        };
      }),
      bandwidthPerTunnel,
      tunnelBandwidth: first.tunnelBandwidth,
      tunnelBandwidthGbps: bandwidthPerTunnel.gbps,
      capacityGbps: vpnCarriesGbps(isEcmp(target, routing), tunnels, bandwidthPerTunnel.gbps),
      staticRoutes:
        routing === VpnRouting.STATIC ? [...new Set(vpns.flatMap((v) => v.routes))].sort() : undefined,
      acceleration: first.acceleration,
    };
  });
}
