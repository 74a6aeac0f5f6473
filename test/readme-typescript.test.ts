import { userDocuments } from "./support/docs";
import { BlockFailure, compileBlocks, firstLine, typeScriptBlocks } from "./support/typescript-blocks";

// Every TypeScript block of the README and of docs/*.md type-checks against src/, completed with the
// jsii-rosetta fixture it names (rosetta/default.ts-fixture unless `fixture=NAME`), the way the @example
// translations are. One TypeScript program for all of them.

const DOCUMENTS = userDocuments();
const BLOCKS = DOCUMENTS.flatMap(({ file, text }) => typeScriptBlocks(text, file));

/** A block that must fail, checked in the same program as the README's to prove the check can fail. */
const BROKEN = typeScriptBlocks(
  [
    "Broken example",
    "```ts",
    "new DevTest(this, 'Lab', { location: 'EqDC2', bandwidth: ConnectionBandwidth.GBPS_1 });",
    "new HighResiliency(this, 'Dx', { locations: 'EqDC2' });",
    "```",
  ].join("\n"),
  "broken.md",
);

function report(failures: BlockFailure[]): string {
  return failures
    .map((f) => `${f.block.file} line ${f.block.line} (${firstLine(f.block)}):\n  ${f.messages.join("\n  ")}`)
    .join("\n");
}

let failures: BlockFailure[] = [];
beforeAll(() => {
  failures = compileBlocks([...BLOCKS, ...BROKEN]);
}, 120_000);

test("every TypeScript block of the README and of docs/*.md compiles", () => {
  expect(BLOCKS.filter((b) => b.file === "README.md").length).toBeGreaterThanOrEqual(5);
  expect(BLOCKS.filter((b) => b.file.startsWith("docs/")).length).toBeGreaterThanOrEqual(9);
  const documents = failures.filter((f) => f.block.file !== "broken.md");
  expect(report(documents)).toBe("");
});

test("a block that does not compile fails, named by its line, first line and the line of the error", () => {
  const broken = failures.filter((f) => f.block.file === "broken.md");
  expect(report(broken)).toMatch(
    /^broken\.md line 2 \(new DevTest\(this, 'Lab'.*\):\n {2}broken\.md line 4: Type 'string' is not assignable to type 'string\[\]'/,
  );
});

test("fails when a block carries an unknown directive (no block is skipped silently)", () => {
  expect(() => typeScriptBlocks("```ts ignore\nnothing;\n```\n", "x.md")).toThrow(
    /x\.md line 1: unknown directive "ignore"/,
  );
});

test("fails when a block names a fixture that does not exist", () => {
  const blocks = typeScriptBlocks("```ts fixture=missing\nnothing;\n```\n", "x.md");
  expect(() => compileBlocks(blocks)).toThrow(/x\.md line 1: no fixture rosetta\/missing\.ts-fixture/);
});
