import * as fs from "fs";
import { README, generatedSection, readmeSection } from "../examples/typescript/readme-report";

// The README's report and diagram of the example app are generated (npx projen docs:report) and must match.

test("the README shows the example app's report as it is generated now", () => {
  const section = readmeSection(fs.readFileSync(README, "utf8"));
  expect(section).toBeDefined();
  expect(section).toBe(generatedSection());
});

test("the check sees a stale section", () => {
  expect(readmeSection(`x\n${generatedSection().replace("met", "NOT met")}\ny`)).not.toBe(generatedSection());
  expect(readmeSection("no markers")).toBeUndefined();
});
