import * as fs from "fs";
import * as path from "path";
import { userDocuments } from "./support/docs";

// The README is the entry point, short; its Python examples, and those of docs/*.md, are excerpts of the
// tested Python app, not untested prose; and the links between the documents land.

const root = path.join(__dirname, "..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const documents = [
  ...userDocuments(),
  { file: "CONTRIBUTING.md", text: fs.readFileSync(path.join(root, "CONTRIBUTING.md"), "utf8") },
];

/** True when every line of `excerpt` appears in `source`, in order. */
function isExcerptOf(excerpt: string, source: string): boolean {
  const lines = source.split("\n");
  let at = 0;
  for (const line of excerpt.split("\n").filter((l) => l.trim() !== "")) {
    while (at < lines.length && lines[at] !== line) at++;
    if (at === lines.length) return false;
    at++;
  }
  return true;
}

test("the README has at most 450 lines", () => {
  expect(readme.trimEnd().split("\n").length).toBeLessThanOrEqual(450);
});

test("every Python block of the README and of docs/*.md is an excerpt of examples/python/app.py", () => {
  const app = fs.readFileSync(path.join(root, "examples", "python", "app.py"), "utf8");
  const blocks = documents.flatMap(({ file, text }) =>
    [...text.matchAll(/```python\n([\s\S]*?)```/g)].map((m) => ({ file, block: m[1] })),
  );
  expect(blocks.filter((b) => b.file === "README.md").length).toBeGreaterThanOrEqual(3);
  expect(blocks.filter(({ block }) => !isExcerptOf(block, app))).toEqual([]);
});

test("the excerpt check rejects a changed line", () => {
  expect(isExcerptOf("a\nc", "a\nb\nc")).toBe(true);
  expect(isExcerptOf("c\na", "a\nb\nc")).toBe(false);
  expect(isExcerptOf("a\nx", "a\nb\nc")).toBe(false);
});

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The anchors of a markdown text's headings (outside code blocks), with GitHub's -1, -2 for repeats. */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let inCode = false;
  for (const line of text.split("\n")) {
    if (line.startsWith("```")) inCode = !inCode;
    const heading = inCode ? null : /^#{1,6} (.*)$/.exec(line);
    if (!heading) continue;
    const base = slug(heading[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** Every relative link of a markdown text (inline `](x)` and definitions `[x]: y`), outside code. */
function relativeLinks(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  const targets = [
    ...[...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]),
    ...[...prose.matchAll(/^\[[^\]]+\]: (\S+)$/gm)].map((m) => m[1]),
  ];
  return targets.filter((t) => !/^[a-z]+:/.test(t));
}

/** The links of a document that land nowhere: a missing file, or a missing heading anchor. */
function brokenLinks(file: string, text: string): string[] {
  return relativeLinks(text).flatMap((link) => {
    const [target, anchor] = link.split("#");
    const resolved = target === "" ? path.join(root, file) : path.join(root, path.dirname(file), target);
    if (!fs.existsSync(resolved)) return [`${file}: ${link} (no such file)`];
    if (anchor === undefined || !resolved.endsWith(".md")) return [];
    const headings = anchors(fs.readFileSync(resolved, "utf8"));
    return headings.has(anchor) ? [] : [`${file}: ${link} (no such heading)`];
  });
}

test("every relative link of the README, docs/*.md and CONTRIBUTING.md lands on a file and heading", () => {
  expect(relativeLinks(readme).filter((l) => l.startsWith("docs/")).length).toBeGreaterThanOrEqual(9);
  expect(documents.flatMap(({ file, text }) => brokenLinks(file, text))).toEqual([]);
});

test("the link check sees a missing file and a missing heading", () => {
  expect(slug("Maximum Resiliency: 99.99%")).toBe("maximum-resiliency-9999");
  expect(slug("The example app's report")).toBe("the-example-apps-report");
  expect(
    brokenLinks("README.md", "[a](docs/nothing.md) [b](docs/report.md#nothing) [c](#quick-start)"),
  ).toEqual([
    "README.md: docs/nothing.md (no such file)",
    "README.md: docs/report.md#nothing (no such heading)",
  ]);
});
