#!/usr/bin/env node
import { App } from "aws-cdk-lib";
import { buildExampleStacks } from "./stacks";

const app = new App();
const constructs = buildExampleStacks(app);
const assembly = app.synth();

// The summary goes to stderr: stdout of a CDK app is not part of the cloud assembly.
console.error(constructs.map((c) => c.summary()).join("\n\n"));
console.error(
  `\nTemplates: ${assembly.stacks.map((s) => `${assembly.directory}/${s.templateFile}`).join(", ")}`,
);
