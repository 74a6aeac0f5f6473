import * as fs from "fs";
import * as path from "path";

/**
 * The saved-output contract of `dx-resiliency estate --from DIR`: one file per AWS call, named after the
 * AWS CLI command that prints it, holding exactly what `aws ... --output json` prints (the CLI merges every
 * page and drops the pagination token). The live read (`live.ts`) returns the same keys and contents, so
 * the analysis cannot tell a saved estate from a live one.
 */
export type EstateKey =
  | "describeConnections"
  | "describeLags"
  | "describeVirtualInterfaces"
  | "describeDirectConnectGateways"
  | "describeDirectConnectGatewayAssociations"
  | "describeVpnConnections"
  | "describeCustomerGateways"
  | "listResiliencyGroups"
  | "resiliencyGroupDetails"
  | "listResiliencyGroupAssociations";

/** One saved file of the estate. */
export interface EstateFile {
  /** The key of `readEstateDir`'s result (and of `readLiveEstate`'s). */
  readonly key: EstateKey;
  /** A missing required file is an error; a missing optional file is an absent key. */
  readonly required: boolean;
  /** The AWS CLI command that prints the file's content. */
  readonly command: string;
  /** The top-level key of the command's output, whose value is `listKind`. */
  readonly outputKey: string;
  /** What `outputKey` holds: the list of a describe/list call, or the one object of a get call. */
  readonly listKind: "array" | "object";
  /**
   * Whether the file may also be a JSON array of such outputs (a call made once per resource, such as
   * `get-resiliency-group --resiliency-group-id ...`, saved as one array).
   */
  readonly arrayOfOutputs: boolean;
}

function estateFile(
  key: EstateKey,
  command: string,
  outputKey: string,
  options: { required?: boolean; listKind?: "array" | "object"; arrayOfOutputs?: boolean } = {},
): EstateFile {
  return {
    key,
    command,
    outputKey,
    required: options.required ?? false,
    listKind: options.listKind ?? "array",
    arrayOfOutputs: options.arrayOfOutputs ?? false,
  };
}

/** The files `estate --from DIR` reads, by file name, in the order they are read and written. */
export const ESTATE_FILES: Readonly<Record<string, EstateFile>> = {
  "describe-connections.json": estateFile(
    "describeConnections",
    "aws directconnect describe-connections",
    "connections",
    { required: true },
  ),
  "describe-lags.json": estateFile("describeLags", "aws directconnect describe-lags", "lags"),
  "describe-virtual-interfaces.json": estateFile(
    "describeVirtualInterfaces",
    "aws directconnect describe-virtual-interfaces",
    "virtualInterfaces",
  ),
  "describe-direct-connect-gateways.json": estateFile(
    "describeDirectConnectGateways",
    "aws directconnect describe-direct-connect-gateways",
    "directConnectGateways",
  ),
  "describe-direct-connect-gateway-associations.json": estateFile(
    "describeDirectConnectGatewayAssociations",
    "aws directconnect describe-direct-connect-gateway-associations --direct-connect-gateway-id ...",
    "directConnectGatewayAssociations",
    // one call per gateway: their outputs merged, or a JSON list of them
    { arrayOfOutputs: true },
  ),
  "describe-vpn-connections.json": estateFile(
    "describeVpnConnections",
    "aws ec2 describe-vpn-connections",
    "VpnConnections",
  ),
  "describe-customer-gateways.json": estateFile(
    "describeCustomerGateways",
    "aws ec2 describe-customer-gateways",
    "CustomerGateways",
  ),
  "list-resiliency-groups.json": estateFile(
    "listResiliencyGroups",
    "aws directconnect list-resiliency-groups",
    "items",
  ),
  "get-resiliency-group.json": estateFile(
    "resiliencyGroupDetails",
    "aws directconnect get-resiliency-group --resiliency-group-id ...",
    "resiliencyGroup",
    { listKind: "object", arrayOfOutputs: true },
  ),
  "list-resiliency-group-associations.json": estateFile(
    "listResiliencyGroupAssociations",
    "aws directconnect list-resiliency-group-associations --resiliency-group-id ...",
    "items",
    { arrayOfOutputs: true },
  ),
};

/** The file name of a key (`describeConnections` -> `describe-connections.json`). */
export function estateFileName(key: EstateKey): string {
  const name = Object.keys(ESTATE_FILES).find((file) => ESTATE_FILES[file].key === key);
  if (name === undefined) throw new Error(`no estate file for ${key}`);
  return name;
}

/** What a file must hold, in words, for error messages. */
export function expectedContent(file: string): string {
  const spec = ESTATE_FILES[file];
  const value = spec.listKind === "array" ? "[...]" : "{...}";
  const one = `{"${spec.outputKey}": ${value}}`;
  const shape = spec.arrayOfOutputs ? `${one} or a JSON array of such outputs` : one;
  return `the output of \`${spec.command} --output json\` (${shape}, every page merged)`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Why one output does not fit its file, or undefined when it does. */
function outputProblem(spec: EstateFile, output: unknown): string | undefined {
  if (!isObject(output)) return "it is not a JSON object";
  if (!(spec.outputKey in output)) return `it has no "${spec.outputKey}"`;
  const value = output[spec.outputKey];
  if (spec.listKind === "array" && !Array.isArray(value)) return `"${spec.outputKey}" is not an array`;
  if (spec.listKind === "object" && !isObject(value)) return `"${spec.outputKey}" is not an object`;
  const token = ["nextToken", "NextToken"].find((k) => k in output);
  if (token !== undefined) {
    return `it has a "${token}", so it is one page only: save it without --max-items or --no-paginate`;
  }
  return undefined;
}

/** Why a file's parsed content does not fit, or undefined when it does. */
function contentProblem(spec: EstateFile, content: unknown): string | undefined {
  if (spec.arrayOfOutputs && Array.isArray(content)) {
    for (const [index, output] of content.entries()) {
      const problem = outputProblem(spec, output);
      if (problem !== undefined) return `item ${index}: ${problem}`;
    }
    return undefined;
  }
  return outputProblem(spec, content);
}

/**
 * Reads the saved outputs of an estate from `dir`: the parsed content of each file of `ESTATE_FILES`
 * present, under its key. An absent optional file is an absent key.
 *
 * @throws Error naming the file and what it must hold, when the required file is missing or a file is
 * not JSON or not the output of its command.
 */
export function readEstateDir(dir: string): Record<string, unknown> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new Error(`${dir}: not a directory (expected the saved outputs of the AWS CLI, one file per call)`);
  }
  const outputs: Record<string, unknown> = {};
  for (const [file, spec] of Object.entries(ESTATE_FILES)) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) {
      if (spec.required) {
        throw new Error(`${full}: missing; it is required and must hold ${expectedContent(file)}`);
      }
      continue;
    }
    let content: unknown;
    try {
      content = JSON.parse(fs.readFileSync(full, "utf8"));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`${full}: not valid JSON (${reason}); expected ${expectedContent(file)}`);
    }
    const problem = contentProblem(spec, content);
    if (problem !== undefined) {
      throw new Error(`${full}: ${problem}; expected ${expectedContent(file)}`);
    }
    outputs[spec.key] = content;
  }
  return outputs;
}

/**
 * Writes the outputs of an estate into `dir` (created when missing), one file per present key of
 * `ESTATE_FILES`, as 2-space JSON with a final newline: what `readEstateDir` reads back.
 *
 * @returns the paths written
 */
export function writeEstateDir(dir: string, outputs: Record<string, unknown>): string[] {
  const known = new Set(Object.values(ESTATE_FILES).map((spec) => spec.key as string));
  const unknown = Object.keys(outputs).filter((key) => !known.has(key));
  if (unknown.length > 0) throw new Error(`not an estate output: ${unknown.join(", ")}`);
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [file, spec] of Object.entries(ESTATE_FILES)) {
    if (outputs[spec.key] === undefined) continue;
    const full = path.join(dir, file);
    fs.writeFileSync(full, JSON.stringify(outputs[spec.key], null, 2) + "\n");
    written.push(full);
  }
  return written;
}
