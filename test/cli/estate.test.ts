import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  DescribeConnectionsCommand,
  DescribeDirectConnectGatewayAssociationsCommand,
  DescribeDirectConnectGatewaysCommand,
  DescribeLagsCommand,
  DescribeVirtualInterfacesCommand,
  DirectConnectClient,
} from "@aws-sdk/client-direct-connect";
import {
  DescribeCustomerGatewaysCommand,
  DescribeVpnConnectionsCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { readEstateDir } from "../../src/cli/files";
import { readLiveEstate } from "../../src/cli/live";
import { CliDeps, main } from "../../src/cli/main";
import { FIXTURES } from "../estate/load";

// `dx-resiliency estate`: the saved outputs of each fixture, or a live account (the AWS SDK mocked with
// the fixture's outputs as responses), give the verdict lines, the report and the exit code.

const VERDICTS = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "estate", "verdicts.json"), "utf8"));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dx-estate-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[], deps?: CliDeps): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, deps);
  return { code, out, err };
}

const verdictLines = (lines: string[]) => lines.filter((l) => /^(PASS|FAIL|INFO) /.test(l));

describe("estate --from DIR", () => {
  test.each(Object.keys(VERDICTS))(
    "%s: the verdict lines, the report, exit 1 exactly when a claim fails",
    async (name) => {
      const report = path.join(tmp, `${name}.md`);
      const { code, out } = await cli(["estate", "--from", path.join(FIXTURES, name), "--report", report]);
      const expected: string[] = VERDICTS[name].verdicts;
      expect(verdictLines(out)).toEqual(expected);
      expect(code).toBe(expected.some((l) => l.startsWith("FAIL ")) ? 1 : 0);
      expect(fs.readFileSync(report, "utf8")).toMatch(/^# Direct Connect estate report: saved outputs in /);
      expect(out[out.length - 1]).toMatch(
        new RegExp(`^\\d+ error\\(s\\), \\d+ warning\\(s\\); report: ${report}$`),
      );
    },
  );

  test("--fail-on warning fails on any finding, --fail-on none never", async () => {
    const from = path.join(FIXTURES, "one-location");
    const report = path.join(tmp, "fail-on.md");
    expect((await cli(["estate", "--from", from, "--report", report])).code).toBe(0);
    expect((await cli(["estate", "--from", from, "--report", report, "--fail-on", "warning"])).code).toBe(1);
    const groupNotMet = path.join(FIXTURES, "group-not-met");
    expect((await cli(["estate", "--from", groupNotMet, "--report", report, "--fail-on", "none"])).code).toBe(
      0,
    );
  });

  test("--model claims a model for every gateway", async () => {
    const { code, out } = await cli([
      "estate",
      "--from",
      path.join(FIXTURES, "one-location"),
      "--report",
      path.join(tmp, "model.md"),
      "--model",
      "high",
    ]);
    expect(code).toBe(1);
    expect(verdictLines(out)[0]).toMatch(
      /^FAIL gateway dev-dxgw .*claims High Resiliency \(--model\): NOT met/,
    );
    expect(out).toContainEqual(expect.stringMatching(/^ {2}error modelLocations \(gateway dev-dxgw\): /));
  });

  test("--emit-code prints the code, and the verdicts go to standard error", async () => {
    const { code, out, err } = await cli([
      "estate",
      "--from",
      path.join(FIXTURES, "maximum"),
      "--report",
      path.join(tmp, "emit.md"),
      "--emit-code",
      "typescript",
    ]);
    expect(code).toBe(0);
    expect(verdictLines(out)).toEqual([]);
    expect(verdictLines(err)).toEqual(VERDICTS.maximum.verdicts);
    expect(out.join("\n").length).toBeGreaterThan(0);
  });
});

describe("usage and input errors exit 2", () => {
  test.each([
    [[], /^Usage: dx-resiliency COMMAND/],
    [["deploy"], /unknown command "deploy": use estate/],
    [["estate"], /give either --from DIR \(saved outputs\) or --region REGION \(a live account\)/],
    [["estate", "--from", "a", "--region", "b"], /give either --from DIR/],
    [["estate", "--from", "a", "--save", "b"], /--profile and --save read a live account/],
    [["estate", "--from", "a", "--model", "max"], /--model "max": use one of maximum, high, dev-test/],
    [
      ["estate", "--from", "a", "--fail-on", "warnings"],
      /--fail-on "warnings": use one of error, warning, none/,
    ],
    [["estate", "--from", "a", "--emit-code", "go"], /--emit-code "go": use one of typescript, python/],
    [["estate", "--from", "a", "--color"], /Unknown option '--color'/],
  ])("%j", async (args, message) => {
    const { code, err } = await cli(args as string[]);
    expect(code).toBe(2);
    expect(err.join("\n")).toMatch(message);
  });

  test("a directory without describe-connections.json names the file", async () => {
    const { code, err } = await cli(["estate", "--from", tmp, "--report", path.join(tmp, "x.md")]);
    expect(code).toBe(2);
    expect(err.join("\n")).toMatch(/describe-connections\.json/);
  });

  test("an output that is not the AWS call's JSON is a rule error, exit 2", async () => {
    const dir = fs.mkdtempSync(path.join(tmp, "bad-"));
    fs.writeFileSync(path.join(dir, "describe-connections.json"), JSON.stringify({ connections: [{}] }));
    fs.writeFileSync(path.join(dir, "describe-lags.json"), JSON.stringify({ lags: "none" }));
    const { code, err } = await cli(["estate", "--from", dir, "--report", path.join(dir, "r.md")]);
    expect(code).toBe(2);
    expect(err.join("\n")).toMatch(/lags/);
  });

  test("--help prints the usage, exit 0", async () => {
    const { code, out } = await cli(["estate", "--help"]);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^Usage: dx-resiliency estate/);
  });
});

describe("estate --region: a live account through the AWS SDK (mocked with a fixture's outputs)", () => {
  const dx = mockClient(DirectConnectClient);
  const ec2 = mockClient(EC2Client);
  afterEach(() => {
    dx.reset();
    ec2.reset();
  });

  test("gives the verdicts of the saved outputs, and --save writes files that read back the same", async () => {
    const saved = readEstateDir(path.join(FIXTURES, "maximum")) as Record<string, any>;
    const half = Math.ceil(saved.describeConnections.connections.length / 2);
    // two pages of connections, and a throttled first call of the LAGs
    dx.on(DescribeConnectionsCommand)
      .resolvesOnce({ connections: saved.describeConnections.connections.slice(0, half), nextToken: "page2" })
      .resolves({ connections: saved.describeConnections.connections.slice(half) });
    dx.on(DescribeLagsCommand)
      .rejectsOnce(Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" }))
      .resolves(saved.describeLags);
    dx.on(DescribeVirtualInterfacesCommand).resolves(saved.describeVirtualInterfaces);
    dx.on(DescribeDirectConnectGatewaysCommand).resolves(saved.describeDirectConnectGateways);
    dx.on(DescribeDirectConnectGatewayAssociationsCommand).resolves(
      saved.describeDirectConnectGatewayAssociations,
    );
    ec2.on(DescribeVpnConnectionsCommand).resolves(saved.describeVpnConnections);
    ec2.on(DescribeCustomerGatewaysCommand).resolves(saved.describeCustomerGateways);
    const dir = path.join(tmp, "saved");
    const deps: CliDeps = {
      readLive: (options) =>
        readLiveEstate({
          ...options,
          directConnect: new DirectConnectClient({ region: "us-east-1" }),
          ec2: new EC2Client({ region: "us-east-1" }),
          sleep: async () => {},
        }),
    };
    const { code, out, err } = await cli(
      ["estate", "--region", "us-east-1", "--save", dir, "--report", path.join(tmp, "live.md")],
      deps,
    );
    // the resiliency groups are not in the SDK: the live read has none, so the gateway claims nothing
    expect(err.join("\n")).toMatch(/resiliency group/i);
    expect(code).toBe(0);
    expect(verdictLines(out)).toEqual([
      VERDICTS.maximum.verdicts[0].replace(
        /^PASS (.*): claims Maximum Resiliency \(resiliency group\): met;/,
        "INFO $1: meets Maximum Resiliency;",
      ),
    ]);
    expect(dx.commandCalls(DescribeConnectionsCommand)[1].args[0].input).toMatchObject({
      nextToken: "page2",
    });
    expect(dx.commandCalls(DescribeLagsCommand)).toHaveLength(2);
    const reread = readEstateDir(dir) as Record<string, any>;
    expect(reread.describeConnections.connections).toHaveLength(saved.describeConnections.connections.length);
    const again = await cli(["estate", "--from", dir, "--report", path.join(tmp, "again.md")]);
    expect(verdictLines(again.out)).toEqual(verdictLines(out));
  });
});
