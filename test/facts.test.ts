import * as fs from "fs";
import * as path from "path";

// Comments in src/ cite the AWS facts they rely on by section number ("§4.2", "facts §3.5"): each
// cited number must be a section of docs/facts.md, where the fact and its AWS source are.

const root = path.join(__dirname, "..");

/** Every .ts file under a folder, recursively. */
function typeScriptFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** Each cited section number, with the files that cite it. */
function citedSections(files: Array<{ file: string; text: string }>): Map<string, string[]> {
  const cited = new Map<string, string[]>();
  for (const { file, text } of files) {
    for (const m of text.matchAll(/§(\d+(?:\.\d+)*)/g)) {
      const number = m[1];
      cited.set(number, [...new Set([...(cited.get(number) ?? []), file])]);
    }
  }
  return cited;
}

/** The section numbers of a facts document: its headings that start with `§N` or `§N.M`. */
function definedSections(facts: string): Set<string> {
  return new Set([...facts.matchAll(/^#{2,6} §(\d+(?:\.\d+)*)\s/gm)].map((m) => m[1]));
}

/** `§N (cited in a.ts, b.ts)` for every cited number the facts do not define. */
function missing(cited: Map<string, string[]>, defined: Set<string>): string[] {
  return [...cited.entries()]
    .filter(([number]) => !defined.has(number))
    .map(([number, files]) => `§${number} (cited in ${files.join(", ")})`);
}

const sources = typeScriptFiles(path.join(root, "src")).map((file) => ({
  file: path.relative(root, file),
  text: fs.readFileSync(file, "utf8"),
}));
const facts = fs.readFileSync(path.join(root, "docs", "facts.md"), "utf8");

test("every § number cited under src/ is a section of docs/facts.md", () => {
  const cited = citedSections(sources);
  expect(cited.size).toBeGreaterThan(10);
  expect(missing(cited, definedSections(facts))).toEqual([]);
});

test("docs/facts.md numbers its sections like the fact sheet: §0 to §9, §9 with its conflicts", () => {
  const defined = definedSections(facts);
  for (const n of ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "9.1", "9.9"]) {
    expect(defined.has(n)).toBe(true);
  }
});

test("the check fails when a cited number is missing", () => {
  const cited = citedSections([
    { file: "src/a.ts", text: "// docs/facts.md §4.2 and facts §12.3" },
    { file: "src/b.ts", text: "// §12.3" },
  ]);
  expect(missing(cited, definedSections(facts))).toEqual(["§12.3 (cited in src/a.ts, src/b.ts)"]);
  expect(missing(cited, definedSections("## §4 Limits\n### §4.2 LAGs\n"))).toEqual([
    "§12.3 (cited in src/a.ts, src/b.ts)",
  ]);
  expect(missing(citedSections([{ file: "x", text: "§4.2" }]), definedSections("### §4.20 x\n"))).toEqual([
    "§4.2 (cited in x)",
  ]);
});
