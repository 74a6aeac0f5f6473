import * as fs from "fs";
import * as path from "path";
import { awscdk, javascript, JsonFile, TextFile } from "projen";

const project = new awscdk.AwsCdkConstructLibrary({
  name: "cdk-direct-connect-resiliency",
  description:
    "AWS CDK constructs for AWS Direct Connect resiliency: the Resiliency Toolkit models " +
    "(Maximum, High, Development and Test, Classic) as ports, LAGs and a resiliency group.",
  author: "cdk-direct-connect-resiliency contributors",
  authorAddress: "noreply@example.com",
  repositoryUrl: "https://github.com/cdk-direct-connect-resiliency/cdk-direct-connect-resiliency.git",
  keywords: [
    "cdk",
    "aws-cdk",
    "awscdk",
    "direct-connect",
    "directconnect",
    "resiliency",
    "lag",
    "networking",
  ],
  defaultReleaseBranch: "main",
  // projen's default (^13) needs Node.js >= 22 and makes `npm ci` print EBADENGINE on Node.js 20;
  // 12.x is the newest line that supports Node.js 20 (engines >= 18).
  bumpPackage: "commit-and-tag-version@^12",
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  jsiiVersion: "~6.0.0",

  // Peer dependency floors: the lowest versions that have what src/ uses.
  // aws-directconnect first appears in aws-cdk-lib 2.241.0; constructs ^10.5.0 is what that
  // aws-cdk-lib release itself requires. AWS::DirectConnect::ResiliencyGroup is emitted through
  // CfnResource, so the newer CfnResiliencyGroup class (2.276.0) is not needed.
  cdkVersion: "2.241.0",
  constructsVersion: "10.5.0",

  publishToPypi: {
    distName: "cdk-direct-connect-resiliency",
    module: "cdk_direct_connect_resiliency",
  },

  prettier: true,
  prettierOptions: { settings: { printWidth: 110 } },

  // Snapshots change only in a reviewed commit: a test run never rewrites them.
  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
    jestConfig: {
      // the cfn-lint step reads every template the tests synthesize from here
      globalSetup: "<rootDir>/test/support/global-setup.ts",
      setupFilesAfterEnv: ["<rootDir>/test/support/setup.ts"],
      testPathIgnorePatterns: ["/node_modules/", "/test/support/"],
      // the pinned cfn-lint's virtual environment (test/cfn-lint/env.sh): thousands of files jest need not map
      modulePathIgnorePatterns: ["<rootDir>/.venv-cfnlint/"],
    },
  },

  devDeps: [
    // the example app is synthesized through the real aws-cdk CLI (Quick start)
    "aws-cdk@^2",
    // property-based tests of the planner (design.md, test layer 1)
    "fast-check@^3",
    // the example with monitoring passes AwsSolutions checks (issue 11); 2.x is the Aspect-based line that
    // runs with the aws-cdk-lib 2.241 floor (3.x needs aws-cdk-lib >= 2.257)
    "cdk-nag@~2.37.55",
    // runs the example app for `npx cdk synth` (Quick start) through esbuild: ts-node, even transpile-only,
    // spends about 1 s of CPU per synth in the TypeScript compiler over src/; the test task type-checks it
    "tsx@^4",
    // bundles the dx-resiliency CLI into one file (lib/cli/dx-resiliency.js): a jsii package may have no
    // non-jsii runtime dependency, so the AWS SDK goes inside the bundle; the line tsx uses, one copy
    "esbuild@~0.28.0",
    // the CLI reads a live account (src/cli/live.ts); bundled, so a devDependency, not a dependency
    "@aws-sdk/client-direct-connect",
    // the CLI reads the VPN connections and customer gateways of a live account (src/cli/live.ts); bundled
    "@aws-sdk/client-ec2",
    // `dx-resiliency turn-up` finds a stack's Direct Connect resources (ListStackResources, src/cli/turn-up.ts);
    // bundled into lib/cli/dx-resiliency.js by esbuild like the other clients, so a devDependency
    "@aws-sdk/client-cloudformation",
    // the CLI's live-read tests mock the SDK clients (test/cli/live.test.ts)
    "aws-sdk-client-mock@^4",
    // the tests parse every Mermaid picture the reports draw with Mermaid's own flowchart parser
    // (test/analyse/diagram.test.ts, test/support/mermaid-parse.mjs): @mermaid-js/parser has no flowchart
    // grammar, so the mermaid package; 11.x is the newest line that runs on Node.js 20 (12.x needs >= 22.12)
    "mermaid@~11.17.2",
    // mermaid's parser sanitizes labels with DOMPurify, which needs a DOM: jsdom gives it one in the parse
    // script; 26.x is the newest line that runs on Node.js 20 (27 and later need >= 22)
    "jsdom@^26",
  ],

  // The command-line tool, a single file esbuild writes after the compile (task bundle:cli below).
  bin: { "dx-resiliency": "lib/cli/dx-resiliency.js" },

  // Lint checks in CI, it does not rewrite: `npx projen eslint --fix` fixes locally.
  eslintOptions: { dirs: ["src"], devdirs: ["test", "examples", "bench"], commandOptions: { fix: false } },

  gitignore: ["cdk.out/", "/test-templates/", "/.venv-cfnlint/", "__pycache__/", "/.jsii.tabl.json"],
});
// docs/*.md ship in the npm package (the README links to them, and node_modules readers have no repository
// at hand); CONTRIBUTING.md is for the repository only.
for (const pattern of [
  "/CONTRIBUTING.md",
  "/examples/",
  "/cdk.json",
  "cdk.out/",
  "/test-templates/",
  "/.ci/",
  "/.venv-cfnlint/",
  "/rosetta/",
  "/bench/",
]) {
  project.npmignore?.exclude(pattern);
}

// The example app lives in examples/typescript and is type-checked and linted like the tests.
new JsonFile(project, "examples/typescript/tsconfig.json", {
  obj: {
    extends: "../../tsconfig.json",
    compilerOptions: { noEmit: true, rootDir: "../.." },
    include: ["**/*.ts"],
  },
});

// The context `cdk init` of the aws-cdk CLI in devDependencies writes: its recommended feature flags,
// sorted. Without them the CLI prints "N feature flags are not configured" on every synth. The example's
// templates are synthesized with them, also by the consumer checks (the failover drill's role policy
// depends on @aws-cdk/aws-iam:minimizePolicies).
function recommendedFeatureFlags(): Record<string, unknown> {
  const file = path.join(
    "node_modules",
    "aws-cdk",
    "lib",
    "init-templates",
    ".recommended-feature-flags.json",
  );
  if (!fs.existsSync(file)) {
    throw new Error(
      `${file} not found: run npm ci first (it is the aws-cdk CLI's list of recommended flags).`,
    );
  }
  const flags: Record<string, unknown> = JSON.parse(fs.readFileSync(file, "utf8"));
  return Object.fromEntries(
    Object.keys(flags)
      .sort()
      .map((key) => [key, flags[key]]),
  );
}
const context = recommendedFeatureFlags();

// `npx cdk synth` runs the example app (Quick start, command 1) with tsx, which strips the types with
// esbuild and caches the result: about 0.9 s of CPU for the app, against 2.9 s with ts-node
// --transpile-only (two thirds of that in the TypeScript compiler, over src/ on every synth). Neither
// type-checks: the test task type-checks the example (tsc -p examples/typescript).
new JsonFile(project, "cdk.json", {
  obj: {
    app: "node --import tsx examples/typescript/app.ts",
    output: "cdk.out",
    watch: { include: ["src/**", "examples/**"] },
    context,
  },
});
// The Python example app (`cdk synth` in examples/python), with the same context.
new JsonFile(project, "examples/python/cdk.json", { obj: { app: "python3 app.py", context } });

// Every TypeScript example (README blocks, @example in src/) compiles, completed by its fixture in
// rosetta/, and is translated from that compiled source: Python, Java, C# and Go users get working
// examples, never "generated from non-compiling source". The translations go to .jsii.tabl.json,
// where jsii-pacmak takes them from; test/readme-typescript.test.ts checks the blocks of the README and
// of docs/*.md with the same fixtures in the test task.
project.postCompileTask.prependExec("jsii-rosetta extract --strict");

// The dx-resiliency CLI (issue 16, `bin` above) is one file: esbuild bundles src/cli/bin.ts with the AWS SDK
// clients it uses (devDependencies), so the package keeps no non-jsii runtime dependency and the wheel carries
// no SDK node_modules. src/cli imports nothing from emit/ or index (test/architecture.test.ts), so
// aws-cdk-lib and constructs stay out of the bundle (test/cli/bundle.test.ts).
// Measured with the live read and the analysis in the bundle (SDK 3.1048 / EC2 3.1178): the SDK's CommonJS
// builds give 3.7 MB (1.6 MB minified); their ES module builds (--main-fields=module,main), which esbuild
// can tree-shake, 1.9 MB, and 0.93 MB minified (0.25 MB gzipped), 1 MB of it the EC2 client's schemas.
// With turn-up (issue 17) and the CloudFormation client 3.1178: 1.06 MB minified (0.29 MB gzipped), 43 KB
// more than before it, 24 KB of that the CloudFormation client.
// Minified, with --keep-names so that the SDK's error names and DX_RESILIENCY_DEBUG's stack traces keep
// their function names.
const bundleCli = project.addTask("bundle:cli", {
  description: "Bundle the dx-resiliency CLI into lib/cli/dx-resiliency.js (esbuild, one file, node18, cjs)",
  exec:
    "esbuild src/cli/bin.ts --bundle --platform=node --target=node18 --format=cjs --main-fields=module,main " +
    "--minify --keep-names --banner:js='#!/usr/bin/env node' --outfile=lib/cli/dx-resiliency.js --log-level=warning && " +
    // executable in the tarball too: the Python package's `dx-resiliency` runs the file itself (jsii's
    // invokeBinScript), where npm would have set the mode on install
    "chmod +x lib/cli/dx-resiliency.js",
});
project.postCompileTask.spawn(bundleCli);
// src/cli imports the AWS SDK clients, devDependencies that the bundle carries: allowed there only.
project.eslint?.addOverride({
  files: ["src/cli/**/*.ts"],
  rules: {
    "import/no-extraneous-dependencies": [
      "error",
      { devDependencies: true, optionalDependencies: false, peerDependencies: true },
    ],
  },
});
// Only the bundle of src/cli ships: jsii's lib/cli/*.js would require the SDK, which is no dependency.
project.npmignore?.exclude("/lib/cli/*.js", "/lib/cli/*.d.ts");
project.npmignore?.include("/lib/cli/dx-resiliency.js");

// Every template the tests synthesize is written to test-templates/ (test/support/synth.ts) and must
// pass cfn-lint with zero errors. cfn-lint does not know AWS::DirectConnect::ResiliencyGroup yet, so its
// registry schema (from the CloudFormation docs, see test/cfn-lint/README.md) is given to it.
// The cfn-lint version the tests use, whatever cfn-lint the machine has: test/cfn-lint/env.sh installs it
// into .venv-cfnlint/ (created when missing, reinstalled when a version differs from the pin, reused
// otherwise), and everything that runs cfn-lint or reads its schemas takes it from there.
new TextFile(project, "requirements-dev.txt", {
  lines: ['# ~~ Generated by projen. To modify, edit .projenrc.ts and run "npx projen".', "cfn-lint==1.58.0"],
});
const cfnLintEnv = project.addTask("cfn-lint:env", {
  description: "Create or reuse .venv-cfnlint/ with the cfn-lint pinned in requirements-dev.txt",
  exec: "bash test/cfn-lint/env.sh",
});

const cfnLint = project.addTask("lint:cfn", {
  description: "cfn-lint every template the tests synthesized (zero errors allowed)",
  exec: "bash test/cfn-lint/lint-templates.sh test-templates",
});
project.testTask.spawn(cfnLint);
// ts-jest compiles tests one by one without type checks (isolatedModules): type-check them first.
project.testTask.prependExec(
  "tsc --noEmit -p test/tsconfig.json && tsc --noEmit -p examples/typescript/tsconfig.json && " +
    "tsc --noEmit -p bench/tsconfig.json",
);
// the pinned cfn-lint before anything else: jest reads its schemas (test/constructs/replacement.test.ts)
project.testTask.prependSpawn(cfnLintEnv);

// No jsii warning is silenced: projen hides reserved-word warnings (\`type\` was one, a Go keyword; the
// topology now says \`interfaceType\`), and any warning fails the compile.
project.compileTask.reset("jsii --fail-on-warnings");

// Both artefacts, also in CI (projen packages only js there by default): the consumer checks use them.
project.packageTask.reset();
project.packageTask.spawn(project.tasks.tryFind("package-all")!);

// The packed npm tarball in a scratch TypeScript app and the wheel in a Python app outside the
// repository must synthesize the same templates as the example app built from source.
const consumers = project.addTask("test:consumers", {
  description: "Install dist/js and dist/python like users do and compare their templates with the example's",
  exec: "bash test/consumers/run.sh",
});
// `build` is locked by projen; `package` is its last step, so the checks follow the packaging there.
project.packageTask.spawn(consumers);

project.addTask("docs:rules", {
  description:
    "Rewrite the rule tables and warning ids of docs/rules.md from the rule catalogue (a test checks that they are current)",
  exec: "ts-node --transpile-only --project test/tsconfig.json test/support/readme-rules.ts",
});

project.addTask("docs:report", {
  description: "Rewrite the example app's report in docs/report.md (a test checks that it is current)",
  exec: "ts-node --transpile-only --project examples/typescript/tsconfig.json examples/typescript/readme-report.ts",
});

// The failure-analysis benchmark (a script, not a test: src/ does not depend on it). It is type-checked
// with the tests; `npx projen bench` times analyseFailures at 50, 200 and 1,000 ports and writes
// bench/results.json (committed with the figures of the machine that ran it).
new JsonFile(project, "bench/tsconfig.json", {
  obj: {
    extends: "../tsconfig.json",
    compilerOptions: { noEmit: true, rootDir: ".." },
    include: ["**/*.ts"],
  },
});
project.addTask("bench", {
  description:
    "Time the failure analysis at 50, 200 and 1,000 ports (k = 1 and 2); writes bench/results.json",
  env: { TS_NODE_PROJECT: "bench/tsconfig.json" },
  // --expose-gc: the benchmark measures the memory an analysis holds after full collections
  exec: "node --expose-gc -r ts-node/register/transpile-only bench/analyse.ts",
});

// The synth benchmark (issue 14, point 8): the library's stack against its L1 twin (the same templates
// written by hand with the typed L1 classes, in the library's construct tree; target at most 1.25 times),
// at 10 to 2,000 ports with and without virtual interfaces, and a floor (plain CfnResource, literal Refs);
// checks the templates identical, then times the three interleaved in one process and measures the heap
// each retains. Writes bench/synth-results.json.
// tsx: ts-node's TypeScript compiler would sit in the heap every collection walks.
project.addTask("bench:synth", {
  description:
    "Time synth of the library against its L1 twin (the same templates from typed L1 classes, and a CfnResource floor) at 10 to 2,000 ports; writes bench/synth-results.json",
  exec: "node --expose-gc --import tsx bench/synth.ts",
});

// The live-estate benchmark (issue 16): reading and analysing estates of 500 connections, and their
// report; prints the figures (the closing note quotes them).
project.addTask("bench:estate", {
  description:
    "Time DirectConnectEstate on estates of 500 connections (read, analyse, report); prints the figures",
  exec: "node --import tsx bench/estate.ts",
});

project.addTask("estate:verdicts", {
  description:
    "Rewrite test/estate/verdicts.json, the verdicts of every estate fixture (a test checks it is current; the Python consumer compares with it)",
  exec: "ts-node --transpile-only --project test/tsconfig.json test/estate/verdicts.ts",
});

project.addTask("example:synth", {
  description: "Synthesize the example app through the aws-cdk CLI into cdk.out and print its summary",
  exec: "cdk synth --quiet",
});

project.synth();
