import { DirectConnectEstate } from "../../src/analyse/estate/estate";

/**
 * The cases the fixtures lack: a public virtual interface, one connection with interfaces to two gateways,
 * two gateways whose names give one id, a name that starts with a digit and holds a line break, a LAG of
 * 3 x 100 Gbps and a hosted connection of 2 Gbps (capacities ConnectionBandwidth cannot express).
 */
export const EDGE_GATEWAYS = [
  "0f1e2d3c-0000-4000-8000-00000000000a",
  "0f1e2d3c-0000-4000-8000-00000000000b",
  "0f1e2d3c-0000-4000-8000-00000000000c",
];
export function edgeCases(): DirectConnectEstate {
  const connection = (id: string, location: string, device: string, more: Record<string, unknown> = {}) => ({
    connectionId: id,
    connectionName: `${id}-name`,
    connectionState: "available",
    location,
    bandwidth: "10Gbps",
    awsDeviceV2: device,
    ...more,
  });
  const vif = (id: string, circuit: string, vlan: number, to: Record<string, string>, type = "private") => ({
    virtualInterfaceId: id,
    virtualInterfaceName: `${id}-name`,
    connectionId: circuit,
    virtualInterfaceType: type,
    virtualInterfaceState: "available",
    vlan,
    asn: 65010,
    bgpPeers: [{ addressFamily: "ipv4", bgpStatus: "up", bgpPeerState: "available" }],
    ...to,
  });
  return DirectConnectEstate.fromDescribeOutputs(
    {
      describeConnections: {
        connections: [
          connection("dxcon-aaaa1111", "EqDC2", "EqDC2-dev1"),
          connection("dxcon-dddd4444", "EqDC2", "EqDC2-dev4", { bandwidth: "2Gbps", partnerName: "Partner" }),
          connection("dxcon-bbbb2222", "EqSE2", "EqSE2-dev2"),
          ...[1, 2, 3].map((n) =>
            connection(`dxcon-mmmm000${n}`, "EqLD5", "EqLD5-dev3", {
              bandwidth: "100Gbps",
              lagId: "dxlag-cccc3333",
            }),
          ),
        ],
      },
      describeLags: {
        lags: [
          {
            lagId: "dxlag-cccc3333",
            lagName: "big",
            lagState: "available",
            location: "EqLD5",
            connectionsBandwidth: "100Gbps",
          },
        ],
      },
      describeVirtualInterfaces: {
        virtualInterfaces: [
          vif("dxvif-pub00001", "dxcon-aaaa1111", 201, {}, "public"),
          vif("dxvif-aaaa0001", "dxcon-aaaa1111", 202, { directConnectGatewayId: EDGE_GATEWAYS[0] }),
          vif("dxvif-dddd0001", "dxcon-dddd4444", 203, { directConnectGatewayId: EDGE_GATEWAYS[2] }),
          vif("dxvif-cccc0001", "dxlag-cccc3333", 204, { directConnectGatewayId: EDGE_GATEWAYS[1] }),
          vif("dxvif-bbbb0001", "dxcon-bbbb2222", 205, { directConnectGatewayId: EDGE_GATEWAYS[1] }),
        ],
      },
      describeDirectConnectGateways: {
        directConnectGateways: [
          { directConnectGatewayId: EDGE_GATEWAYS[0], directConnectGatewayName: "edge gw" },
          { directConnectGatewayId: EDGE_GATEWAYS[1], directConnectGatewayName: "edge-gw" },
          { directConnectGatewayId: EDGE_GATEWAYS[2], directConnectGatewayName: "9 lives\n*/ x" },
        ],
      },
    },
    { title: "edge cases" },
  );
}
