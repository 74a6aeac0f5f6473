import {
  DescribeConnectionsCommand,
  DescribeDirectConnectGatewayAssociationsCommand,
  DescribeDirectConnectGatewaysCommand,
  DescribeLagsCommand,
  DescribeVirtualInterfacesCommand,
  DirectConnectClient,
} from "@aws-sdk/client-direct-connect";
import {
  DescribeCustomerGatewaysCommand,
  DescribeVpnConnectionsCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { EstateKey } from "./files";

/** Options of `readLiveEstate`. */
export interface LiveEstateOptions {
  /** The AWS Region whose Direct Connect and EC2 resources are read. */
  readonly region: string;
  /** A profile of the shared AWS config and credentials files; the SDK's default chain when absent. */
  readonly profile?: string;
  /** The Direct Connect client to use instead of one made from `region` and `profile` (tests). */
  readonly directConnect?: DirectConnectClient;
  /** The EC2 client to use instead of one made from `region` and `profile` (tests). */
  readonly ec2?: EC2Client;
  /** Waits between attempts; a timer when absent (tests inject one that returns at once). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Attempts per call, the first included, before a throttled call gives up. Default 8. */
  readonly maxAttempts?: number;
  /** Progress and notes, one line each; standard error when absent. */
  readonly log?: (line: string) => void;
}

/** Attempts per call when `maxAttempts` is not given. */
export const DEFAULT_MAX_ATTEMPTS = 8;
/** The backoff before the second attempt is at most this, and doubles per attempt up to `MAX_DELAY_MS`. */
export const BASE_DELAY_MS = 200;
/** The longest wait between two attempts. */
export const MAX_DELAY_MS = 20_000;
/** The page size asked of the paginated Direct Connect calls (the API returns at most 100). */
export const PAGE_SIZE = 100;

/** The line logged because the resiliency groups are not read live. */
export const RESILIENCY_GROUPS_NOTE =
  "resiliency groups: read only from saved files (estate --from DIR with `aws directconnect " +
  "list-resiliency-groups`, `get-resiliency-group` and `list-resiliency-group-associations`): the AWS SDK " +
  "for JavaScript has no resiliency-group calls yet";

/** Error names (or codes) of throttling, retried with backoff. */
const THROTTLING = new Set([
  "ThrottlingException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "Throttling",
]);
/** Transient network failures the SDK would have retried itself (it makes one attempt here). */
const TRANSIENT = new Set(["TimeoutError", "ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT"]);
/** A permission the caller lacks: the message names the IAM action. */
const DENIED = new Set(["AccessDenied", "AccessDeniedException", "UnauthorizedOperation"]);
/** Credentials missing, invalid or expired. */
const CREDENTIALS = new Set([
  "CredentialsProviderError",
  "UnrecognizedClientException",
  "InvalidClientTokenId",
  "AuthFailure",
  "ExpiredToken",
  "ExpiredTokenException",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
]);

/** The ceiling of the wait after failed attempt `failedAttempt` (1 for the first): full jitter picks below it. */
export function backoffCeiling(failedAttempt: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failedAttempt - 1));
}

/** Made with `maxAttempts: 1`: the retries are `readLiveEstate`'s own, never the SDK's on top of them. */
export function createClients(
  region: string,
  profile?: string,
): { directConnect: DirectConnectClient; ec2: EC2Client } {
  const config = { region, maxAttempts: 1, ...(profile === undefined ? {} : { profile }) };
  return { directConnect: new DirectConnectClient(config), ec2: new EC2Client(config) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function errorName(error: unknown): string {
  if (!isObject(error)) return String(error);
  const name = typeof error.name === "string" ? error.name : "Error";
  return name === "Error" && typeof error.code === "string" ? error.code : name;
}

function errorText(error: unknown): string {
  const message = isObject(error) && typeof error.message === "string" ? error.message : "";
  return message === "" ? errorName(error) : `${errorName(error)}: ${message}`;
}

function httpStatus(error: Record<string, unknown>): number | undefined {
  const metadata = error.$metadata;
  return isObject(metadata) && typeof metadata.httpStatusCode === "number"
    ? metadata.httpStatusCode
    : undefined;
}

/** Throttling, a retryable error (`$retryable`), a 5xx or 429, or a transient network failure. */
export function isRetryable(error: unknown): boolean {
  if (!isObject(error)) return false;
  const names = [error.name, error.code].filter((n): n is string => typeof n === "string");
  if (names.some((n) => THROTTLING.has(n) || TRANSIENT.has(n))) return true;
  if (isObject(error.$retryable)) return true;
  const status = httpStatus(error);
  return status !== undefined && (status === 429 || (status >= 500 && status <= 599));
}

/** A call of the live read: its API name and the IAM action it needs. */
interface Call {
  readonly name: string;
  readonly action: string;
}

function dx(name: string): Call {
  return { name, action: `directconnect:${name}` };
}

function ec2(name: string): Call {
  return { name, action: `ec2:${name}` };
}

function callError(call: Call, error: unknown, profile: string | undefined): Error {
  const name = errorName(error);
  const status = isObject(error) ? httpStatus(error) : undefined;
  const needs = `it needs the IAM action ${call.action}`;
  let message: string;
  if (DENIED.has(name) || status === 403) {
    message =
      `${call.name} was denied (${errorText(error)}): dx-resiliency reads the account read-only, and ` +
      `${needs}`;
  } else if (CREDENTIALS.has(name)) {
    const source = profile === undefined ? "the default credential chain" : `profile ${profile}`;
    message = `${call.name} could not authenticate (${errorText(error)}): check ${source}; ${needs}`;
  } else {
    message = `${call.name} failed (${errorText(error)}); ${needs}`;
  }
  return new Error(message, { cause: error });
}

/** How the calls of one read retry and report. */
interface Context {
  readonly sleep: (ms: number) => Promise<void>;
  readonly maxAttempts: number;
  readonly log: (line: string) => void;
  readonly profile?: string;
}

/** One call, retried on throttling and transient errors with exponential backoff and full jitter. */
async function withRetries<T>(context: Context, call: Call, request: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await request();
    } catch (error) {
      if (!isRetryable(error)) throw callError(call, error, context.profile);
      if (n >= context.maxAttempts) {
        throw new Error(
          `${call.name} gave up after ${n} attempts (${errorText(error)}): the account is throttling ` +
            "its API calls or the service is failing; try again later",
          { cause: error },
        );
      }
      const ms = Math.floor(Math.random() * backoffCeiling(n));
      context.log(
        `${call.name}: ${errorName(error)} on attempt ${n} of ${context.maxAttempts}; retrying in ${ms} ms`,
      );
      await context.sleep(ms);
    }
  }
}

/**
 * Every page of a paginated call: each page asks for the next with the previous page's `nextToken`.
 * (`page` declares its parameter's type, so that `O` is inferred from what it returns.)
 */
async function allPages<O extends { nextToken?: string }>(
  context: Context,
  call: Call,
  listKey: keyof O,
  page: (nextToken: string | undefined) => Promise<O>,
): Promise<unknown[]> {
  const items: unknown[] = [];
  const seen = new Set<string>();
  let nextToken: string | undefined;
  do {
    const output = await withRetries(context, call, () => page(nextToken));
    const list = output[listKey];
    if (Array.isArray(list)) items.push(...list);
    nextToken = output.nextToken === "" ? undefined : output.nextToken;
    if (nextToken !== undefined) {
      if (seen.has(nextToken)) throw new Error(`${call.name} returned the same nextToken twice: stopped`);
      seen.add(nextToken);
    }
  } while (nextToken !== undefined);
  return items;
}

/** A timestamp as the AWS CLI prints it (ISO 8601, UTC offset): 2024-05-01T10:00:00+00:00. */
export function cliTimestamp(date: Date): string {
  const [whole, millis] = date.toISOString().slice(0, -1).split(".");
  return `${whole}${millis === undefined || millis === "000" ? "" : `.${millis}000`}+00:00`;
}

/** An SDK value as the AWS CLI's JSON prints it: timestamps as ISO strings, no undefined members. */
export function toCliJson(value: unknown): unknown {
  if (value instanceof Date) return cliTimestamp(value);
  if (Array.isArray(value)) return value.map(toCliJson);
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, toCliJson(v)]),
    );
  }
  return value;
}

async function defaultSleep(ms: number): Promise<void> {
  await new Promise<void>((resolve) => setTimeout(resolve, ms));
}

/**
 * Reads the Direct Connect and VPN estate of one Region of a live account, read-only (describe calls
 * only), in the shape of the saved files of `readEstateDir`: each key holds what `aws ... --output json`
 * prints for its call (every page merged, no pagination token, no response metadata, timestamps as ISO
 * strings). Direct Connect gateway associations are read per gateway (the API needs a gateway id) and
 * merged into one output. Resiliency groups are absent: the AWS SDK for JavaScript has no
 * resiliency-group calls yet (one `log` line says so).
 *
 * @throws Error naming the call and the IAM action it needs, on an error that is not retried; or naming
 * the call, once throttling outlasts `maxAttempts`.
 */
export async function readLiveEstate(options: LiveEstateOptions): Promise<Record<string, unknown>> {
  const created =
    options.directConnect === undefined || options.ec2 === undefined
      ? createClients(options.region, options.profile)
      : undefined;
  const directConnect = options.directConnect ?? created!.directConnect;
  const ec2Client = options.ec2 ?? created!.ec2;
  const context: Context = {
    sleep: options.sleep ?? defaultSleep,
    maxAttempts: Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
    log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
    profile: options.profile,
  };
  try {
    context.log(RESILIENCY_GROUPS_NOTE);
    const outputs: Partial<Record<EstateKey, unknown>> = {};

    outputs.describeConnections = {
      connections: await allPages(
        context,
        dx("DescribeConnections"),
        "connections",
        (nextToken: string | undefined) =>
          directConnect.send(new DescribeConnectionsCommand({ maxResults: PAGE_SIZE, nextToken })),
      ),
    };
    outputs.describeLags = {
      lags: await allPages(context, dx("DescribeLags"), "lags", (nextToken: string | undefined) =>
        directConnect.send(new DescribeLagsCommand({ maxResults: PAGE_SIZE, nextToken })),
      ),
    };
    outputs.describeVirtualInterfaces = {
      virtualInterfaces: await allPages(
        context,
        dx("DescribeVirtualInterfaces"),
        "virtualInterfaces",
        (nextToken: string | undefined) =>
          directConnect.send(new DescribeVirtualInterfacesCommand({ maxResults: PAGE_SIZE, nextToken })),
      ),
    };
    const gateways = await allPages(
      context,
      dx("DescribeDirectConnectGateways"),
      "directConnectGateways",
      (nextToken: string | undefined) =>
        directConnect.send(new DescribeDirectConnectGatewaysCommand({ maxResults: PAGE_SIZE, nextToken })),
    );
    outputs.describeDirectConnectGateways = { directConnectGateways: gateways };

    // The API needs a gateway (Direct Connect, virtual private or transit) per call: one call per Direct
    // Connect gateway, every page, merged as the saved file holds them.
    const associations: unknown[] = [];
    for (const gateway of gateways) {
      const id = isObject(gateway) ? gateway.directConnectGatewayId : undefined;
      if (typeof id !== "string") continue;
      associations.push(
        ...(await allPages(
          context,
          dx("DescribeDirectConnectGatewayAssociations"),
          "directConnectGatewayAssociations",
          (nextToken: string | undefined) =>
            directConnect.send(
              new DescribeDirectConnectGatewayAssociationsCommand({
                directConnectGatewayId: id,
                maxResults: PAGE_SIZE,
                nextToken,
              }),
            ),
        )),
      );
    }
    outputs.describeDirectConnectGatewayAssociations = { directConnectGatewayAssociations: associations };

    // EC2 returns these in one response: neither call takes MaxResults or NextToken.
    const vpn = await withRetries(context, ec2("DescribeVpnConnections"), () =>
      ec2Client.send(new DescribeVpnConnectionsCommand({})),
    );
    outputs.describeVpnConnections = { VpnConnections: vpn.VpnConnections ?? [] };
    const customerGateways = await withRetries(context, ec2("DescribeCustomerGateways"), () =>
      ec2Client.send(new DescribeCustomerGatewaysCommand({})),
    );
    outputs.describeCustomerGateways = { CustomerGateways: customerGateways.CustomerGateways ?? [] };

    return toCliJson(outputs) as Record<string, unknown>;
  } finally {
    created?.directConnect.destroy();
    created?.ec2.destroy();
  }
}
