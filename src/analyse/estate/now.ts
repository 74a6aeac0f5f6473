import { RawEstate, RawVif, RawVpn } from "./raw";
import { EstateSlots, GONE } from "./slots";
import { ConnectionTopology } from "../../core/topology";
import { isEcmp, vpnCarriesGbps } from "../../core/vpn-capacity";

// The state now of a live estate: what is not available, and the layout as it runs today. Internal to the
// estate reader.

/**
 * The layout as it runs today: without the ports, interfaces and tunnels that are failed now (a slot
 * with no port left, and a location with no slot left, are gone; so is a VPN with no tunnel up).
 */
export function withoutFailed(topology: ConnectionTopology, failed: ReadonlySet<string>): ConnectionTopology {
  const locations = topology.locations
    .map((l) => ({
      ...l,
      deviceSlots: l.deviceSlots.flatMap((s) => {
        const ports = s.ports.filter((p) => !failed.has(p.id));
        if (ports.length === 0) return [];
        const virtualInterfaces = s.virtualInterfaces.filter((v) => !failed.has(v.id));
        return [{ ...s, ports, virtualInterfaces, capacityGbps: ports.reduce((n, p) => n + p.speedGbps, 0) }];
      }),
    }))
    .filter((l) => l.deviceSlots.length > 0);
  const vpn = topology.vpnBackup;
  const connections = (vpn?.connections ?? []).flatMap((c) => {
    let up = 0;
    for (let n = 1; n <= c.tunnels; n++) if (!failed.has(`vpn/${c.name}/Tunnel${n}`)) up++;
    return up === 0 ? [] : [{ ...c, tunnels: up }];
  });
  const vpnBackup =
    vpn === undefined || connections.length === 0
      ? undefined
      : {
          ...vpn,
          connections,
          capacityGbps: vpnCarriesGbps(
            isEcmp(vpn.target, vpn.routing),
            connections.reduce((n, c) => n + c.tunnels, 0),
            vpn.tunnelBandwidthGbps,
          ),
        };
  return { ...topology, locations, vpnBackup };
}

/** What is not available now, in words. */
export function notAvailable(raw: RawEstate): string[] {
  const out: string[] = [];
  for (const l of raw.lags) {
    if (!GONE.has(l.state) && l.state !== "available") out.push(`LAG ${l.id} (${l.state})`);
  }
  for (const c of raw.connections) {
    if (!GONE.has(c.state) && c.state !== "available") out.push(`connection ${c.id} (${c.state})`);
  }
  for (const v of raw.vifs) {
    const down = GONE.has(v.state) ? undefined : vifDownNow(v);
    if (down !== undefined) out.push(`virtual interface ${v.id} (${down})`);
  }
  for (const vpn of raw.vpns) {
    for (const n of tunnelsDown(vpn)) out.push(`VPN ${vpn.id} tunnel ${n} (DOWN)`);
  }
  return out;
}

/** Why a virtual interface carries nothing now (its state, or `BGP down` with no session up); undefined when it carries. */
function vifDownNow(v: RawVif): string | undefined {
  if (v.state !== "available") return v.state;
  return v.bgpPeers.some((p) => p.status === "up") ? undefined : "BGP down";
}

/** The numbers (from 1) of a VPN connection's tunnels whose `VgwTelemetry` is DOWN. */
function tunnelsDown(vpn: RawVpn): number[] {
  return vpn.tunnels.flatMap((t, i) => (t.status === "DOWN" ? [i + 1] : []));
}

/** The element ids failed now: ports not available, interfaces not available or with no BGP session up, tunnels down. */
export function nowFailed(raw: RawEstate, placed: EstateSlots): Set<string> {
  const ids = new Set<string>();
  const lagDown = new Set(raw.lags.filter((l) => l.state !== "available").map((l) => l.id));
  for (const c of raw.connections) {
    const port = placed.portIdOf.get(c.id);
    if (port !== undefined && (c.state !== "available" || (c.lagId !== undefined && lagDown.has(c.lagId)))) {
      ids.add(port);
    }
  }
  for (const v of raw.vifs) {
    const t = placed.vifOf.get(v.id);
    if (t !== undefined && vifDownNow(v) !== undefined) ids.add(t.id);
  }
  for (const vpn of raw.vpns) {
    for (const n of tunnelsDown(vpn)) ids.add(`vpn/${vpn.id}/Tunnel${n}`);
  }
  return ids;
}
