import * as fs from "fs";
import * as path from "path";

/**
 * Compares the templates of two cloud assemblies (directories with `<stack>.template.json` files),
 * after removing only what legitimately differs between a TypeScript and a Python app: the
 * `CDKMetadata` resource (its analytics name the language and library versions), its condition, and
 * `aws:cdk:path` resource metadata. Any other difference is reported with its JSON path.
 */
export interface AssemblyComparison {
  /** Stack names found in the expected assembly, sorted. */
  readonly stacks: string[];
  /** One line per difference; empty when the assemblies match. */
  readonly differences: string[];
}

const SUFFIX = ".template.json";

export function normalizeTemplate(template: any): any {
  const t = JSON.parse(JSON.stringify(template));
  if (t.Resources) {
    delete t.Resources.CDKMetadata;
    for (const r of Object.values<any>(t.Resources)) {
      if (r.Metadata) {
        delete r.Metadata["aws:cdk:path"];
        if (Object.keys(r.Metadata).length === 0) delete r.Metadata;
      }
    }
  }
  if (t.Conditions) {
    delete t.Conditions.CDKMetadataAvailable;
    if (Object.keys(t.Conditions).length === 0) delete t.Conditions;
  }
  return t;
}

/** The differences between two JSON values, as `path: expected ..., got ...` lines. */
export function jsonDifferences(expected: any, actual: any, at = "", out: string[] = []): string[] {
  const show = (v: unknown) => (v === undefined ? "(absent)" : JSON.stringify(v));
  if (
    typeof expected !== typeof actual ||
    Array.isArray(expected) !== Array.isArray(actual) ||
    expected === null ||
    actual === null
  ) {
    if (expected !== actual) out.push(`${at || "(root)"}: expected ${show(expected)}, got ${show(actual)}`);
    return out;
  }
  if (typeof expected !== "object") {
    if (expected !== actual) out.push(`${at || "(root)"}: expected ${show(expected)}, got ${show(actual)}`);
    return out;
  }
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  for (const key of keys) {
    const child = Array.isArray(expected) ? `${at}[${key}]` : at ? `${at}.${key}` : key;
    if (!(key in actual) || !(key in expected)) {
      out.push(`${child}: expected ${show(expected[key])}, got ${show(actual[key])}`);
    } else {
      jsonDifferences(expected[key], actual[key], child, out);
    }
  }
  return out;
}

function stacksIn(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(SUFFIX))
    .map((f) => f.slice(0, -SUFFIX.length))
    .sort();
}

export function compareAssemblies(expectedDir: string, actualDir: string): AssemblyComparison {
  const stacks = stacksIn(expectedDir);
  const actualStacks = stacksIn(actualDir);
  const differences: string[] = [];
  if (stacks.length === 0) {
    differences.push(`no stack templates in ${expectedDir}`);
  }
  for (const extra of actualStacks.filter((s) => !stacks.includes(s))) {
    differences.push(`${extra}: a stack the expected assembly does not have`);
  }
  for (const stack of stacks) {
    if (!actualStacks.includes(stack)) {
      differences.push(`${stack}: missing`);
      continue;
    }
    const read = (dir: string) =>
      normalizeTemplate(JSON.parse(fs.readFileSync(path.join(dir, stack + SUFFIX), "utf8")));
    differences.push(...jsonDifferences(read(expectedDir), read(actualDir)).map((d) => `${stack}: ${d}`));
  }
  return { stacks, differences };
}

/** CLI: compare.ts <label> <expected-dir> <actual-dir>; exit 1 on any difference. */
if (require.main === module) {
  const [label, expectedDir, actualDir] = process.argv.slice(2);
  const { stacks, differences } = compareAssemblies(expectedDir, actualDir);
  if (differences.length > 0) {
    console.error(
      `${label}: templates differ from the TypeScript example (${differences.length} differences):`,
    );
    console.error(differences.map((d) => `  ${d}`).join("\n"));
    process.exit(1);
  }
  console.log(`${label}: ${stacks.length} stacks identical to the TypeScript example: ${stacks.join(", ")}`);
}
