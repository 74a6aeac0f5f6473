import * as fs from "fs";
import * as path from "path";

// The README's Python example is an excerpt of the tested Python app, not untested prose.

const root = path.join(__dirname, "..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

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

test("every Python block of the README is an excerpt of examples/python/app.py", () => {
  const app = fs.readFileSync(path.join(root, "examples", "python", "app.py"), "utf8");
  const blocks = [...readme.matchAll(/```python\n([\s\S]*?)```/g)].map((m) => m[1]);
  expect(blocks.length).toBeGreaterThan(0);
  for (const block of blocks) {
    expect(isExcerptOf(block, app)).toBe(true);
  }
});

test("the excerpt check rejects a changed line", () => {
  expect(isExcerptOf("a\nc", "a\nb\nc")).toBe(true);
  expect(isExcerptOf("c\na", "a\nb\nc")).toBe(false);
  expect(isExcerptOf("a\nx", "a\nb\nc")).toBe(false);
});
