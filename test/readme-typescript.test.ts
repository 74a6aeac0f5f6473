import * as fs from "fs";
import * as path from "path";
import { BlockFailure, compileBlocks, firstLine, typeScriptBlocks } from "./support/typescript-blocks";

// Every TypeScript block of the README type-checks against src/, completed with the jsii-rosetta
// fixture it names (rosetta/default.ts-fixture unless `fixture=NAME`), the way the @example
// translations are. One TypeScript program for all of them.

const README = fs.readFileSync(path.join(__dirname, "..", "README.md"), "utf8");

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
  failures = compileBlocks([...typeScriptBlocks(README, "README.md"), ...BROKEN]);
}, 120_000);

test("every TypeScript block of the README compiles", () => {
  expect(typeScriptBlocks(README, "README.md").length).toBeGreaterThanOrEqual(8);
  const readme = failures.filter((f) => f.block.file === "README.md");
  expect(report(readme)).toBe("");
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
