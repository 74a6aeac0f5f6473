import * as path from "path";
import {
  cycles,
  importGraph,
  layerOf,
  packageImports,
  reachable,
  upwardImports,
} from "./support/import-graph";

// CONTRIBUTING.md, Design: the layers of src/, lowest first. Imports only go down this list.
// cli (the dx-resiliency command, bundled with esbuild) is on top, and skips emit and index (below).
const LAYERS = ["core", "rules", "plan", "analyse", "emit", "index", "cli"];
const SRC = path.join(__dirname, "..", "src");
const graph = importGraph(SRC);

test("every file of src/ is in a layer folder", () => {
  const outside = graph.files.filter((f) => !LAYERS.includes(layerOf(f)));
  expect(outside).toEqual([]);
});

test("src/ has no import cycle", () => {
  expect(cycles(graph)).toEqual([]);
});

test("no file imports from a higher layer", () => {
  expect(upwardImports(graph, LAYERS)).toEqual([]);
});

test("nothing below emit imports aws-cdk-lib or constructs", () => {
  const pure = graph.files.filter((f) => LAYERS.indexOf(layerOf(f)) < LAYERS.indexOf("emit"));
  const cdk = pure.flatMap((f) =>
    packageImports(SRC, f)
      .filter((p) => p === "constructs" || p.startsWith("aws-cdk-lib"))
      .map((p) => `${f} -> ${p}`),
  );
  expect(pure.length).toBeGreaterThan(20);
  expect(cdk).toEqual([]);
});

/** What src/cli reaches, directly or not, in emit/ or index, and the CDK packages those files import. */
function cliReachesCdk(g: { files: string[]; imports: Map<string, string[]> }, root?: string): string[] {
  const cli = g.files.filter((f) => layerOf(f) === "cli");
  const reached = [...cli, ...reachable(g, cli)];
  const layers = reached.filter((f) => ["emit", "index"].includes(layerOf(f)));
  const packages =
    root === undefined
      ? []
      : reached.flatMap((f) =>
          packageImports(root, f)
            .filter((p) => p === "constructs" || p.startsWith("aws-cdk-lib"))
            .map((p) => `${f} -> ${p}`),
        );
  return [...layers, ...packages];
}

test("src/cli reaches nothing in emit/ or index, nor aws-cdk-lib or constructs: its bundle stays free of them", () => {
  expect(graph.files.filter((f) => layerOf(f) === "cli").length).toBeGreaterThan(0);
  expect(cliReachesCdk(graph, SRC)).toEqual([]);
});

describe("the checks find what they look for", () => {
  const fixture = {
    files: ["core/a", "rules/b", "plan/c", "plan/d"],
    imports: new Map([
      ["core/a", ["rules/b"]],
      ["rules/b", ["core/a"]],
      ["plan/c", ["plan/d"]],
      ["plan/d", ["plan/c"]],
    ]),
  };

  test("a cycle within a layer and one across layers", () => {
    expect(cycles(fixture)).toEqual([
      ["core/a", "rules/b"],
      ["plan/c", "plan/d"],
    ]);
  });

  test("an import from a lower layer into a higher one", () => {
    expect(upwardImports(fixture, LAYERS)).toEqual(["core/a -> rules/b"]);
  });

  test("cli reaching emit through analyse", () => {
    const viaAnalyse = {
      files: ["cli/main", "analyse/report", "emit/construct", "core/a"],
      imports: new Map([
        ["cli/main", ["analyse/report", "core/a"]],
        ["analyse/report", ["emit/construct"]],
      ]),
    };
    expect(cliReachesCdk(viaAnalyse)).toEqual(["emit/construct"]);
    expect(cliReachesCdk({ ...viaAnalyse, imports: new Map([["cli/main", ["core/a"]]]) })).toEqual([]);
  });
});
