import * as fs from "fs";
import * as path from "path";
import { FIXTURES, fixture } from "./load";
import { DirectConnectEstate } from "../../src";

// Issue 17 on a live estate: the turn-up of its ports follows their state, the router side comes from
// the API's interfaces, and no BGP key the API returns ever reaches the report.

const estate = (name: string) => DirectConnectEstate.fromDescribeOutputs(fixture(name), { title: name });
const NAMES = fs.readdirSync(FIXTURES).filter((n) => fs.statSync(path.join(FIXTURES, n)).isDirectory());

/** The JSON of one saved AWS CLI output of a fixture. */
function json(name: string, file: string): any {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name, file), "utf8"));
}

/** Every string value under the given keys, anywhere in a fixture's JSON files. */
function valuesOf(name: string, keys: string[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v !== "object" || v === null) return;
    for (const [k, x] of Object.entries(v)) {
      if (keys.includes(k) && typeof x === "string" && x !== "") out.push(x);
      walk(x);
    }
  };
  for (const file of fs.readdirSync(path.join(FIXTURES, name)).filter((f) => f.endsWith(".json"))) {
    walk(json(name, file));
  }
  return out;
}

/** The rows (cells) of every turn-up ports table of a report. */
function portRows(report: string): string[][] {
  return report
    .split("\n")
    .filter((l) => l.startsWith("| ") && /^\| [^|]+ \| \d+ \| .* \| (dxcon-|existing )/.test(l))
    .map((l) => l.replace(/^\| | \|$/g, "").split(" | "));
}

test.each(NAMES)("%s: no BGP key of the API's output appears anywhere in the report", (name) => {
  const keys = valuesOf(name, ["authKey"]);
  const report = estate(name).report();
  for (const key of keys) expect(report).not.toContain(key);
  // nor the router configuration the API returns with the key in it
  expect(report).not.toContain("bgp_auth_key");
  for (const config of valuesOf(name, ["customerRouterConfig"])) expect(report).not.toContain(config.trim());
});

test("the fixtures have keys to leak: the test above checks something", () => {
  expect(NAMES.filter((n) => valuesOf(n, ["authKey"]).length > 0).length).toBeGreaterThan(3);
});

test("every-state: each port's turn-up follows its connectionState, in the gateway's section or the idle slots'", () => {
  // GIVEN a connection in every state, on its own device
  const connections: any[] = json("every-state", "describe-connections.json").connections;
  // WHEN
  const report = estate("every-state").report();
  const rows = portRows(report);
  // THEN every connection that is not gone has one row, which starts from its state
  const live = connections.filter((c) => !["deleting", "deleted", "rejected"].includes(c.connectionState));
  expect(rows).toHaveLength(live.length);
  const toDo = new Map(rows.map((r) => [r[3].split(" ")[0], r[5]]));
  for (const c of live) expect(toDo.get(c.connectionId)).toMatch(new RegExp(`^\`${c.connectionState}\`: `));
  const byState = new Map(live.map((c) => [c.connectionState, toDo.get(c.connectionId)!]));
  expect(byState.get("requested")).toMatch(
    /LOA-CFA, download it and give it to the colocation provider for the cross-connect$/,
  );
  expect(byState.get("pending")).toMatch(
    /download its LOA-CFA and give it to the colocation provider for the cross-connect/,
  );
  expect(byState.get("ordering")).toContain("aws directconnect confirm-connection");
  expect(byState.get("available")).toBe("`available`: in service, nothing to order");
  expect(byState.get("down")).toMatch(/nothing to order; the link is down/);
  // the ports with no interface are in a turn-up of their own, with the LOA-CFA steps
  const idle = report.split("## Turn-up of the device slots with no virtual interface")[1].split("\n## ")[0];
  expect(idle).toContain("`aws directconnect describe-loa --connection-id <dxcon- id>`");
  expect(idle).toContain("90 days after the LOA-CFA is issued");
});

test("one-device: the router side of each interface is the API's: VLAN, peers, ASNs, MTU; the key stays on the interface", () => {
  // GIVEN
  const vifs: any[] = json("one-device", "describe-virtual-interfaces.json").virtualInterfaces;
  // WHEN
  const report = estate("one-device").report();
  // THEN
  const section = report.split("#### Router side, per virtual interface")[1];
  expect(section).toBeDefined();
  for (const v of vifs) {
    const row = section
      .split("\n")
      .find((l) => l.startsWith(`| ${v.virtualInterfaceName} (${v.virtualInterfaceType}, `))!;
    expect(row).toBeDefined();
    const cells = row.replace(/^\| | \|$/g, "").split(" | ");
    const peers = v.bgpPeers
      .map((p: any) => `${p.addressFamily}: yours ${p.customerAddress}, Amazon ${p.amazonAddress}`)
      .join("<br>");
    expect(cells.slice(2)).toEqual([
      String(v.vlan),
      peers,
      String(v.asn),
      String(v.amazonSideAsn),
      "set on the interface: read it in the Direct Connect console",
      String(v.mtu),
    ]);
  }
});
