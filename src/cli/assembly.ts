import * as fs from "fs";
import * as path from "path";
import { isObject } from "./aws-calls";

// A cloud assembly (the cdk.out directory `cdk synth` writes), read as the JSON files it is: manifest.json,
// its stacks' templates, the assemblies of its stages, and the templates of nested stacks. No aws-cdk-lib:
// the CLI's bundle carries none.

/** A resource of a CloudFormation template. */
export interface TemplateResource {
  readonly Type?: string;
  readonly Properties?: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
}

/** A stack of a cloud assembly and its template. */
export interface AssemblyStack {
  /**
   * How the assembly names it: the artifact's display name (`Stage/Stack` in a stage); a nested stack is
   * `Parent (nested LogicalId)`.
   */
  readonly name: string;
  /** The Region of its environment; undefined for an environment-agnostic stack (`unknown-region`). */
  readonly region?: string;
  /** The template file, as a path under the assembly's directory. */
  readonly templateFile: string;
  /** The template's resources by logical ID. */
  readonly resources: Record<string, TemplateResource>;
}

/** A nested stack whose template is not in the assembly: what it holds cannot be read. */
export interface UnreadNestedStack {
  readonly stack: string;
  readonly logicalId: string;
}

/** What `readCloudAssembly` finds. */
export interface CloudAssembly {
  /** Every stack, those of nested assemblies (stages) and nested stacks included, in manifest order. */
  readonly stacks: AssemblyStack[];
  readonly unreadNestedStacks: UnreadNestedStack[];
}

const STACK = "aws:cloudformation:stack";
const NESTED_ASSEMBLY = "cdk:cloud-assembly";
const ASSET_MANIFEST = "cdk:asset-manifest";
const NESTED_STACK = "AWS::CloudFormation::Stack";
/** The metadata of a nested stack's resource that names its template file (`cdk synth` writes it). */
const ASSET_PATH = "aws:asset:path";

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(
      `${what}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${what}: ${file} is no JSON (${(e as Error).message})`);
  }
}

function field(value: unknown, key: string): unknown {
  return isObject(value) ? value[key] : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The Region of an artifact's environment, `aws://ACCOUNT/REGION`; undefined for `unknown-region`. */
function environmentRegion(environment: unknown): string | undefined {
  const match = /^aws:\/\/[^/]*\/(.+)$/.exec(asString(environment) ?? "");
  return match === null || match[1] === "unknown-region" ? undefined : match[1];
}

/**
 * Reads the cloud assembly in `dir`: the stacks of its manifest.json (artifacts of type
 * `aws:cloudformation:stack`) with their templates, recursively those of its nested assemblies
 * (`cdk:cloud-assembly`, one per stage), and the nested stacks of every template, whose template file is
 * found through the resource's `aws:asset:path` metadata or, without it, through the asset hash of its
 * `TemplateURL` in the assembly's asset manifests.
 *
 * @throws Error naming the file when the manifest or a template cannot be read or is no JSON.
 */
export function readCloudAssembly(dir: string): CloudAssembly {
  const stacks: AssemblyStack[] = [];
  const unreadNestedStacks: UnreadNestedStack[] = [];
  readAssembly(dir, stacks, unreadNestedStacks);
  return { stacks, unreadNestedStacks };
}

function readAssembly(dir: string, stacks: AssemblyStack[], unread: UnreadNestedStack[]): void {
  const manifestFile = path.join(dir, "manifest.json");
  if (!fs.existsSync(manifestFile)) {
    throw new Error(
      `${dir} has no manifest.json: is it a cloud assembly? (npx cdk synth writes one to cdk.out)`,
    );
  }
  const manifest = readJson(manifestFile, "cloud assembly");
  const listed = field(manifest, "artifacts");
  const artifacts = Object.entries(isObject(listed) ? listed : {});
  // the asset manifests of this assembly: asset hash -> file, to find a nested stack's template
  const assetFiles = new Map<string, string>();
  for (const [, artifact] of artifacts) {
    const file = asString(field(field(artifact, "properties"), "file"));
    if (field(artifact, "type") !== ASSET_MANIFEST || file === undefined) continue;
    const files = field(readJson(path.join(dir, file), "asset manifest"), "files");
    for (const [hash, asset] of Object.entries(isObject(files) ? files : {})) {
      const source = asString(field(field(asset, "source"), "path"));
      if (source !== undefined) assetFiles.set(hash, source);
    }
  }
  for (const [id, artifact] of artifacts) {
    const type = field(artifact, "type");
    const properties = field(artifact, "properties");
    if (type === NESTED_ASSEMBLY) {
      const directory = asString(field(properties, "directoryName"));
      if (directory !== undefined) readAssembly(path.join(dir, directory), stacks, unread);
    } else if (type === STACK) {
      const templateFile = asString(field(properties, "templateFile"));
      if (templateFile === undefined) continue;
      readStack(
        dir,
        {
          name: asString(field(artifact, "displayName")) ?? id,
          region: environmentRegion(field(artifact, "environment")),
          templateFile,
        },
        assetFiles,
        stacks,
        unread,
      );
    }
  }
}

function readStack(
  dir: string,
  stack: Omit<AssemblyStack, "resources">,
  assetFiles: ReadonlyMap<string, string>,
  stacks: AssemblyStack[],
  unread: UnreadNestedStack[],
): void {
  const template = readJson(path.join(dir, stack.templateFile), `template of ${stack.name}`);
  const raw = field(template, "Resources");
  const resources = (isObject(raw) ? raw : {}) as Record<string, TemplateResource>;
  stacks.push({ ...stack, resources });
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (resource.Type !== NESTED_STACK) continue;
    const file = nestedTemplateFile(resource, assetFiles);
    if (file === undefined || !fs.existsSync(path.join(dir, file))) {
      unread.push({ stack: stack.name, logicalId });
      continue;
    }
    readStack(
      dir,
      { name: `${stack.name} (nested ${logicalId})`, region: stack.region, templateFile: file },
      assetFiles,
      stacks,
      unread,
    );
  }
}

/** A nested stack's template file: its `aws:asset:path` metadata, or the asset its TemplateURL names. */
function nestedTemplateFile(
  resource: TemplateResource,
  assetFiles: ReadonlyMap<string, string>,
): string | undefined {
  const metadata = asString(resource.Metadata?.[ASSET_PATH]);
  if (metadata !== undefined) return metadata;
  const url = JSON.stringify(resource.Properties?.TemplateURL ?? "");
  const hash = /([0-9a-f]{64})\.json/.exec(url)?.[1];
  return hash === undefined ? undefined : assetFiles.get(hash);
}
