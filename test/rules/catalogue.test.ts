import * as fs from "fs";
import * as path from "path";
import { RemovalPolicy } from "aws-cdk-lib";
import {
  ConnectionBandwidth,
  DirectConnectGateway,
  HighResiliency,
  RuleCatalogue,
  RuleSeverity,
  VirtualInterface,
  VpnBackup,
} from "../../src";
import { RULE_GROUPS } from "../../src/analyse/catalogue";
import { newStack } from "../support/synth";

// The rule catalogue (issue 10, point 1): every rule of the library once, with a stable id, and every
// rule the code checks in it. The source is read as text: each rule is a constant made by errorRule or
// warningRule (src/plan/rules/*.ts), thrown through fail() or returned through warn().

const SRC = path.join(__dirname, "..", "..", "src");

/** Every .ts file under `dir`, with its text. */
function sources(dir: string): Array<{ file: string; text: string }> {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith(".ts")
      ? [{ file: path.relative(SRC, file), text: fs.readFileSync(file, "utf8") }]
      : [];
  });
}

const FILES = sources(SRC);
/** The rule constants of the source: name -> id. */
const DEFINED = new Map(
  FILES.flatMap(({ text }) =>
    [...text.matchAll(/export const (\w+) = (?:errorRule|warningRule)\(\{\s*id: "(\w+)"/g)].map(
      (m) => [m[1], m[2]] as const,
    ),
  ),
);
/** The source without the lists that gather the rules (`export const X_RULES = [...]`, the catalogue). */
const CODE = FILES.filter(({ file }) => file !== path.join("plan", "rules", "catalogue.ts"))
  .map(({ text }) => text.replace(/export const \w+_RULES = \[[^\]]*\];/g, ""))
  .join("\n");

/** The ids users acknowledge today (README, "Warnings carry ids"): they must not change. */
const ACKNOWLEDGED = [
  "minimumLinksOnCreate",
  "macsec400",
  "connectionsPerLocationQuota",
  "lagsPerRegionQuota",
  "removalPolicyDestroy",
  "longAsn",
  "privateMtu9001",
  "plaintextAuthKey",
  "existingLagNotInGroup",
  "vpnSingleCustomerGateway",
  "vpnMoreSpecific",
  "vpnTargetMismatch",
  "vpnWithoutDirectConnectPath",
  "vpnMtu",
  "vpnStaticRoutesOnTransitGateway",
  "plaintextPreSharedKey",
  "vpnAsnIsAmazonDefault",
  "vpnAsnReservedInRegion",
  "vpnIpv4Only",
  "vpnLargeTunnelsRegion",
  "replacesResources",
  "capacityAfterFailure",
];

describe("the rule catalogue", () => {
  const all = RuleCatalogue.all();

  test("lists every rule once, by a camelCase id", () => {
    const ids = all.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    expect(all.length).toBeGreaterThan(100);
  });

  test("says what each rule finds and why, and cites AWS pages only", () => {
    for (const rule of all) {
      expect([RuleSeverity.ERROR, RuleSeverity.WARNING]).toContain(rule.severity);
      expect(rule.what.length).toBeGreaterThan(5);
      expect(rule.why.length).toBeGreaterThan(5);
      expect(`${rule.what} ${rule.why}`).not.toMatch(/§|direct-connect-facts/);
      if (rule.source !== undefined) {
        expect(rule.source).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|repost\.aws|aws\.amazon\.com)\//);
      }
      if (rule.prop !== undefined) expect(rule.prop).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    }
  });

  test("keeps every warning id users acknowledge today", () => {
    const warnings = all.filter((r) => r.severity === RuleSeverity.WARNING).map((r) => r.id);
    expect(warnings).toEqual(expect.arrayContaining(ACKNOWLEDGED));
  });

  test("finds a rule by id, and makes the id of its warnings", () => {
    expect(RuleCatalogue.byId("vlanRange")).toMatchObject({ severity: RuleSeverity.ERROR, prop: "vlan" });
    expect(RuleCatalogue.byId("noSuchRule")).toBeUndefined();
    expect(RuleCatalogue.warningId("minimumLinksOnCreate")).toBe(
      "cdk-direct-connect-resiliency:minimumLinksOnCreate",
    );
    // a copy: changing it changes nothing
    RuleCatalogue.all().pop();
    expect(RuleCatalogue.all()).toHaveLength(all.length);
  });

  test("holds every rule the source defines, and each of them is checked somewhere", () => {
    const catalogued = RULE_GROUPS.flatMap((g) => g.rules.map((r) => r.id));
    expect([...DEFINED.values()].sort()).toEqual([...catalogued].sort());
    const unused = [...DEFINED.keys()].filter(
      (name) => (CODE.match(new RegExp(`\\b${name}\\b`, "g")) ?? []).length < 2,
    );
    expect(unused).toEqual([]);
  });

  test("every warning is made from its rule (no literal warning id in the code)", () => {
    const literal = [...CODE.matchAll(/\bid: "(\w+)",\s*\n\s*message:/g)].map((m) => m[1]);
    expect(literal).toEqual([]);
  });

  test("every user-facing error, analyse/ included, is thrown through its rule", () => {
    const plain = FILES.flatMap(({ file, text }) => (text.match(/throw new Error\(/g) ?? []).map(() => file));
    // only the analysis's self-check (a bug of this library, not a user's mistake) throws without a rule
    expect(plain.sort()).toEqual([path.join("analyse", "table.ts")]);
  });
});

describe("an error names its rule (ruleId)", () => {
  /** The id of the rule the call breaks. */
  function ruleIdOf(call: () => unknown): string | undefined {
    try {
      call();
    } catch (e) {
      return (e as { ruleId?: string }).ruleId;
    }
    throw new Error("no error");
  }
  const high = (props: Record<string, unknown>, stack = newStack()) =>
    new HighResiliency(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      ...props,
    });

  test("of the props of a construct", () => {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gw");
    expect(
      ruleIdOf(() =>
        high({
          virtualInterfaces: [
            VirtualInterface.transit({ name: "a", gateway, vlan: 5000, customerAsn: 65010 }),
          ],
        }),
      ),
    ).toBe("vlanRange");
    expect(ruleIdOf(() => high({ removalPolicy: RemovalPolicy.SNAPSHOT }))).toBe("removalPolicySupported");
    expect(ruleIdOf(() => high({ locations: "EqDC2" }))).toBe("propType");
    expect(ruleIdOf(() => ConnectionBandwidth.gbps(25))).toBe("bandwidthRealisable");
  });

  test("of the rules moved out of the constructs: the transit gateway's ASN, VPN addresses across the app", () => {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gw", { amazonSideAsn: 64512 });
    expect(
      ruleIdOf(() =>
        gateway.associateTransitGateway("Tgw", {
          transitGatewayId: "tgw-0123456789abcdef0",
          allowedPrefixes: ["10.0.0.0/16"],
          transitGatewayAsn: 64512,
        }),
      ),
    ).toBe("transitGatewayAsnIsGatewayAsn");
    const vpn = () =>
      VpnBackup.toVirtualPrivateGateway({
        virtualGatewayId: "vgw-0123456789abcdef0",
        customerGateways: [{ name: "edge1", ipAddress: "203.0.113.10" }],
      });
    const vif = () =>
      VirtualInterface.privateInterface({
        name: "prod",
        virtualGatewayId: "vgw-0123456789abcdef0",
        vlan: 101,
        customerAsn: 65010,
      });
    const app = newStack();
    high({ virtualInterfaces: [vif()], vpnBackup: vpn() }, app);
    expect(
      ruleIdOf(
        () =>
          new HighResiliency(app, "Dx2", {
            locations: ["EqDC2", "EqSE2"],
            bandwidth: ConnectionBandwidth.GBPS_10,
            virtualInterfaces: [vif()],
            vpnBackup: vpn(),
          }),
      ),
    ).toBe("customerGatewayAddressTwice");
  });
});
