import { RuleFinding } from "../../core/rule";
import { circuitIdIn, gbpsOf } from "../../rules/design/layout";
import { checkEstateOutput } from "../../rules/estate";

// The JSON of the AWS describe/list calls, read into plain records: field names as the Direct Connect and
// EC2 API references spell them, every list of every page merged. Internal to the estate reader. BGP keys
// (`authKey`) and the router configuration that repeats them (`customerRouterConfig`) are never read.

/** The raw outputs, as `DirectConnectEstate.fromDescribeOutputs` takes them (see `EstateDescribeOutputs`). */
export type Outputs = Record<string, unknown>;

/** A dedicated or hosted connection (a LAG member too). */
export interface RawConnection {
  readonly id: string;
  readonly arn?: string;
  readonly name: string;
  readonly state: string;
  readonly location: string;
  readonly bandwidth: string;
  /** The port speed in Gbps (a hosted connection's below 1). */
  readonly speedGbps: number;
  readonly lagId?: string;
  /** The AWS device it terminates on: `awsDeviceV2`, else `awsDevice`. */
  readonly device?: string;
  /** A hosted connection: the partner that allocated it. */
  readonly partnerName?: string;
  readonly providerName?: string;
  readonly macSec: boolean;
}

/** A LAG. */
export interface RawLag {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  readonly location: string;
  readonly bandwidth: string;
  readonly minimumLinks?: number;
  readonly device?: string;
  readonly providerName?: string;
  readonly macSec: boolean;
}

/** One BGP peer of a virtual interface. */
export interface RawBgpPeer {
  readonly addressFamily: string;
  readonly amazonAddress?: string;
  readonly customerAddress?: string;
  /** `bgpStatus`: up, down or unknown. */
  readonly status: string;
  /** `bgpPeerState`: available, deleted, ... */
  readonly state: string;
}

/** A virtual interface. */
export interface RawVif {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly state: string;
  /** The connection or LAG it is on. */
  readonly circuitId: string;
  readonly vlan: number;
  readonly asn: number;
  readonly mtu?: number;
  /** `amazonSideAsn`: the ASN of the gateway's side of the sessions. */
  readonly amazonSideAsn?: number;
  readonly directConnectGatewayId?: string;
  readonly virtualGatewayId?: string;
  readonly bgpPeers: RawBgpPeer[];
  readonly routeFilterPrefixes: string[];
  /** `siteLinkEnabled`: SiteLink is on. */
  readonly siteLinkEnabled?: boolean;
}

/** A Direct Connect gateway. */
export interface RawGateway {
  readonly id: string;
  readonly name: string;
  readonly state: string;
}

/** A Direct Connect gateway's association with a transit gateway or virtual private gateway. */
export interface RawAssociation {
  readonly directConnectGatewayId: string;
  readonly associatedGatewayId: string;
  readonly state: string;
}

/** One tunnel of a VPN connection. */
export interface RawTunnel {
  readonly outsideIp?: string;
  readonly insideCidr?: string;
  /** `VgwTelemetry` status: UP or DOWN. */
  readonly status?: string;
}

/** A Site-to-Site VPN connection. */
export interface RawVpn {
  readonly id: string;
  readonly state: string;
  readonly customerGatewayId?: string;
  readonly vpnGatewayId?: string;
  readonly transitGatewayId?: string;
  readonly staticRoutesOnly: boolean;
  readonly acceleration: boolean;
  readonly tunnelBandwidth: string;
  readonly tunnels: RawTunnel[];
  readonly routes: string[];
}

/** A customer gateway. */
export interface RawCustomerGateway {
  readonly id: string;
  readonly ip?: string;
  readonly asn: number;
  readonly name?: string;
}

/** A resiliency group with the connections associated with it. */
export interface RawGroup {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  /** `intendedResiliencyModel`, when the API returned it. */
  readonly intended?: string;
  /** The ids of the connections associated (or associating) with it. */
  readonly members: string[];
}

/** Everything read. */
export interface RawEstate {
  readonly connections: RawConnection[];
  readonly lags: RawLag[];
  readonly vifs: RawVif[];
  readonly gateways: RawGateway[];
  readonly associations: RawAssociation[];
  readonly vpns: RawVpn[];
  readonly customerGateways: RawCustomerGateway[];
  readonly groups: RawGroup[];
}

type Json = Record<string, any>;

/** The list under `key` of an output, of every page (an output may be given as a list of pages). */
function listOf(outputs: Outputs, prop: string, key: string, out: RuleFinding[], required = false): Json[] {
  const value = outputs[prop];
  if (value === undefined || value === null) {
    out.push(...checkEstateOutput(prop, !required, `an object like { "${key}": [...] }`));
    return [];
  }
  const pages = Array.isArray(value) ? value : [value];
  const ok = pages.every((p) => typeof p === "object" && p !== null && Array.isArray((p as Json)[key]));
  out.push(
    ...checkEstateOutput(prop, ok, `an object like { "${key}": [...] } (or a list of them, one per page)`),
  );
  return ok
    ? pages.flatMap((p) => (p as Json)[key].filter((x: unknown) => typeof x === "object" && x !== null))
    : [];
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function num(value: unknown): number | undefined {
  const n =
    typeof value === "number" ? value : typeof value === "string" && value !== "" ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function connectionOf(c: Json): RawConnection | undefined {
  const id = str(c.connectionId);
  if (id === undefined) return undefined;
  const bandwidth = str(c.bandwidth) ?? "unknown";
  return {
    id,
    arn: str(c.connectionArn),
    name: str(c.connectionName) ?? id,
    state: str(c.connectionState) ?? "unknown",
    location: str(c.location) ?? "unknown",
    bandwidth,
    speedGbps: gbpsOf(bandwidth) ?? 1,
    lagId: str(c.lagId),
    device: str(c.awsDeviceV2) ?? str(c.awsDevice),
    partnerName: str(c.partnerName),
    providerName: str(c.providerName),
    macSec: c.encryptionMode === "must_encrypt" || c.portEncryptionStatus === "Encryption Up",
  };
}

function lagOf(l: Json): RawLag | undefined {
  const id = str(l.lagId);
  if (id === undefined) return undefined;
  return {
    id,
    name: str(l.lagName) ?? id,
    state: str(l.lagState) ?? "unknown",
    location: str(l.location) ?? "unknown",
    bandwidth: str(l.connectionsBandwidth) ?? "unknown",
    minimumLinks: num(l.minimumLinks),
    device: str(l.awsDeviceV2) ?? str(l.awsDevice),
    providerName: str(l.providerName),
    macSec: l.encryptionMode === "must_encrypt",
  };
}

function vifOf(v: Json): RawVif | undefined {
  const id = str(v.virtualInterfaceId);
  const circuitId = str(v.connectionId);
  if (id === undefined || circuitId === undefined) return undefined;
  const peers: Json[] = Array.isArray(v.bgpPeers) ? v.bgpPeers : [];
  const prefixes: Json[] = Array.isArray(v.routeFilterPrefixes) ? v.routeFilterPrefixes : [];
  return {
    id,
    name: str(v.virtualInterfaceName) ?? id,
    type: str(v.virtualInterfaceType) ?? "private",
    state: str(v.virtualInterfaceState) ?? "unknown",
    circuitId,
    vlan: num(v.vlan) ?? 0,
    asn: num(v.asnLong) ?? num(v.asn) ?? 0,
    mtu: num(v.mtu),
    amazonSideAsn: num(v.amazonSideAsn),
    directConnectGatewayId: str(v.directConnectGatewayId),
    virtualGatewayId: str(v.virtualGatewayId),
    bgpPeers: peers.map((p) => ({
      addressFamily: str(p.addressFamily) ?? "ipv4",
      amazonAddress: str(p.amazonAddress),
      customerAddress: str(p.customerAddress),
      status: str(p.bgpStatus) ?? "unknown",
      state: str(p.bgpPeerState) ?? "available",
    })),
    routeFilterPrefixes: prefixes.flatMap((p) => str(p?.cidr) ?? []),
    ...(v.siteLinkEnabled === true ? { siteLinkEnabled: true } : {}),
  };
}

function vpnOf(v: Json): RawVpn | undefined {
  const id = str(v.VpnConnectionId);
  if (id === undefined) return undefined;
  const options: Json = typeof v.Options === "object" && v.Options !== null ? v.Options : {};
  const tunnelOptions: Json[] = Array.isArray(options.TunnelOptions) ? options.TunnelOptions : [];
  const telemetry: Json[] = Array.isArray(v.VgwTelemetry) ? v.VgwTelemetry : [];
  const routes: Json[] = Array.isArray(v.Routes) ? v.Routes : [];
  const outsides = [
    ...new Set([...tunnelOptions, ...telemetry].flatMap((t) => str(t.OutsideIpAddress) ?? [])),
  ];
  const tunnels: RawTunnel[] = (outsides.length > 0 ? outsides : ["", ""]).map((ip) => ({
    outsideIp: ip || undefined,
    insideCidr: str(tunnelOptions.find((t) => t.OutsideIpAddress === ip)?.TunnelInsideCidr),
    status: str(telemetry.find((t) => t.OutsideIpAddress === ip)?.Status),
  }));
  return {
    id,
    state: str(v.State) ?? "unknown",
    customerGatewayId: str(v.CustomerGatewayId),
    vpnGatewayId: str(v.VpnGatewayId),
    transitGatewayId: str(v.TransitGatewayId),
    staticRoutesOnly: options.StaticRoutesOnly === true,
    acceleration: options.EnableAcceleration === true,
    tunnelBandwidth: options.TunnelBandwidth === "large" ? "large" : "standard",
    tunnels,
    routes: routes.filter((r) => r.State !== "deleted").flatMap((r) => str(r.DestinationCidrBlock) ?? []),
  };
}

function groupsOf(outputs: Outputs, out: RuleFinding[]): RawGroup[] {
  const listed = listOf(outputs, "listResiliencyGroups", "items", out);
  const given = outputs.resiliencyGroupDetails;
  const pages: unknown[] =
    given === undefined || given === null ? [] : Array.isArray(given) ? given : [given];
  const ok = pages.every(
    (g) => typeof (g as Json)?.resiliencyGroup === "object" && (g as Json).resiliencyGroup !== null,
  );
  out.push(
    ...checkEstateOutput("resiliencyGroupDetails", ok, '{ "resiliencyGroup": {...} } (or a list of them)'),
  );
  const got: Json[] = ok ? pages.map((g) => (g as Json).resiliencyGroup) : [];
  const associations = listOf(outputs, "listResiliencyGroupAssociations", "items", out);
  const ids = [...new Set([...listed, ...got].flatMap((g) => str(g.resiliencyGroupId) ?? []))];
  return ids.map((id) => {
    const all = [...got, ...listed].filter((g) => g.resiliencyGroupId === id);
    const field = (name: string) => all.map((g) => str(g[name])).find((v) => v !== undefined);
    const members = associations
      .filter((a) => a.resiliencyGroupId === id && (a.state === "associated" || a.state === "associating"))
      .flatMap((a) => circuitIdIn(str(a.connectionArn)) ?? []);
    return {
      id,
      name: field("resiliencyGroupName") ?? id,
      state: field("state") ?? "unknown",
      intended: field("intendedResiliencyModel"),
      members: [...new Set(members)],
    };
  });
}

/** Reads every output (the findings of any that is not the AWS call's JSON into `out`). */
export function readRaw(outputs: Outputs, out: RuleFinding[]): RawEstate {
  const connections = new Map<string, RawConnection>();
  const lagsRaw = listOf(outputs, "describeLags", "lags", out);
  for (const c of [
    ...listOf(outputs, "describeConnections", "connections", out, true),
    ...lagsRaw.flatMap((l) => (Array.isArray(l.connections) ? l.connections : [])),
  ]) {
    const conn = connectionOf(c);
    if (conn !== undefined && !connections.has(conn.id)) connections.set(conn.id, conn);
  }
  const customerGateways = listOf(outputs, "describeCustomerGateways", "CustomerGateways", out).flatMap(
    (g) => {
      const id = str(g.CustomerGatewayId);
      if (id === undefined) return [];
      const name = (Array.isArray(g.Tags) ? g.Tags : []).find((t: Json) => t?.Key === "Name")?.Value;
      return [
        {
          id,
          ip: str(g.IpAddress),
          asn: num(g.BgpAsnExtended) ?? num(g.BgpAsn) ?? 0,
          name: str(name) ?? str(g.DeviceName),
        },
      ];
    },
  );
  return {
    connections: [...connections.values()],
    lags: lagsRaw.flatMap((l) => lagOf(l) ?? []),
    vifs: listOf(outputs, "describeVirtualInterfaces", "virtualInterfaces", out).flatMap(
      (v) => vifOf(v) ?? [],
    ),
    gateways: listOf(outputs, "describeDirectConnectGateways", "directConnectGateways", out).flatMap((g) => {
      const id = str(g.directConnectGatewayId);
      return id === undefined
        ? []
        : [
            {
              id,
              name: str(g.directConnectGatewayName) ?? id,
              state: str(g.directConnectGatewayState) ?? "unknown",
            },
          ];
    }),
    associations: listOf(
      outputs,
      "describeDirectConnectGatewayAssociations",
      "directConnectGatewayAssociations",
      out,
    ).flatMap((a) => {
      const dxgw = str(a.directConnectGatewayId);
      const other = str(a.associatedGateway?.id) ?? str(a.virtualGatewayId);
      const state = str(a.associationState) ?? "unknown";
      return dxgw === undefined ||
        other === undefined ||
        state === "disassociated" ||
        state === "disassociating"
        ? []
        : [{ directConnectGatewayId: dxgw, associatedGatewayId: other, state }];
    }),
    vpns: listOf(outputs, "describeVpnConnections", "VpnConnections", out).flatMap((v) => {
      const vpn = vpnOf(v);
      return vpn === undefined || vpn.state === "deleted" || vpn.state === "deleting" ? [] : [vpn];
    }),
    customerGateways,
    groups: groupsOf(outputs, out),
  };
}
