import { VpnRouting, VpnTarget } from "./topology";

// What a Site-to-Site VPN backup carries: the one statement of the rule the planner, the audit, the estate
// reader and the failure analysis apply. Internal: not exported by index.ts.

/**
 * Whether every tunnel up carries traffic: ECMP over the tunnels needs BGP and a transit gateway (facts §6);
 * otherwise one tunnel carries it and the others stand by.
 */
export function isEcmp(target: VpnTarget, routing: VpnRouting): boolean {
  return target === VpnTarget.TRANSIT_GATEWAY && routing === VpnRouting.BGP;
}

/** What a VPN carries with `tunnels` up, in Gbps: every tunnel with ECMP (`isEcmp`), else one. */
export function vpnCarriesGbps(ecmp: boolean, tunnels: number, tunnelGbps: number): number {
  return (ecmp ? tunnels : Math.min(tunnels, 1)) * tunnelGbps;
}
