import { ConnectionBandwidth, ConnectionTopology, ResiliencyModel, TunnelBandwidth } from "../../src";
import type { PlanVirtualInterface } from "../../src/core/request";
import { VirtualInterfaceType, VpnTarget } from "../../src/core/topology";
import { PlanLocation, PlanRequest, planTopology } from "../../src/plan/planner";
import { planVpnBackup } from "../../src/plan/vpn";

// Topologies for the failure-analysis tests, built by the planner as the constructs build them.

/** A private or transit virtual interface spec on every slot. */
export function vif(
  name: string,
  target: string,
  vlan: number,
  interfaceType: VirtualInterfaceType = VirtualInterfaceType.TRANSIT,
): PlanVirtualInterface {
  return { name, interfaceType, target, vlan, customerAsn: 65000, addressFamilies: ["ipv4"] };
}

/** A topology planned from a model, its locations (codes or layouts) and bandwidth. */
export function plan(
  model: ResiliencyModel,
  locations: Array<string | PlanLocation>,
  bandwidth: ConnectionBandwidth,
  extra: Partial<PlanRequest> = {},
): ConnectionTopology {
  return planTopology({
    model,
    bandwidth,
    namePrefix: "Dx",
    locations: locations.map((l) => (typeof l === "string" ? { location: l } : l)),
    ...extra,
  }).topology;
}

/** The gateway `withVpn` puts the VPN on, per target kind. */
export const VPN_GATEWAY: Record<VpnTarget, string> = {
  [VpnTarget.TRANSIT_GATEWAY]: "tgw-0123456789abcdef0",
  [VpnTarget.VIRTUAL_PRIVATE_GATEWAY]: "vgw-0123456789abcdef0",
};

/** Associates Direct Connect gateways with transit or virtual private gateways: [dxgw, gateway] pairs. */
export function associate(
  topology: ConnectionTopology,
  ...pairs: Array<[string, string]>
): ConnectionTopology {
  return {
    ...topology,
    gatewayAssociations: [
      ...(topology.gatewayAssociations ?? []),
      ...pairs.map(([directConnectGatewayId, associatedGatewayId]) => ({
        directConnectGatewayId,
        associatedGatewayId,
      })),
    ],
  };
}

/**
 * Adds a VPN backup of `gateways` customer gateways to a topology (standard tunnels: 1.25 Gbps each). With
 * `associated` (the default) the Direct Connect gateways (`dxgw-...`) of its virtual interfaces are associated
 * with the VPN's gateway, so the VPN backs them.
 */
export function withVpn(
  topology: ConnectionTopology,
  gateways: number,
  target: VpnTarget = VpnTarget.TRANSIT_GATEWAY,
  staticRoutes?: string[],
  associated = true,
): ConnectionTopology {
  const targets = new Set(
    topology.locations.flatMap((l) =>
      l.deviceSlots.flatMap((s) =>
        s.virtualInterfaces.map((v) => v.target).filter((t) => t.startsWith("dxgw-")),
      ),
    ),
  );
  const vpn = planVpnBackup(
    {
      target,
      targetId: VPN_GATEWAY[target],
      customerGateways: Array.from({ length: gateways }, (_, i) => ({
        name: `edge${i + 1}`,
        ipAddress: `203.0.113.${i + 10}`,
        bgpAsn: 65010 + i,
      })),
      staticRoutes,
      onPremisesPrefixes: staticRoutes && ["10.1.0.0/16"],
      tunnelBandwidth: TunnelBandwidth.STANDARD,
    },
    { hasVirtualInterfaces: true, jumbo: false },
  );
  const withBackup = { ...topology, vpnBackup: vpn.topology };
  return associated
    ? associate(withBackup, ...[...targets].map((t): [string, string] => [t, VPN_GATEWAY[target]]))
    : withBackup;
}
