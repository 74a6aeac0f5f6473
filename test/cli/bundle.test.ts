import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// Issue 16, live estate: the dx-resiliency executable is one file that esbuild bundles (task bundle:cli).
// The task's own command runs here, into a scratch file: the bundle starts with the shebang, holds neither
// aws-cdk-lib nor constructs (the package's peer dependencies, which a CLI user need not have), and runs.

const ROOT = path.join(__dirname, "..", "..");
const OUTFILE = "--outfile=lib/cli/dx-resiliency.js";

function bundleCommand(): string {
  const tasks = JSON.parse(fs.readFileSync(path.join(ROOT, ".projen", "tasks.json"), "utf8"));
  const steps: { exec?: string }[] = tasks.tasks["bundle:cli"].steps;
  expect(steps).toHaveLength(1);
  return steps[0].exec!;
}

let dir: string;
let outfile: string;
let inputs: string[];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dx-bundle-"));
  outfile = path.join(dir, "dx-resiliency.js");
  const metafile = path.join(dir, "meta.json");
  const command = bundleCommand();
  expect(command).toContain(OUTFILE);
  // the task's every mention of the bundle (its esbuild output, its chmod) goes to the scratch file
  const bundle = OUTFILE.split("=")[1];
  const scratch = command
    .replace(OUTFILE, `--outfile=${outfile} --metafile=${metafile}`)
    .split(bundle)
    .join(outfile);
  execFileSync("sh", ["-c", scratch], {
    cwd: ROOT,
    env: {
      ...process.env,
      PATH: `${path.join(ROOT, "node_modules", ".bin")}${path.delimiter}${process.env.PATH}`,
    },
    stdio: "pipe",
  });
  inputs = Object.keys(JSON.parse(fs.readFileSync(metafile, "utf8")).inputs);
}, 120_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the package's bin is the bundle", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  expect(pkg.bin).toEqual({ "dx-resiliency": OUTFILE.split("=")[1] });
});

test("one executable file starting with the shebang", () => {
  expect(fs.readFileSync(outfile, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
  expect(() => fs.accessSync(outfile, fs.constants.X_OK)).not.toThrow();
  expect(fs.readdirSync(dir).sort()).toEqual(["dx-resiliency.js", "meta.json"]);
});

test("neither aws-cdk-lib nor constructs is in it", () => {
  expect(inputs).toContain("src/cli/bin.ts");
  expect(inputs.filter((f) => /node_modules\/(aws-cdk-lib|constructs)\//.test(f))).toEqual([]);
  expect(inputs.filter((f) => f.startsWith("src/emit/") || f === "src/index.ts")).toEqual([]);
});

test("it runs with node alone, outside the repository", () => {
  const result = spawnSync(process.execPath, [outfile], { cwd: os.tmpdir(), encoding: "utf8", env: {} });
  expect(result.stderr).toMatch(/^Usage: dx-resiliency COMMAND /);
  expect(result.status).toBe(2);
});
