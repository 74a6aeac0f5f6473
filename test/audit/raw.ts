import { App, CfnResource, RemovalPolicy, Stack } from "aws-cdk-lib";
import {
  CfnConnection,
  CfnDirectConnectGateway,
  CfnDirectConnectGatewayAssociation,
  CfnLag,
  CfnTransitVirtualInterface,
} from "aws-cdk-lib/aws-directconnect";
import {
  CfnCustomerGateway,
  CfnTransitGatewayRoute,
  CfnTransitGatewayRouteTable,
  CfnVPNConnection,
  CfnVPNConnectionRoute,
} from "aws-cdk-lib/aws-ec2";

// Direct Connect layouts built only from raw L1 resources (aws-cdk-lib Cfn* classes and CfnResource),
// as an app that does not use this library's constructs has them: the audit's test subjects.

export const TGW = "tgw-0123456789abcdef0";
export const VGW = "vgw-0123456789abcdef0";
export const ON_PREMISES = ["192.168.0.0/16"];

/** One device slot: a LAG with member ports (or a standalone connection), and a transit VIF on it. */
export interface RawSlot {
  readonly location: string;
  /** Member ports (default 1; 0: a LAG whose members were never added). */
  readonly ports?: number;
  /** Port speed (default 10Gbps). */
  readonly speed?: string;
  readonly minimumLinks?: number;
  readonly lagMacSec?: boolean;
  readonly portMacSec?: boolean;
  /** Retain the LAG (default true). */
  readonly retainLag?: boolean;
  /** Retain the ports (default true). */
  readonly retainPorts?: boolean;
  /** A transit VIF on the LAG to the gateway (default true). */
  readonly vif?: boolean;
}

/** A layout: its slots, a resiliency group, a VPN. */
export interface RawLayoutSpec {
  readonly slots: ReadonlyArray<RawSlot>;
  /** A resiliency group with this IntendedResiliencyModel holding the ports of `groupLocations`. */
  readonly group?: string;
  /** The locations whose ports the group holds (default: all). */
  readonly groupLocations?: string[];
  /** A VPN from two customer gateways: BGP to the transit gateway, or static to it or to a virtual private gateway. */
  readonly vpn?: "bgp" | "tgw-static" | "vgw-static";
  /** The static route of a static VPN (default 10.0.0.0/8: not within ON_PREMISES). */
  readonly staticRoute?: string;
  /** The Direct Connect gateway of the VIFs (default: a new one, associated with TGW). */
  readonly gateway?: CfnDirectConnectGateway;
}

/** What was built, to name the resources a finding should be on. */
export interface RawLayout {
  readonly lags: CfnLag[];
  readonly ports: CfnConnection[][];
  readonly vifs: CfnTransitVirtualInterface[];
  readonly gateway: CfnDirectConnectGateway;
  readonly group?: CfnResource;
  readonly routes: CfnResource[];
}

/** Four single-port LAGs in two locations, two in each: Maximum Resiliency. */
export const MAXIMUM: RawSlot[] = [
  { location: "EqDC2" },
  { location: "EqDC2" },
  { location: "EqSE2" },
  { location: "EqSE2" },
];

/** Builds a layout in `stack` from raw resources. */
export function rawLayout(stack: Stack, spec: RawLayoutSpec): RawLayout {
  const gateway = spec.gateway ?? newGateway(stack);
  const counts = new Map<string, number>();
  const lags: CfnLag[] = [];
  const ports: CfnConnection[][] = [];
  const vifs: CfnTransitVirtualInterface[] = [];
  spec.slots.forEach((slot, i) => {
    const n = (counts.get(slot.location) ?? 0) + 1;
    counts.set(slot.location, n);
    const id = `${slot.location}Lag${n}`;
    const lag = new CfnLag(stack, id, {
      lagName: `dx-${slot.location}-${n}`,
      location: slot.location,
      connectionsBandwidth: slot.speed ?? "10Gbps",
      minimumLinks: slot.minimumLinks,
      requestMacSec: slot.lagMacSec,
    });
    if (slot.retainLag !== false) lag.applyRemovalPolicy(RemovalPolicy.RETAIN);
    lags.push(lag);
    ports.push(
      Array.from({ length: slot.ports ?? 1 }, (_, m) => {
        const port = new CfnConnection(stack, `${id}Port${m + 1}`, {
          connectionName: `dx-${slot.location}-${n}-p${m + 1}`,
          location: slot.location,
          bandwidth: slot.speed ?? "10Gbps",
          lagId: lag.ref,
          requestMacSec: slot.portMacSec ?? slot.lagMacSec,
        });
        if (slot.retainPorts !== false) port.applyRemovalPolicy(RemovalPolicy.RETAIN);
        return port;
      }),
    );
    if (slot.vif !== false) vifs.push(transitVif(stack, `${id}Vif`, lag.ref, gateway, 101 + i));
  });
  const group = spec.group === undefined ? undefined : resiliencyGroup(stack, spec, ports);
  const routes = spec.vpn === undefined ? [] : vpn(stack, spec);
  return { lags, ports, vifs, gateway, group, routes };
}

/** A Direct Connect gateway associated with the transit gateway TGW. */
function newGateway(stack: Stack): CfnDirectConnectGateway {
  const gateway = new CfnDirectConnectGateway(stack, "Gateway", {
    directConnectGatewayName: "dx-core",
    amazonSideAsn: "64512",
  });
  new CfnDirectConnectGatewayAssociation(stack, "Association", {
    directConnectGatewayId: gateway.attrDirectConnectGatewayId,
    associatedGatewayId: TGW,
    allowedPrefixesToDirectConnectGateway: ["10.0.0.0/16"],
  });
  return gateway;
}

/**
 * Two standalone 10 Gbps connections without a LAG (EqDC2 and EqSE2, retained), a transit virtual interface
 * on each to `gateway`: their interfaces, EqDC2's first.
 */
export function standaloneConnections(
  stack: Stack,
  gateway: CfnDirectConnectGateway,
): CfnTransitVirtualInterface[] {
  return ["EqDC2", "EqSE2"].map((location, i) => {
    const c = new CfnConnection(stack, `${location}Connection`, {
      connectionName: `dx-${location}`,
      location,
      bandwidth: "10Gbps",
    });
    c.applyRemovalPolicy(RemovalPolicy.RETAIN);
    return transitVif(stack, `${location}Vif`, c.ref, gateway, 101 + i);
  });
}

/** A transit virtual interface on a LAG or connection (its ARN or id) to the gateway. */
export function transitVif(
  stack: Stack,
  id: string,
  connectionId: string,
  gateway: CfnDirectConnectGateway,
  vlan: number,
): CfnTransitVirtualInterface {
  return new CfnTransitVirtualInterface(stack, id, {
    connectionId,
    directConnectGatewayId: gateway.attrDirectConnectGatewayId,
    virtualInterfaceName: id,
    vlan,
    bgpPeers: [{ addressFamily: "ipv4", asn: "65010" }],
  });
}

function resiliencyGroup(stack: Stack, spec: RawLayoutSpec, ports: CfnConnection[][]): CfnResource {
  const held = spec.slots.flatMap((slot, i) =>
    spec.groupLocations === undefined || spec.groupLocations.includes(slot.location) ? ports[i] : [],
  );
  return new CfnResource(stack, "Group", {
    type: "AWS::DirectConnect::ResiliencyGroup",
    properties: {
      ResiliencyGroupName: "dx-group",
      IntendedResiliencyModel: spec.group,
      ConnectionArns: held.map((p) => p.ref),
    },
  });
}

/** Two customer gateways with a VPN connection each, and the static routes of a static VPN. */
function vpn(stack: Stack, spec: RawLayoutSpec): CfnResource[] {
  const staticVpn = spec.vpn !== "bgp";
  const connections = [1, 2].map((n) => {
    const cgw = new CfnCustomerGateway(stack, `CustomerGateway${n}`, {
      type: "ipsec.1",
      ipAddress: `203.0.113.${n * 10}`,
      bgpAsn: 65010,
    });
    return new CfnVPNConnection(stack, `Vpn${n}`, {
      type: "ipsec.1",
      customerGatewayId: cgw.ref,
      transitGatewayId: spec.vpn === "vgw-static" ? undefined : TGW,
      vpnGatewayId: spec.vpn === "vgw-static" ? VGW : undefined,
      staticRoutesOnly: staticVpn ? true : undefined,
    });
  });
  const destinationCidrBlock = spec.staticRoute ?? "10.0.0.0/8";
  if (spec.vpn === "vgw-static") {
    return connections.map(
      (c, i) =>
        new CfnVPNConnectionRoute(stack, `Route${i + 1}`, { destinationCidrBlock, vpnConnectionId: c.ref }),
    );
  }
  if (spec.vpn !== "tgw-static") return [];
  // the VPN's attachment has no CloudFormation attribute: its id is written as a literal
  const table = new CfnTransitGatewayRouteTable(stack, "RouteTable", { transitGatewayId: TGW });
  return [
    new CfnTransitGatewayRoute(stack, "Route", {
      transitGatewayRouteTableId: table.ref,
      destinationCidrBlock,
      transitGatewayAttachmentId: "tgw-attach-0123456789abcdef0",
    }),
  ];
}

/** Every finding of the audit in an app: [rule id, construct path, level]. */
export function findings(app: App): string[][] {
  return app
    .synth()
    .stacks.flatMap((s) => s.messages)
    .flatMap((m) => {
      const rule = /cdk-direct-connect-resiliency:(\w+)\]/.exec(String(m.entry.data))?.[1];
      return rule === undefined ? [] : [[rule, m.id, m.level]];
    })
    .sort((a, b) => (a.join() < b.join() ? -1 : 1));
}
