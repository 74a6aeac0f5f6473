import * as fs from "fs";
import * as path from "path";
import { userDocuments } from "./support/docs";

// README.md, docs/*.md and API.md (generated from the doc comments by jsii-docgen) are what users read, on
// GitHub, npm, PyPI and Construct Hub: they cite AWS pages, never the sections ("§") of a fact sheet —
// only docs/facts.md itself is numbered by § — and carry no TSDoc markup that the generators leave raw.

const root = path.join(__dirname, "..");
const documents = [
  ...userDocuments().map(({ file, text }) => ({ file, lines: text.split("\n") })),
  { file: "API.md", lines: fs.readFileSync(path.join(root, "API.md"), "utf8").split("\n") },
];
const api = documents.find((d) => d.file === "API.md")!;
const rulesDoc = documents.find((d) => d.file === "docs/rules.md")!;

/** `file:line: text` of every line that contains `needle`. */
function linesWith(needle: string, except: string[] = []): string[] {
  return documents
    .filter(({ file }) => !except.includes(file))
    .flatMap(({ file, lines }) =>
      lines.flatMap((line, i) => (line.includes(needle) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
}

test("README.md, docs/*.md and API.md cite no § section, but docs/facts.md's own numbering", () => {
  expect(linesWith("§", ["docs/facts.md"])).toEqual([]);
  expect(linesWith("direct-connect-facts")).toEqual([]);
});

test("README.md, docs/*.md and API.md carry no raw {@link}", () => {
  expect(linesWith("{@link")).toEqual([]);
});

test("no summary in API.md is cut at a semicolon (jsii takes the first sentence up to . ; ! or ?)", () => {
  // a cut summary shows as a table cell or a paragraph that ends with ";" (outside code blocks)
  let inCode = false;
  const cut = api.lines.flatMap((line, i) => {
    if (line.startsWith("```")) inCode = !inCode;
    const endsParagraph = line.trimEnd().endsWith(";") && (api.lines[i + 1] ?? "").trim() === "";
    return !inCode && (line.trimEnd().endsWith("; |") || endsParagraph) ? [`API.md:${i + 1}: ${line}`] : [];
  });
  expect(cut).toEqual([]);
});

test("every source the rule tables of docs/rules.md cite is a link to an AWS page", () => {
  const readme = rulesDoc.lines;
  const definitions = new Map(
    readme.flatMap((l) => {
      const m = /^\[([^\]]+)\]: (\S+)$/.exec(l);
      return m ? [[m[1].toLowerCase(), m[2]] as const] : [];
    }),
  );
  const cited = readme
    .filter((l) => /^\| .* \| .* \| .*\|$/.test(l) && !/^\|[-|]+\|$/.test(l))
    .map((l) => l.split(" | ").pop()!.replace(/ ?\|$/, ""))
    .filter((cell) => cell !== "Source" && cell !== "");
  expect(cited.length).toBeGreaterThan(40);
  const unresolved = cited.flatMap((cell) =>
    [...cell.matchAll(/\[([^\]]+)\]/g)]
      .map((m) => m[1])
      .filter((label) => !definitions.has(label.toLowerCase())),
  );
  expect(unresolved).toEqual([]);
  for (const url of definitions.values()) {
    expect(url).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|repost\.aws|aws\.amazon\.com)\//);
  }
});
