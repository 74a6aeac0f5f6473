import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  DescribeLocationsCommand,
  DirectConnectClient,
  DirectConnectServiceException,
  Location,
} from "@aws-sdk/client-direct-connect";
import { App, CfnParameter, NestedStack, Stack, Stage } from "aws-cdk-lib";
import { CfnConnection, CfnLag } from "aws-cdk-lib/aws-directconnect";
import { mockClient } from "aws-sdk-client-mock";
import { METADATA, throttle } from "./sdk-fakes";
import { buildExampleStacks } from "../../examples/typescript/stacks";
import { readCloudAssembly } from "../../src/cli/assembly";
import { backoffCeiling, DEFAULT_MAX_ATTEMPTS } from "../../src/cli/aws-calls";
import { closestCodes, LOCATIONS_USAGE } from "../../src/cli/locations";
import { CliDeps, main, USAGE } from "../../src/cli/main";

// Issue 17, `dx-resiliency locations`: the Region's locations from DescribeLocations (mocked, in the shape
// of the API reference's Location), and the check of a cloud assembly's ports and LAGs against them: an
// unknown code, a speed or a MACsec speed a location does not offer, a value known only at deploy; the
// example app's own assembly passes. Throttling is retried, errors name the IAM action, exit codes.

/** Locations as DescribeLocations returns them (API reference, Location). */
const EQDC2: Location = {
  locationCode: "EqDC2",
  locationName: "Equinix DC1-DC15, Ashburn, VA, US",
  region: "us-east-1",
  availablePortSpeeds: ["1Gbps", "10Gbps", "100Gbps", "400Gbps"],
  availableProviders: ["Equinix, Inc.", "Megaport", "Zayo"],
  availableMacSecPortSpeeds: ["10Gbps", "100Gbps", "400Gbps"],
};
const EQDA2: Location = {
  locationCode: "EqDA2",
  locationName: "Equinix DA - Dallas (previously Infomart Dallas), Dallas, TX, US",
  region: "us-east-1",
  availablePortSpeeds: ["1Gbps", "10Gbps", "100Gbps"],
  availableProviders: ["Equinix, Inc.", "Megaport"],
  availableMacSecPortSpeeds: ["10Gbps", "100Gbps"],
};
const CSVA1: Location = {
  locationCode: "CSVA1",
  locationName: "CoreSite - Reston (VA1), Reston, VA, US",
  region: "us-east-1",
  availablePortSpeeds: ["1Gbps", "10Gbps", "100Gbps", "400Gbps"],
  availableProviders: [],
  availableMacSecPortSpeeds: [],
};
const EQLD5: Location = {
  locationCode: "EqLD5",
  locationName: "Equinix LD5 - London, Slough, GB",
  region: "eu-west-1",
  availablePortSpeeds: ["1Gbps", "10Gbps", "100Gbps"],
  availableProviders: ["Equinix, Inc."],
  availableMacSecPortSpeeds: ["10Gbps", "100Gbps"],
};
/** The example app's other locations (its stacks are environment-agnostic: all are checked in one Region). */
const EXAMPLE_EXTRA: Location[] = [
  {
    locationCode: "EqSE2",
    locationName: "Equinix SE2/SE3 - Seattle, Seattle, WA, US",
    region: "us-east-1",
    availablePortSpeeds: ["1Gbps", "10Gbps", "100Gbps", "400Gbps"],
    availableProviders: ["Equinix, Inc."],
    availableMacSecPortSpeeds: ["10Gbps", "100Gbps", "400Gbps"],
  },
  {
    locationCode: "EqCH2",
    locationName: "Equinix CH1/CH2/CH4 - Chicago, Chicago, IL, US",
    region: "us-east-1",
    availablePortSpeeds: ["1Gbps", "10Gbps", "100Gbps", "400Gbps"],
    availableProviders: ["Equinix, Inc."],
    availableMacSecPortSpeeds: ["10Gbps", "100Gbps", "400Gbps"],
  },
];

const BY_REGION: Record<string, Location[]> = {
  // not sorted: the command sorts by code
  "us-east-1": [EQDC2, CSVA1, EQDA2],
  "eu-west-1": [EQLD5],
};

const dxMock = mockClient(DirectConnectClient);

/** DescribeLocations answers with the locations of the client's Region. */
function mockRegions(regions: Record<string, Location[]> = BY_REGION): void {
  dxMock.on(DescribeLocationsCommand).callsFake(async (_input, getClient) => ({
    ...METADATA,
    locations: regions[await getClient().config.region()] ?? [],
  }));
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dx-locations-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Run {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
  /** The Regions and profiles the command asked clients for, and the waits it asked for. */
  readonly clients: string[];
  readonly sleeps: number[];
}

async function cli(args: string[], extra: Partial<CliDeps> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const clients: string[] = [];
  const sleeps: number[] = [];
  const deps: CliDeps = {
    readLive: async () => {
      throw new Error("not the estate");
    },
    directConnect: (region, profile) => {
      clients.push(profile === undefined ? region : `${region} (${profile})`);
      return new DirectConnectClient({ region });
    },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  };
  const code = await main(["locations", ...args], { out: (l) => out.push(l), err: (l) => err.push(l) }, deps);
  return { code, out, err, clients, sleeps };
}

beforeEach(() => {
  dxMock.reset();
});

describe("locations --region: the list", () => {
  test("one table, sorted by code: code, name, Region, port speeds, MACsec port speeds, providers", async () => {
    mockRegions();
    const { code, out, err, clients } = await cli(["--region", "us-east-1", "--profile", "network-ro"]);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toEqual([
      "3 Direct Connect locations in us-east-1 (DescribeLocations), by code:",
      "CODE   NAME                                                              REGION     PORT SPEEDS                      MACSEC PORT SPEEDS        PROVIDERS",
      "CSVA1  CoreSite - Reston (VA1), Reston, VA, US                           us-east-1  1Gbps, 10Gbps, 100Gbps, 400Gbps  -                         -",
      "EqDA2  Equinix DA - Dallas (previously Infomart Dallas), Dallas, TX, US  us-east-1  1Gbps, 10Gbps, 100Gbps           10Gbps, 100Gbps           Equinix, Inc., Megaport",
      "EqDC2  Equinix DC1-DC15, Ashburn, VA, US                                 us-east-1  1Gbps, 10Gbps, 100Gbps, 400Gbps  10Gbps, 100Gbps, 400Gbps  Equinix, Inc., Megaport, Zayo",
    ]);
    // one call, which takes no input and does not page; a client of the Region and profile given
    expect(dxMock.commandCalls(DescribeLocationsCommand).map((c) => c.args[0].input)).toEqual([{}]);
    expect(clients).toEqual(["us-east-1 (network-ro)"]);
  });

  test("speeds slowest first, whatever order the API gives them in", async () => {
    mockRegions({
      "us-east-1": [{ ...EQDC2, availablePortSpeeds: ["400Gbps", "10Gbps", "1Gbps", "100Gbps"] }],
    });
    const { out } = await cli(["--region", "us-east-1"]);
    expect(out[2]).toContain("1Gbps, 10Gbps, 100Gbps, 400Gbps");
  });

  test("a Region without locations says so", async () => {
    mockRegions({});
    const { code, out } = await cli(["--region", "eu-south-2"]);
    expect(code).toBe(0);
    expect(out).toEqual(["No Direct Connect location in eu-south-2 (DescribeLocations)"]);
  });

  test("without an injected client, it makes one of the Region and profile that never retries on its own", async () => {
    mockRegions();
    const { code } = await cli(["--region", "us-east-1", "--profile", "network-ro"], {
      directConnect: undefined,
    });
    expect(code).toBe(0);
    const client = dxMock.commandCalls(DescribeLocationsCommand)[0].thisValue as DirectConnectClient;
    expect(await client.config.region()).toBe("us-east-1");
    expect(await client.config.maxAttempts()).toBe(1);
    expect(client.config.profile).toBe("network-ro");
  });
});

/** A cloud assembly synthesized into a fresh directory of tmp. */
function synthesize(name: string, build: (app: App) => void, context: Record<string, unknown> = {}): string {
  const outdir = path.join(tmp, name);
  const app = new App({ outdir, context });
  build(app);
  app.synth();
  return outdir;
}

function connection(scope: Stack, id: string, location: string, bandwidth: string, macSec?: boolean): void {
  new CfnConnection(scope, id, { location, bandwidth, connectionName: id, requestMacSec: macSec });
}

/** An assembly of one stack in us-east-1 with one 10 Gbps port, `Port`, at `location`. */
function onePort(stackName: string, location: string): string {
  return synthesize(stackName, (app) => {
    connection(new Stack(app, stackName, { env: { region: "us-east-1" } }), "Port", location, "10Gbps");
  });
}

/**
 * An app with mistakes: an unknown code, a code in another case, a speed and a MACsec speed not offered,
 * a location from a parameter (a token), good ports in a nested stack and in an environment-agnostic
 * stack, and a stage in eu-west-1 that orders at a location of us-east-1.
 */
function badApp(app: App): void {
  const stack = new Stack(app, "DxBad", { env: { region: "us-east-1" } });
  connection(stack, "Typo", "EqDX2", "10Gbps");
  connection(stack, "Upper", "EQDC2", "10Gbps");
  connection(stack, "TooFast", "EqDA2", "400Gbps");
  new CfnLag(stack, "Secure", {
    location: "EqDA2",
    connectionsBandwidth: "1Gbps",
    lagName: "secure",
    requestMacSec: true,
  });
  const site = new CfnParameter(stack, "Site", { type: "String" });
  connection(stack, "FromParameter", site.valueAsString, "10Gbps");
  connection(stack, "Good", "EqDC2", "100Gbps", true);
  connection(new NestedStack(stack, "Inner"), "Nested", "CSVA1", "400Gbps");

  connection(new Stack(app, "DxAnywhere"), "Lab", "EqDC2", "1Gbps");

  const eu = new Stack(new Stage(app, "Eu", { env: { region: "eu-west-1" } }), "DxEu");
  connection(eu, "London", "EqLD5", "10Gbps", true);
  connection(eu, "Ashburn", "EqDC2", "10Gbps");
}

describe("locations --app: the check of a cloud assembly", () => {
  let bad: string;
  beforeAll(() => {
    bad = synthesize("bad", badApp);
  });

  test("flags an unknown code (with the closest), a case difference, a speed and a MACsec speed not offered", async () => {
    mockRegions();
    const { code, out, err } = await cli(["--app", bad, "--region", "us-east-1"]);
    expect(err).toEqual([]);
    expect(code).toBe(1);
    // the nested stack's resource in its parent's template
    const nested = readCloudAssembly(bad).stacks[2].name;
    expect(nested).toMatch(/^DxBad \(nested InnerNestedStackInnerNestedStackResource\w+\)$/);
    expect(out).toEqual([
      // the stage's assembly comes first in the manifest
      "Eu/DxEu: 2 ports and LAGs, checked against the locations of eu-west-1 (the stack's own Region, not " +
        "--region us-east-1)",
      "  OK Eu/DxEu London (connection): EqLD5 10Gbps with MACsec",
      '  MISMATCH Eu/DxEu Ashburn (connection): Location "EqDC2" is not a Direct Connect location of ' +
        "eu-west-1 (DescribeLocations lists it in us-east-1: a port can only be ordered at a location of its " +
        "stack's Region); no code of eu-west-1 is close (dx-resiliency locations --region eu-west-1 lists them)",
      "DxBad: 6 ports and LAGs, checked against the locations of us-east-1 (the stack's own Region)",
      '  MISMATCH DxBad Typo (connection): Location "EqDX2" is not a Direct Connect location of us-east-1; ' +
        "closest: EqDA2, EqDC2",
      '  MISMATCH DxBad Upper (connection): Location "EQDC2" is not a code of us-east-1 as written: ' +
        "DescribeLocations spells it EqDC2 (only the case differs; AWS does not document whether codes are " +
        "case-sensitive: write it as listed)",
      '  MISMATCH DxBad TooFast (connection): Bandwidth "400Gbps" is not offered at EqDA2 (us-east-1), ' +
        "which offers 1Gbps, 10Gbps, 100Gbps",
      "  MISMATCH DxBad Secure (LAG): RequestMACSec at 1Gbps is not offered at EqDA2 (us-east-1), which " +
        "offers MACsec at 10Gbps, 100Gbps",
      '  NOT CHECKED DxBad FromParameter (connection): Location {"Ref":"Site"} is not a literal (known only ' +
        "at deploy): its code, speed and MACsec are not checked",
      "  OK DxBad Good (connection): EqDC2 100Gbps with MACsec",
      `${nested}: 1 port or LAG, checked against the locations of us-east-1 (the stack's own Region)`,
      `  OK ${nested} Nested (connection): CSVA1 400Gbps`,
      "DxAnywhere: 1 port or LAG, checked against the locations of us-east-1 (--region: the stack is " +
        "environment-agnostic)",
      "  OK DxAnywhere Lab (connection): EqDC2 1Gbps",
      "5 mismatch(es), 1 not checked, 4 match, of 10 ports and LAGs in 4 stacks",
    ]);
    // one call per Region, each with a client of its Region
    expect(dxMock.commandCalls(DescribeLocationsCommand)).toHaveLength(2);
  });

  test("an environment-agnostic stack needs --region (a usage error naming it, no AWS call)", async () => {
    const { code, err } = await cli(["--app", bad]);
    expect(code).toBe(2);
    expect(err[0]).toBe(
      "dx-resiliency: give --region REGION: DxAnywhere has no Region of its own (environment-agnostic) and " +
        "orders Direct Connect ports",
    );
    const two = synthesize("agnostic", (app) => {
      connection(new Stack(app, "DxA"), "Port", "EqDC2", "10Gbps");
      connection(new Stack(app, "DxB"), "Port", "EqDC2", "10Gbps");
    });
    expect((await cli(["--app", two])).err[0]).toBe(
      "dx-resiliency: give --region REGION: DxA, DxB have no Region of their own (environment-agnostic) and " +
        "order Direct Connect ports",
    );
    expect(dxMock.calls()).toHaveLength(0);
  });

  test("stacks with a Region of their own need no --region", async () => {
    const regional = onePort("DxEast", "EqDC2");
    mockRegions();
    const { code, out, clients } = await cli(["--app", regional]);
    expect(code).toBe(0);
    expect(clients).toEqual(["us-east-1"]);
    expect(out[out.length - 1]).toBe("0 mismatch(es), 0 not checked, 1 match, of 1 port or LAG in 1 stack");
  });

  test("a speed, a MACsec request or a LAG's location that is not a literal is not checked, and no error", async () => {
    const tokens = synthesize("tokens", (app) => {
      const stack = new Stack(app, "DxTokens", { env: { region: "us-east-1" } });
      const speed = new CfnParameter(stack, "Speed", { type: "String" });
      const secure = new CfnParameter(stack, "Secure", { type: "String" });
      const site = new CfnParameter(stack, "Site", { type: "String" });
      connection(stack, "SpeedPort", "EqDC2", speed.valueAsString);
      new CfnConnection(stack, "MacSecPort", {
        location: "EqDC2",
        bandwidth: "10Gbps",
        connectionName: "m",
        requestMacSec: secure.valueAsString as unknown as boolean,
      });
      new CfnLag(stack, "SiteLag", {
        location: site.valueAsString,
        connectionsBandwidth: "10Gbps",
        lagName: "l",
      });
    });
    mockRegions();
    const { code, out } = await cli(["--app", tokens]);
    expect(code).toBe(0);
    expect(out.filter((l) => l.includes("NOT CHECKED"))).toEqual([
      '  NOT CHECKED DxTokens SpeedPort (connection): Bandwidth {"Ref":"Speed"} is not a literal (known only at ' +
        "deploy): the speed is not checked",
      '  NOT CHECKED DxTokens MacSecPort (connection): RequestMACSec {"Ref":"Secure"} is not a literal (known ' +
        "only at deploy): MACsec is not checked",
      '  NOT CHECKED DxTokens SiteLag (LAG): Location {"Ref":"Site"} is not a literal (known only at deploy): its ' +
        "code, speed and MACsec are not checked",
    ]);
    expect(out[out.length - 1]).toBe(
      "0 mismatch(es), 3 not checked, 0 match, of 3 ports and LAGs in 1 stack",
    );
  });

  test("the example app's own cloud assembly passes against locations that list its codes and speeds", async () => {
    const example = synthesize("example", (app) => {
      buildExampleStacks(app);
    });
    mockRegions({ "us-east-1": [EQDC2, EQDA2, ...EXAMPLE_EXTRA] });
    const { code, out, err } = await cli(["--app", example, "--region", "us-east-1"]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const ok = out.filter((l) => l.startsWith("  OK "));
    // production: 4 LAGs of one 10 Gbps port; branch: 2 LAGs of two 10 Gbps ports; lab: 2 LAGs of one 1 Gbps port
    expect(ok).toHaveLength(4 + 4 + 2 + 4 + 2 + 2);
    expect(new Set(ok.map((l) => l.replace(/^.*: /, "")))).toEqual(
      new Set(["EqDC2 10Gbps", "EqSE2 10Gbps", "EqCH2 10Gbps", "EqDA2 10Gbps", "EqDC2 1Gbps"]),
    );
    expect(out.filter((l) => !l.startsWith("  OK "))).toEqual([
      "DxProduction: 8 ports and LAGs, checked against the locations of us-east-1 (--region: the stack is " +
        "environment-agnostic)",
      "DxBranch: 6 ports and LAGs, checked against the locations of us-east-1 (--region: the stack is " +
        "environment-agnostic)",
      "DxLab: 4 ports and LAGs, checked against the locations of us-east-1 (--region: the stack is " +
        "environment-agnostic)",
      "0 mismatch(es), 0 not checked, 18 match, of 18 ports and LAGs in 3 stacks",
    ]);

    // the same app where a location does not offer 10 Gbps any more
    mockRegions({
      "us-east-1": [EQDC2, { ...EQDA2, availablePortSpeeds: ["1Gbps", "100Gbps"] }, ...EXAMPLE_EXTRA],
    });
    const changed = await cli(["--app", example, "--region", "us-east-1"]);
    expect(changed.code).toBe(1);
    // DxBranch's LAG and two ports at EqDA2
    expect(changed.out.filter((l) => l.includes("MISMATCH"))).toHaveLength(3);
  });

  test("a nested stack's template is found by its aws:asset:path metadata (what cdk synth writes) too", async () => {
    const withMetadata = synthesize(
      "metadata",
      (app) => {
        const stack = new Stack(app, "DxParent", { env: { region: "us-east-1" } });
        connection(new NestedStack(stack, "Inner"), "Nested", "EqDX9", "10Gbps");
      },
      { "aws:cdk:enable-asset-metadata": true },
    );
    const assembly = readCloudAssembly(withMetadata);
    const parent = assembly.stacks[0].resources;
    const nested = Object.values(parent).find((r) => r.Type === "AWS::CloudFormation::Stack")!;
    expect(nested.Metadata?.["aws:asset:path"]).toMatch(/\.nested\.template\.json$/);
    mockRegions();
    const { code, out } = await cli(["--app", withMetadata]);
    expect(code).toBe(1);
    expect(out).toContainEqual(
      expect.stringMatching(/^ {2}MISMATCH DxParent \(nested \w+\) Nested .*"EqDX9"/),
    );
  });

  test("a nested stack whose template is missing is reported as not checked", async () => {
    const missing = synthesize("missing", (app) => {
      const stack = new Stack(app, "DxParent", { env: { region: "us-east-1" } });
      connection(stack, "Port", "EqDC2", "10Gbps");
      connection(new NestedStack(stack, "Inner"), "Nested", "EqDC2", "10Gbps");
    });
    for (const file of fs.readdirSync(missing).filter((f) => f.endsWith(".nested.template.json"))) {
      fs.rmSync(path.join(missing, file));
    }
    mockRegions();
    const { code, out } = await cli(["--app", missing]);
    expect(code).toBe(0);
    expect(out.slice(-2)).toEqual([
      expect.stringMatching(
        /^ {2}NOT CHECKED DxParent InnerNestedStack\w+ \(nested stack\): its template is not in the cloud assembly/,
      ),
      "0 mismatch(es), 0 not checked, 1 match, of 1 port or LAG in 1 stack; 1 nested stack not read",
    ]);
  });

  test("an app that orders no port: nothing to check, no AWS call", async () => {
    const empty = synthesize("empty", (app) => {
      new CfnParameter(new Stack(app, "NoDx"), "Unused", { type: "String" });
    });
    const { code, out } = await cli(["--app", empty]);
    expect(code).toBe(0);
    expect(out).toEqual([
      `No AWS::DirectConnect::Connection or AWS::DirectConnect::Lag in ${empty}: nothing to check`,
    ]);
    expect(dxMock.calls()).toHaveLength(0);
  });

  test("a directory that is no cloud assembly, or a broken template: exit 2 naming the file", async () => {
    const { code, err } = await cli(["--app", path.join(tmp, "nowhere"), "--region", "us-east-1"]);
    expect(code).toBe(2);
    expect(err).toEqual([
      `dx-resiliency: ${path.join(tmp, "nowhere")} has no manifest.json: is it a cloud assembly? ` +
        "(npx cdk synth writes one to cdk.out)",
    ]);
    const broken = onePort("DxBroken", "EqDC2");
    fs.writeFileSync(path.join(broken, "DxBroken.template.json"), "{ not json");
    const again = await cli(["--app", broken]);
    expect(again.code).toBe(2);
    expect(again.err[0]).toMatch(
      /^dx-resiliency: template of DxBroken: .*DxBroken\.template\.json is no JSON/,
    );
  });
});

describe("the closest codes", () => {
  const codes = ["EqDC2", "EqDA2", "CSVA1", "EqLD5", "EqSE2"];
  test("at the smallest edit distance, case-insensitive, at most three", () => {
    expect(closestCodes("EqDX2", codes)).toEqual(["EqDA2", "EqDC2"]);
    expect(closestCodes("eqdc2", codes)[0]).toBe("EqDC2");
    // only those at the smallest distance: EqSE2 and EqLD5 are two edits away
    expect(closestCodes("EqD2", codes)).toEqual(["EqDA2", "EqDC2"]);
    expect(closestCodes("EQLD", codes)).toEqual(["EqLD5"]);
    expect(closestCodes("X", ["A1", "B", "C"])).toEqual(["B", "C"]);
  });
  test("none when nothing is near", () => {
    expect(closestCodes("ZZZZZZZZ", codes)).toEqual([]);
  });
  test("the message says so and points to the list", async () => {
    const far = onePort("DxFar", "ZZZZZZZZ");
    mockRegions();
    const { out } = await cli(["--app", far]);
    expect(out[1]).toBe(
      '  MISMATCH DxFar Port (connection): Location "ZZZZZZZZ" is not a Direct Connect location of us-east-1; ' +
        "no code of us-east-1 is close (dx-resiliency locations --region us-east-1 lists them)",
    );
  });
});

describe("AWS errors", () => {
  test("throttling is retried with backoff until the call succeeds", async () => {
    dxMock
      .on(DescribeLocationsCommand)
      .rejectsOnce(throttle("ThrottlingException"))
      .rejectsOnce(throttle("TooManyRequestsException"))
      .resolves({ ...METADATA, locations: [EQDC2] });
    const { code, out, err, sleeps } = await cli(["--region", "us-east-1"]);
    expect(code).toBe(0);
    expect(out[0]).toBe("1 Direct Connect location in us-east-1 (DescribeLocations), by code:");
    expect(dxMock.commandCalls(DescribeLocationsCommand)).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    sleeps.forEach((ms, i) => expect(ms).toBeLessThan(backoffCeiling(i + 1)));
    expect(err).toEqual([
      expect.stringMatching(/^DescribeLocations: ThrottlingException on attempt 1 of 8; retrying in \d+ ms$/),
      expect.stringMatching(
        /^DescribeLocations: TooManyRequestsException on attempt 2 of 8; retrying in \d+ ms$/,
      ),
    ]);
  });

  test(`gives up after ${DEFAULT_MAX_ATTEMPTS} attempts: exit 2, naming the Region and the call`, async () => {
    dxMock.on(DescribeLocationsCommand).rejects(throttle("ThrottlingException"));
    const { code, err } = await cli(["--region", "us-east-1"]);
    expect(code).toBe(2);
    expect(dxMock.commandCalls(DescribeLocationsCommand)).toHaveLength(DEFAULT_MAX_ATTEMPTS);
    expect(err[err.length - 1]).toBe(
      "dx-resiliency: us-east-1: DescribeLocations gave up after 8 attempts (ThrottlingException: Rate " +
        "exceeded): the account is throttling its API calls or the service is failing; try again later",
    );
  });

  test("AccessDenied names directconnect:DescribeLocations, at the first attempt: exit 2", async () => {
    dxMock.on(DescribeLocationsCommand).rejects(
      new DirectConnectServiceException({
        name: "AccessDeniedException",
        $fault: "client",
        $metadata: { httpStatusCode: 400 },
        message:
          "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: directconnect:DescribeLocations",
      }),
    );
    const bad = onePort("DxDenied", "EqDC2");
    for (const args of [
      ["--region", "us-east-1"],
      ["--app", bad],
    ]) {
      dxMock.resetHistory();
      const { code, out, err, sleeps } = await cli(args);
      expect(code).toBe(2);
      expect(out).toEqual([]);
      expect(err).toEqual([
        "dx-resiliency: us-east-1: DescribeLocations was denied (AccessDeniedException: User: " +
          "arn:aws:iam::123456789012:user/ci is not authorized to perform: directconnect:DescribeLocations): " +
          "dx-resiliency reads the account read-only, and it needs the IAM action directconnect:DescribeLocations",
      ]);
      expect(dxMock.commandCalls(DescribeLocationsCommand)).toHaveLength(1);
      expect(sleeps).toEqual([]);
    }
  });
});

describe("usage", () => {
  test("--help prints the command's usage, exit 0; the tool's usage lists the command", async () => {
    const { code, out } = await cli(["--help"]);
    expect(code).toBe(0);
    expect(out).toEqual([LOCATIONS_USAGE]);
    expect(USAGE).toMatch(/^ {2}locations {2}a Region's Direct Connect locations/m);
    expect(USAGE).toContain(LOCATIONS_USAGE);
  });

  test.each([
    [[], "give --region REGION (the Region whose locations to list), or --app DIR to check an app"],
    [["--region"], "Option '--region <value>' argument missing"],
    [["--region", "us-east-1", "--speed", "10Gbps"], "Unknown option '--speed'"],
    [["us-east-1"], "Unexpected argument 'us-east-1'"],
  ])("%j: exit 2 with the mistake and a pointer to --help", async (args, message) => {
    const { code, err, out } = await cli(args);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err[0]).toContain(message);
    expect(err[1]).toBe("Run dx-resiliency --help for the options.");
    expect(dxMock.calls()).toHaveLength(0);
  });
});
