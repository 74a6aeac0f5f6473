import * as fs from "fs";
import * as path from "path";
import {
  CloudFormationClient,
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
  DescribeRouterConfigurationResponse,
  DescribeVirtualInterfacesCommand,
  DirectConnectClient,
  Lag,
  LagState,
  RouterType,
  VirtualInterface,
  VirtualInterfaceState,
} from "@aws-sdk/client-direct-connect";
import {
  allPages,
  Call,
  CallContext,
  callContext,
  clientConfig,
  cloudFormation,
  dx,
  errorName,
  errorText,
  PAGE_SIZE,
  withRetries,
} from "./aws-calls";
import { CliIo, UsageError, parseOptions } from "./io";
import { GONE } from "../analyse/estate/slots";

// dx-resiliency turn-up: from order to first packet. Finds a deployed stack's Direct Connect ports, LAGs and
// virtual interfaces, prints each one's state and what is left to do, and writes the LOA-CFA of each port
// and LAG (--loa DIR) and the router configuration of each interface (--router-config TYPE DIR). Read-only:
// list and describe calls only.

export const TURN_UP_USAGE = `Usage: dx-resiliency turn-up --stack NAME [--region REGION] [--profile PROFILE] [--loa DIR]
                             [--router-config TYPE DIR | --router-config list]

From order to first packet: finds the Direct Connect ports, LAGs and virtual interfaces of a deployed stack
(CloudFormation ListStackResources), prints the state of each, the BGP status of each interface's peers,
and what is left to do. Read-only: list and describe calls only.

  --stack NAME            the stack's name or ID
  --region REGION         its Region (default: the AWS SDK's, from AWS_REGION or the profile)
  --profile PROFILE       the AWS profile of the credentials
  --loa DIR               write the LOA-CFA of each port and LAG still waiting for its cross-connect
                          (requested, pending or down) to DIR/<id>.pdf (DescribeLoa)
  --router-config TYPE DIR
                          write the router configuration of each interface for the router type TYPE
                          (such as CiscoSystemsInc-2900SeriesRouters-IOS124) to DIR/<vif-id>.txt
                          (DescribeRouterConfiguration); the files hold the BGP keys
  --router-config list    what DescribeRouterConfiguration tells of router types, and the known ones
  -h, --help              this help

IAM actions: cloudformation:ListStackResources, directconnect:DescribeConnections, DescribeLags,
DescribeVirtualInterfaces; with --loa directconnect:DescribeLoa; with --router-config
directconnect:DescribeRouterConfiguration.

Exit codes: 0 every port, LAG and interface available and every BGP session up; 1 something is left to do
(each line says what); 2 a usage error, or an AWS error (the message names the call and the IAM action).
See https://github.com/cdk-direct-connect-resiliency/cdk-direct-connect-resiliency/blob/main/docs/turn-up.md`;

const OPTIONS = {
  stack: { type: "string" },
  region: { type: "string" },
  profile: { type: "string" },
  loa: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** The clients and the retry settings of `turn-up`, replaceable in tests. */
export interface TurnUpClients {
  readonly cloudFormation: CloudFormationClient;
  readonly directConnect: DirectConnectClient;
  /** Waits between attempts; a timer when absent. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Attempts per call, the first included. Default 8. */
  readonly maxAttempts?: number;
}

/** What the command uses from outside, replaceable in tests. */
export interface TurnUpDeps {
  /** Clients made from --region and --profile when absent. */
  readonly turnUp?: TurnUpClients;
}

/** The Direct Connect resources of a stack that turn-up reads, by CloudFormation resource type. */
const RESOURCE_KINDS = {
  "AWS::DirectConnect::Connection": "connection",
  "AWS::DirectConnect::Lag": "lag",
  "AWS::DirectConnect::TransitVirtualInterface": "transit",
  "AWS::DirectConnect::PrivateVirtualInterface": "private",
  "AWS::DirectConnect::PublicVirtualInterface": "public",
} as const;
type Kind = (typeof RESOURCE_KINDS)[keyof typeof RESOURCE_KINDS];

/**
 * The Direct Connect ID in a physical resource ID: CloudFormation's physical ID of these resources is what
 * Ref returns, the ARN (arn:aws:directconnect:eu-west-1:123456789012:dxcon/dxcon-fgq9rgot); a bare ID is
 * read too. Undefined when it holds none of the kind's prefix.
 */
export function directConnectId(kind: Kind, physicalId: string): string | undefined {
  const prefix = kind === "connection" ? "dxcon" : kind === "lag" ? "dxlag" : "dxvif";
  return new RegExp(`(?:^|/)(${prefix}-[a-zA-Z0-9]+)$`).exec(physicalId)?.[1];
}

/** What is left to do for a connection (a port) in each state (API Connection.connectionState). */
export const CONNECTION_TO_DO: Record<ConnectionState, string> = {
  ordering:
    "a hosted connection waiting for your acceptance: accept it (ConfirmConnection, in the console or " +
    "`aws directconnect confirm-connection`); your partner provides the circuit",
  requested:
    "AWS is reviewing the order (up to 72 hours; answer any AWS email within 7 days or the order is " +
    "deleted): when AWS issues the LOA-CFA, download it (--loa DIR) and give it to your colocation provider " +
    "to order the cross-connect",
  pending:
    "AWS approved the port and is provisioning it: download the LOA-CFA (--loa DIR) and give it to your " +
    "colocation provider to order the cross-connect, if not done; the port comes up when the cross-connect " +
    "reaches your router",
  available: "done: the link is up",
  down:
    "the link is down: if the cross-connect is not in yet, order it with the LOA-CFA (--loa DIR); if it is, " +
    "check the cross-connect with your colocation provider, and your router's port, optic and light levels",
  deleting: "AWS is deleting the port: it will not come up; a new port has a new ID and a new LOA-CFA",
  deleted: "the port is deleted: it will not come up; a new port has a new ID and a new LOA-CFA",
  rejected: "a hosted connection that was declined: ask your partner for a new one",
  unknown: "AWS reports no state: check the port in the console, or ask AWS Support",
};

/** What is left to do for a LAG in each state (API Lag.lagState). */
export const LAG_TO_DO: Record<LagState, string> = {
  requested:
    "AWS is reviewing the order: when AWS issues the LOA-CFA, download it (--loa DIR) and give it to your " +
    "colocation provider to order the cross-connects",
  pending:
    "AWS approved the LAG and is provisioning it: download the LOA-CFA (--loa DIR) and order the " +
    "cross-connects, if not done",
  available: "done: the LAG is up",
  down:
    "the LAG is down (fewer links up than its minimum): see its connections; if it has none, it carries " +
    "nothing yet",
  deleting: "AWS is deleting the LAG: it will not come up",
  deleted: "the LAG is deleted: it will not come up",
  unknown: "AWS reports no state: check the LAG in the console, or ask AWS Support",
};

const ROUTER =
  "configure your router for it (VLAN, addresses, ASNs, BGP key: --router-config TYPE DIR writes it)";

/** What is left to do for a virtual interface in each state (API VirtualInterface.virtualInterfaceState). */
export const INTERFACE_TO_DO: Record<VirtualInterfaceState, string> = {
  confirming:
    "waiting for its owner's acceptance: accept it in the account that owns it (ConfirmPrivateVirtualInterface, " +
    "ConfirmPublicVirtualInterface or ConfirmTransitVirtualInterface)",
  verifying: `AWS is verifying your public prefixes (up to 72 hours); meanwhile ${ROUTER}`,
  pending: `${ROUTER}; it becomes available when BGP comes up`,
  available: "done: BGP is up",
  down: `BGP is down: ${ROUTER}, and check its BGP session`,
  testing:
    "a BGP failover test holds the session down: it ends at the test's end, or with StopBgpFailoverTest",
  deleting: "AWS is deleting the interface: it will not come up",
  deleted: "the interface is deleted: it will not come up",
  rejected: "its owner declined it: it will not come up",
  unknown: "AWS reports no state: check the interface in the console, or ask AWS Support",
};

/** The states in which a port or LAG still waits for its cross-connect: --loa writes their LOA-CFA. */
export const LOA_STATES: ReadonlyArray<string> = ["requested", "pending", "down"];

/**
 * Router types as published outside the API (the Terraform AWS provider's documentation of
 * aws_dx_router_configuration): the Direct Connect API has no call that lists them.
 */
export const KNOWN_ROUTER_TYPES: ReadonlyArray<readonly [identifier: string, router: string]> = [
  ["CiscoSystemsInc-2900SeriesRouters-IOS124", "Cisco Systems, Inc. 2900 Series Routers, IOS 12.4+"],
  ["CiscoSystemsInc-3700SeriesRouters-IOS124", "Cisco Systems, Inc. 3700 Series Routers, IOS 12.4+"],
  ["CiscoSystemsInc-7200SeriesRouters-IOS124", "Cisco Systems, Inc. 7200 Series Routers, IOS 12.4+"],
  [
    "CiscoSystemsInc-Nexus7000SeriesSwitches-NXOS51",
    "Cisco Systems, Inc. Nexus 7000 Series Switches, NX-OS 5.1+",
  ],
  [
    "CiscoSystemsInc-Nexus9KSeriesSwitches-NXOS93",
    "Cisco Systems, Inc. Nexus 9K+ Series Switches, NX-OS 9.3+",
  ],
  ["JuniperNetworksInc-MMXSeriesRouters-JunOS95", "Juniper Networks, Inc. M/MX Series Routers, JunOS 9.5+"],
  ["JuniperNetworksInc-SRXSeriesRouters-JunOS95", "Juniper Networks, Inc. SRX Series Routers, JunOS 9.5+"],
  ["JuniperNetworksInc-TSeriesRouters-JunOS95", "Juniper Networks, Inc. T Series Routers, JunOS 9.5+"],
  [
    "PaloAltoNetworks-PA3000and5000series-PANOS803",
    "Palo Alto Networks PA-3000+ and 5000+ series, PAN-OS 8.0.3+",
  ],
];

/** Why --router-config list cannot list from the API, with the evidence. */
export const NO_ROUTER_TYPE_LIST =
  "The Direct Connect API has no call that lists router types: DescribeRouterConfiguration takes one " +
  "routerTypeIdentifier (optional) and returns one `router` (a RouterType: vendor, platform, software, " +
  "xsltTemplateName, xsltTemplateNameForMacSec, routerTypeIdentifier), not a list, and the API has no other " +
  "router call (API reference: DescribeRouterConfiguration, RouterType). The console's \"Download router " +
  'configuration" dialog shows the current types.';

/** One Direct Connect resource of the stack, and what the describe call returned of it. */
interface StackItem<T> {
  readonly kind: Kind;
  readonly logicalId: string;
  /** CloudFormation's status of the resource, with its reason. */
  readonly status: string;
  readonly reason?: string;
  readonly physicalId?: string;
  /** The Direct Connect ID, when the physical ID holds one. */
  readonly id?: string;
  /** What the describe call returned; undefined when it returned nothing. */
  found?: T;
}

/** What turn-up read of the stack and of Direct Connect. */
interface Read {
  readonly stack: string;
  readonly region: string;
  readonly connections: StackItem<Connection>[];
  readonly lags: StackItem<Lag>[];
  readonly interfaces: StackItem<VirtualInterface>[];
}

/** The argument of `--router-config`: a router type and a directory, or `list`. */
type RouterConfigArg = { readonly type: string; readonly dir: string } | "list";

/**
 * Takes `--router-config TYPE DIR` or `--router-config list` out of the arguments: parseArgs knows options
 * of one value only.
 */
function takeRouterConfig(args: string[]): { rest: string[]; routerConfig?: RouterConfigArg } {
  const at = args.flatMap((a, i) => (a === "--router-config" || a.startsWith("--router-config=") ? [i] : []));
  if (at.length === 0) return { rest: args };
  if (at.length > 1) throw new UsageError("--router-config given twice");
  const i = at[0];
  const inline = args[i].includes("=") ? args[i].slice(args[i].indexOf("=") + 1) : undefined;
  const values = inline === undefined ? args.slice(i + 1, i + 3) : [inline, args[i + 1]];
  const [type, dir] = values.map((v) => (v === undefined || v.startsWith("-") ? undefined : v));
  const taken = inline === undefined ? 1 : 0;
  if (type === undefined || type === "") {
    throw new UsageError("--router-config needs a router type and a directory (TYPE DIR), or list");
  }
  if (type === "list") {
    return { rest: [...args.slice(0, i), ...args.slice(i + 1 + taken)], routerConfig: "list" };
  }
  if (dir === undefined) {
    throw new UsageError(`--router-config ${type} needs a directory: --router-config TYPE DIR`);
  }
  return { rest: [...args.slice(0, i), ...args.slice(i + 2 + taken)], routerConfig: { type, dir } };
}

async function readStack(
  context: CallContext,
  clients: TurnUpClients,
  stack: string,
  region: string,
): Promise<Read> {
  const listCall = cloudFormation("ListStackResources");
  let resources: StackResourceSummary[];
  try {
    // ListStackResources, not DescribeStackResources: the latter returns only the first 100 resources.
    resources = await allPages(context, listCall, "StackResourceSummaries", (token: string | undefined) =>
      clients.cloudFormation.send(new ListStackResourcesCommand({ StackName: stack, NextToken: token })),
    );
  } catch (e) {
    const cause = (e as Error).cause;
    if (errorName(cause) === "ValidationError") {
      throw new Error(
        `stack ${stack} not found in ${region} (ListStackResources: ${errorText(cause)}): check --stack and --region`,
        { cause },
      );
    }
    throw e;
  }
  const read: Read = { stack, region, connections: [], lags: [], interfaces: [] };
  for (const resource of resources) {
    const kind = RESOURCE_KINDS[resource.ResourceType as keyof typeof RESOURCE_KINDS];
    if (kind === undefined || resource.ResourceStatus === "DELETE_COMPLETE") continue;
    const physicalId = resource.PhysicalResourceId === "" ? undefined : resource.PhysicalResourceId;
    const item = {
      kind,
      logicalId: resource.LogicalResourceId ?? "?",
      status: resource.ResourceStatus ?? "?",
      reason: resource.ResourceStatusReason,
      physicalId,
      id: physicalId === undefined ? undefined : directConnectId(kind, physicalId),
    };
    if (kind === "connection") read.connections.push(item);
    else if (kind === "lag") read.lags.push(item);
    else read.interfaces.push(item);
  }

  // every page, even asked by ID (the calls page)
  const dc = clients.directConnect;
  await findEach(
    read.connections,
    (c) => c.connectionId,
    (id) =>
      allPages(context, dx("DescribeConnections"), "connections", (nextToken: string | undefined) =>
        dc.send(new DescribeConnectionsCommand({ connectionId: id, maxResults: PAGE_SIZE, nextToken })),
      ),
  );
  await findEach(
    read.lags,
    (l) => l.lagId,
    (id) =>
      allPages(context, dx("DescribeLags"), "lags", (nextToken: string | undefined) =>
        dc.send(new DescribeLagsCommand({ lagId: id, maxResults: PAGE_SIZE, nextToken })),
      ),
  );
  await findEach(
    read.interfaces,
    (v) => v.virtualInterfaceId,
    (id) =>
      allPages(
        context,
        dx("DescribeVirtualInterfaces"),
        "virtualInterfaces",
        (nextToken: string | undefined) =>
          dc.send(
            new DescribeVirtualInterfacesCommand({
              virtualInterfaceId: id,
              maxResults: PAGE_SIZE,
              nextToken,
            }),
          ),
      ),
  );
  return read;
}

/** Describes each item by its ID, and keeps the entry with that ID as what was found. */
async function findEach<T>(
  items: StackItem<T>[],
  idOf: (found: T) => string | undefined,
  describe: (id: string) => Promise<T[]>,
): Promise<void> {
  for (const item of items) {
    const id = item.id;
    if (id !== undefined) item.found = (await describe(id)).find((f) => idOf(f) === id);
  }
}

/** The status report: its lines, and how many resources are left to do. */
interface Report {
  readonly lines: string[];
  readonly leftToDo: number;
  readonly total: number;
}

/** `(LogicalId, "name")` of an item. */
function names(item: StackItem<unknown>, name: string | undefined): string {
  return `(${[item.logicalId, name === undefined || name === "" ? undefined : JSON.stringify(name)]
    .filter((n) => n !== undefined)
    .join(", ")})`;
}

/** The line of a resource CloudFormation did not create, or Direct Connect does not know; undefined when read. */
function missing(item: StackItem<unknown>, what: string, region: string): string | undefined {
  if (item.physicalId === undefined) {
    const reason = item.reason === undefined || item.reason === "" ? "" : `: ${item.reason}`;
    return `${what} ${item.logicalId}: not created (${item.status}${reason}); fix the stack and deploy again`;
  }
  if (item.id === undefined) {
    return `${what} ${item.logicalId}: its physical ID ${item.physicalId} holds no Direct Connect ID`;
  }
  if (item.found === undefined) {
    return `${what} ${item.id} (${item.logicalId}): not found in ${region} (deleted outside the stack?)`;
  }
  return undefined;
}

function connectionLines(
  item: StackItem<Connection>,
  region: string,
  indent: string,
): { lines: string[]; done: boolean } {
  const gone = missing(item, "connection", region);
  if (gone !== undefined) return { lines: [`${indent}${gone}`], done: false };
  const c = item.found!;
  const state = (c.connectionState ?? "unknown") as ConnectionState;
  const where = [c.location, c.bandwidth].filter((v) => v !== undefined).join(" ");
  const lag = indent === "" && c.lagId !== undefined && c.lagId !== "" ? `, in LAG ${c.lagId}` : "";
  return {
    lines: [
      `${indent}connection ${item.id} ${names(item, c.connectionName)} ${where}${lag}: ${state}`,
      `${indent}  -> ${CONNECTION_TO_DO[state] ?? CONNECTION_TO_DO.unknown}`,
    ],
    done: state === "available",
  };
}

function lagLines(item: StackItem<Lag>, region: string): { lines: string[]; done: boolean } {
  const gone = missing(item, "LAG", region);
  if (gone !== undefined) return { lines: [gone], done: false };
  const l = item.found!;
  const state = (l.lagState ?? "unknown") as LagState;
  const members = l.connections?.length ?? l.numberOfConnections ?? 0;
  const where = [
    l.location,
    l.connectionsBandwidth === undefined ? undefined : `${l.connectionsBandwidth} links`,
  ]
    .filter((v) => v !== undefined)
    .join(" ");
  return {
    lines: [
      `LAG ${item.id} ${names(item, l.lagName)} ${where}, ${members} connection(s), minimum links ${l.minimumLinks ?? 0}: ${state}`,
      `  -> ${LAG_TO_DO[state] ?? LAG_TO_DO.unknown}`,
    ],
    done: state === "available",
  };
}

function peerLine(peer: BGPPeer): string {
  const asn = peer.asnLong ?? peer.asn;
  const addresses =
    peer.customerAddress === undefined && peer.amazonAddress === undefined
      ? ""
      : `, yours ${peer.customerAddress ?? "?"}, AWS ${peer.amazonAddress ?? "?"}`;
  return (
    `    BGP ${peer.addressFamily ?? "?"} peer ${peer.bgpPeerId ?? "?"}: ${peer.bgpStatus ?? "unknown"} ` +
    `(peer ${peer.bgpPeerState ?? "unknown"}), your ASN ${asn ?? "?"}${addresses}`
  );
}

function interfaceLines(item: StackItem<VirtualInterface>, read: Read): { lines: string[]; done: boolean } {
  const what = `${item.kind} interface`;
  const gone = missing(item, what, read.region);
  if (gone !== undefined) return { lines: [gone], done: false };
  const v = item.found!;
  const state = (v.virtualInterfaceState ?? "unknown") as VirtualInterfaceState;
  const peers = v.bgpPeers ?? [];
  const lines = [
    `${what} ${item.id} ${names(item, v.virtualInterfaceName)} on ${v.connectionId ?? "?"}, VLAN ${v.vlan ?? "?"}: ${state}`,
    ...peers.map(peerLine),
  ];
  const down = peers.filter((p) => p.bgpStatus !== "up");
  let toDo = INTERFACE_TO_DO[state] ?? INTERFACE_TO_DO.unknown;
  if (state === "available" && peers.length === 0) {
    toDo = "no BGP peer: add one (BgpPeers in the stack)";
  } else if (state === "available" && down.length > 0) {
    toDo = `BGP is down on ${down.map((p) => p.bgpPeerId ?? p.addressFamily ?? "?").join(", ")}: ${ROUTER}, and check its BGP session`;
  }
  const done = state === "available" && peers.length > 0 && down.length === 0;
  // BGP cannot come up before the port or LAG under the interface does
  const parentState = parentStateOf(v.connectionId, read);
  if (!done && !GONE.has(state) && parentState !== undefined && parentState !== "available") {
    const parent = v.connectionId!.startsWith("dxlag-") ? "LAG" : "connection";
    toDo += `; first its ${parent} ${v.connectionId} must come up (${parentState})`;
  }
  lines.push(`  -> ${toDo}`);
  return { lines, done };
}

/** The state of the port or LAG an interface is on, when the stack holds it. */
function parentStateOf(id: string | undefined, read: Read): string | undefined {
  if (id === undefined) return undefined;
  const lag = read.lags.find((l) => l.id === id)?.found;
  if (lag !== undefined) return lag.lagState;
  return read.connections.find((c) => c.id === id)?.found?.connectionState;
}

function report(read: Read): Report {
  const lines: string[] = [];
  let leftToDo = 0;
  let total = 0;
  const add = (part: { lines: string[]; done: boolean }) => {
    lines.push(...part.lines);
    total++;
    if (!part.done) leftToDo++;
  };
  lines.push(
    `Stack ${read.stack} in ${read.region}: ${read.connections.length} connection(s), ${read.lags.length} LAG(s), ` +
      `${read.interfaces.length} virtual interface(s)`,
  );
  if (read.connections.length + read.lags.length > 0) lines.push("", "Ports and LAGs");
  const shown = new Set<StackItem<Connection>>();
  for (const lag of read.lags) {
    add(lagLines(lag, read.region));
    for (const member of read.connections.filter((c) => lag.id !== undefined && c.found?.lagId === lag.id)) {
      add(connectionLines(member, read.region, "  "));
      shown.add(member);
    }
  }
  for (const connection of read.connections.filter((c) => !shown.has(c))) {
    add(connectionLines(connection, read.region, ""));
  }
  if (read.interfaces.length > 0) lines.push("", "Virtual interfaces");
  for (const vif of read.interfaces) add(interfaceLines(vif, read));
  lines.push(
    "",
    leftToDo === 0
      ? `All ${total} available, every BGP session up: nothing left to do.`
      : `${leftToDo} of ${total} left to do.`,
  );
  return { lines, leftToDo, total };
}

/** Writes the LOA-CFA of each port and LAG in a LOA state to DIR/<id>.pdf. */
async function writeLoas(context: CallContext, clients: TurnUpClients, read: Read, dir: string, io: CliIo) {
  io.out("");
  io.out(`LOA-CFA (DescribeLoa) into ${dir}`);
  const items: Array<{ id?: string; state?: string }> = [
    ...read.lags.map((l) => ({ id: l.id, state: l.found?.lagState })),
    ...read.connections.map((c) => ({ id: c.id, state: c.found?.connectionState })),
  ];
  for (const { id, state } of items) {
    if (id === undefined || state === undefined) continue;
    if (!LOA_STATES.includes(state)) {
      io.out(`  ${id}: ${state}, none written (only ${LOA_STATES.join(", ")} wait for a cross-connect)`);
      continue;
    }
    let bytes: Uint8Array | undefined;
    try {
      const loa = await withRetries(context, dx("DescribeLoa"), () =>
        clients.directConnect.send(
          new DescribeLoaCommand({ connectionId: id, loaContentType: "application/pdf" }),
        ),
      );
      bytes = loa.loaContent;
    } catch (e) {
      // A port AWS has not issued the LOA-CFA of yet (requested) is refused as a client error: a note, not
      // a failure of the command. Denied access and credentials stay errors.
      if (errorName((e as Error).cause) !== "DirectConnectClientException") throw e;
      io.out(`  ${id}: ${state}, no LOA-CFA yet (${errorText((e as Error).cause)})`);
      continue;
    }
    if (bytes === undefined || bytes.length === 0) {
      io.out(`  ${id}: ${state}, DescribeLoa returned no LOA-CFA yet`);
      continue;
    }
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${id}.pdf`);
    fs.writeFileSync(file, bytes);
    io.out(`  ${id}: ${state}, wrote ${file} (${bytes.length} bytes)`);
  }
}

function routerName(router: RouterType | undefined): string {
  if (router === undefined) return "no router in the response";
  const what = [router.vendor, router.platform].filter((v) => v !== undefined && v !== "").join(" ");
  return `${router.routerTypeIdentifier ?? "?"} (${what}${router.software ? `, ${router.software}` : ""})`;
}

async function describeRouterConfiguration(
  context: CallContext,
  clients: TurnUpClients,
  virtualInterfaceId: string,
  routerTypeIdentifier?: string,
): Promise<DescribeRouterConfigurationResponse> {
  const call: Call = dx("DescribeRouterConfiguration");
  return withRetries(context, call, () =>
    clients.directConnect.send(
      new DescribeRouterConfigurationCommand({ virtualInterfaceId, routerTypeIdentifier }),
    ),
  );
}

/** Writes the router configuration of each interface for a router type to DIR/<vif-id>.txt. */
async function writeRouterConfigs(
  context: CallContext,
  clients: TurnUpClients,
  read: Read,
  routerType: string,
  dir: string,
  io: CliIo,
) {
  io.out("");
  io.out(`Router configuration for ${routerType} (DescribeRouterConfiguration) into ${dir}`);
  for (const item of read.interfaces) {
    const state = item.found?.virtualInterfaceState;
    if (item.id === undefined || state === undefined) continue;
    if (GONE.has(state)) {
      io.out(`  ${item.id}: ${state}, none written`);
      continue;
    }
    let output: DescribeRouterConfigurationResponse;
    try {
      output = await describeRouterConfiguration(context, clients, item.id, routerType);
    } catch (e) {
      if (errorName((e as Error).cause) === "DirectConnectClientException") {
        throw new Error(
          `${(e as Error).message} (is ${routerType} a router type? dx-resiliency turn-up --router-config list)`,
          { cause: e },
        );
      }
      throw e;
    }
    const text = output.customerRouterConfig;
    if (text === undefined || text === "") {
      io.out(`  ${item.id}: DescribeRouterConfiguration returned no configuration`);
      continue;
    }
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${item.id}.txt`);
    // the configuration holds the BGP key: readable by its owner only
    fs.writeFileSync(file, text.endsWith("\n") ? text : `${text}\n`, { mode: 0o600 });
    io.out(`  ${item.id}: wrote ${file} for ${routerName(output.router)}`);
  }
}

/** --router-config list: what DescribeRouterConfiguration says without a type, the evidence, the known types. */
async function listRouterTypes(context: CallContext, clients: TurnUpClients, read: Read, io: CliIo) {
  io.out(NO_ROUTER_TYPE_LIST);
  const vif = read.interfaces.find(
    (i) => i.id !== undefined && i.found !== undefined && !GONE.has(i.found.virtualInterfaceState ?? ""),
  );
  if (vif === undefined) {
    io.out(`The stack has no virtual interface to ask DescribeRouterConfiguration about.`);
  } else {
    try {
      const output = await describeRouterConfiguration(context, clients, vif.id!);
      io.out(
        `Asked without a router type for ${vif.id}, DescribeRouterConfiguration returned: ${routerName(output.router)}.`,
      );
    } catch (e) {
      if (errorName((e as Error).cause) !== "DirectConnectClientException") throw e;
      io.out(
        `Asked without a router type for ${vif.id}, DescribeRouterConfiguration answered ` +
          `${errorText((e as Error).cause)}.`,
      );
    }
  }
  io.out("");
  io.out(
    "Known router types (not from the API: published with the Terraform AWS provider's " +
      "aws_dx_router_configuration; the console may offer more):",
  );
  const width = Math.max(...KNOWN_ROUTER_TYPES.map(([id]) => id.length));
  for (const [id, router] of KNOWN_ROUTER_TYPES) io.out(`  ${id.padEnd(width)}  ${router}`);
}

export async function turnUpCommand(args: string[], io: CliIo, deps: TurnUpDeps): Promise<number> {
  const { rest, routerConfig } = takeRouterConfig(args);
  const o = parseOptions(rest, OPTIONS);
  if (o.help) {
    io.out(TURN_UP_USAGE);
    return 0;
  }
  if (o.stack === undefined || o.stack === "") throw new UsageError("--stack NAME is required");
  if (o.loa === "") throw new UsageError("--loa needs a directory");

  const config = clientConfig(o.region, o.profile);
  const created: TurnUpClients | undefined =
    deps.turnUp === undefined
      ? { cloudFormation: new CloudFormationClient(config), directConnect: new DirectConnectClient(config) }
      : undefined;
  const clients = deps.turnUp ?? created!;
  const context = callContext({
    profile: o.profile,
    sleep: clients.sleep,
    maxAttempts: clients.maxAttempts,
    log: io.err,
  });
  try {
    let region: string;
    try {
      region = o.region ?? (await clients.directConnect.config.region());
    } catch (e) {
      throw new UsageError(`no Region: give --region REGION (${(e as Error).message})`);
    }
    const read = await readStack(context, clients, o.stack, region);
    if (read.connections.length + read.lags.length + read.interfaces.length === 0) {
      io.err(
        `dx-resiliency: stack ${o.stack} in ${region} has no Direct Connect connection, LAG or virtual interface: ` +
          "nothing to turn up (check --stack and --region)",
      );
      return 2;
    }
    if (routerConfig === "list") {
      await listRouterTypes(context, clients, read, io);
      return 0;
    }
    const status = report(read);
    for (const line of status.lines) io.out(line);
    if (o.loa !== undefined) await writeLoas(context, clients, read, o.loa, io);
    if (routerConfig !== undefined) {
      await writeRouterConfigs(context, clients, read, routerConfig.type, routerConfig.dir, io);
    }
    return status.leftToDo === 0 ? 0 : 1;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    io.err(`dx-resiliency: ${(e as Error).message}`);
    return 2;
  } finally {
    created?.cloudFormation.destroy();
    created?.directConnect.destroy();
  }
}
