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
import type { RuleInfo } from "../../src/core/rule";
import { newStack } from "../support/synth";

// The rule catalogue (issue 10, point 1): every rule of the library once, with a stable id. Each rule
// is a member of its family (ruleFamily, one per file under src/rules and a few in core/ and analyse/);
// only a family's rules can make findings (a type), and the catalogue lists the families.

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

/** A rule, told by its shape. */
function isRule(value: unknown): value is RuleInfo {
  const v = value as Partial<RuleInfo> | undefined;
  return typeof v === "object" && v !== null && typeof v.id === "string" && typeof v.what === "string";
}

/**
 * The rule families of the library: every module's exported lists of rules (`ruleFamily`), found by
 * loading each module (not by reading its text).
 */
const FAMILIES = FILES.flatMap(({ file }) =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading every module is the point
  Object.entries(require(path.join(SRC, file)) as Record<string, unknown>)
    .filter(
      ([, value]) =>
        typeof value === "object" &&
        value !== null &&
        !Array.isArray(value) &&
        Object.values(value).length > 0 &&
        Object.values(value).every(isRule),
    )
    .map(([name, value]) => ({ file, name, rules: Object.values(value as object) as RuleInfo[] })),
);
const CODE = FILES.map(({ text }) => text).join("\n");

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

  test("holds every rule of every family the modules export, and nothing else", () => {
    // a rule makes findings only as a member of its family (core/fail.ts, a type): the families are the rules
    const catalogued = RULE_GROUPS.flatMap((g) => g.rules.map((r) => r.id)).sort();
    const inFamilies = [...new Set(FAMILIES.flatMap((f) => f.rules.map((r) => r.id)))].sort();
    expect(FAMILIES.length).toBeGreaterThan(20);
    expect(inFamilies).toEqual(catalogued);
  });

  test("every warning is made from its rule (no literal warning id in the code)", () => {
    const literal = [...CODE.matchAll(/\bid: "(\w+)",\s*\n\s*message:/g)].map((m) => m[1]);
    expect(literal).toEqual([]);
  });

  test("every user-facing error, analyse/ included, is thrown through its rule", () => {
    // the command-line tool (src/cli) is no library API: its errors (a file missing, an AWS call denied)
    // are printed by the command with exit code 2, never thrown to a program; the MACsec key handler's source
    // (emit/macsec-key-handler.ts) runs in Lambda at deploy, and its errors are CloudFormation's failure reason
    const library = FILES.filter(
      ({ file }) => !file.startsWith(`cli${path.sep}`) && file !== path.join("emit", "macsec-key-handler.ts"),
    );
    const plain = library.flatMap(({ file, text }) =>
      (text.match(/throw new Error\(/g) ?? []).map(() => file),
    );
    // only the analysis's self-check (a bug of this library, not a user's mistake) throws without a rule
    expect(plain.sort()).toEqual([path.join("analyse", "table.ts")]);
  });
});

describe("an error names its rule (ruleId)", () => {
  test("in its message, which every language reads: RuleCatalogue.ruleIdsOf", () => {
    const stack = newStack();
    let message = "";
    try {
      new HighResiliency(stack, "Dx", {
        locations: ["EqDC2", "eq dc2!"],
        bandwidth: ConnectionBandwidth.GBPS_10,
        removalPolicy: RemovalPolicy.SNAPSHOT,
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(RuleCatalogue.ruleIdsOf(message).sort()).toEqual(["locationCodeFormat", "removalPolicySupported"]);
    // a bracketed word that is no rule id, or not at a line's end, is not taken
    expect(RuleCatalogue.ruleIdsOf("see [notARule]\nat [vlanRange] here")).toEqual([]);
  });

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
