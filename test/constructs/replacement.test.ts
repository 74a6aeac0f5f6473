import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, SecretValue, Stack } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import {
  ConnectionBandwidth,
  DirectConnectGateway,
  HighResiliency,
  MaximumResiliencyConnections,
  ConnectionsCommonProps,
  VirtualInterface,
  TunnelBandwidth,
  VpnBackup,
} from "../../src";
import { CREATE_ONLY, ResourceChange, templateChanges } from "../../src/plan/replacement";
import { newStack, writeAppTemplates } from "../support/synth";

// What routine changes replace (the evolution matrix): each change is synthesized before and after, and the
// two templates compared with the create-only properties of the CloudFormation registry schemas. A replaced
// port is a new physical order: these expectations are the library's promise, and the prop docs and the
// README's Replacement table say the same.

const TGW = "tgw-0123456789abcdef0";
const TWO = ["EqDC2", "EqSE2"];

interface Design {
  readonly model?: "high" | "maximum";
  readonly props?: Partial<ConnectionsCommonProps> & { readonly locations?: string[] };
  readonly gatewayAsn?: number;
  readonly vlan?: number;
  readonly specName?: string;
  readonly vpn?: {
    readonly ip?: string;
    readonly large?: boolean;
    readonly acceleration?: boolean;
    readonly keys?: boolean;
    readonly tgw?: string;
  };
}

/** The Resources of a stack built from a design: a gateway, a construct with one transit spec, a VPN. */
function resourcesOf(design: Design): Record<string, any> {
  const stack = newStack();
  const gateway = new DirectConnectGateway(stack, "Gateway", { amazonSideAsn: design.gatewayAsn ?? 64512 });
  gateway.associateTransitGateway("Tgw", { transitGatewayId: TGW, allowedPrefixes: ["10.0.0.0/16"] });
  const props = {
    locations: TWO,
    bandwidth: ConnectionBandwidth.GBPS_10,
    virtualInterfaces: [
      VirtualInterface.transit({
        name: design.specName ?? "prod",
        gateway,
        vlan: design.vlan ?? 101,
        customerAsn: 65010,
      }),
    ],
    vpnBackup: VpnBackup.toTransitGateway({
      transitGatewayId: TGW,
      customerGateways: [
        {
          name: "edge1",
          ipAddress: design.vpn?.ip ?? "203.0.113.10",
          preSharedKeys: design.vpn?.keys
            ? [SecretValue.secretsManager("psk1"), SecretValue.secretsManager("psk2")]
            : undefined,
        },
        { name: "edge2", ipAddress: "203.0.113.20" },
      ],
      acceleration: design.vpn?.acceleration,
      tunnelBandwidth: design.vpn?.large ? TunnelBandwidth.LARGE : undefined,
    }),
    ...design.props,
  } as any;
  if (design.model === "maximum") new MaximumResiliencyConnections(stack, "Dx", props);
  else new HighResiliency(stack, "Dx", props);
  return Template.fromStack(stack).toJSON().Resources;
}

/** `<change> <type>` -> count, e.g. `replaced AWS::DirectConnect::Lag: 2`. */
function tally(changes: ResourceChange[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of changes) {
    out[`${c.change} ${c.type.split("::")[2]}`] = (out[`${c.change} ${c.type.split("::")[2]}`] ?? 0) + 1;
  }
  return out;
}

const evolve = (before: Design, after: Design) =>
  tally(templateChanges(resourcesOf(before), resourcesOf(after)));

describe("the evolution matrix: what routine changes replace", () => {
  test("bandwidth 10 Gbps -> gbps(20): one more 10 Gbps port per slot, nothing replaced", () => {
    expect(evolve({}, { props: { bandwidth: ConnectionBandwidth.gbps(20) } })).toEqual({
      "added Connection": 2,
      "updated ResiliencyGroup": 1, // ConnectionArns
    });
  });

  test("bandwidth gbps(20) -> gbps(40): ports 3 and 4 of each slot, nothing replaced", () => {
    expect(
      evolve(
        { props: { bandwidth: ConnectionBandwidth.gbps(20) } },
        { props: { bandwidth: ConnectionBandwidth.gbps(40) } },
      ),
    ).toEqual({ "added Connection": 4, "updated ResiliencyGroup": 1 });
  });

  test("port speed 10 -> 100 Gbps: every LAG and port replaced; the interfaces move to the new LAGs (ConnectionId)", () => {
    expect(evolve({}, { props: { bandwidth: ConnectionBandwidth.GBPS_100 } })).toEqual({
      "replaced Lag": 2,
      "replaced Connection": 2,
      "updated TransitVirtualInterface": 2,
      "updated ResiliencyGroup": 1,
    });
  });

  test("HighResiliency -> MaximumResiliencyConnections under the same id: slot 2 added, the resiliency group replaced", () => {
    expect(evolve({ model: "high" }, { model: "maximum" })).toEqual({
      "added Lag": 2,
      "added Connection": 2,
      "added TransitVirtualInterface": 2,
      "replaced ResiliencyGroup": 1, // IntendedResiliencyModel is create-only
    });
  });

  test("a location added: its slots added, nothing replaced; reordering locations changes nothing", () => {
    expect(evolve({}, { props: { locations: [...TWO, "EqCH2"] } })).toEqual({
      "added Lag": 1,
      "added Connection": 1,
      "added TransitVirtualInterface": 1,
      "updated ResiliencyGroup": 1,
    });
    expect(evolve({}, { props: { locations: ["EqSE2", "EqDC2"] } })).toEqual({});
  });

  test("a location removed: its LAG, port and interface leave the stack; the port and LAG are retained", () => {
    const changes = templateChanges(
      resourcesOf({ props: { locations: [...TWO, "EqCH2"] } }),
      resourcesOf({}),
    );
    expect(tally(changes)).toEqual({
      "removed Lag": 1,
      "removed Connection": 1,
      "removed TransitVirtualInterface": 1,
      "updated ResiliencyGroup": 1,
    });
    expect(changes.find((c) => c.type === "AWS::DirectConnect::Connection")?.reasons).toEqual([
      "retained: it leaves the stack but keeps running",
    ]);
  });

  test("namePrefix: every name updated in place, nothing replaced", () => {
    expect(evolve({}, { props: { namePrefix: "acme" } })).toEqual({
      "updated Lag": 2,
      "updated Connection": 2,
      "updated TransitVirtualInterface": 2,
      "updated ResiliencyGroup": 1,
    });
  });

  test.each<[string, Partial<ConnectionsCommonProps>]>([
    ["requestMacSec", { requestMacSec: true }],
    ["providerName", { providerName: "Equinix" }],
  ])("%s: every LAG and port replaced", (_, props) => {
    expect(evolve({}, { props })).toMatchObject({ "replaced Lag": 2, "replaced Connection": 2 });
  });

  test("minimumLinks and tags: updated in place", () => {
    expect(evolve({}, { props: { minimumLinks: 1 } })).toEqual({ "updated Lag": 2 });
  });

  test("a spec's VLAN: its interfaces replaced (new BGP sessions)", () => {
    expect(evolve({}, { vlan: 102 })).toEqual({ "replaced TransitVirtualInterface": 2 });
  });

  test("a spec's name: its interfaces replaced (their logical IDs derive from it)", () => {
    expect(evolve({}, { specName: "core" })).toEqual({
      "added TransitVirtualInterface": 2,
      "removed TransitVirtualInterface": 2,
    });
  });

  test("the gateway's Amazon-side ASN: the gateway, its association and every interface on it replaced", () => {
    expect(evolve({}, { gatewayAsn: 64513 })).toEqual({
      "replaced DirectConnectGateway": 1,
      "replaced DirectConnectGatewayAssociation": 1,
      "replaced TransitVirtualInterface": 2,
    });
  });

  test("a customer gateway's address: that customer gateway replaced, its VPN connection updated to it", () => {
    expect(evolve({}, { vpn: { ip: "203.0.113.30" } })).toEqual({
      "replaced CustomerGateway": 1,
      "updated VPNConnection": 1, // CustomerGatewayId is not create-only: ModifyVpnConnection
    });
  });

  test("VPN acceleration: the VPN connections replaced", () => {
    expect(evolve({}, { vpn: { acceleration: true } })).toEqual({ "replaced VPNConnection": 2 });
  });

  test("VPN tunnel bandwidth: the VPN connections modified in place", () => {
    expect(evolve({}, { vpn: { large: true } })).toEqual({ "updated VPNConnection": 2 });
  });

  test("pre-shared keys given where AWS generated them: that VPN connection replaced (PreSharedKeyStorage)", () => {
    expect(evolve({}, { vpn: { keys: true } })).toEqual({ "replaced VPNConnection": 1 });
  });
});

describe("the replacement rules", () => {
  test("a resource that refers to a replaced one in a create-only property is replaced in turn", () => {
    const before = {
      Gw: { Type: "AWS::DirectConnect::DirectConnectGateway", Properties: { AmazonSideAsn: "64512" } },
      Vif: {
        Type: "AWS::DirectConnect::TransitVirtualInterface",
        Properties: { DirectConnectGatewayId: { "Fn::GetAtt": ["Gw", "Id"] } },
      },
    };
    const after = { ...before, Gw: { ...before.Gw, Properties: { AmazonSideAsn: "64513" } } };
    expect(templateChanges(before, after)).toEqual([
      {
        logicalId: "Gw",
        type: "AWS::DirectConnect::DirectConnectGateway",
        change: "replaced",
        reasons: ['AmazonSideAsn "64512" -> "64513"'],
      },
      {
        logicalId: "Vif",
        type: "AWS::DirectConnect::TransitVirtualInterface",
        change: "replaced",
        reasons: ["DirectConnectGatewayId refers to Gw, which is replaced"],
      },
    ]);
  });

  test("the create-only table matches the registry schemas cfn-lint ships (and the group's schema in test/cfn-lint)", () => {
    // the Python of the pinned cfn-lint (requirements-dev.txt) in .venv-cfnlint, never one on the PATH
    const python = path.join(__dirname, "..", "..", ".venv-cfnlint", "bin", "python");
    if (!fs.existsSync(python)) {
      throw new Error(`${python} not found: run npx projen cfn-lint:env (the test task runs it first)`);
    }
    const script = [
      "import json, os, cfnlint",
      "base = os.path.join(os.path.dirname(cfnlint.__file__), 'data', 'schemas')",
      "index = json.load(open(os.path.join(base, 'providers', 'us-east-1.json')))",
      "out = {}",
      "for t in json.loads(os.environ['TYPES']):",
      "    s = json.load(open(os.path.join(base, 'resources', index[t] + '.json')))",
      "    out[t] = [p.split('/')[-1] for p in s.get('createOnlyProperties', [])]",
      "print(json.dumps(out))",
    ].join("\n");
    const types = Object.keys(CREATE_ONLY).filter((t) => t !== "AWS::DirectConnect::ResiliencyGroup");
    let fromSchemas: Record<string, string[]>;
    try {
      fromSchemas = JSON.parse(
        execFileSync(python, ["-c", script], {
          env: { ...process.env, TYPES: JSON.stringify(types) },
        }).toString(),
      );
    } catch (e) {
      throw new Error(`cfn-lint's schemas could not be read with ${python} (npx projen cfn-lint:env): ${e}`);
    }
    const group = JSON.parse(
      fs.readFileSync(
        path.join(__dirname, "..", "cfn-lint", "schemas", "aws-directconnect-resiliencygroup.json"),
        "utf8",
      ),
    );
    fromSchemas["AWS::DirectConnect::ResiliencyGroup"] = group.createOnlyProperties.map((p: string) =>
      p.split("/").pop(),
    );
    const sorted = (table: Record<string, ReadonlyArray<string>>) =>
      Object.fromEntries(Object.entries(table).map(([t, props]) => [t, [...props].sort()]));
    expect(sorted(CREATE_ONLY)).toEqual(sorted(fromSchemas));
  });
});

describe("the warning at synth (compared with the previous synth in cdk.out)", () => {
  const outdir = () => fs.mkdtempSync(path.join(os.tmpdir(), "dx-replace-"));
  const synthInto = (dir: string, bandwidth: ConnectionBandwidth) => {
    const app = new App({ outdir: dir });
    const stack = new Stack(app, "Dx");
    new HighResiliency(stack, "Dx", { locations: TWO, bandwidth });
    writeAppTemplates(app);
    return stack;
  };

  test("warns when a change replaces ports and LAGs, naming each and why", () => {
    const dir = outdir();
    synthInto(dir, ConnectionBandwidth.GBPS_10);
    const stack = synthInto(dir, ConnectionBandwidth.GBPS_100);
    const warnings = Annotations.fromStack(stack).findWarning(
      "/Dx/Dx",
      Match.stringLikeRegexp("replacesResources"),
    );
    expect(warnings).toHaveLength(1);
    const text = String(warnings[0].entry.data);
    expect(text).toMatch(/replaces or removes 4 Direct Connect resource\(s\)/);
    expect(text).toMatch(
      /DxEqDC2Slot1Lag\w+ \(LAG \(a new order and LOA\)\) is REPLACED: ConnectionsBandwidth "10Gbps" -> "100Gbps"/,
    );
    expect(text).toMatch(/DxEqSE2Slot1Port1\w+ \(port .*\) is REPLACED: Bandwidth "10Gbps" -> "100Gbps"/);
  });

  test("no warning when the change only adds ports, on a first synth, or with nothing changed", () => {
    const dir = outdir();
    const first = synthInto(dir, ConnectionBandwidth.GBPS_10);
    Annotations.fromStack(first).hasNoWarning("*", Match.anyValue());
    const same = synthInto(dir, ConnectionBandwidth.GBPS_10);
    Annotations.fromStack(same).hasNoWarning("*", Match.anyValue());
    const more = synthInto(dir, ConnectionBandwidth.gbps(20));
    Annotations.fromStack(more).hasNoWarning("*", Match.anyValue());
  });
});
