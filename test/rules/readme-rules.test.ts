import * as fs from "fs";
import { RuleSeverity } from "../../src";
import {
  RULES_DOC,
  docSection,
  generatedSections,
  regenerated,
  ruleTable,
  section,
  sourceLabels,
  warningList,
} from "../support/readme-rules";

// The rule tables and warning ids of docs/rules.md are generated from the rule catalogue
// (npx projen docs:rules) and must match it.

const readme = fs.readFileSync(RULES_DOC, "utf8");

test("the rule tables and warning ids of docs/rules.md are the catalogue's as it is now", () => {
  for (const { key, content, empty } of generatedSections(readme)) {
    const current = docSection(readme, key);
    if (empty && current === undefined) continue;
    expect(current).toBe(section(key, content));
  }
  expect(regenerated(readme)).toBe(readme);
});

test("the check sees a stale table, a missing section and a source without a link", () => {
  const stale = readme.replace("| `vlanRange` | error |", "| `vlanRange` | warning |");
  expect(stale).not.toBe(readme);
  expect(regenerated(stale)).toBe(readme);
  expect(() => regenerated(readme.replace(/<!-- rules:layout:.*-->\n/g, ""))).toThrow(
    /docs\/rules.md has no <!-- rules:layout:begin/,
  );
  const rule = {
    id: "x",
    severity: RuleSeverity.ERROR,
    what: "a | b",
    why: "y",
    source: "https://docs.aws.amazon.com/x",
    audit: false,
  };
  expect(() => ruleTable([rule], new Map())).toThrow(
    /no \[Label\]: https:\/\/docs.aws.amazon.com\/x definition/,
  );
  expect(ruleTable([rule], sourceLabels("[X page]: https://docs.aws.amazon.com/x"))).toContain(
    "| `x` | error | a \\| b | y |  | [X page] |",
  );
});

test("the warning ids are listed for acknowledgeWarning", () => {
  expect(
    warningList([
      { id: "minimumLinksOnCreate", severity: RuleSeverity.WARNING, what: "w", why: "y", audit: false },
    ]),
  ).toMatch(/^Warnings carry ids \(`cdk-direct-connect-resiliency:minimumLinksOnCreate`\) for /);
});
