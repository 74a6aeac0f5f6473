import * as fs from "fs";
import * as path from "path";

/**
 * The relative-import graph of a source tree: every `.ts` file and the files it imports
 * (`import ... from "./x"`, `export ... from "./x"`, `import("./x")`, `import type` included).
 */
export interface ImportGraph {
  /** Files relative to the root, without extension (`plan/topology`). */
  readonly files: string[];
  /** Each file's imports, relative to the root, without extension. */
  readonly imports: Map<string, string[]>;
}

const IMPORT = /(?:import|export)\s[^;]*?from\s+["'](\.[^"']*)["']|import\(\s*["'](\.[^"']*)["']\s*\)/g;
/** Package imports: `from "aws-cdk-lib"`, `from "constructs"`, ... */
const PACKAGE =
  /(?:import|export)\s[^;]*?from\s+["']([^."'][^"']*)["']|require\(\s*["']([^."'][^"']*)["']\s*\)/g;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

function resolve(root: string, from: string, spec: string): string {
  const base = path.normalize(path.join(path.dirname(path.join(root, from)), spec));
  for (const candidate of [base + ".ts", path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate)) {
      return path.relative(root, candidate).replace(/\.ts$/, "").split(path.sep).join("/");
    }
  }
  throw new Error(`${from}: cannot resolve ${spec}`);
}

/** The import graph of every `.ts` file under `root`. */
export function importGraph(root: string): ImportGraph {
  const files = walk(root).map((f) => path.relative(root, f).replace(/\.ts$/, "").split(path.sep).join("/"));
  const imports = new Map<string, string[]>();
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, file + ".ts"), "utf8");
    const targets = [...text.matchAll(IMPORT)].map((m) => resolve(root, file, m[1] ?? m[2]));
    imports.set(file, [...new Set(targets)]);
  }
  return { files: files.sort(), imports };
}

/** The packages each file imports (`aws-cdk-lib`, `constructs`, `fs`, ...). */
export function packageImports(root: string, file: string): string[] {
  const text = fs.readFileSync(path.join(root, file + ".ts"), "utf8");
  return [...new Set([...text.matchAll(PACKAGE)].map((m) => m[1] ?? m[2]))];
}

/** The strongly connected components with more than one file, or a file importing itself (Tarjan). */
export function cycles(graph: ImportGraph): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const result: string[][] = [];
  const visit = (v: string): void => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.imports.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.imports.get(v) ?? []).includes(v)) result.push(component.sort());
    }
  };
  for (const file of graph.files) if (!indices.has(file)) visit(file);
  return result;
}

/** The layer of a file: its top-level folder under the root, or the file itself (`index`). */
export function layerOf(file: string): string {
  return file.split("/")[0];
}

/** Imports that go up the layer order (`order[0]` lowest): `from -> to`. */
export function upwardImports(graph: ImportGraph, order: readonly string[]): string[] {
  const rank = (file: string): number => {
    const at = order.indexOf(layerOf(file));
    if (at < 0) throw new Error(`${file}: not in a layer (${order.join(", ")})`);
    return at;
  };
  return graph.files.flatMap((from) =>
    (graph.imports.get(from) ?? []).filter((to) => rank(to) > rank(from)).map((to) => `${from} -> ${to}`),
  );
}

/** Every file `from` imports, directly or through other files (`from` itself excluded unless in a cycle). */
export function reachable(graph: ImportGraph, from: readonly string[]): string[] {
  const seen = new Set<string>();
  const stack = from.flatMap((f) => graph.imports.get(f) ?? []);
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...(graph.imports.get(file) ?? []));
  }
  return [...seen].sort();
}
