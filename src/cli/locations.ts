import { DescribeLocationsCommand, DirectConnectClient, Location } from "@aws-sdk/client-direct-connect";
import { AssemblyStack, CloudAssembly, readCloudAssembly } from "./assembly";
import { callContext, directConnectClient, dx, withRetries } from "./aws-calls";
import { CliIo, UsageError, parseOptions } from "./io";

// dx-resiliency locations: the Direct Connect locations of a Region with the port speeds and MACsec port
// speeds each offers (DescribeLocations, read-only), and the check of a cloud assembly's ports and LAGs
// against them before deploy. The list comes only from the per-Region API: AWS publishes no static one
// (docs/facts.md §7), and which speeds and MACsec speeds a location offers is per location (§4.1, §4.3).

/** What the command uses from outside, replaceable in tests. */
export interface LocationsDeps {
  /**
   * The Direct Connect client of a Region; when absent, one made with `maxAttempts: 1` (the retries are
   * the command's own) from the Region and profile, and destroyed after the call.
   */
  readonly directConnect?: (region: string, profile: string | undefined) => DirectConnectClient;
  /** Waits between attempts on throttling; a timer when absent. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export const LOCATIONS_USAGE = `Usage: dx-resiliency locations --region REGION [--profile PROFILE]
       dx-resiliency locations --app DIR [--region REGION] [--profile PROFILE]

Lists the Direct Connect locations of a Region with the port speeds and MACsec port speeds each offers
(DescribeLocations, read-only); with --app, checks instead every location code and port speed a CDK app
orders against them, before deploy.

  --region REGION    the Region whose locations are listed; with --app, the Region of the stacks that
                     have none of their own (environment-agnostic): a stack with a Region is checked
                     against the locations of that Region
  --profile PROFILE  the AWS profile of the credentials
  --app DIR          a cloud assembly (cdk.out, as cdk synth writes it): checks the Location, the
                     Bandwidth (ConnectionsBandwidth) and RequestMACSec of every
                     AWS::DirectConnect::Connection and AWS::DirectConnect::Lag of its stacks, stages
                     and nested stacks
  -h, --help         this help

Exit codes: 0 listed, or every value matches (values known only at deploy are "not checked"); 1 a
mismatch: unknown location code, speed or MACsec speed not offered; 2 a usage, input or AWS error.
See https://github.com/cdk-direct-connect-resiliency/cdk-direct-connect-resiliency/blob/main/docs/locations.md`;

const OPTIONS = {
  region: { type: "string" },
  profile: { type: "string" },
  app: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** The one call of the command. It takes no filter and returns the Region's whole list: it does not page. */
const DESCRIBE_LOCATIONS = dx("DescribeLocations");

export async function locationsCommand(args: string[], io: CliIo, deps: LocationsDeps): Promise<number> {
  const o = parseOptions(args, OPTIONS);
  if (o.help) {
    io.out(LOCATIONS_USAGE);
    return 0;
  }
  if (o.app === undefined) {
    if (o.region === undefined) {
      throw new UsageError(
        "give --region REGION (the Region whose locations to list), or --app DIR to check an app",
      );
    }
    const listed = await describe([o.region], o.profile, io, deps);
    if (listed === undefined) return 2;
    for (const line of locationTable(o.region, listed.get(o.region)!)) io.out(line);
    return 0;
  }

  let assembly: CloudAssembly;
  try {
    assembly = readCloudAssembly(o.app);
  } catch (e) {
    io.err(`dx-resiliency: ${(e as Error).message}`);
    return 2;
  }
  const stacks = assembly.stacks
    .map((stack) => ({ stack, orders: ordersOf(stack) }))
    .filter(({ orders }) => orders.length > 0);
  const agnostic = stacks.filter(({ stack }) => stack.region === undefined).map(({ stack }) => stack.name);
  if (agnostic.length > 0 && o.region === undefined) {
    throw new UsageError(
      `give --region REGION: ${agnostic.join(", ")} ` +
        (agnostic.length === 1
          ? "has no Region of its own (environment-agnostic) and orders"
          : "have no Region of their own (environment-agnostic) and order") +
        " Direct Connect ports",
    );
  }
  const total = stacks.reduce((n, { orders }) => n + orders.length, 0);
  const unread = assembly.unreadNestedStacks;
  if (total === 0 && unread.length === 0) {
    io.out(`No AWS::DirectConnect::Connection or AWS::DirectConnect::Lag in ${o.app}: nothing to check`);
    return 0;
  }
  const regions = [...new Set(stacks.map(({ stack }) => stack.region ?? o.region!))].sort();
  const known = await describe(regions, o.profile, io, deps);
  if (known === undefined) return 2;

  const counts = { MISMATCH: 0, "NOT CHECKED": 0, OK: 0 };
  for (const { stack, orders } of stacks) {
    const region = stack.region ?? o.region!;
    io.out(
      `${stack.name}: ${plural(orders.length, "port or LAG", "ports and LAGs")}, ${regionNote(stack, o.region)}`,
    );
    for (const order of orders) {
      const findings = checkOrder(order, region, known);
      const status = findings.some((f) => f.status === "MISMATCH")
        ? "MISMATCH"
        : findings.length > 0
          ? "NOT CHECKED"
          : "OK";
      counts[status]++;
      const subject = `${stack.name} ${order.logicalId} (${order.kind})`;
      if (findings.length === 0) io.out(`  OK ${subject}: ${summary(order)}`);
      for (const f of findings) io.out(`  ${f.status} ${subject}: ${f.message}`);
    }
  }
  for (const nested of unread) {
    io.out(
      `  NOT CHECKED ${nested.stack} ${nested.logicalId} (nested stack): its template is not in the cloud ` +
        "assembly, so its ports and LAGs are not read",
    );
  }
  io.out(
    `${counts.MISMATCH} mismatch(es), ${counts["NOT CHECKED"]} not checked, ${counts.OK} match, of ` +
      `${plural(total, "port or LAG", "ports and LAGs")} in ${plural(stacks.length, "stack", "stacks")}` +
      (unread.length > 0 ? `; ${plural(unread.length, "nested stack", "nested stacks")} not read` : ""),
  );
  return counts.MISMATCH > 0 ? 1 : 0;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Which Region's locations a stack is checked against, and why. */
function regionNote(stack: AssemblyStack, option: string | undefined): string {
  if (stack.region === undefined) {
    return `checked against the locations of ${option} (--region: the stack is environment-agnostic)`;
  }
  const other = option !== undefined && option !== stack.region ? `, not --region ${option}` : "";
  return `checked against the locations of ${stack.region} (the stack's own Region${other})`;
}

/**
 * The locations of each Region, one DescribeLocations call per Region, retried on throttling. Undefined
 * after an error, which it prints (naming the Region, the call and the IAM action it needs).
 */
async function describe(
  regions: string[],
  profile: string | undefined,
  io: CliIo,
  deps: LocationsDeps,
): Promise<Map<string, Location[]> | undefined> {
  const context = callContext({ sleep: deps.sleep, log: io.err, profile });
  const known = new Map<string, Location[]>();
  for (const region of regions) {
    const client = deps.directConnect?.(region, profile) ?? directConnectClient(region, profile);
    try {
      const output = await withRetries(context, DESCRIBE_LOCATIONS, () =>
        client.send(new DescribeLocationsCommand({})),
      );
      known.set(region, output.locations ?? []);
    } catch (e) {
      io.err(`dx-resiliency: ${region}: ${(e as Error).message}`);
      return undefined;
    } finally {
      if (deps.directConnect === undefined) client.destroy();
    }
  }
  return known;
}

/** A speed as Mbps ("10Gbps" is 10000), or undefined when it is not `<number>Mbps` or `<number>Gbps`. */
function mbps(speed: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([MG])bps\s*$/i.exec(speed);
  if (match === null) return undefined;
  return Number(match[1]) * (match[2].toUpperCase() === "G" ? 1000 : 1);
}

function sameSpeed(a: string, b: string): boolean {
  const x = mbps(a);
  return x !== undefined ? x === mbps(b) : a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Speeds from slowest to fastest (what does not parse last, by name). */
function bySpeed(speeds: ReadonlyArray<string> | undefined): string[] {
  const key = (s: string) => mbps(s) ?? Number.POSITIVE_INFINITY;
  return [...(speeds ?? [])].sort((a, b) => key(a) - key(b) || a.localeCompare(b));
}

function list(values: ReadonlyArray<string>): string {
  return values.length === 0 ? "-" : values.join(", ");
}

/** Location codes in order, case-insensitive first. */
function byCode(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** The table of a Region's locations, by code: one row per location. */
export function locationTable(region: string, locations: ReadonlyArray<Location>): string[] {
  if (locations.length === 0) return [`No Direct Connect location in ${region} (DescribeLocations)`];
  const rows = [...locations]
    .sort((a, b) => byCode(a.locationCode ?? "", b.locationCode ?? ""))
    .map((l) => [
      l.locationCode ?? "-",
      l.locationName ?? "-",
      l.region ?? "-",
      list(bySpeed(l.availablePortSpeeds)),
      list(bySpeed(l.availableMacSecPortSpeeds)),
      list([...(l.availableProviders ?? [])].sort((a, b) => a.localeCompare(b))),
    ]);
  const header = ["CODE", "NAME", "REGION", "PORT SPEEDS", "MACSEC PORT SPEEDS", "PROVIDERS"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [
    `${plural(locations.length, "Direct Connect location", "Direct Connect locations")} in ${region} (DescribeLocations), by code:`,
    line(header),
    ...rows.map(line),
  ];
}

/** A port or LAG a stack orders: the values of its template, literal or not. */
interface Order {
  readonly logicalId: string;
  readonly kind: "connection" | "LAG";
  /** The name of its speed property. */
  readonly speedProperty: "Bandwidth" | "ConnectionsBandwidth";
  readonly location: unknown;
  readonly speed: unknown;
  readonly macSec: unknown;
}

/** The resources that order ports, and the property of their speed (CloudFormation, docs/facts.md §3.1, §3.2). */
const ORDERING: Record<string, Pick<Order, "kind" | "speedProperty">> = {
  "AWS::DirectConnect::Connection": { kind: "connection", speedProperty: "Bandwidth" },
  "AWS::DirectConnect::Lag": { kind: "LAG", speedProperty: "ConnectionsBandwidth" },
};

function ordersOf(stack: AssemblyStack): Order[] {
  return Object.entries(stack.resources).flatMap(([logicalId, resource]) => {
    const ordering = ORDERING[resource.Type ?? ""];
    if (ordering === undefined) return [];
    const p = resource.Properties ?? {};
    return [
      {
        logicalId,
        ...ordering,
        location: p.Location,
        speed: p[ordering.speedProperty],
        macSec: p.RequestMACSec,
      },
    ];
  });
}

/** What a template value shows in a message: a string quoted, anything else as its JSON (shortened). */
function shown(value: unknown): string {
  const json = JSON.stringify(value) ?? "undefined";
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/** RequestMACSec: true or false when literal (CloudFormation takes "true" and "false" too), else undefined. */
function literalBoolean(value: unknown): boolean | undefined {
  if (value === undefined || typeof value === "boolean") return value ?? false;
  if (typeof value === "string" && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
  return undefined;
}

function summary(order: Order): string {
  return `${order.location as string} ${order.speed as string}${literalBoolean(order.macSec) ? " with MACsec" : ""}`;
}

interface Finding {
  readonly status: "MISMATCH" | "NOT CHECKED";
  readonly message: string;
}

/** Edit distance of two codes, case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[y.length];
}

/**
 * The closest codes: those at the smallest edit distance (case-insensitive), at most 3, by code; none when
 * even the closest is more than 2 edits (or half the code) away.
 */
export function closestCodes(code: string, codes: ReadonlyArray<string>): string[] {
  const near = Math.max(2, Math.floor(code.length / 2));
  const distances = codes.map((c) => ({ c, d: distance(code, c) }));
  const smallest = Math.min(...distances.map(({ d }) => d));
  if (smallest > near) return [];
  return distances
    .filter(({ d }) => d === smallest)
    .map(({ c }) => c)
    .sort(byCode)
    .slice(0, 3);
}

/** What is wrong with an order, against the locations of its Region (others known for a better message). */
function checkOrder(order: Order, region: string, known: ReadonlyMap<string, Location[]>): Finding[] {
  const locations = known.get(region) ?? [];
  if (typeof order.location !== "string") {
    return [
      {
        status: "NOT CHECKED",
        message:
          `Location ${shown(order.location)} is not a literal (known only at deploy): its code, speed and ` +
          "MACsec are not checked",
      },
    ];
  }
  const code = order.location;
  const findings: Finding[] = [];
  let location = locations.find((l) => l.locationCode === code);
  if (location === undefined) {
    location = locations.find((l) => l.locationCode?.toLowerCase() === code.toLowerCase());
    if (location !== undefined) {
      findings.push({
        status: "MISMATCH",
        message:
          `Location "${code}" is not a code of ${region} as written: DescribeLocations spells it ` +
          `${location.locationCode} (only the case differs; AWS does not document whether codes are ` +
          "case-sensitive: write it as listed)",
      });
    } else {
      return [{ status: "MISMATCH", message: unknownCode(code, region, known) }];
    }
  }
  const where = `${location.locationCode} (${region})`;
  const macSec = literalBoolean(order.macSec);
  if (macSec === undefined) {
    findings.push({
      status: "NOT CHECKED",
      message: `RequestMACSec ${shown(order.macSec)} is not a literal (known only at deploy): MACsec is not checked`,
    });
  }
  if (typeof order.speed !== "string") {
    findings.push({
      status: "NOT CHECKED",
      message: `${order.speedProperty} ${shown(order.speed)} is not a literal (known only at deploy): the speed is not checked`,
    });
    return findings;
  }
  const speeds = bySpeed(location.availablePortSpeeds);
  const macSecSpeeds = bySpeed(location.availableMacSecPortSpeeds);
  const offersMacSec =
    macSecSpeeds.length === 0 ? "offers no MACsec" : `offers MACsec at ${macSecSpeeds.join(", ")}`;
  if (!speeds.some((s) => sameSpeed(s, order.speed as string))) {
    findings.push({
      status: "MISMATCH",
      message:
        `${order.speedProperty} "${order.speed}" is not offered at ${where}, which offers ` +
        `${speeds.length === 0 ? "no port speed" : speeds.join(", ")}` +
        (macSec === true ? ` and ${offersMacSec}` : ""),
    });
  } else if (macSec === true && !macSecSpeeds.some((s) => sameSpeed(s, order.speed as string))) {
    findings.push({
      status: "MISMATCH",
      message: `RequestMACSec at ${order.speed} is not offered at ${where}, which ${offersMacSec}`,
    });
  }
  return findings;
}

/** The message of a code the Region does not list: the closest codes, or the other Region that lists it. */
function unknownCode(code: string, region: string, known: ReadonlyMap<string, Location[]>): string {
  const codes = (known.get(region) ?? []).flatMap((l) =>
    l.locationCode === undefined ? [] : [l.locationCode],
  );
  const elsewhere = [...known]
    .filter(([r, ls]) => r !== region && ls.some((l) => l.locationCode?.toLowerCase() === code.toLowerCase()))
    .map(([r]) => r);
  const closest = closestCodes(code, codes);
  return (
    `Location "${code}" is not a Direct Connect location of ${region}` +
    (elsewhere.length > 0
      ? ` (DescribeLocations lists it in ${elsewhere.join(", ")}: a port can only be ordered at a location of ` +
        "its stack's Region)"
      : "") +
    (closest.length > 0
      ? `; closest: ${closest.join(", ")}`
      : `; no code of ${region} is close (dx-resiliency locations --region ${region} lists them)`)
  );
}
