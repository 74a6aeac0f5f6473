import * as fs from "fs";
import { REPORT_DOC, generatedSection, reportSection } from "../examples/typescript/readme-report";

// The report and diagram of the example app in docs/report.md are generated (npx projen docs:report)
// and must match.

test("docs/report.md shows the example app's report as it is generated now", () => {
  const section = reportSection(fs.readFileSync(REPORT_DOC, "utf8"));
  expect(section).toBeDefined();
  expect(section).toBe(generatedSection());
});

test("the check sees a stale section", () => {
  expect(reportSection(`x\n${generatedSection().replace("met", "NOT met")}\ny`)).not.toBe(generatedSection());
  expect(reportSection("no markers")).toBeUndefined();
});
