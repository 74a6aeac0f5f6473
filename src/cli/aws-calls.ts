import { DirectConnectClient } from "@aws-sdk/client-direct-connect";
// How every command of dx-resiliency that reads a live account calls AWS: clients that make one attempt,
// the retry loop around each call (throttling and transient errors, exponential backoff with full jitter),
// every page of a paginated call, and errors that name the call and the IAM action it needs.

/** Attempts per call when `maxAttempts` is not given. */
export const DEFAULT_MAX_ATTEMPTS = 8;
/** The backoff before the second attempt is at most this, and doubles per attempt up to `MAX_DELAY_MS`. */
export const BASE_DELAY_MS = 200;
/** The longest wait between two attempts. */
export const MAX_DELAY_MS = 20_000;
/** The page size asked of the paginated Direct Connect calls (the API returns at most 100). */
export const PAGE_SIZE = 100;

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

/**
 * The configuration of every SDK client the commands make: `maxAttempts: 1`, so that the retries are the
 * command's own (`withRetries`), never the SDK's on top of them. Without a Region, the SDK's own (AWS_REGION,
 * the profile).
 */
export function clientConfig(
  region: string | undefined,
  profile?: string,
): { region?: string; maxAttempts: number; profile?: string } {
  return {
    maxAttempts: 1,
    ...(region === undefined ? {} : { region }),
    ...(profile === undefined ? {} : { profile }),
  };
}

/** A Direct Connect client made with `clientConfig`. */
export function directConnectClient(region: string, profile?: string): DirectConnectClient {
  return new DirectConnectClient(clientConfig(region, profile));
}

/** Whether a value is a non-null object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** The SDK's name of an error (its `code` when the name is the generic `Error`). */
export function errorName(error: unknown): string {
  if (!isObject(error)) return String(error);
  const name = typeof error.name === "string" ? error.name : "Error";
  return name === "Error" && typeof error.code === "string" ? error.code : name;
}

/** `Name: message` of an error. */
export function errorText(error: unknown): string {
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

/** A call to AWS: its API name and the IAM action it needs. */
export interface Call {
  readonly name: string;
  readonly action: string;
}

/** A Direct Connect call. */
export function dx(name: string): Call {
  return { name, action: `directconnect:${name}` };
}

/** An EC2 call. */
export function ec2(name: string): Call {
  return { name, action: `ec2:${name}` };
}

/** A CloudFormation call. */
export function cloudFormation(name: string): Call {
  return { name, action: `cloudformation:${name}` };
}

/** The error a failed call throws: it names the call and the IAM action; the SDK's error is its `cause`. */
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

/** How the calls of one command retry and report. */
export interface CallContext {
  readonly sleep: (ms: number) => Promise<void>;
  readonly maxAttempts: number;
  readonly log: (line: string) => void;
  readonly profile?: string;
}

/** What a command's options may set of its calls' context; the rest has defaults. */
export interface CallOptions {
  /** A profile of the shared AWS config and credentials files; the SDK's default chain when absent. */
  readonly profile?: string;
  /** Waits between attempts; a timer when absent (tests inject one that returns at once). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Attempts per call, the first included, before a throttled call gives up. Default 8. */
  readonly maxAttempts?: number;
  /** Progress and notes, one line each; standard error when absent. */
  readonly log?: (line: string) => void;
}

async function defaultSleep(ms: number): Promise<void> {
  await new Promise<void>((resolve) => setTimeout(resolve, ms));
}

/** The context of a command's calls: the options given, defaults for the rest. */
export function callContext(options: CallOptions): CallContext {
  return {
    sleep: options.sleep ?? defaultSleep,
    maxAttempts: Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
    log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
    profile: options.profile,
  };
}

/** One call, retried on throttling and transient errors with exponential backoff and full jitter. */
export async function withRetries<T>(
  context: CallContext,
  call: Call,
  request: () => Promise<T>,
): Promise<T> {
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

/** The element type of a list member of an SDK output. */
export type PageItem<L> = NonNullable<L> extends ReadonlyArray<infer E> ? E : never;

/**
 * Every page of a paginated call: each page asks for the next with the previous page's token
 * (`nextToken` in Direct Connect, `NextToken` in CloudFormation).
 * (`page` declares its parameter's type, so that `O` is inferred from what it returns.)
 */
export async function allPages<O extends object, K extends keyof O>(
  context: CallContext,
  call: Call,
  listKey: K,
  page: (nextToken: string | undefined) => Promise<O>,
): Promise<PageItem<O[K]>[]> {
  const items: PageItem<O[K]>[] = [];
  const seen = new Set<string>();
  let nextToken: string | undefined;
  do {
    const output = await withRetries(context, call, () => page(nextToken));
    const list = output[listKey];
    if (Array.isArray(list)) items.push(...list);
    const tokens = output as { nextToken?: unknown; NextToken?: unknown };
    const token = tokens.nextToken ?? tokens.NextToken;
    nextToken = typeof token === "string" && token !== "" ? token : undefined;
    if (nextToken !== undefined) {
      if (seen.has(nextToken)) throw new Error(`${call.name} returned the same nextToken twice: stopped`);
      seen.add(nextToken);
    }
  } while (nextToken !== undefined);
  return items;
}
