import { median } from "./stats";
import { DirectConnectEstate, EstateDescribeOutputs } from "../src";

// The live-estate benchmark (issue 16): reading an estate of 500 connections from the AWS API's JSON and
// analysing it (DirectConnectEstate.fromDescribeOutputs: device slots, every gateway's failure analysis of
// up to 2 failures, the claims), then writing its report. Prints the figures; not a test (they depend on
// the machine). Run with `npx projen bench:estate`.
//
// Two estates of 500 connections each:
// - "LAGs": 25 locations x 2 AWS devices x one LAG of 10 x 10 Gbps; one transit virtual interface per LAG,
//   the LAGs of each 5 locations to one of 5 Direct Connect gateways (each gateway's paths: 10 devices in
//   5 locations), each gateway associated with a transit gateway, one BGP VPN of 2 connections on the first;
// - "standalone": 25 locations x 20 devices x one standalone 10 Gbps connection with its own transit
//   virtual interface, all to one gateway: one layout of 500 slots, the largest analysis an estate of 500
//   connections makes.

const ACCOUNT = "123456789012";
const LOCATIONS = 25;

interface Shape {
  readonly name: string;
  readonly devices: number;
  readonly ports: number;
  readonly gateways: number;
}
const SHAPES: Shape[] = [
  { name: "LAGs", devices: 2, ports: 10, gateways: 5 },
  { name: "standalone", devices: 20, ports: 1, gateways: 1 },
];

function id(prefix: string, n: number): string {
  return `${prefix}-${n.toString(36).padStart(8, "0")}`;
}

function estateOutputs({ devices: DEVICES, ports: PORTS, gateways: GATEWAYS }: Shape): EstateDescribeOutputs {
  const connections: object[] = [];
  const lags: object[] = [];

  const vifs: object[] = [];
  let n = 0;
  for (let l = 0; l < LOCATIONS; l++) {
    const location = `Loc${l}`;
    for (let d = 0; d < DEVICES; d++) {
      const device = `${location}-dev${d}`;
      const lagId = PORTS > 1 ? id("dxlag", l * DEVICES + d) : undefined;
      const members = Array.from({ length: PORTS }, () => {
        const c = {
          ownerAccount: ACCOUNT,
          connectionId: id("dxcon", n++),
          connectionName: `c${n}`,
          connectionState: "available",
          region: "us-east-1",
          location,
          bandwidth: "10Gbps",
          lagId,
          awsDeviceV2: device,
          awsLogicalDeviceId: device,
          hasLogicalRedundancy: "unknown",
        };
        connections.push(c);
        return c;
      });
      if (lagId === undefined) {
        vifs.push(vif(l, d, location, (members[0] as { connectionId: string }).connectionId, GATEWAYS));
        continue;
      }
      lags.push({
        lagId,
        lagName: `lag-${l}-${d}`,
        lagState: "available",
        location,
        connectionsBandwidth: "10Gbps",
        numberOfConnections: PORTS,
        minimumLinks: PORTS,
        awsDeviceV2: device,
        connections: members,
      });
      vifs.push(vif(l, d, location, lagId, GATEWAYS));
    }
  }
  const gateways = Array.from({ length: GATEWAYS }, (_, g) => `gw-${g}`);
  return {
    describeConnections: { connections },
    describeLags: { lags },
    describeVirtualInterfaces: { virtualInterfaces: vifs },
    describeDirectConnectGateways: {
      directConnectGateways: gateways.map((g) => ({
        directConnectGatewayId: g,
        directConnectGatewayName: g,
      })),
    },
    describeDirectConnectGatewayAssociations: {
      directConnectGatewayAssociations: gateways.map((g, i) => ({
        directConnectGatewayId: g,
        associationState: "associated",
        associatedGateway: {
          id: `tgw-${i}`,
          type: "transitGateway",
          ownerAccount: ACCOUNT,
          region: "us-east-1",
        },
      })),
    },
    describeVpnConnections: {
      VpnConnections: [0, 1].map((i) => ({
        VpnConnectionId: `vpn-${i}`,
        State: "available",
        CustomerGatewayId: `cgw-${i}`,
        TransitGatewayId: "tgw-0",
        Type: "ipsec.1",
        Options: {
          StaticRoutesOnly: false,
          TunnelOptions: [
            { OutsideIpAddress: `198.51.100.${2 * i + 1}` },
            { OutsideIpAddress: `198.51.100.${2 * i + 2}` },
          ],
        },
        VgwTelemetry: [
          { OutsideIpAddress: `198.51.100.${2 * i + 1}`, Status: "UP" },
          { OutsideIpAddress: `198.51.100.${2 * i + 2}`, Status: "UP" },
        ],
      })),
    },
    describeCustomerGateways: {
      CustomerGateways: [0, 1].map((i) => ({
        CustomerGatewayId: `cgw-${i}`,
        BgpAsn: "65001",
        IpAddress: `203.0.113.${i + 1}`,
      })),
    },
  };
}

function vif(l: number, d: number, location: string, connectionId: string, gateways: number): object {
  return {
    virtualInterfaceId: id("dxvif", l * 100 + d),
    virtualInterfaceName: `vif-${l}-${d}`,
    virtualInterfaceType: "transit",
    virtualInterfaceState: "available",
    connectionId,
    location,
    vlan: 100 + d,
    asn: 65000,
    directConnectGatewayId: `gw-${Math.floor(l / (LOCATIONS / gateways))}`,
    virtualGatewayId: "",
    bgpPeers: [{ addressFamily: "ipv4", bgpStatus: "up", bgpPeerState: "available", asn: 65000 }],
  };
}

function time(f: () => void): number {
  const start = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const runs = 7;
for (const shape of SHAPES) {
  const outputs = JSON.parse(JSON.stringify(estateOutputs(shape))) as EstateDescribeOutputs;
  let estate = DirectConnectEstate.fromDescribeOutputs(outputs); // warm-up, untimed
  estate.report();
  const read: number[] = [];
  const report: number[] = [];
  for (let i = 0; i < runs; i++) {
    read.push(time(() => (estate = DirectConnectEstate.fromDescribeOutputs(outputs))));
    report.push(time(() => estate.report()));
  }
  const ms = (values: number[]) =>
    `median ${median(values).toFixed(0)} ms, min ${Math.min(...values).toFixed(0)} ms`;
  const scenarios = estate.gateways.reduce((n, g) => n + estate.analysisOf(g.gatewayId).scenarioCount, 0);
  console.log(
    `${shape.name}: ${outputs.describeConnections.connections.length} connections, ${outputs.describeLags?.lags.length ?? 0} LAGs, ` +
      `${estate.gateways.length} gateway(s), ${scenarios} scenarios of up to 2 failures (${runs} runs after a warm-up):`,
  );
  console.log(`  read and analyse (fromDescribeOutputs): ${ms(read)}`);
  console.log(`  report (Markdown): ${ms(report)}`);
  console.log(`  first verdict: ${estate.verdictLines()[0]}`);
}
