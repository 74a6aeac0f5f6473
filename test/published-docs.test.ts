import * as fs from "fs";
import * as path from "path";

// README.md and API.md (generated from the doc comments by jsii-docgen) are what users read, on GitHub,
// npm, PyPI and Construct Hub: they cite AWS pages, never the sections ("§") of the fact sheet the
// developers keep beside the repository, and carry no TSDoc markup that the generators leave raw.

const root = path.join(__dirname, "..");
const documents = ["README.md", "API.md"].map((file) => ({
  file,
  lines: fs.readFileSync(path.join(root, file), "utf8").split("\n"),
}));

/** `file:line: text` of every line that contains `needle`. */
function linesWith(needle: string): string[] {
  return documents.flatMap(({ file, lines }) =>
    lines.flatMap((line, i) => (line.includes(needle) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
}

test("README.md and API.md cite no section of a document users do not have (§)", () => {
  expect(linesWith("§")).toEqual([]);
  expect(linesWith("direct-connect-facts")).toEqual([]);
});

test("README.md and API.md carry no raw {@link}", () => {
  expect(linesWith("{@link")).toEqual([]);
});

test("no summary in API.md is cut at a semicolon (jsii takes the first sentence up to . ; ! or ?)", () => {
  // a cut summary shows as a table cell or a paragraph that ends with ";" (outside code blocks)
  const api = documents[1].lines;
  let inCode = false;
  const cut = api.flatMap((line, i) => {
    if (line.startsWith("```")) inCode = !inCode;
    const endsParagraph = line.trimEnd().endsWith(";") && (api[i + 1] ?? "").trim() === "";
    return !inCode && (line.trimEnd().endsWith("; |") || endsParagraph) ? [`API.md:${i + 1}: ${line}`] : [];
  });
  expect(cut).toEqual([]);
});

test("every source the README's rule tables cite is a link to an AWS page", () => {
  const readme = documents[0].lines;
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
