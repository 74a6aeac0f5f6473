import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, Stack, Stage } from "aws-cdk-lib";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import {
  ConnectionBandwidth,
  DevTest,
  HighResiliency,
  MaximumResiliencyConnections,
  ResiliencyModel,
  ResilientConnections,
} from "../../src";
import { newStack, writeAppTemplates } from "../support/synth";

// Issue 17: a user's own app prints nothing at synth but the annotations, so each construct's info
// annotation names the report file that the synth writes into the cloud assembly.

const TWO = ["EqDC2", "EqSE2"];
const MODELS: Array<[string, (stack: Stack) => void]> = [
  [
    "Maximum Resiliency",
    (s) =>
      new MaximumResiliencyConnections(s, "Dx", { locations: TWO, bandwidth: ConnectionBandwidth.GBPS_10 }),
  ],
  [
    "High Resiliency",
    (s) => new HighResiliency(s, "Dx", { locations: TWO, bandwidth: ConnectionBandwidth.GBPS_10 }),
  ],
  [
    "Development and Test",
    (s) => new DevTest(s, "Dx", { location: "EqDC2", bandwidth: ConnectionBandwidth.GBPS_1 }),
  ],
  [
    "Classic",
    (s) =>
      new ResilientConnections(s, "Dx", {
        model: ResiliencyModel.CLASSIC,
        locations: [{ location: "EqDC2" }],
        bandwidth: ConnectionBandwidth.GBPS_10,
      }),
  ],
];

describe("the info annotation that names the report file", () => {
  const INFO = /^Direct Connect report: (.+) \(failure analysis, turn-up steps\)$/;

  /** The file the construct's info annotation names. */
  function named(stack: Stack, constructPath: string): string {
    const infos = Annotations.fromStack(stack).findInfo(
      constructPath,
      Match.stringLikeRegexp("^Direct Connect report: "),
    );
    expect(infos).toHaveLength(1);
    return INFO.exec(String(infos[0].entry.data))![1];
  }

  test.each(MODELS)("%s adds one, naming <stack>.<id>.dx-report.md", (_, make) => {
    const stack = newStack();
    make(stack);
    expect(named(stack, "/TestStack/Dx")).toMatch(/(^|[\\/])TestStack\.Dx\.dx-report\.md$/);
  });

  test("outside the working directory it is the full path of the file the synth writes", () => {
    // GIVEN
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "dx-info-"));
    const app = new App({ outdir });
    const stack = new Stack(app, "Prod");
    new HighResiliency(stack, "Dx", { locations: TWO, bandwidth: ConnectionBandwidth.GBPS_10 });
    // WHEN
    writeAppTemplates(app);
    // THEN
    const file = named(stack, "/Prod/Dx");
    expect(file).toBe(path.join(outdir, "Prod.Dx.dx-report.md"));
    expect(fs.readFileSync(file, "utf8")).toMatch(/^# Direct Connect report: Prod\/Dx\n/);
  });

  test("below the working directory it is relative (cdk.out/...), and names the file the synth writes", () => {
    // GIVEN a cloud assembly below the working directory (as cdk.out is for the CDK CLI)
    const below = path.join(process.cwd(), "test-reports");
    fs.mkdirSync(below, { recursive: true });
    const outdir = fs.mkdtempSync(path.join(below, "cdk.out-"));
    try {
      const app = new App({ outdir });
      const stack = new Stack(app, "Prod");
      new HighResiliency(stack, "Dx", { locations: TWO, bandwidth: ConnectionBandwidth.GBPS_10 });
      // WHEN
      writeAppTemplates(app);
      // THEN
      const file = named(stack, "/Prod/Dx");
      expect(path.isAbsolute(file)).toBe(false);
      expect(path.resolve(file)).toBe(path.join(outdir, "Prod.Dx.dx-report.md"));
      expect(fs.existsSync(file)).toBe(true);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test("in a nested stage it names the file in the stage's assembly", () => {
    // GIVEN
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "dx-stage-"));
    const app = new App({ outdir });
    const stack = new Stack(new Stage(app, "Prod"), "Net");
    new DevTest(stack, "Lab", { location: "EqDC2", bandwidth: ConnectionBandwidth.GBPS_1 });
    // WHEN
    app.synth();
    // THEN
    const file = named(stack, "/Prod/Net/Lab");
    expect(path.basename(file)).toBe("Prod.Net.Lab.dx-report.md");
    expect(fs.readFileSync(file, "utf8")).toMatch(/^# Direct Connect report: Prod\/Net\/Lab\n/);
  });
});
