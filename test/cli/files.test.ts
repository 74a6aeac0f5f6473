import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ESTATE_FILES, estateFileName, readEstateDir, writeEstateDir } from "../../src/cli/files";

// Issue 16, live estate: `estate --from DIR` reads one file per AWS call, named after the AWS CLI command
// that prints it and holding what `aws ... --output json` prints.

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dx-files-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function save(file: string, content: unknown): void {
  fs.writeFileSync(path.join(dir, file), typeof content === "string" ? content : JSON.stringify(content));
}

const CONNECTIONS = { connections: [{ connectionId: "dxcon-fgq9rgot", connectionState: "available" }] };

test("the table: one file per AWS CLI command, only describe-connections required", () => {
  expect(Object.fromEntries(Object.entries(ESTATE_FILES).map(([file, spec]) => [file, spec.key]))).toEqual({
    "describe-connections.json": "describeConnections",
    "describe-lags.json": "describeLags",
    "describe-virtual-interfaces.json": "describeVirtualInterfaces",
    "describe-direct-connect-gateways.json": "describeDirectConnectGateways",
    "describe-direct-connect-gateway-associations.json": "describeDirectConnectGatewayAssociations",
    "describe-vpn-connections.json": "describeVpnConnections",
    "describe-customer-gateways.json": "describeCustomerGateways",
    "list-resiliency-groups.json": "listResiliencyGroups",
    "get-resiliency-group.json": "resiliencyGroupDetails",
    "list-resiliency-group-associations.json": "listResiliencyGroupAssociations",
  });
  const required = Object.entries(ESTATE_FILES).filter(([, spec]) => spec.required);
  expect(required.map(([file]) => file)).toEqual(["describe-connections.json"]);
  for (const [file, spec] of Object.entries(ESTATE_FILES)) {
    // the file is named after the command that prints it
    expect(spec.command.split(" ")[2] + ".json").toBe(file);
    expect(estateFileName(spec.key)).toBe(file);
  }
});

test("an absent optional file is an absent key", () => {
  save("describe-connections.json", CONNECTIONS);
  save("describe-vpn-connections.json", { VpnConnections: [] });
  expect(readEstateDir(dir)).toEqual({
    describeConnections: CONNECTIONS,
    describeVpnConnections: { VpnConnections: [] },
  });
});

test("every file, resiliency groups as one output or an array of them", () => {
  const group = { resiliencyGroup: { resiliencyGroupId: "rg-1" } };
  const outputs = {
    describeConnections: CONNECTIONS,
    describeLags: { lags: [] },
    describeVirtualInterfaces: { virtualInterfaces: [] },
    describeDirectConnectGateways: { directConnectGateways: [] },
    describeDirectConnectGatewayAssociations: { directConnectGatewayAssociations: [] },
    describeVpnConnections: { VpnConnections: [] },
    describeCustomerGateways: { CustomerGateways: [{ BgpAsn: "65000", CustomerGatewayId: "cgw-1" }] },
    listResiliencyGroups: { items: [{ resiliencyGroupId: "rg-1" }] },
    resiliencyGroupDetails: [group, { resiliencyGroup: { resiliencyGroupId: "rg-2" } }],
    listResiliencyGroupAssociations: [{ items: [] }, { items: [{ connectionId: "dxcon-fgq9rgot" }] }],
  };
  writeEstateDir(dir, outputs);
  expect(readEstateDir(dir)).toEqual(outputs);

  save("get-resiliency-group.json", group);
  save("list-resiliency-group-associations.json", { items: [] });
  expect(readEstateDir(dir)).toMatchObject({
    resiliencyGroupDetails: group,
    listResiliencyGroupAssociations: { items: [] },
  });
});

test("writeEstateDir creates the directory and writes 2-space JSON with a final newline", () => {
  const target = path.join(dir, "a", "b");
  const written = writeEstateDir(target, { describeConnections: CONNECTIONS });
  expect(written).toEqual([path.join(target, "describe-connections.json")]);
  expect(fs.readFileSync(written[0], "utf8")).toBe(JSON.stringify(CONNECTIONS, null, 2) + "\n");
  expect(fs.readdirSync(target)).toEqual(["describe-connections.json"]);
});

test("writeEstateDir refuses a key that is no estate file", () => {
  expect(() => writeEstateDir(dir, { describeConnections: CONNECTIONS, describeLoa: {} })).toThrow(
    "not an estate output: describeLoa",
  );
  expect(fs.readdirSync(dir)).toEqual([]);
});

describe("errors name the file and what it must hold", () => {
  const connectionsFile = (): string => path.join(dir, "describe-connections.json");

  test("invalid JSON", () => {
    save("describe-connections.json", '{"connections": [');
    expect(() => readEstateDir(dir)).toThrow(
      new RegExp(
        `^${escape(connectionsFile())}: not valid JSON \\(.*\\); expected the output of ` +
          escape('`aws directconnect describe-connections --output json` ({"connections": [...]}'),
      ),
    );
  });

  test("the output of another command", () => {
    save("describe-connections.json", CONNECTIONS);
    save("describe-lags.json", { virtualInterfaces: [] });
    expect(() => readEstateDir(dir)).toThrow(
      `${path.join(dir, "describe-lags.json")}: it has no "lags"; expected the output of ` +
        '`aws directconnect describe-lags --output json` ({"lags": [...]}, every page merged)',
    );
  });

  test("one page only (a pagination token left in)", () => {
    save("describe-connections.json", { ...CONNECTIONS, NextToken: "eyJ..." });
    expect(() => readEstateDir(dir)).toThrow(/it has a "NextToken", so it is one page only/);
  });

  test("a list that is not a list", () => {
    save("describe-connections.json", { connections: {} });
    expect(() => readEstateDir(dir)).toThrow(/"connections" is not an array/);
  });

  test("a bad item of an array of outputs", () => {
    save("describe-connections.json", CONNECTIONS);
    save("get-resiliency-group.json", [{ resiliencyGroup: {} }, { items: [] }]);
    expect(() => readEstateDir(dir)).toThrow(
      /get-resiliency-group.json: item 1: it has no "resiliencyGroup"; expected .* or a JSON array of such outputs/,
    );
  });

  test("an array where one output is expected", () => {
    save("describe-connections.json", [CONNECTIONS]);
    expect(() => readEstateDir(dir)).toThrow(/describe-connections.json: it is not a JSON object/);
  });

  test("a directory that is not there", () => {
    expect(() => readEstateDir(path.join(dir, "absent"))).toThrow(/absent: not a directory/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
