import { spawnSync } from "child_process";
import * as path from "path";

/** What Mermaid's parser made of a picture, or why it failed (test/support/mermaid-parse.mjs). */
export type MermaidParse =
  | { readonly error: string }
  | {
      readonly type: string;
      readonly vertices: string[];
      readonly subgraphs: string[];
      readonly edges: number;
    };

/** Parses the pictures with Mermaid's own parser, in one child process (mermaid is an ES module). */
export function parseMermaid(pictures: string[]): MermaidParse[] {
  const run = spawnSync(process.execPath, [path.join(__dirname, "mermaid-parse.mjs")], {
    input: JSON.stringify(pictures),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`mermaid-parse.mjs failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as MermaidParse[];
}

/** The Mermaid pictures of a Markdown report: the body of every ```mermaid block. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]);
}
