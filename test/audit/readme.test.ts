import * as fs from "fs";
import * as path from "path";
import { DESIGN_RULES } from "../../src/plan/rules/design";

// The README's table of audit rules is the catalogue: each rule's id, severity, what, why and source.

const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");

test("the README's audit rules table lists every design rule, as DESIGN_RULES has it", () => {
  const lines = readme.slice(readme.indexOf("### Audit rules")).split("\n");
  const first = lines.indexOf("|---|---|---|---|---|") + 1;
  const end = lines.findIndex((l, i) => i >= first && !l.startsWith("| "));
  const rows = lines.slice(first, end);
  const links = new Map([...readme.matchAll(/^\[([^\]]+)\]: (\S+)$/gm)].map((m) => [m[1], m[2]]));
  const table = rows.map((row) => {
    const [id, severity, what, why, source] = row.slice(2, -2).split(" | ");
    return [
      id.replace(/`/g, ""),
      severity,
      what,
      why,
      source === "" ? undefined : links.get(source.slice(1, -1)),
    ];
  });
  expect(table).toEqual(DESIGN_RULES.map((r) => [r.id, r.severity, r.what, r.why, r.source]));
});
