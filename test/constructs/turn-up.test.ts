import { CfnParameter, SecretValue, Stack } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import {
  AddressFamily,
  ConnectionBandwidth,
  DevTest,
  DirectConnectGateway,
  HighResiliency,
  MaximumResiliencyConnections,
  ResiliencyModel,
  ResilientConnections,
  VirtualInterface,
} from "../../src";
import { newStack, templateOf } from "../support/synth";

// Issue 17: the report's turn-up section, per port what to order and do, per virtual interface the router
// side, read against the synthesized templates.

const TWO = ["EqDC2", "EqSE2"];
const VIF_TYPES = [
  "AWS::DirectConnect::TransitVirtualInterface",
  "AWS::DirectConnect::PrivateVirtualInterface",
  "AWS::DirectConnect::PublicVirtualInterface",
];

/** The turn-up section of a report, and the cells of the rows of its two tables. */
function turnUp(report: string): { section: string; ports: string[][]; vifs: string[][] } {
  const start = report.indexOf("\n## Turn-up\n");
  expect(start).toBeGreaterThan(0);
  const section = report.slice(start);
  const rows = (heading: string) => {
    const after = section.split(`\n### ${heading}\n\n`)[1] ?? "";
    const lines = after.split("\n");
    const table = lines.slice(0, lines.indexOf(""));
    return table.slice(2).map((l) => l.replace(/^\| | \|$/g, "").split(" | "));
  };
  return { section, ports: rows("Ports"), vifs: rows("Router side, per virtual interface") };
}

/** Every resource of a type in a template, with its logical ID. */
function resources(template: Template, type: string): Array<{ id: string; p: Record<string, any> }> {
  return Object.entries(template.findResources(type)).map(([id, r]) => ({ id, p: r.Properties }));
}

/**
 * A stack in an app the cfn-lint step does not see: its template carries on purpose what the lint refuses
 * (a plain-text key).
 */
function unlinted(): Stack {
  const { App: RealApp, Stack: RealStack } = jest.requireActual("aws-cdk-lib");
  return new RealStack(new RealApp(), "TestStack");
}

type Make = (stack: Stack, vifs: VirtualInterface[]) => ResilientConnections;
const MODELS: Array<[string, Make]> = [
  [
    "Maximum Resiliency",
    (s, v) =>
      new MaximumResiliencyConnections(s, "Dx", {
        locations: TWO,
        bandwidth: ConnectionBandwidth.gbps(20),
        virtualInterfaces: v,
      }),
  ],
  [
    "High Resiliency",
    (s, v) =>
      new HighResiliency(s, "Dx", {
        locations: TWO,
        bandwidth: ConnectionBandwidth.GBPS_10,
        virtualInterfaces: v,
      }),
  ],
  [
    "Development and Test",
    (s, v) =>
      new DevTest(s, "Dx", {
        location: "EqDC2",
        bandwidth: ConnectionBandwidth.GBPS_1,
        virtualInterfaces: v,
      }),
  ],
  [
    "Classic",
    (s, v) =>
      new ResilientConnections(s, "Dx", {
        model: ResiliencyModel.CLASSIC,
        locations: [{ location: "EqDC2", deviceSlots: 3 }],
        bandwidth: ConnectionBandwidth.gbps(40),
        virtualInterfaces: v,
      }),
  ],
];

describe("the report's turn-up section: ports", () => {
  test.each(MODELS)(
    "%s: every port of the template has its row (location, LAG and its member count, speed) and the LOA-CFA step",
    (_, make) => {
      // GIVEN
      const stack = newStack();
      const dx = make(stack, []);
      // WHEN
      const { section, ports } = turnUp(dx.report());
      // THEN one row per AWS::DirectConnect::Connection, as the template orders it
      const template = templateOf(stack);
      const lags = new Map(resources(template, "AWS::DirectConnect::Lag").map((l) => [l.id, l.p]));
      const connections = resources(template, "AWS::DirectConnect::Connection");
      expect(ports).toHaveLength(connections.length);
      for (const { p } of connections) {
        const lag = lags.get(p.LagId.Ref)!;
        const members = connections.filter((c) => c.p.LagId.Ref === p.LagId.Ref).length;
        const row = ports.find((r) => r[3] === p.ConnectionName);
        expect(row).toBeDefined();
        expect(row![0]).toBe(p.Location);
        expect(row![2]).toBe(`${lag.LagName} (${members} port${members === 1 ? "" : "s"})`);
        expect(row![4]).toBe(p.Bandwidth);
        expect(row![5]).toMatch(
          /^ordered by the deploy; then download its LOA-CFA and give it to the colocation provider for the cross-connect$/,
        );
      }
      // the LOA-CFA: how to get it, to whom, and when billing starts and it expires, with the AWS pages
      expect(section).toContain("`aws directconnect describe-loa --connection-id <dxcon- id>`");
      expect(section).toContain(
        "Billing starts when the port is up or 90 days after the LOA-CFA is issued, whichever comes first; " +
          "an LOA-CFA not used within 90 days expires.",
      );
      expect(section).toContain(
        "https://docs.aws.amazon.com/directconnect/latest/UserGuide/dedicated_connection.html",
      );
      expect(section).toContain("No virtual interfaces: nothing to configure on the routers");
    },
  );

  test("an existing circuit has nothing to order; a provider gets the LOA-CFA, and MACsec keys are a step", () => {
    // GIVEN
    const stack = newStack();
    const gateway = DirectConnectGateway.fromGatewayId(
      stack,
      "Shared",
      "5f294f92-bafb-4011-916d-9b0bdeadbeef",
    );
    const dx = new ResilientConnections(stack, "Dx", {
      model: ResiliencyModel.HIGH,
      locations: [{ location: "EqSE2" }],
      existingSlots: [{ location: "EqDC2", slotNumber: 1, connectionId: "dxcon-fg5678gh" }],
      bandwidth: ConnectionBandwidth.GBPS_10,
      providerName: "Example Carrier",
      requestMacSec: true,
      virtualInterfaces: [VirtualInterface.transit({ name: "prod", gateway, vlan: 101, customerAsn: 65010 })],
    });
    // WHEN
    const { ports, vifs } = turnUp(dx.report());
    // THEN
    expect(ports).toEqual([
      ["EqDC2", "1", "-", "existing dxcon-fg5678gh", "10Gbps", "an existing circuit: nothing to order"],
      [
        "EqSE2",
        "1",
        "Dx-EqSE2-d1 (1 port)",
        "Dx-EqSE2-d1-p1",
        "10Gbps",
        "ordered by the deploy; then download its LOA-CFA and give it to Example Carrier for the cross-connect; " +
          "MACsec: associate its key (CKN/CAK) once the port exists, outside CloudFormation",
      ],
    ]);
    // the interface on the existing circuit is configured like any other
    expect(vifs.map((r) => r[0])).toEqual([
      "Dx-EqDC2-d1-prod (transit, EqDC2 slot 1)",
      "Dx-EqSE2-d1-prod (transit, EqSE2 slot 1)",
    ]);
  });
});

describe("the report's turn-up section: the router side of every virtual interface", () => {
  /** One spec of each type and address family, with a secret, a plain-text key and none. */
  function everyType(stack: Stack): VirtualInterface[] {
    const gateway = new DirectConnectGateway(stack, "Gateway", { amazonSideAsn: 64600 });
    return [
      VirtualInterface.transit({
        name: "prod",
        gateway,
        vlan: 101,
        customerAsn: 65010,
        authKey: SecretValue.secretsManager("dx/bgp-key"),
        mtu: 8500,
      }),
      VirtualInterface.privateInterface({
        name: "vpc",
        virtualGatewayId: "vgw-0123456789abcdef0",
        vlan: 201,
        customerAsn: 65020,
        addressFamilies: [AddressFamily.IPV4, AddressFamily.IPV6],
        addressPool: "169.254.100.0/22",
      }),
      VirtualInterface.publicInterface({
        name: "web",
        vlan: 301,
        customerAsn: 65030,
        authKey: SecretValue.unsafePlainText("plainKey123"),
        routeFilterPrefixes: ["203.0.113.0/24"],
        addressPool: "198.51.100.0/24",
      }),
    ];
  }

  test.each(MODELS)(
    "%s: every interface of the template has its row: VLAN, peers, ASNs, where the key lives, MTU",
    (_, make) => {
      // GIVEN (a plain-text key: not for the cfn-lint step)
      const stack = unlinted();
      const dx = make(stack, everyType(stack));
      // WHEN
      const { vifs } = turnUp(dx.report());
      // THEN one row per interface of the template, read from its properties
      const template = templateOf(stack);
      const emitted = VIF_TYPES.flatMap((type) => resources(template, type).map((r) => ({ type, ...r })));
      expect(vifs).toHaveLength(emitted.length);
      for (const { type, p } of emitted) {
        const row = vifs.find((r) => r[0].startsWith(`${p.VirtualInterfaceName} (`))!;
        expect(row).toBeDefined();
        const [, landsOn, vlan, peers, asn, amazonAsn, key, mtu] = row;
        expect(vlan).toBe(String(p.Vlan));
        expect(asn).toBe(p.BgpPeers[0].Asn);
        expect(mtu).toBe(String(p.Mtu ?? 1500));
        expect(peers.split("<br>")).toEqual(
          p.BgpPeers.map((peer: any) =>
            peer.AmazonAddress
              ? `${peer.AddressFamily}: yours ${peer.CustomerAddress}, Amazon ${peer.AmazonAddress}`
              : `${peer.AddressFamily}: assigned by AWS`,
          ),
        );
        const authKey = p.BgpPeers[0].AuthKey;
        if (type.includes("Transit")) {
          // the secret's name, as the template's dynamic reference names it
          const secret = /^\{\{resolve:secretsmanager:(.+):SecretString:::\}\}$/.exec(authKey)![1];
          expect(key).toBe(`Secrets Manager secret ${secret}`);
          expect(amazonAsn).toBe(
            String(resources(template, "AWS::DirectConnect::DirectConnectGateway")[0].p.AmazonSideAsn),
          );
          expect(landsOn).toMatch(/^Direct Connect gateway /);
        } else if (type.includes("Private")) {
          expect(authKey).toBeUndefined();
          expect(key).toMatch(/^none given: AWS generates one/);
          expect(amazonAsn).toBe("the virtual private gateway's (`aws ec2 describe-vpn-gateways`)");
          expect(landsOn).toBe(`virtual private gateway ${p.VirtualGatewayId}`);
        } else {
          expect(key).toBe(
            "the template, in plain text (warning `cdk-direct-connect-resiliency:plaintextAuthKey`): keep it in Secrets Manager",
          );
          expect(amazonAsn).toMatch(/^on the interface once it exists/);
          expect(landsOn).toBe("AWS public endpoints");
        }
      }
      // the public interfaces land on AWS public endpoints in the slot table too
      expect(dx.report()).toContain("web (public, VLAN 301) to AWS public endpoints");
      // the key is in the template (the warning says so) but never in the report
      expect(JSON.stringify(template.toJSON())).toContain("plainKey123");
      expect(dx.report()).not.toContain("plainKey123");
      Annotations.fromStack(stack).hasWarning(
        "/TestStack/Dx",
        Match.stringLikeRegexp("cdk-direct-connect-resiliency:plaintextAuthKey"),
      );
    },
  );

  test("says what AWS recommends on BFD and graceful restart, with its source", () => {
    const stack = unlinted();
    const dx = new DevTest(stack, "Dx", {
      location: "EqDC2",
      bandwidth: ConnectionBandwidth.GBPS_1,
      virtualInterfaces: everyType(stack),
    });
    const { section } = turnUp(dx.report());
    expect(section).toContain(
      "BFD: AWS enables asynchronous BFD on every virtual interface, and it takes effect once you configure it " +
        "on your router: minimum interval 300 ms, multiplier 3.",
    );
    expect(section).toContain("Do not configure BGP graceful restart together with BFD.");
    expect(section).toContain(
      "https://docs.aws.amazon.com/directconnect/latest/UserGuide/bgp-specific-settings.html",
    );
  });

  // (a Systems Manager SecureString is refused as it is made: rule authKeySsmSecure)
  test.each<[string, (stack: Stack) => SecretValue, string]>([
    [
      "a secret's JSON key",
      () => SecretValue.secretsManager("dx/keys", { jsonField: "bgp" }),
      "Secrets Manager secret dx/keys (JSON key bgp)",
    ],
    [
      "a secret by ARN",
      () => SecretValue.secretsManager("arn:aws:secretsmanager:us-east-1:123456789012:secret:dx/bgp-AbCdEf"),
      "Secrets Manager secret arn:aws:secretsmanager:us-east-1:123456789012:secret:dx/bgp-AbCdEf",
    ],
    [
      "a secret made in the app",
      (s) => new Secret(s, "BgpKey").secretValue,
      "a Secrets Manager secret whose id is known at deploy",
    ],
    [
      "a NoEcho stack parameter",
      (s) => SecretValue.cfnParameter(new CfnParameter(s, "BgpKey", { noEcho: true })),
      "the stack parameter BgpKey",
    ],
  ])("the BGP key from %s: the report says where it lives", (_, key, where) => {
    // GIVEN
    const stack = newStack();
    const gateway = DirectConnectGateway.fromGatewayId(
      stack,
      "Shared",
      "5f294f92-bafb-4011-916d-9b0bdeadbeef",
    );
    // WHEN
    const dx = new DevTest(stack, "Dx", {
      location: "EqDC2",
      bandwidth: ConnectionBandwidth.GBPS_1,
      virtualInterfaces: [
        VirtualInterface.privateInterface({
          name: "vpc",
          gateway,
          vlan: 201,
          customerAsn: 65020,
          authKey: key(stack),
        }),
      ],
    });
    // THEN (an imported gateway without its ASN: the report says where to read it)
    const { vifs } = turnUp(dx.report());
    expect(vifs.map((r) => [r[5], r[6]])).toEqual(
      Array(2).fill([
        "the Direct Connect gateway's (`aws directconnect describe-direct-connect-gateways`)",
        where,
      ]),
    );
  });
});
