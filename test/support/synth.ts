import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";

/** Where every synthesized template goes for the cfn-lint step (test/cfn-lint/lint-templates.sh). */
export const TEMPLATE_DIR = path.join(__dirname, "..", "..", "test-templates");

const apps: App[] = [];

/** A fresh app whose templates go to cfn-lint after the test (see writeTemplates). */
export function newApp(): App {
  const app = new App();
  apps.push(app);
  return app;
}

/** A fresh stack in a fresh app whose templates go to cfn-lint after the test. */
export function newStack(id = "TestStack"): Stack {
  return new Stack(newApp(), id);
}

/** The template of a stack. */
export function templateOf(stack: Stack): Template {
  return Template.fromStack(stack);
}

/**
 * Synthesizes every app made by newApp/newStack since the last call and writes each stack's template
 * to test-templates/ (named by content, so equal templates are linted once). Runs after every test
 * (test/support/setup.ts), so every template the tests synthesize goes through cfn-lint. A stack
 * without resources is skipped: it is no deployable template (a test that proves nothing was built).
 */
export function writeTemplates(): number {
  return apps.splice(0).reduce((written, app) => written + writeAppTemplates(app), 0);
}

/**
 * Synthesizes one app (any app, also one not made by newApp) and writes its templates for cfn-lint, into
 * `subdir` of test-templates/ when given (the fuzz test's templates go to `fuzz/`, where plain-text keys,
 * accepted with a warning, are allowed).
 */
export function writeAppTemplates(app: App, subdir = ""): number {
  let written = 0;
  const dir = path.join(TEMPLATE_DIR, subdir);
  fs.mkdirSync(dir, { recursive: true });
  for (const stack of app.synth().stacks) {
    const template = stack.template;
    if (Object.keys(template.Resources ?? {}).length === 0) {
      continue;
    }
    const json = JSON.stringify(template, undefined, 1);
    const name = createHash("sha256").update(json).digest("hex").slice(0, 16);
    fs.writeFileSync(path.join(dir, `${name}.json`), json);
    written++;
  }
  return written;
}

/** A LAG or port as the template has it. */
export interface Emitted {
  readonly logicalId: string;
  readonly properties: Record<string, any>;
  readonly deletionPolicy?: string;
  readonly updateReplacePolicy?: string;
}

/** The LAGs and ports of a template, each port with the logical ID of the LAG its `LagId` refers to. */
export function portsAndLags(template: Template): { lags: Emitted[]; ports: (Emitted & { lag: string })[] } {
  const read = (type: string) =>
    Object.entries(template.findResources(type)).map(([logicalId, r]) => ({
      logicalId,
      properties: r.Properties,
      deletionPolicy: r.DeletionPolicy,
      updateReplacePolicy: r.UpdateReplacePolicy,
    }));
  const lags = read("AWS::DirectConnect::Lag");
  const ports = read("AWS::DirectConnect::Connection").map((p) => ({ ...p, lag: p.properties.LagId?.Ref }));
  return { lags, ports };
}
