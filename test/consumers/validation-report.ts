import * as fs from "fs";
import * as path from "path";

/**
 * Checks the report of aws-cdk-lib's synth-time template validation (2.262.0 and later), which synth
 * writes to `validation-report.json` in the cloud assembly, for the consumer checks (run.sh):
 *
 * - no finding is reported (`violations` of every plugin is empty);
 * - the only acknowledged ("suppressed") finding is rule F3006, "Unknown resource type", on the
 *   AWS::DirectConnect::ResiliencyGroup resources, as src/emit/resiliency-group.ts acknowledges it;
 * - every resiliency group of the templates has that finding: when the validation no longer reports it
 *   (it learnt the type), the acknowledgement in src/emit/resiliency-group.ts can go, and this says so.
 */
export const REPORT_FILE = "validation-report.json";
export const ACKNOWLEDGED_ID = "CloudFormation-Validate::F3006";
const GROUP_TYPE = "AWS::DirectConnect::ResiliencyGroup";

interface ViolatingConstruct {
  readonly constructPath?: string;
  readonly cloudFormationResource?: { readonly templatePath: string; readonly logicalId: string };
}
interface Violation {
  readonly ruleName: string;
  readonly description: string;
  readonly severity: string;
  readonly acknowledgedId?: string;
  readonly violatingConstructs: ViolatingConstruct[];
}
interface PluginReport {
  readonly pluginName: string;
  readonly violations: Violation[];
  readonly suppressedViolations?: Violation[];
}

const where = (c: ViolatingConstruct) =>
  c.constructPath ?? `${c.cloudFormationResource?.templatePath} ${c.cloudFormationResource?.logicalId}`;

/** `<template file> <logical id>` of every resource of `type` in the assembly's templates, sorted. */
function resourcesOfType(dir: string, type: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".template.json"))
    .flatMap((f) => {
      const resources = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")).Resources ?? {};
      return Object.keys(resources)
        .filter((id) => resources[id].Type === type)
        .map((id) => `${f} ${id}`);
    })
    .sort();
}

const resourceOf = (c: ViolatingConstruct) =>
  `${c.cloudFormationResource?.templatePath} ${c.cloudFormationResource?.logicalId}`;

/** The problems with the validation report in `dir`; empty when the synth was clean as described above. */
export function validationProblems(dir: string): string[] {
  const file = path.join(dir, REPORT_FILE);
  if (!fs.existsSync(file)) {
    return [`no ${REPORT_FILE} in ${dir}: the template validation did not run`];
  }
  const reports: PluginReport[] = JSON.parse(fs.readFileSync(file, "utf8")).pluginReports ?? [];
  const groups = resourcesOfType(dir, GROUP_TYPE);
  const problems: string[] = [];
  // the groups whose F3006 finding is there, acknowledged or not
  const found = new Set<string>();
  for (const report of reports) {
    for (const v of report.violations) {
      problems.push(
        `${report.pluginName}: ${v.severity} ${v.ruleName} "${v.description}" at ` +
          v.violatingConstructs.map(where).join(", "),
      );
      if (v.ruleName === "F3006") v.violatingConstructs.forEach((c) => found.add(resourceOf(c)));
    }
    for (const v of report.suppressedViolations ?? []) {
      for (const c of v.violatingConstructs) {
        if (v.acknowledgedId === ACKNOWLEDGED_ID && groups.includes(resourceOf(c))) {
          found.add(resourceOf(c));
        } else {
          problems.push(`${report.pluginName}: ${v.ruleName} "${v.description}" acknowledged at ${where(c)}`);
        }
      }
    }
  }
  for (const group of groups.filter((g) => !found.has(g))) {
    problems.push(
      `${group}: ${ACKNOWLEDGED_ID} is no longer reported for this ${GROUP_TYPE}: if the validation ` +
        "knows the type now, the acknowledgement in src/emit/resiliency-group.ts can go (see its comment)",
    );
  }
  return problems;
}

/** CLI: validation-report.ts <label> <assembly dir>; exit 1 on any problem. */
if (require.main === module) {
  const [label, dir] = process.argv.slice(2);
  const problems = validationProblems(dir);
  if (problems.length > 0) {
    console.error(`${label}: the template validation is not clean (${problems.length} problems):`);
    console.error(problems.map((p) => `  ${p}`).join("\n"));
    process.exit(1);
  }
  const groups = resourcesOfType(dir, GROUP_TYPE).length;
  console.log(
    `${label}: template validation clean; ${ACKNOWLEDGED_ID} acknowledged on the ${groups} resiliency groups only`,
  );
}
