import * as fs from "fs";
import * as path from "path";

// The markdown documents users read: the README (the entry point) and docs/*.md (the reference).

export const ROOT = path.join(__dirname, "..", "..");

/** Path relative to the repository root, and text, of README.md and of every docs/*.md. */
export function userDocuments(): Array<{ file: string; text: string }> {
  const docs = fs
    .readdirSync(path.join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`);
  return ["README.md", ...docs].map((file) => ({
    file,
    text: fs.readFileSync(path.join(ROOT, file), "utf8"),
  }));
}
