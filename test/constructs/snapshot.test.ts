import { SecretValue } from "aws-cdk-lib";
import {
  AddressFamily,
  ConnectionBandwidth,
  DevTest,
  DirectConnectGateway,
  HighResiliency,
  MaximumResiliencyConnections,
  ResiliencyModel,
  ResilientConnections,
  VirtualInterface,
  VpnBackup,
} from "../../src";
import { newStack, templateOf } from "../support/synth";

// One committed snapshot per model. A changed snapshot is a reviewed commit: the test run never
// rewrites it (jest --ci), `npx projen test:update` does, on purpose.

test("Maximum Resiliency, 2 locations, 20 Gbps per slot", () => {
  const stack = newStack();
  new MaximumResiliencyConnections(stack, "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.gbps(20),
  });
  expect(templateOf(stack).toJSON()).toMatchSnapshot();
});

test("High Resiliency, 2 locations, 10 Gbps, MACsec, provider", () => {
  const stack = newStack();
  new HighResiliency(stack, "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.GBPS_10,
    requestMacSec: true,
    providerName: "Example Carrier",
  });
  expect(templateOf(stack).toJSON()).toMatchSnapshot();
});

test("Development and Test, 1 Gbps", () => {
  const stack = newStack();
  new DevTest(stack, "Lab", { location: "EqDC2", bandwidth: ConnectionBandwidth.GBPS_1 });
  expect(templateOf(stack).toJSON()).toMatchSnapshot();
});

test("Classic custom layout, 3 + 1 slots, 100 Gbps", () => {
  const stack = newStack();
  new ResilientConnections(stack, "Dx", {
    model: ResiliencyModel.CLASSIC,
    locations: [{ location: "EqDC2", deviceSlots: 3 }, { location: "EqSE2" }],
    bandwidth: ConnectionBandwidth.GBPS_100,
  });
  expect(templateOf(stack).toJSON()).toMatchSnapshot();
});

test("Maximum Resiliency with a Direct Connect gateway, a transit gateway association and a transit interface per slot", () => {
  const stack = newStack();
  const gateway = new DirectConnectGateway(stack, "Gateway");
  gateway.associateTransitGateway("Tgw", {
    transitGatewayId: "tgw-0123456789abcdef0",
    allowedPrefixes: ["10.0.0.0/16"],
  });
  new MaximumResiliencyConnections(stack, "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.GBPS_10,
    virtualInterfaces: [
      VirtualInterface.transit({
        name: "prod",
        gateway,
        vlan: 101,
        customerAsn: 65010,
        authKey: SecretValue.secretsManager("dx/bgp"),
        mtu: 8500,
      }),
    ],
  });
  expect(templateOf(stack).toJSON()).toMatchSnapshot();
});

test("High Resiliency with private interfaces to a virtual private gateway, dual stack, addresses from a pool", () => {
  const stack = newStack();
  new HighResiliency(stack, "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.GBPS_10,
    virtualInterfaces: [
      VirtualInterface.privateInterface({
        name: "vpc",
        virtualGatewayId: "vgw-0123456789abcdef0",
        vlan: 201,
        customerAsn: 65020,
        addressFamilies: [AddressFamily.IPV4, AddressFamily.IPV6],
        addressPool: "169.254.100.0/22",
      }),
    ],
  });
  expect(templateOf(stack).toJSON()).toMatchSnapshot();
});

test("Development and Test with a public interface", () => {
  const stack = newStack();
  new DevTest(stack, "Lab", {
    location: "EqDC2",
    bandwidth: ConnectionBandwidth.GBPS_1,
    virtualInterfaces: [
      VirtualInterface.publicInterface({
        name: "public",
        vlan: 301,
        customerAsn: 65030,
        routeFilterPrefixes: ["203.0.113.0/24"],
        peerAddresses: [
          {
            location: "EqDC2",
            slotNumber: 1,
            amazonAddress: "198.51.100.1/30",
            customerAddress: "198.51.100.2/30",
          },
          {
            location: "EqDC2",
            slotNumber: 2,
            amazonAddress: "198.51.100.5/30",
            customerAddress: "198.51.100.6/30",
          },
        ],
      }),
    ],
  });
  expect(templateOf(stack).toJSON()).toMatchSnapshot();
});

test("existing circuits as slots next to new ones, with an imported gateway", () => {
  const stack = newStack();
  const gateway = DirectConnectGateway.fromGatewayId(stack, "Shared", "5f294f92-bafb-4011-916d-9b0bdeadbeef");
  new ResilientConnections(stack, "Dx", {
    model: ResiliencyModel.HIGH,
    locations: [{ location: "EqSE2" }],
    existingSlots: [{ location: "EqDC2", slotNumber: 1, connectionId: "dxcon-fg5678gh" }],
    bandwidth: ConnectionBandwidth.GBPS_10,
    virtualInterfaces: [VirtualInterface.transit({ name: "prod", gateway, vlan: 101, customerAsn: 65010 })],
  });
  expect(templateOf(stack).toJSON()).toMatchSnapshot();
});

test("Maximum Resiliency with a BGP VPN backup from two devices to the transit gateway", () => {
  const stack = newStack();
  const gateway = new DirectConnectGateway(stack, "Gateway");
  gateway.associateTransitGateway("Tgw", {
    transitGatewayId: "tgw-0123456789abcdef0",
    allowedPrefixes: ["10.0.0.0/16"],
  });
  new MaximumResiliencyConnections(stack, "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.GBPS_10,
    virtualInterfaces: [VirtualInterface.transit({ name: "prod", gateway, vlan: 101, customerAsn: 65010 })],
    vpnBackup: VpnBackup.toTransitGateway({
      transitGatewayId: "tgw-0123456789abcdef0",
      customerGateways: [
        { name: "edge1", ipAddress: "203.0.113.10", bgpAsn: 65010 },
        { name: "edge2", ipAddress: "203.0.113.20", bgpAsn: 65010 },
      ],
    }),
  });
  expect(templateOf(stack).toJSON()).toMatchSnapshot();
});

test("High Resiliency with a static VPN backup to the virtual private gateway", () => {
  const stack = newStack();
  new HighResiliency(stack, "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.GBPS_10,
    virtualInterfaces: [
      VirtualInterface.privateInterface({
        name: "vpc",
        virtualGatewayId: "vgw-0123456789abcdef0",
        vlan: 201,
        customerAsn: 65020,
      }),
    ],
    vpnBackup: VpnBackup.toVirtualPrivateGateway({
      virtualGatewayId: "vgw-0123456789abcdef0",
      customerGateways: [
        {
          name: "edge1",
          ipAddress: "203.0.113.10",
          tunnelInsideCidrs: ["169.254.10.0/30", "169.254.10.4/30"],
        },
      ],
      staticRoutes: ["192.168.0.0/16"],
      onPremisesPrefixes: ["192.168.0.0/16"],
    }),
  });
  expect(templateOf(stack).toJSON()).toMatchSnapshot();
});
