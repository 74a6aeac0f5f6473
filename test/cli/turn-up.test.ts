import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  CloudFormationClient,
  CloudFormationServiceException,
  ListStackResourcesCommand,
  StackResourceSummary,
} from "@aws-sdk/client-cloudformation";
import {
  BGPPeer,
  Connection,
  ConnectionState,
  DescribeConnectionsCommand,
  DescribeLagsCommand,
  DescribeLoaCommand,
  DescribeRouterConfigurationCommand,
  DescribeVirtualInterfacesCommand,
  DirectConnectClient,
  DirectConnectClientConfig,
  DirectConnectServiceException,
  Lag,
  LagState,
  VirtualInterface,
  VirtualInterfaceState,
} from "@aws-sdk/client-direct-connect";
import { AwsClientStub, mockClient } from "aws-sdk-client-mock";
import { backoffCeiling, clientConfig, PAGE_SIZE } from "../../src/cli/aws-calls";
import { main, USAGE } from "../../src/cli/main";
import {
  CONNECTION_TO_DO,
  directConnectId,
  INTERFACE_TO_DO,
  KNOWN_ROUTER_TYPES,
  LAG_TO_DO,
  LOA_STATES,
  NO_ROUTER_TYPE_LIST,
  TURN_UP_USAGE,
} from "../../src/cli/turn-up";

// Issue 17, `dx-resiliency turn-up`: a stack's Direct Connect resources (CloudFormation ListStackResources),
// their states and what is left to do, the LOA-CFAs (DescribeLoa) and the router configurations
// (DescribeRouterConfiguration), against mocked SDK clients. Responses have the shapes of the API references
// (CloudFormation ListStackResources / StackResourceSummary; Direct Connect Connection, Lag,
// VirtualInterface, BGPPeer, Loa, DescribeRouterConfiguration / RouterType).

const ACCOUNT = "123456789012";
const REGION = "eu-west-1";
const STACK = "DxTurnUp";
const UPDATED = new Date("2024-05-01T10:00:00Z");
const LOA_TIME = new Date("2024-05-02T09:30:00Z");

/** A resource of the stack as ListStackResources returns it; the physical ID of a DX resource is its ARN. */
function resource(
  logicalId: string,
  type: string,
  physicalId?: string,
  status = "CREATE_COMPLETE",
): StackResourceSummary {
  return {
    LogicalResourceId: logicalId,
    PhysicalResourceId: physicalId,
    ResourceType: type,
    LastUpdatedTimestamp: UPDATED,
    ResourceStatus: status as StackResourceSummary["ResourceStatus"],
    DriftInformation: { StackResourceDriftStatus: "NOT_CHECKED" },
  };
}

const arn = (kind: "dxcon" | "dxlag" | "dxvif", id: string) =>
  `arn:aws:directconnect:${REGION}:${ACCOUNT}:${kind}/${id}`;

function connection(
  id: string,
  name: string,
  state: ConnectionState,
  extra: Partial<Connection> = {},
): Connection {
  return {
    ownerAccount: ACCOUNT,
    connectionId: id,
    connectionName: name,
    connectionState: state,
    region: REGION,
    location: "EqLD5",
    bandwidth: "10Gbps",
    loaIssueTime: LOA_TIME,
    awsDevice: "EqLD5-123h49s71dabc",
    awsDeviceV2: "EqLD5-123h49s71dabc",
    awsLogicalDeviceId: "EqLD5-2bn8d3hwl7x3f",
    jumboFrameCapable: true,
    hasLogicalRedundancy: "unknown",
    macSecCapable: false,
    tags: [],
    ...extra,
  };
}

function lag(id: string, name: string, state: LagState, members: Connection[]): Lag {
  return {
    connectionsBandwidth: "10Gbps",
    numberOfConnections: members.length,
    lagId: id,
    ownerAccount: ACCOUNT,
    lagName: name,
    lagState: state,
    location: "EqLD5",
    region: REGION,
    minimumLinks: 0,
    awsDevice: "EqLD5-123h49s71dabc",
    awsDeviceV2: "EqLD5-123h49s71dabc",
    awsLogicalDeviceId: "EqLD5-2bn8d3hwl7x3f",
    connections: members,
    allowsHostedConnections: false,
    jumboFrameCapable: true,
    hasLogicalRedundancy: "unknown",
    tags: [],
  };
}

function peer(id: string, status: "up" | "down" | "unknown", peerState = "available"): BGPPeer {
  return {
    bgpPeerId: id,
    asn: 65000,
    authKey: "0xSKEXAMPLE",
    addressFamily: "ipv4",
    amazonAddress: "169.254.255.1/30",
    customerAddress: "169.254.255.2/30",
    bgpPeerState: peerState as BGPPeer["bgpPeerState"],
    bgpStatus: status,
    awsDeviceV2: "EqLD5-123h49s71dabc",
    awsLogicalDeviceId: "EqLD5-2bn8d3hwl7x3f",
  };
}

function vif(
  id: string,
  type: "transit" | "private" | "public",
  on: string,
  vlan: number,
  state: VirtualInterfaceState,
  peers: BGPPeer[],
): VirtualInterface {
  return {
    ownerAccount: ACCOUNT,
    virtualInterfaceId: id,
    location: "EqLD5",
    connectionId: on,
    virtualInterfaceType: type,
    virtualInterfaceName: `${type}-${vlan}`,
    vlan,
    asn: 65000,
    amazonSideAsn: 64512,
    authKey: "0xSKEXAMPLE",
    amazonAddress: "169.254.255.1/30",
    customerAddress: "169.254.255.2/30",
    addressFamily: "ipv4",
    virtualInterfaceState: state,
    mtu: type === "public" ? 1500 : 8500,
    jumboFrameCapable: true,
    virtualGatewayId: "",
    directConnectGatewayId: type === "public" ? "" : "5f294f92-bafb-4011-916d-9b0bEXAMPLE",
    routeFilterPrefixes: type === "public" ? [{ cidr: "203.0.113.0/24" }] : [],
    bgpPeers: peers,
    region: REGION,
    awsDeviceV2: "EqLD5-123h49s71dabc",
    awsLogicalDeviceId: "EqLD5-2bn8d3hwl7x3f",
    tags: [],
    siteLinkEnabled: false,
  };
}

/**
 * A real minimal PDF (one empty page, its cross-reference table at the right offsets), as the bytes
 * DescribeLoa's loaContent decodes to.
 */
function minimalPdf(title: string): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    `<< /Title (${title}) >>`,
  ];
  let text = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, "0")} 00000 n \n`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(text, "latin1"));
}

const CISCO = {
  vendor: "Cisco Systems, Inc.",
  platform: "2900 Series Routers",
  software: "IOS 12.4+",
  xsltTemplateName: "customer-router-cisco-generic.xslt",
  xsltTemplateNameForMacSec: "",
  routerTypeIdentifier: "CiscoSystemsInc-2900SeriesRouters-IOS124",
};

function ciscoConfig(v: VirtualInterface): string {
  return [
    "! Amazon Web Services",
    "! Direct Connect",
    `! Virtual Interface ID: ${v.virtualInterfaceId}`,
    "!",
    "interface GigabitEthernet0/1",
    " no ip address",
    `interface GigabitEthernet0/1.${v.vlan}`,
    ` encapsulation dot1Q ${v.vlan}`,
    " ip address 169.254.255.2 255.255.255.252",
    "!",
    "router bgp 65000",
    " neighbor 169.254.255.1 remote-as 64512",
    " neighbor 169.254.255.1 password 0xSKEXAMPLE",
    "exit",
  ].join("\n");
}

// The mocked account: a LAG being provisioned with two members (one approved, one still under review), a
// port that is up, one that is down; a transit interface that is done, one waiting for its LAG, and a
// private interface up with its BGP session down.
const MEMBER_1 = connection("dxcon-fgq9rgot", "eqld5-lag-1", "pending", { lagId: "dxlag-ffrz71kw" });
const MEMBER_2 = connection("dxcon-fh6ayh1d", "eqld5-lag-2", "requested", { lagId: "dxlag-ffrz71kw" });
const PORT_UP = connection("dxcon-ffabc123", "eqld5-port-3", "available", {
  awsDeviceV2: "EqLD5-26wz6vEXAMPLE",
});
const PORT_DOWN = connection("dxcon-fgdown12", "tcsh-port-1", "down", { location: "TCSH" });
const LAG_1 = lag("dxlag-ffrz71kw", "eqld5-lag", "pending", [MEMBER_1, MEMBER_2]);
const VIF_DONE = vif("dxvif-ffhhk74f", "transit", PORT_UP.connectionId!, 101, "available", [
  peer("dxpeer-fgy9uv6x", "up"),
]);
const VIF_LAG = vif("dxvif-fgab1234", "transit", LAG_1.lagId!, 102, "pending", [
  peer("dxpeer-fh000001", "down", "pending"),
]);
const VIF_BGP_DOWN = vif("dxvif-fg5678ab", "private", PORT_DOWN.connectionId!, 103, "available", [
  peer("dxpeer-fh000002", "down"),
]);

const STACK_RESOURCES: StackResourceSummary[] = [
  resource("CDKMetadata", "AWS::CDK::Metadata", "1f0a3c80-07b1-11ef-9262-0242ac120002"),
  resource("Gateway", "AWS::DirectConnect::DirectConnectGateway", "5f294f92-bafb-4011-916d-9b0bEXAMPLE"),
  resource("Lag1", "AWS::DirectConnect::Lag", arn("dxlag", LAG_1.lagId!)),
  resource("Lag1Member1", "AWS::DirectConnect::Connection", arn("dxcon", MEMBER_1.connectionId!)),
  resource("Lag1Member2", "AWS::DirectConnect::Connection", arn("dxcon", MEMBER_2.connectionId!)),
  resource("Port3", "AWS::DirectConnect::Connection", arn("dxcon", PORT_UP.connectionId!)),
  resource("TcshPort1", "AWS::DirectConnect::Connection", arn("dxcon", PORT_DOWN.connectionId!)),
  resource(
    "TransitPort3",
    "AWS::DirectConnect::TransitVirtualInterface",
    arn("dxvif", VIF_DONE.virtualInterfaceId!),
  ),
  resource(
    "TransitLag1",
    "AWS::DirectConnect::TransitVirtualInterface",
    arn("dxvif", VIF_LAG.virtualInterfaceId!),
  ),
  resource(
    "PrivateTcsh",
    "AWS::DirectConnect::PrivateVirtualInterface",
    arn("dxvif", VIF_BGP_DOWN.virtualInterfaceId!),
  ),
  resource(
    "Group",
    "AWS::DirectConnect::ResiliencyGroup",
    `arn:aws:directconnect::${ACCOUNT}:dx-resiliency-group/dxrg-0123456789abcdefg`,
  ),
];

/** What the SDK's send resolves to besides the data. */
const METADATA = { $metadata: { httpStatusCode: 200, requestId: "req-1", attempts: 1, totalRetryDelay: 0 } };

interface Account {
  readonly cfn: AwsClientStub<CloudFormationClient>;
  readonly dx: AwsClientStub<DirectConnectClient>;
  readonly cloudFormation: CloudFormationClient;
  readonly directConnect: DirectConnectClient;
  readonly sleeps: number[];
}

let account: Account;
let tmp: string;

/** Mocked clients (instances, not classes) answering for the given resources, one page each. */
function mockAccount(
  resources: StackResourceSummary[],
  connections: Connection[],
  lags: Lag[],
  interfaces: VirtualInterface[],
): Account {
  const cloudFormation = new CloudFormationClient({ region: REGION });
  const directConnect = new DirectConnectClient({ region: REGION });
  const cfn = mockClient(cloudFormation);
  const dx = mockClient(directConnect);
  cfn.on(ListStackResourcesCommand).resolves({ ...METADATA, StackResourceSummaries: resources });
  dx.on(DescribeConnectionsCommand).resolves({ ...METADATA, connections: [] });
  for (const c of connections) {
    dx.on(DescribeConnectionsCommand, { connectionId: c.connectionId }).resolves({
      ...METADATA,
      connections: [c],
    });
  }
  dx.on(DescribeLagsCommand).resolves({ ...METADATA, lags: [] });
  for (const l of lags) dx.on(DescribeLagsCommand, { lagId: l.lagId }).resolves({ ...METADATA, lags: [l] });
  dx.on(DescribeVirtualInterfacesCommand).resolves({ ...METADATA, virtualInterfaces: [] });
  for (const v of interfaces) {
    dx.on(DescribeVirtualInterfacesCommand, { virtualInterfaceId: v.virtualInterfaceId }).resolves({
      ...METADATA,
      virtualInterfaces: [v],
    });
    dx.on(DescribeRouterConfigurationCommand, { virtualInterfaceId: v.virtualInterfaceId }).resolves({
      ...METADATA,
      customerRouterConfig: ciscoConfig(v),
      router: CISCO,
      virtualInterfaceId: v.virtualInterfaceId,
      virtualInterfaceName: v.virtualInterfaceName,
    });
  }
  for (const id of [...connections.map((c) => c.connectionId!), ...lags.map((l) => l.lagId!)]) {
    dx.on(DescribeLoaCommand, { connectionId: id }).resolves({
      ...METADATA,
      loaContent: minimalPdf(`LOA-CFA ${id}`),
      loaContentType: "application/pdf",
    });
  }
  return { cfn, dx, cloudFormation, directConnect, sleeps: [] };
}

function mockTheAccount(): Account {
  return mockAccount(
    STACK_RESOURCES,
    [MEMBER_1, MEMBER_2, PORT_UP, PORT_DOWN],
    [LAG_1],
    [VIF_DONE, VIF_LAG, VIF_BGP_DOWN],
  );
}

async function cli(
  args: string[],
  a: Account = account,
): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    {
      readLive: () => Promise.reject(new Error("not this command")),
      turnUp: {
        cloudFormation: a.cloudFormation,
        directConnect: a.directConnect,
        sleep: async (ms) => {
          a.sleeps.push(ms);
        },
      },
    },
  );
  return { code, out, err };
}

const TURN_UP = ["turn-up", "--stack", STACK, "--region", REGION];

/** Every command sent, by its class name, both clients. */
function commandsSent(a: Account = account): string[] {
  return [...a.cfn.calls(), ...a.dx.calls()].map((call) => call.args[0].constructor.name);
}

function serviceError(name: string, message: string, status = 400): DirectConnectServiceException {
  return new DirectConnectServiceException({
    name,
    $fault: "client",
    $metadata: { httpStatusCode: status },
    message,
  });
}

beforeEach(() => {
  account = mockTheAccount();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dx-turn-up-"));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("the mocked account", () => {
  test("prints each port, LAG and interface with its state and what is left to do; exit 1", async () => {
    const { code, out, err } = await cli(TURN_UP);
    expect(err).toEqual([]);
    expect(out).toEqual([
      `Stack ${STACK} in ${REGION}: 4 connection(s), 1 LAG(s), 3 virtual interface(s)`,
      "",
      "Ports and LAGs",
      'LAG dxlag-ffrz71kw (Lag1, "eqld5-lag") EqLD5 10Gbps links, 2 connection(s), minimum links 0: pending',
      `  -> ${LAG_TO_DO.pending}`,
      '  connection dxcon-fgq9rgot (Lag1Member1, "eqld5-lag-1") EqLD5 10Gbps: pending',
      `    -> ${CONNECTION_TO_DO.pending}`,
      '  connection dxcon-fh6ayh1d (Lag1Member2, "eqld5-lag-2") EqLD5 10Gbps: requested',
      `    -> ${CONNECTION_TO_DO.requested}`,
      'connection dxcon-ffabc123 (Port3, "eqld5-port-3") EqLD5 10Gbps: available',
      `  -> ${CONNECTION_TO_DO.available}`,
      'connection dxcon-fgdown12 (TcshPort1, "tcsh-port-1") TCSH 10Gbps: down',
      `  -> ${CONNECTION_TO_DO.down}`,
      "",
      "Virtual interfaces",
      'transit interface dxvif-ffhhk74f (TransitPort3, "transit-101") on dxcon-ffabc123, VLAN 101: available',
      "    BGP ipv4 peer dxpeer-fgy9uv6x: up (peer available), your ASN 65000, yours 169.254.255.2/30, AWS 169.254.255.1/30",
      `  -> ${INTERFACE_TO_DO.available}`,
      'transit interface dxvif-fgab1234 (TransitLag1, "transit-102") on dxlag-ffrz71kw, VLAN 102: pending',
      "    BGP ipv4 peer dxpeer-fh000001: down (peer pending), your ASN 65000, yours 169.254.255.2/30, AWS 169.254.255.1/30",
      `  -> ${INTERFACE_TO_DO.pending}; first its LAG dxlag-ffrz71kw must come up (pending)`,
      'private interface dxvif-fg5678ab (PrivateTcsh, "private-103") on dxcon-fgdown12, VLAN 103: available',
      "    BGP ipv4 peer dxpeer-fh000002: down (peer available), your ASN 65000, yours 169.254.255.2/30, AWS 169.254.255.1/30",
      "  -> BGP is down on dxpeer-fh000002: configure your router for it (VLAN, addresses, ASNs, BGP key: " +
        "--router-config TYPE DIR writes it), and check its BGP session; first its connection dxcon-fgdown12 " +
        "must come up (down)",
      "",
      "6 of 8 left to do.",
    ]);
    expect(code).toBe(1);
    // the BGP key is the router's secret: never printed
    expect(out.join("\n")).not.toContain("0xSKEXAMPLE");
  });

  test("the stack's Direct Connect IDs are taken from their ARNs and asked by ID, every page", async () => {
    await cli(TURN_UP);
    expect(account.cfn.commandCalls(ListStackResourcesCommand).map((c) => c.args[0].input)).toEqual([
      { StackName: STACK, NextToken: undefined },
    ]);
    expect(account.dx.commandCalls(DescribeConnectionsCommand).map((c) => c.args[0].input)).toEqual(
      ["dxcon-fgq9rgot", "dxcon-fh6ayh1d", "dxcon-ffabc123", "dxcon-fgdown12"].map((connectionId) => ({
        connectionId,
        maxResults: PAGE_SIZE,
        nextToken: undefined,
      })),
    );
    expect(account.dx.commandCalls(DescribeLagsCommand).map((c) => c.args[0].input)).toEqual([
      { lagId: "dxlag-ffrz71kw", maxResults: PAGE_SIZE, nextToken: undefined },
    ]);
    expect(
      account.dx
        .commandCalls(DescribeVirtualInterfacesCommand)
        .map((c) => c.args[0].input.virtualInterfaceId),
    ).toEqual(["dxvif-ffhhk74f", "dxvif-fgab1234", "dxvif-fg5678ab"]);
    // no LOA and no router configuration unless asked for
    expect(account.dx.commandCalls(DescribeLoaCommand)).toEqual([]);
    expect(account.dx.commandCalls(DescribeRouterConfigurationCommand)).toEqual([]);
  });

  test("everything available and every BGP session up: exit 0", async () => {
    const up = mockAccount(
      [
        resource("Port3", "AWS::DirectConnect::Connection", arn("dxcon", PORT_UP.connectionId!)),
        resource(
          "TransitPort3",
          "AWS::DirectConnect::TransitVirtualInterface",
          arn("dxvif", VIF_DONE.virtualInterfaceId!),
        ),
      ],
      [PORT_UP],
      [],
      [
        {
          ...VIF_DONE,
          bgpPeers: [
            peer("dxpeer-fgy9uv6x", "up"),
            { ...peer("dxpeer-fgy9ipv6", "up"), addressFamily: "ipv6" },
          ],
        },
      ],
    );
    const { code, out } = await cli(TURN_UP, up);
    expect(code).toBe(0);
    expect(out[out.length - 1]).toBe("All 2 available, every BGP session up: nothing left to do.");
  });
});

describe("physical IDs", () => {
  test.each([
    ["connection", "arn:aws:directconnect:eu-west-1:123456789012:dxcon/dxcon-fgq9rgot", "dxcon-fgq9rgot"],
    ["connection", "dxcon-fgq9rgot", "dxcon-fgq9rgot"],
    ["lag", "arn:aws-us-gov:directconnect:us-gov-west-1:123456789012:dxlag/dxlag-ffrz71kw", "dxlag-ffrz71kw"],
    ["lag", "dxlag-ffrz71kw", "dxlag-ffrz71kw"],
    ["transit", "arn:aws:directconnect:eu-west-1:123456789012:dxvif/dxvif-ffhhk74f", "dxvif-ffhhk74f"],
    ["private", "dxvif-ffhhk74f", "dxvif-ffhhk74f"],
    ["public", "arn:aws-cn:directconnect:cn-north-1:123456789012:dxvif/dxvif-ffhhk74f", "dxvif-ffhhk74f"],
    ["connection", "arn:aws:directconnect:eu-west-1:123456789012:dxlag/dxlag-ffrz71kw", undefined],
    ["lag", "not-an-id", undefined],
  ] as const)("%s %s: %s", (kind, physicalId, id) => {
    expect(directConnectId(kind, physicalId)).toBe(id);
  });

  test("a resource CloudFormation did not create, and one Direct Connect does not know, are left to do", async () => {
    const a = mockAccount(
      [
        {
          ...resource("Port9", "AWS::DirectConnect::Connection", undefined, "CREATE_FAILED"),
          ResourceStatusReason: "Bandwidth not available at location",
        },
        resource("Port8", "AWS::DirectConnect::Connection", arn("dxcon", "dxcon-gone0001")),
        resource("Port3", "AWS::DirectConnect::Connection", arn("dxcon", PORT_UP.connectionId!)),
        resource(
          "Removed",
          "AWS::DirectConnect::Connection",
          arn("dxcon", "dxcon-removed1"),
          "DELETE_COMPLETE",
        ),
      ],
      [PORT_UP],
      [],
      [],
    );
    const { code, out } = await cli(TURN_UP, a);
    expect(code).toBe(1);
    expect(out).toContain(
      "connection Port9: not created (CREATE_FAILED: Bandwidth not available at location); fix the stack and deploy again",
    );
    expect(out).toContain(
      `connection dxcon-gone0001 (Port8): not found in ${REGION} (deleted outside the stack?)`,
    );
    expect(out.join("\n")).not.toContain("Removed");
    expect(out[out.length - 1]).toBe("2 of 3 left to do.");
  });
});

/** A stack of one resource in a state, and the command's output on it. */
async function oneResource(
  type: string,
  physicalId: string,
  connections: Connection[],
  lags: Lag[],
  interfaces: VirtualInterface[],
) {
  const a = mockAccount([resource("Only", type, physicalId)], connections, lags, interfaces);
  return cli(TURN_UP, a);
}

describe("every state says what is left to do", () => {
  test.each(Object.values(ConnectionState))("connection %s", async (state) => {
    const c = connection("dxcon-fstate01", "port", state);
    const { code, out } = await oneResource(
      "AWS::DirectConnect::Connection",
      arn("dxcon", "dxcon-fstate01"),
      [c],
      [],
      [],
    );
    expect(out).toContain(`connection dxcon-fstate01 (Only, "port") EqLD5 10Gbps: ${state}`);
    expect(out).toContain(`  -> ${CONNECTION_TO_DO[state]}`);
    expect(code).toBe(state === "available" ? 0 : 1);
  });

  test("the connection to-dos of the turn-up states", () => {
    expect(CONNECTION_TO_DO.requested).toMatch(/LOA-CFA.*--loa DIR.*colocation provider.*cross-connect/);
    expect(CONNECTION_TO_DO.pending).toMatch(/^AWS approved the port and is provisioning it/);
    expect(CONNECTION_TO_DO.down).toMatch(/cross-connect.*router's port/);
    expect(CONNECTION_TO_DO.ordering).toMatch(/accept it \(ConfirmConnection/);
    expect(CONNECTION_TO_DO.available).toMatch(/^done/);
  });

  test.each(Object.values(LagState))("LAG %s", async (state) => {
    const l = lag("dxlag-fstate01", "lag", state, []);
    const { code, out } = await oneResource(
      "AWS::DirectConnect::Lag",
      arn("dxlag", "dxlag-fstate01"),
      [],
      [l],
      [],
    );
    expect(out).toContain(
      `LAG dxlag-fstate01 (Only, "lag") EqLD5 10Gbps links, 0 connection(s), minimum links 0: ${state}`,
    );
    expect(out).toContain(`  -> ${LAG_TO_DO[state]}`);
    expect(code).toBe(state === "available" ? 0 : 1);
  });

  test.each(Object.values(VirtualInterfaceState))("virtual interface %s (BGP up)", async (state) => {
    const v = vif("dxvif-fstate01", "public", "dxcon-notinstk", 200, state, [peer("dxpeer-fstate01", "up")]);
    const { code, out } = await oneResource(
      "AWS::DirectConnect::PublicVirtualInterface",
      arn("dxvif", "dxvif-fstate01"),
      [],
      [],
      [v],
    );
    expect(out).toContain(
      `public interface dxvif-fstate01 (Only, "public-200") on dxcon-notinstk, VLAN 200: ${state}`,
    );
    expect(out).toContain(`  -> ${INTERFACE_TO_DO[state]}`);
    expect(code).toBe(state === "available" ? 0 : 1);
  });

  test("the interface to-dos send the router team to --router-config; confirming asks for the acceptance", () => {
    for (const state of ["pending", "down", "verifying"] as const) {
      expect(INTERFACE_TO_DO[state]).toContain("configure your router");
      expect(INTERFACE_TO_DO[state]).toContain("--router-config TYPE DIR");
    }
    expect(INTERFACE_TO_DO.confirming).toMatch(/accept it/);
  });

  test.each(["down", "unknown"] as const)(
    "an available interface with BGP %s is left to do",
    async (status) => {
      const v = vif("dxvif-fbgp0001", "transit", "dxlag-notinstk", 300, "available", [
        peer("dxpeer-fbgp0004", "up"),
        {
          ...peer("dxpeer-fbgp0006", status),
          addressFamily: "ipv6",
          customerAddress: undefined,
          amazonAddress: undefined,
        },
      ]);
      const { code, out } = await oneResource(
        "AWS::DirectConnect::TransitVirtualInterface",
        arn("dxvif", "dxvif-fbgp0001"),
        [],
        [],
        [v],
      );
      expect(code).toBe(1);
      expect(out).toContain(`    BGP ipv6 peer dxpeer-fbgp0006: ${status} (peer available), your ASN 65000`);
      expect(out).toContainEqual(
        expect.stringMatching(/^ {2}-> BGP is down on dxpeer-fbgp0006: configure your router/),
      );
    },
  );

  test("an available interface without a BGP peer is left to do", async () => {
    const v = vif("dxvif-fnopeer1", "private", "dxcon-notinstk", 301, "available", []);
    const { code, out } = await oneResource(
      "AWS::DirectConnect::PrivateVirtualInterface",
      arn("dxvif", "dxvif-fnopeer1"),
      [],
      [],
      [v],
    );
    expect(code).toBe(1);
    expect(out).toContain("  -> no BGP peer: add one (BgpPeers in the stack)");
  });

  test("a 32-bit ASN is printed from asnLong", async () => {
    const v = vif("dxvif-fasn0001", "transit", "dxlag-notinstk", 300, "available", [
      { ...peer("dxpeer-fasn0001", "up"), asn: 0, asnLong: 4200000001 },
    ]);
    const { out } = await oneResource(
      "AWS::DirectConnect::TransitVirtualInterface",
      arn("dxvif", "dxvif-fasn0001"),
      [],
      [],
      [v],
    );
    expect(out.join("\n")).toContain("your ASN 4200000001");
  });
});

describe("pagination", () => {
  test("ListStackResources: every page, the NextToken passed on", async () => {
    account.cfn
      .on(ListStackResourcesCommand)
      .resolves({ StackResourceSummaries: STACK_RESOURCES.slice(0, 4), NextToken: "cfn-page-2" });
    account.cfn
      .on(ListStackResourcesCommand, { NextToken: "cfn-page-2" })
      .resolves({ StackResourceSummaries: STACK_RESOURCES.slice(4) });
    const { out } = await cli(TURN_UP);
    expect(account.cfn.commandCalls(ListStackResourcesCommand).map((c) => c.args[0].input)).toEqual([
      { StackName: STACK, NextToken: undefined },
      { StackName: STACK, NextToken: "cfn-page-2" },
    ]);
    expect(out[0]).toBe(`Stack ${STACK} in ${REGION}: 4 connection(s), 1 LAG(s), 3 virtual interface(s)`);
  });

  test.each([
    [
      "DescribeConnections",
      DescribeConnectionsCommand,
      "connections",
      { connectionId: PORT_UP.connectionId },
      PORT_UP,
    ],
    ["DescribeLags", DescribeLagsCommand, "lags", { lagId: LAG_1.lagId }, LAG_1],
    [
      "DescribeVirtualInterfaces",
      DescribeVirtualInterfacesCommand,
      "virtualInterfaces",
      { virtualInterfaceId: VIF_DONE.virtualInterfaceId },
      VIF_DONE,
    ],
  ] as const)(
    "%s by ID: every page read (the ID on the second page)",
    async (_name, command, list, byId, item) => {
      const mock = account.dx as unknown as {
        on(command: unknown, input?: object): { resolves(output: object): void };
      };
      mock.on(command, byId).resolves({ [list]: [], nextToken: "dx-page-2" });
      mock.on(command, { ...byId, nextToken: "dx-page-2" }).resolves({ [list]: [item] });
      const { out } = await cli(TURN_UP);
      const inputs = account.dx
        .calls()
        .filter((call) => call.args[0] instanceof command)
        .map((call) => call.args[0].input as Record<string, unknown>)
        .filter((input) => Object.entries(byId).every(([k, v]) => input[k] === v));
      expect(inputs).toEqual([
        { ...byId, maxResults: PAGE_SIZE, nextToken: undefined },
        { ...byId, maxResults: PAGE_SIZE, nextToken: "dx-page-2" },
      ]);
      expect(out.join("\n")).not.toContain("not found");
    },
  );
});

describe("throttling and errors", () => {
  test("throttled calls are retried with backoff: ListStackResources, DescribeLags, DescribeLoa", async () => {
    const throttled = new CloudFormationServiceException({
      name: "Throttling",
      $fault: "client",
      $metadata: { httpStatusCode: 400 },
      message: "Rate exceeded",
    });
    account.cfn
      .on(ListStackResourcesCommand)
      .rejectsOnce(throttled)
      .rejectsOnce(throttled)
      .resolves({ StackResourceSummaries: STACK_RESOURCES });
    account.dx
      .on(DescribeLagsCommand, { lagId: LAG_1.lagId })
      .rejectsOnce(serviceError("ThrottlingException", "Rate exceeded"))
      .resolves({ lags: [LAG_1] });
    account.dx
      .on(DescribeLoaCommand, { connectionId: PORT_DOWN.connectionId })
      .rejectsOnce(serviceError("TooManyRequestsException", "Too many requests", 429))
      .resolves({ loaContent: minimalPdf("down"), loaContentType: "application/pdf" });
    const { code, err } = await cli([...TURN_UP, "--loa", tmp]);
    expect(code).toBe(1);
    expect(account.cfn.commandCalls(ListStackResourcesCommand)).toHaveLength(3);
    expect(account.dx.commandCalls(DescribeLagsCommand)).toHaveLength(2);
    expect(
      account.dx.commandCalls(DescribeLoaCommand, { connectionId: PORT_DOWN.connectionId }),
    ).toHaveLength(2);
    expect(account.sleeps).toHaveLength(4);
    expect(account.sleeps[0]).toBeLessThan(backoffCeiling(1));
    expect(account.sleeps[1]).toBeLessThan(backoffCeiling(2));
    expect(err).toEqual([
      expect.stringMatching(/^ListStackResources: Throttling on attempt 1 of 8; retrying in \d+ ms$/),
      expect.stringMatching(/^ListStackResources: Throttling on attempt 2 of 8; retrying in \d+ ms$/),
      expect.stringMatching(/^DescribeLags: ThrottlingException on attempt 1 of 8; retrying in \d+ ms$/),
      expect.stringMatching(/^DescribeLoa: TooManyRequestsException on attempt 1 of 8; retrying in \d+ ms$/),
    ]);
    expect(fs.existsSync(path.join(tmp, `${PORT_DOWN.connectionId}.pdf`))).toBe(true);
  });

  test.each([
    ["ListStackResources", "cloudformation:ListStackResources"],
    ["DescribeConnections", "directconnect:DescribeConnections"],
    ["DescribeLags", "directconnect:DescribeLags"],
    ["DescribeVirtualInterfaces", "directconnect:DescribeVirtualInterfaces"],
    ["DescribeLoa", "directconnect:DescribeLoa"],
    ["DescribeRouterConfiguration", "directconnect:DescribeRouterConfiguration"],
  ])("%s denied: exit 2, the message names %s, no retry", async (call, action) => {
    const message = `User: arn:aws:iam::${ACCOUNT}:user/reader is not authorized to perform: ${action}`;
    if (call === "ListStackResources") {
      account.cfn.on(ListStackResourcesCommand).rejects(
        new CloudFormationServiceException({
          name: "AccessDenied",
          $fault: "client",
          $metadata: { httpStatusCode: 403 },
          message,
        }),
      );
    } else {
      const commands = {
        DescribeConnections: DescribeConnectionsCommand,
        DescribeLags: DescribeLagsCommand,
        DescribeVirtualInterfaces: DescribeVirtualInterfacesCommand,
        DescribeLoa: DescribeLoaCommand,
        DescribeRouterConfiguration: DescribeRouterConfigurationCommand,
      } as Record<string, unknown>;
      (account.dx as unknown as { on(c: unknown): { rejects(e: Error): void } })
        .on(commands[call])
        .rejects(serviceError("AccessDeniedException", message));
    }
    const { code, err } = await cli([
      ...TURN_UP,
      "--loa",
      tmp,
      "--router-config",
      CISCO.routerTypeIdentifier,
      tmp,
    ]);
    expect(code).toBe(2);
    expect(err).toEqual([
      `dx-resiliency: ${call} was denied (${call === "ListStackResources" ? "AccessDenied" : "AccessDeniedException"}: ` +
        `${message}): dx-resiliency reads the account read-only, and it needs the IAM action ${action}`,
    ]);
    expect(account.sleeps).toEqual([]);
  });

  test("throttling that outlasts the attempts: exit 2, the call named", async () => {
    account.dx
      .on(DescribeVirtualInterfacesCommand)
      .rejects(serviceError("ThrottlingException", "Rate exceeded"));
    const { code, err } = await cli(TURN_UP);
    expect(code).toBe(2);
    expect(err[err.length - 1]).toBe(
      "dx-resiliency: DescribeVirtualInterfaces gave up after 8 attempts (ThrottlingException: Rate exceeded): " +
        "the account is throttling its API calls or the service is failing; try again later",
    );
    expect(account.sleeps).toHaveLength(7);
  });

  test("a stack that does not exist: exit 2, check --stack and --region", async () => {
    account.cfn.on(ListStackResourcesCommand).rejects(
      new CloudFormationServiceException({
        name: "ValidationError",
        $fault: "client",
        $metadata: { httpStatusCode: 400 },
        message: `Stack with id ${STACK} does not exist`,
      }),
    );
    const { code, err } = await cli(TURN_UP);
    expect(code).toBe(2);
    expect(err).toEqual([
      `dx-resiliency: stack ${STACK} not found in ${REGION} (ListStackResources: ValidationError: Stack with id ` +
        `${STACK} does not exist): check --stack and --region`,
    ]);
  });

  test("a stack without Direct Connect resources: exit 2", async () => {
    const a = mockAccount([resource("Bucket", "AWS::S3::Bucket", "my-bucket")], [], [], []);
    const { code, err } = await cli(TURN_UP, a);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/has no Direct Connect connection, LAG or virtual interface: nothing to turn up/);
  });
});

describe("--loa DIR", () => {
  test("writes <id>.pdf for each port and LAG waiting for its cross-connect, the bytes DescribeLoa returned", async () => {
    const dir = path.join(tmp, "loa");
    const { code, out } = await cli([...TURN_UP, "--loa", dir]);
    expect(code).toBe(1);
    const waiting = [LAG_1.lagId!, MEMBER_1.connectionId!, MEMBER_2.connectionId!, PORT_DOWN.connectionId!];
    expect(fs.readdirSync(dir).sort()).toEqual(waiting.map((id) => `${id}.pdf`).sort());
    for (const id of waiting) {
      const bytes = fs.readFileSync(path.join(dir, `${id}.pdf`));
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(new Uint8Array(bytes)).toEqual(minimalPdf(`LOA-CFA ${id}`));
    }
    expect(account.dx.commandCalls(DescribeLoaCommand).map((c) => c.args[0].input)).toEqual(
      waiting.map((connectionId) => ({ connectionId, loaContentType: "application/pdf" })),
    );
    const size = minimalPdf(`LOA-CFA ${LAG_1.lagId}`).length;
    expect(out.slice(out.indexOf(`LOA-CFA (DescribeLoa) into ${dir}`))).toEqual([
      `LOA-CFA (DescribeLoa) into ${dir}`,
      `  dxlag-ffrz71kw: pending, wrote ${path.join(dir, "dxlag-ffrz71kw.pdf")} (${size} bytes)`,
      `  dxcon-fgq9rgot: pending, wrote ${path.join(dir, "dxcon-fgq9rgot.pdf")} (${size} bytes)`,
      `  dxcon-fh6ayh1d: requested, wrote ${path.join(dir, "dxcon-fh6ayh1d.pdf")} (${size} bytes)`,
      "  dxcon-ffabc123: available, none written (only requested, pending, down wait for a cross-connect)",
      `  dxcon-fgdown12: down, wrote ${path.join(dir, "dxcon-fgdown12.pdf")} (${size} bytes)`,
    ]);
    expect(LOA_STATES).toEqual(["requested", "pending", "down"]);
  });

  test("a port whose LOA-CFA AWS has not issued yet: a note, no file, the command goes on", async () => {
    account.dx
      .on(DescribeLoaCommand, { connectionId: MEMBER_2.connectionId })
      .rejects(
        serviceError("DirectConnectClientException", "The LOA for this connection is not yet available"),
      );
    const { code, out } = await cli([...TURN_UP, "--loa", tmp]);
    expect(code).toBe(1);
    expect(out).toContain(
      "  dxcon-fh6ayh1d: requested, no LOA-CFA yet (DirectConnectClientException: The LOA for this connection is not yet available)",
    );
    expect(fs.existsSync(path.join(tmp, "dxcon-fh6ayh1d.pdf"))).toBe(false);
    expect(fs.existsSync(path.join(tmp, "dxcon-fgdown12.pdf"))).toBe(true);
  });

  test("the SDK decodes the base64 loaContent of the JSON response into the PDF's bytes (wire level)", async () => {
    const pdf = minimalPdf("LOA-CFA dxcon-fgdown12");
    const requests: Array<{ target: string; body: unknown }> = [];
    // the Direct Connect JSON protocol on the wire, as the API reference shows it: blobs in base64
    const responses: Record<string, unknown> = {
      DescribeConnections: { connections: [{ ...PORT_DOWN, loaIssueTime: LOA_TIME.getTime() / 1000 }] },
      DescribeLoa: { loaContent: Buffer.from(pdf).toString("base64"), loaContentType: "application/pdf" },
    };
    const requestHandler = {
      handle: async (request: { headers: Record<string, string>; body: Uint8Array }) => {
        const target = request.headers["x-amz-target"].replace("OvertureService.", "");
        requests.push({ target, body: JSON.parse(new TextDecoder().decode(request.body)) });
        return {
          response: {
            statusCode: 200,
            headers: { "content-type": "application/x-amz-json-1.1" },
            body: Buffer.from(JSON.stringify(responses[target])),
          },
        };
      },
    };
    const wire = new DirectConnectClient({
      region: REGION,
      credentials: {
        accessKeyId: "AKIDEXAMPLE",
        secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      },
      requestHandler: requestHandler as unknown as DirectConnectClientConfig["requestHandler"],
    });
    const a = mockAccount(
      [resource("TcshPort1", "AWS::DirectConnect::Connection", arn("dxcon", PORT_DOWN.connectionId!))],
      [],
      [],
      [],
    );
    const { code, out } = await cli([...TURN_UP, "--loa", tmp], { ...a, directConnect: wire });
    expect(code).toBe(1);
    expect(requests).toEqual([
      {
        target: "DescribeConnections",
        body: { connectionId: PORT_DOWN.connectionId, maxResults: PAGE_SIZE },
      },
      {
        target: "DescribeLoa",
        body: { connectionId: PORT_DOWN.connectionId, loaContentType: "application/pdf" },
      },
    ]);
    const written = fs.readFileSync(path.join(tmp, `${PORT_DOWN.connectionId}.pdf`));
    expect(new Uint8Array(written)).toEqual(pdf);
    expect(written.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(out).toContain(
      `  dxcon-fgdown12: down, wrote ${path.join(tmp, "dxcon-fgdown12.pdf")} (${pdf.length} bytes)`,
    );
  });
});

describe("--router-config", () => {
  test("TYPE DIR writes each interface's configuration to <vif-id>.txt, readable by its owner only", async () => {
    const dir = path.join(tmp, "routers");
    const { code, out } = await cli([...TURN_UP, "--router-config", CISCO.routerTypeIdentifier, dir]);
    expect(code).toBe(1);
    const vifs = [VIF_DONE, VIF_LAG, VIF_BGP_DOWN];
    expect(fs.readdirSync(dir).sort()).toEqual(vifs.map((v) => `${v.virtualInterfaceId}.txt`).sort());
    for (const v of vifs) {
      const file = path.join(dir, `${v.virtualInterfaceId}.txt`);
      expect(fs.readFileSync(file, "utf8")).toBe(`${ciscoConfig(v)}\n`);
      // the mode's permission bits (the last three octal digits)
      expect((fs.statSync(file).mode % 0o1000).toString(8)).toBe("600");
    }
    expect(account.dx.commandCalls(DescribeRouterConfigurationCommand).map((c) => c.args[0].input)).toEqual(
      vifs.map((v) => ({
        virtualInterfaceId: v.virtualInterfaceId,
        routerTypeIdentifier: CISCO.routerTypeIdentifier,
      })),
    );
    expect(out).toContain(
      `  dxvif-ffhhk74f: wrote ${path.join(dir, "dxvif-ffhhk74f.txt")} for CiscoSystemsInc-2900SeriesRouters-IOS124 ` +
        "(Cisco Systems, Inc. 2900 Series Routers, IOS 12.4+)",
    );
  });

  test("an interface that will not come up gets none", async () => {
    const deleted = { ...VIF_BGP_DOWN, virtualInterfaceState: "deleted" as const };
    account.dx
      .on(DescribeVirtualInterfacesCommand, { virtualInterfaceId: deleted.virtualInterfaceId })
      .resolves({ virtualInterfaces: [deleted] });
    const { out } = await cli([...TURN_UP, "--router-config", CISCO.routerTypeIdentifier, tmp]);
    expect(out).toContain("  dxvif-fg5678ab: deleted, none written");
    expect(fs.existsSync(path.join(tmp, "dxvif-fg5678ab.txt"))).toBe(false);
  });

  test("a router type the API does not know: exit 2, pointing to --router-config list", async () => {
    account.dx
      .on(DescribeRouterConfigurationCommand)
      .rejects(serviceError("DirectConnectClientException", "Router type identifier is not valid"));
    const { code, err } = await cli([...TURN_UP, "--router-config", "Acme-Router9000", tmp]);
    expect(code).toBe(2);
    expect(err[0]).toMatch(
      /^dx-resiliency: DescribeRouterConfiguration failed \(DirectConnectClientException: Router type identifier is not valid\); .* \(is Acme-Router9000 a router type\? dx-resiliency turn-up --router-config list\)$/,
    );
  });

  test("list: the API cannot list router types; what the call returns without a type, and the known types", async () => {
    account.dx
      .on(DescribeRouterConfigurationCommand, { virtualInterfaceId: VIF_DONE.virtualInterfaceId })
      .resolves({
        customerRouterConfig: ciscoConfig(VIF_DONE),
        router: CISCO,
        virtualInterfaceId: VIF_DONE.virtualInterfaceId,
        virtualInterfaceName: VIF_DONE.virtualInterfaceName,
      });
    const { code, out } = await cli([...TURN_UP, "--router-config", "list"]);
    expect(code).toBe(0);
    expect(out[0]).toBe(NO_ROUTER_TYPE_LIST);
    expect(out[1]).toBe(
      "Asked without a router type for dxvif-ffhhk74f, DescribeRouterConfiguration returned: " +
        "CiscoSystemsInc-2900SeriesRouters-IOS124 (Cisco Systems, Inc. 2900 Series Routers, IOS 12.4+).",
    );
    expect(out).toContainEqual(
      expect.stringMatching(/^ {2}JuniperNetworksInc-MMXSeriesRouters-JunOS95 +Juniper Networks/),
    );
    expect(out.filter((l) => l.startsWith("  "))).toHaveLength(KNOWN_ROUTER_TYPES.length);
    expect(account.dx.commandCalls(DescribeRouterConfigurationCommand).map((c) => c.args[0].input)).toEqual([
      { virtualInterfaceId: VIF_DONE.virtualInterfaceId, routerTypeIdentifier: undefined },
    ]);
    // no status report, no file
    expect(out.join("\n")).not.toContain("left to do");
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  test("list: an error of the call without a type is printed as what the API answered", async () => {
    account.dx
      .on(DescribeRouterConfigurationCommand)
      .rejects(serviceError("DirectConnectClientException", "routerTypeIdentifier is required"));
    const { code, out } = await cli([...TURN_UP, "--router-config", "list"]);
    expect(code).toBe(0);
    expect(out[1]).toBe(
      "Asked without a router type for dxvif-ffhhk74f, DescribeRouterConfiguration answered " +
        "DirectConnectClientException: routerTypeIdentifier is required.",
    );
  });

  test("the evidence names the API's shapes", () => {
    expect(NO_ROUTER_TYPE_LIST).toMatch(/no call that lists router types/);
    expect(NO_ROUTER_TYPE_LIST).toMatch(/returns one `router` \(a RouterType: vendor, platform, software/);
  });
});

describe("read-only", () => {
  const READ_ONLY = /^(Describe|List|Get)\w+Command$/;

  test("a whole run with --loa and --router-config sends list and describe calls only", async () => {
    await cli([
      ...TURN_UP,
      "--loa",
      path.join(tmp, "loa"),
      "--router-config",
      CISCO.routerTypeIdentifier,
      path.join(tmp, "rc"),
    ]);
    const sent = commandsSent();
    expect(sent.length).toBe(1 + 4 + 1 + 3 + 4 + 3);
    expect(sent.filter((name) => !READ_ONLY.test(name))).toEqual([]);
  });

  test("so does --router-config list", async () => {
    await cli([...TURN_UP, "--router-config", "list"]);
    expect(commandsSent().filter((name) => !READ_ONLY.test(name))).toEqual([]);
  });
});

describe("usage", () => {
  test.each([
    [["turn-up"], /--stack NAME is required/],
    [["turn-up", "--stack"], /argument missing/],
    [
      ["turn-up", "--stack", STACK, "--router-config"],
      /--router-config needs a router type and a directory \(TYPE DIR\), or list/,
    ],
    [
      ["turn-up", "--stack", STACK, "--router-config", CISCO.routerTypeIdentifier],
      /--router-config CiscoSystemsInc-2900SeriesRouters-IOS124 needs a directory/,
    ],
    [
      ["turn-up", "--stack", STACK, "--router-config", "list", "--router-config", "list"],
      /--router-config given twice/,
    ],
    [["turn-up", "--stack", STACK, "--router-config", "--loa", "x"], /--router-config needs a router type/],
    [["turn-up", "--stack", STACK, "extra"], /Unexpected argument 'extra'/],
    [["turn-up", "--stack", STACK, "--color"], /Unknown option '--color'/],
  ])("%j: exit 2", async (args, message) => {
    const { code, err } = await cli(args as string[]);
    expect(code).toBe(2);
    expect(err.join("\n")).toMatch(message);
    expect(err[err.length - 1]).toBe("Run dx-resiliency --help for the options.");
    expect(commandsSent()).toEqual([]);
  });

  test("--router-config=TYPE DIR works too", async () => {
    const { code } = await cli([...TURN_UP, `--router-config=${CISCO.routerTypeIdentifier}`, tmp]);
    expect(code).toBe(1);
    expect(fs.readdirSync(tmp)).toHaveLength(3);
  });

  test("--help prints the usage with the exit codes; the tool's usage lists turn-up", async () => {
    const { code, out } = await cli(["turn-up", "--help"]);
    expect(code).toBe(0);
    expect(out).toEqual([TURN_UP_USAGE]);
    expect(TURN_UP_USAGE).toMatch(/^Usage: dx-resiliency turn-up --stack NAME/);
    expect(TURN_UP_USAGE).toContain(
      "Exit codes: 0 every port, LAG and interface available and every BGP session up; 1",
    );
    expect(USAGE).toMatch(/^ {2}turn-up {4}from order to first packet/m);
    expect(USAGE).toContain(TURN_UP_USAGE);
  });

  test("the clients it makes make one attempt (the retries are the command's), with the SDK's Region when none is given", () => {
    expect(clientConfig("eu-west-1", "prod")).toEqual({
      region: "eu-west-1",
      maxAttempts: 1,
      profile: "prod",
    });
    expect(clientConfig(undefined)).toEqual({ maxAttempts: 1 });
  });
});

describe("docs/turn-up.md", () => {
  const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "turn-up.md"), "utf8");

  /** The rows of the table under a bold title: its first cells' `state` names. */
  function statesOf(title: string): string[] {
    const table = doc.split(`**${title}**\n\n`)[1].split("\n\n")[0];
    return table
      .split("\n")
      .slice(2)
      .flatMap((row) => [...row.split("|")[1].matchAll(/`(\w+)`/g)].map((m) => m[1]));
  }

  test.each([
    ["Connections (ports)", Object.values(ConnectionState)],
    ["LAGs", Object.values(LagState)],
    ["Virtual interfaces", Object.values(VirtualInterfaceState)],
  ])("the %s table has every state the API returns", (title, states) => {
    expect(statesOf(title).sort()).toEqual([...states].sort());
  });

  test("its IAM policy has every action the usage names", () => {
    const policy = JSON.parse(/```json\n([\s\S]*?)```/.exec(doc)![1]);
    const actions: string[] = policy.Statement[0].Action;
    expect(actions).toEqual([
      "cloudformation:ListStackResources",
      "directconnect:DescribeConnections",
      "directconnect:DescribeLags",
      "directconnect:DescribeVirtualInterfaces",
      "directconnect:DescribeLoa",
      "directconnect:DescribeRouterConfiguration",
    ]);
    for (const action of actions) expect(TURN_UP_USAGE.replace(/\s+/g, " ")).toContain(action.split(":")[1]);
  });

  test("its sample output is the mocked account's, lines cut at ...", async () => {
    const sample = /```text\n([\s\S]*?)```/.exec(doc)![1].trimEnd().split("\n");
    const { out } = await cli(TURN_UP);
    const cut = (line: string, printed: string) =>
      line.endsWith(" ...") ? printed.startsWith(line.slice(0, -4)) : printed === line;
    expect(sample.length).toBe(out.length);
    expect(sample.filter((line, i) => !cut(line, out[i]))).toEqual([]);
  });
});
