import * as fs from "fs";
import * as path from "path";
import { FIXTURES, fixture } from "./load";
import { DirectConnectEstate } from "../../src";

// The verdict lines of every fixture, as DirectConnectEstate gives them: test/estate/verdicts.json, which
// the Python consumer check compares the wheel's with, and a test keeps current. Rewrite it with
// `npx projen estate:verdicts` (then review the diff).

export const VERDICTS_FILE = path.join(__dirname, "verdicts.json");

/** Per fixture: its verdict lines and its findings' rule ids. */
export function verdicts(): Record<string, { verdicts: string[]; findings: string[] }> {
  const out: Record<string, { verdicts: string[]; findings: string[] }> = {};
  for (const name of fs.readdirSync(FIXTURES).sort()) {
    const estate = DirectConnectEstate.fromDescribeOutputs(fixture(name), { title: name });
    out[name] = { verdicts: estate.verdictLines(), findings: estate.findings.map((f) => f.ruleId) };
  }
  return out;
}

if (require.main === module) {
  fs.writeFileSync(VERDICTS_FILE, `${JSON.stringify(verdicts(), undefined, 2)}\n`);
  console.log(`${path.relative(process.cwd(), VERDICTS_FILE)}: the verdicts of every fixture are up to date`);
}
