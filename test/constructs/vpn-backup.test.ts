import { SecretValue, Stack } from "aws-cdk-lib";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import {
  ConnectionBandwidth,
  CustomerGatewayDevice,
  DevTest,
  DirectConnectGateway,
  HighResiliency,
  MaximumResiliencyConnections,
  ResilientConnections,
  TransitGatewayVpnBackupOptions,
  TunnelBandwidth,
  VirtualInterface,
  VirtualPrivateGatewayVpnBackupOptions,
  VpnBackup,
} from "../../src";
import { newApp, newStack, templateOf } from "../support/synth";

// Facts: docs/facts.md §6 (VPN as a backup, route preference) and §4.5–4.6 (ASNs, MTU).

const CGW = "AWS::EC2::CustomerGateway";
const VPN = "AWS::EC2::VPNConnection";
const TGW = "tgw-0123456789abcdef0";
const VGW = "vgw-0123456789abcdef0";
const EDGE1: CustomerGatewayDevice = { name: "edge1", ipAddress: "203.0.113.10", bgpAsn: 65010 };
const EDGE2: CustomerGatewayDevice = { name: "edge2", ipAddress: "203.0.113.20", bgpAsn: 65010 };

/** A construct whose transit interfaces reach TGW through a gateway, or whose private ones reach VGW. */
function withPath(
  stack: Stack,
  target: "tgw" | "vgw",
  vpnBackup: VpnBackup,
  make: "max" | "high" | "devtest" | "classic" = "high",
) {
  const gateway = new DirectConnectGateway(stack, "Gw");
  let vif: VirtualInterface;
  if (target === "tgw") {
    gateway.associateTransitGateway("Tgw", { transitGatewayId: TGW, allowedPrefixes: ["10.0.0.0/16"] });
    vif = VirtualInterface.transit({ name: "prod", gateway, vlan: 101, customerAsn: 65010 });
  } else {
    gateway.associateVirtualPrivateGateway("Vgw", { virtualGatewayId: VGW });
    vif = VirtualInterface.privateInterface({ name: "prod", gateway, vlan: 101, customerAsn: 65010 });
  }
  const common = { bandwidth: ConnectionBandwidth.GBPS_10, virtualInterfaces: [vif], vpnBackup };
  switch (make) {
    case "max":
      return new MaximumResiliencyConnections(stack, "Dx", { ...common, locations: ["EqDC2", "EqSE2"] });
    case "devtest":
      return new DevTest(stack, "Dx", { ...common, location: "EqDC2" });
    case "classic":
      return new ResilientConnections(stack, "Dx", {
        ...common,
        locations: [{ location: "EqDC2", deviceSlots: 3 }],
      });
    default:
      return new HighResiliency(stack, "Dx", { ...common, locations: ["EqDC2", "EqSE2"] });
  }
}
const toTgw = (options: Partial<TransitGatewayVpnBackupOptions> = {}) =>
  VpnBackup.toTransitGateway({ transitGatewayId: TGW, customerGateways: [EDGE1, EDGE2], ...options });
const toVgw = (options: Partial<VirtualPrivateGatewayVpnBackupOptions> = {}) =>
  VpnBackup.toVirtualPrivateGateway({ virtualGatewayId: VGW, customerGateways: [EDGE1, EDGE2], ...options });

describe.each(["max", "high", "devtest", "classic"] as const)("on %s", (make) => {
  test.each([
    ["a transit gateway", "tgw", () => toTgw(), { TransitGatewayId: TGW }],
    ["a virtual private gateway", "vgw", () => toVgw(), { VpnGatewayId: VGW }],
  ] as const)(
    "a VPN backup to %s: a customer gateway and a BGP VPN connection per device",
    (_name, target, backup, targetProps) => {
      const stack = newStack();
      const dx = withPath(stack, target, backup(), make);
      const template = templateOf(stack);
      const gateways = Object.entries(template.findResources(CGW));
      expect(gateways.map(([id, r]) => [id.replace(/[0-9A-F]{8}$/, ""), r.Properties])).toEqual([
        ["DxVpnBackupedge1CustomerGateway", { Type: "ipsec.1", IpAddress: "203.0.113.10", BgpAsn: 65010 }],
        ["DxVpnBackupedge2CustomerGateway", { Type: "ipsec.1", IpAddress: "203.0.113.20", BgpAsn: 65010 }],
      ]);
      const vpns = Object.entries(template.findResources(VPN));
      expect(vpns).toHaveLength(2);
      for (const [id, vpn] of vpns) {
        const device = id.includes("edge1") ? gateways[0][0] : gateways[1][0];
        expect(vpn.Properties).toEqual({
          Type: "ipsec.1",
          CustomerGatewayId: { Ref: device },
          PreSharedKeyStorage: "SecretsManager",
          ...targetProps,
        });
      }
      expect(dx.vpnConnections.map((c) => [c.name, stack.resolve(c.vpnConnectionId).Ref])).toEqual(
        vpns.map(([id], i) => [`edge${i + 1}`, id]),
      );
      Annotations.fromStack(stack).hasNoWarning("*", Match.anyValue());
    },
  );
});

test("one customer gateway device works, with a warning that it is a single point of failure", () => {
  const stack = newStack();
  withPath(stack, "tgw", toTgw({ customerGateways: [EDGE1] }));
  templateOf(stack).resourceCountIs(VPN, 1);
  Annotations.fromStack(stack).hasWarning(
    "/TestStack/Dx",
    Match.stringLikeRegexp("one customer gateway device"),
  );
});

test("tunnel options: keys from Secrets Manager, inside CIDRs, large tunnels, a long ASN", () => {
  const stack = newStack();
  withPath(
    stack,
    "tgw",
    toTgw({
      tunnelBandwidth: TunnelBandwidth.LARGE,
      customerGateways: [
        {
          name: "edge1",
          ipAddress: "203.0.113.10",
          bgpAsn: 4200000001,
          deviceName: "edge1.example",
          tunnelInsideCidrs: ["169.254.10.0/30", "169.254.10.4/30"],
          preSharedKeys: [
            SecretValue.secretsManager("vpn/edge1-t1"),
            SecretValue.secretsManager("vpn/edge1-t2"),
          ],
        },
      ],
    }),
  );
  const template = templateOf(stack);
  template.hasResourceProperties(CGW, {
    BgpAsnExtended: 4200000001,
    BgpAsn: Match.absent(),
    DeviceName: "edge1.example",
  });
  template.hasResourceProperties(VPN, {
    EnableAcceleration: Match.absent(),
    TunnelBandwidth: "large",
    PreSharedKeyStorage: Match.absent(),
    VpnTunnelOptionsSpecifications: [
      {
        TunnelInsideCidr: "169.254.10.0/30",
        PreSharedKey: "{{resolve:secretsmanager:vpn/edge1-t1:SecretString:::}}",
      },
      {
        TunnelInsideCidr: "169.254.10.4/30",
        PreSharedKey: "{{resolve:secretsmanager:vpn/edge1-t2:SecretString:::}}",
      },
    ],
  });
});

test("acceleration on a transit gateway (standard tunnels: accelerated VPN has no large ones)", () => {
  const stack = newStack();
  withPath(stack, "tgw", toTgw({ acceleration: true }));
  templateOf(stack).hasResourceProperties(VPN, { EnableAcceleration: true, TunnelBandwidth: Match.absent() });
});

test("static routes on a virtual private gateway become VPN connection routes", () => {
  const stack = newStack();
  withPath(
    stack,
    "vgw",
    toVgw({
      staticRoutes: ["192.168.0.0/16", "172.16.0.0/12"],
      onPremisesPrefixes: ["192.168.0.0/16", "172.16.0.0/12"],
    }),
  );
  const template = templateOf(stack);
  template.hasResourceProperties(VPN, { StaticRoutesOnly: true });
  // construct ids Route-<cidr with - for . and />: Route-172-16-0-0-12 -> DxVpnBackupedge1Route172160012…
  const routes = Object.entries(template.findResources("AWS::EC2::VPNConnectionRoute"));
  expect(
    routes.map(([id, r]) => [id.replace(/[0-9A-F]{8}$/, ""), r.Properties.DestinationCidrBlock]).sort(),
  ).toEqual([
    ["DxVpnBackupedge1Route172160012", "172.16.0.0/12"],
    ["DxVpnBackupedge1Route1921680016", "192.168.0.0/16"],
    ["DxVpnBackupedge2Route172160012", "172.16.0.0/12"],
    ["DxVpnBackupedge2Route1921680016", "192.168.0.0/16"],
  ]);
  Annotations.fromStack(stack).hasNoWarning("*", Match.anyValue());
});

test("static routes on a transit gateway that are less specific than Direct Connect's are allowed, with a reminder to route them", () => {
  const stack = newStack();
  withPath(
    stack,
    "tgw",
    toTgw({ staticRoutes: ["192.168.0.0/16"], onPremisesPrefixes: ["192.168.1.0/24", "192.168.2.0/24"] }),
  );
  templateOf(stack).hasResourceProperties(VPN, { StaticRoutesOnly: true });
  Annotations.fromStack(stack).hasWarning(
    "/TestStack/Dx",
    Match.stringLikeRegexp("add 192.168.0.0/16 to the transit gateway route table"),
  );
});

test("a private IP VPN over Direct Connect", () => {
  const stack = newStack();
  withPath(
    stack,
    "tgw",
    toTgw({
      transportAttachmentId: "tgw-attach-0123456789abcdef0",
      customerGateways: [{ name: "edge1", ipAddress: "10.20.0.1" }],
    }),
  );
  templateOf(stack).hasResourceProperties(VPN, {
    OutsideIpAddressType: "PrivateIpv4",
    TransportTransitGatewayAttachmentId: "tgw-attach-0123456789abcdef0",
  });
  templateOf(stack).hasResourceProperties(CGW, { IpAddress: "10.20.0.1", BgpAsn: 65000 });
});

test("the summary compares the VPN's capacity with Direct Connect's", () => {
  const stack = newStack();
  const dx = withPath(stack, "tgw", toTgw(), "max");
  expect(dx.summary()).toContain(
    "  VPN backup to tgw-0123456789abcdef0: 2 customer gateways x 2 tunnels, BGP, up to 5 Gbps (standard tunnels of 1.25 Gbps) for 40 Gbps of Direct Connect; MTU 1500",
  );
  const vgw = withPath(newStack(), "vgw", toVgw());
  expect(vgw.summary()).toContain(
    "BGP, up to 1.25 Gbps (standard tunnels of 1.25 Gbps) for 20 Gbps of Direct Connect",
  );
});

test("logical IDs come from the device names: adding or reordering devices keeps them", () => {
  const ids = (devices: CustomerGatewayDevice[]) => {
    const stack = newStack();
    withPath(stack, "tgw", toTgw({ customerGateways: devices }));
    return templateOf(stack).toJSON().Resources;
  };
  const one = ids([EDGE1]);
  const two = ids([EDGE2, EDGE1]);
  for (const id of Object.keys(one).filter((k) => k.startsWith("DxVpnBackup"))) {
    expect(two[id]).toEqual(one[id]);
  }
  expect(Object.keys(two).filter((k) => k.startsWith("DxVpnBackup"))).toHaveLength(4);
});

describe("validation", () => {
  const build = (backup: () => VpnBackup, target: "tgw" | "vgw" = "tgw") => {
    const stack = newStack();
    withPath(stack, target, backup());
    return stack;
  };

  test.each([
    ["10.1.2.3", /is not a public IPv4 address/],
    ["172.16.0.1", /is not a public IPv4 address/],
    ["100.64.1.1", /is not a public IPv4 address/],
    ["127.0.0.1", /is not a public IPv4 address/],
    ["224.0.0.5", /is not a public IPv4 address/],
    ["203.0.113.300", /is not an IPv4 address/],
    ["2001:db8::1", /is not an IPv4 address/],
  ])("fails when the customer gateway address is %p", (ipAddress, message) => {
    expect(() => build(() => toTgw({ customerGateways: [{ name: "edge1", ipAddress }] }))).toThrow(message);
  });

  test("fails when a private IP VPN gets a public address, or goes to a virtual private gateway", () => {
    expect(() =>
      build(() =>
        toTgw({ transportAttachmentId: "tgw-attach-0123456789abcdef0", customerGateways: [EDGE1] }),
      ),
    ).toThrow(
      "`ipAddress` 203.0.113.10 of edge1: a private IP VPN needs a private address (RFC 1918 or 100.64.0.0/10).",
    );
    expect(() => build(() => toTgw({ transportAttachmentId: "tgw-0123" }))).toThrow(
      /`transportAttachmentId` "tgw-0123" is not a transit gateway attachment id/,
    );
    expect(() =>
      build(() =>
        toTgw({
          transportAttachmentId: "tgw-attach-0123456789abcdef0",
          acceleration: true,
          customerGateways: [{ name: "e", ipAddress: "10.0.0.1" }],
        }),
      ),
    ).toThrow("`acceleration`: a private IP VPN runs over Direct Connect; it cannot be accelerated.");
  });

  test.each([0, 4294967295, 2.5])("fails when the customer gateway ASN is %p (§4.5)", (bgpAsn) => {
    expect(() => build(() => toTgw({ customerGateways: [{ ...EDGE1, bgpAsn }] }))).toThrow(
      `\`bgpAsn\` ${bgpAsn} of edge1 is not allowed: a whole number from 1 to 4294967294.`,
    );
  });

  test("fails when a virtual private gateway VPN is accelerated (§6: transit gateway only)", () => {
    expect(() => build(() => toVgw({ acceleration: true }), "vgw")).toThrow(
      "`acceleration`: accelerated VPN (AWS Global Accelerator) is offered only for transit gateways, not for a virtual private gateway.",
    );
  });

  test.each([
    ["equal to", "192.168.1.0/24"],
    ["more specific than", "192.168.1.128/25"],
  ])(
    "fails when a static route on a transit gateway is %s a Direct Connect prefix (§6: the VPN would win)",
    (how, route) => {
      expect(() =>
        build(() => toTgw({ staticRoutes: [route], onPremisesPrefixes: ["192.168.1.0/24"] })),
      ).toThrow(
        `\`staticRoutes\`: ${route} is ${how} 192.168.1.0/24, which Direct Connect carries. On a transit gateway a static VPN route beats`,
      );
    },
  );

  test("warns when a static route on a virtual private gateway is more specific (§6: longer prefix wins); equal is fine there", () => {
    const stack = build(
      () =>
        toVgw({
          staticRoutes: ["192.168.1.128/25", "192.168.2.0/24"],
          onPremisesPrefixes: ["192.168.1.0/24", "192.168.2.0/24"],
        }),
      "vgw",
    );
    const warnings = Annotations.fromStack(stack).findWarning(
      "/TestStack/Dx",
      Match.stringLikeRegexp("`staticRoutes`"),
    );
    expect(warnings.map((w) => w.entry.data)).toEqual([
      expect.stringMatching(
        /^`staticRoutes`: 192.168.1.128\/25 is more specific than 192.168.1.0\/24, which Direct Connect carries/,
      ),
    ]);
  });

  test("warns when BGP-advertised VPN prefixes are more specific than Direct Connect's (§6: asymmetric routing)", () => {
    const stack = build(() =>
      toTgw({
        advertisedPrefixes: ["10.20.1.0/24", "10.30.0.0/16"],
        onPremisesPrefixes: ["10.20.0.0/16", "10.30.0.0/16"],
      }),
    );
    const warnings = Annotations.fromStack(stack).findWarning(
      "/TestStack/Dx",
      Match.stringLikeRegexp("`advertisedPrefixes`"),
    );
    expect(warnings.map((w) => w.entry.data)).toEqual([
      expect.stringMatching(
        /^`advertisedPrefixes`: 10.20.1.0\/24 is more specific than 10.20.0.0\/16.*asymmetric.*AS_PATH prepending does not change this/,
      ),
    ]);
  });

  test("fails when static routes come without the Direct Connect prefixes to check them against, or together with advertised prefixes", () => {
    expect(() => build(() => toTgw({ staticRoutes: ["192.168.0.0/16"] }))).toThrow(
      /^`onPremisesPrefixes` is required with `staticRoutes`/,
    );
    expect(() =>
      build(() =>
        toTgw({
          staticRoutes: ["192.168.0.0/16"],
          advertisedPrefixes: ["192.168.0.0/16"],
          onPremisesPrefixes: ["10.0.0.0/8"],
        }),
      ),
    ).toThrow(/^`advertisedPrefixes` is for BGP; with `staticRoutes`/);
  });

  test("warns when the VPN lands on another gateway than the Direct Connect paths (checked at synth)", () => {
    const stack = newStack();
    withPath(
      stack,
      "tgw",
      VpnBackup.toTransitGateway({
        transitGatewayId: "tgw-9999999999abcdef0",
        customerGateways: [EDGE1, EDGE2],
      }),
    );
    Annotations.fromStack(stack).hasWarning(
      "/TestStack/Dx",
      Match.stringLikeRegexp(
        "the VPN lands on tgw-9999999999abcdef0, but the Direct Connect paths of this construct reach tgw-0123456789abcdef0",
      ),
    );
  });

  test("the target check sees associations made after the construct", () => {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gw");
    new HighResiliency(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [VirtualInterface.transit({ name: "prod", gateway, vlan: 101, customerAsn: 65010 })],
      vpnBackup: toTgw(),
    });
    gateway.associateTransitGateway("Tgw", { transitGatewayId: TGW, allowedPrefixes: ["10.0.0.0/16"] });
    Annotations.fromStack(stack).hasNoWarning("*", Match.anyValue());
  });

  test("warns when there is no Direct Connect path to back up", () => {
    const stack = newStack();
    new HighResiliency(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      vpnBackup: toTgw(),
    });
    Annotations.fromStack(stack).hasWarning(
      "/TestStack/Dx",
      Match.stringLikeRegexp("no private or transit virtual interfaces"),
    );
  });

  test("warns that the MTU drops to 1500 on the VPN when the interfaces use jumbo frames (§4.6)", () => {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gw");
    gateway.associateTransitGateway("Tgw", { transitGatewayId: TGW, allowedPrefixes: ["10.0.0.0/16"] });
    new HighResiliency(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [
        VirtualInterface.transit({ name: "prod", gateway, vlan: 101, customerAsn: 65010, mtu: 8500 }),
      ],
      vpnBackup: toTgw(),
    });
    Annotations.fromStack(stack).hasWarning(
      "/TestStack/Dx",
      Match.stringLikeRegexp("the VPN carries 1500 bytes at most"),
    );
  });

  test("fails when two devices share an address, or another construct already has a VPN from it to the same gateway", () => {
    expect(() =>
      build(() => toTgw({ customerGateways: [EDGE1, { ...EDGE2, ipAddress: EDGE1.ipAddress }] })),
    ).toThrow(
      "`ipAddress` 203.0.113.10 of edge2 is also the address of edge1: two VPN connections to one customer gateway address are no second device.",
    );
    const app = newApp();
    withPath(new Stack(app, "One"), "tgw", toTgw());
    expect(() =>
      withPath(new Stack(app, "Two"), "tgw", toTgw({ customerGateways: [{ ...EDGE1, name: "other" }] })),
    ).toThrow(
      "`ipAddress` 203.0.113.10 of other already has a VPN connection to tgw-0123456789abcdef0 (One/Dx/edge1): one customer gateway address, one VPN connection per gateway.",
    );
  });

  test.each([
    [["169.254.0.0/30", "169.254.10.4/30"], /169.254.0.0\/30 of edge1 is reserved by AWS/],
    [["169.254.169.252/30", "169.254.10.4/30"], /is reserved by AWS/],
    [["169.254.10.0/29", "169.254.10.8/30"], /169.254.10.0\/29 of edge1 is not a \/30 from 169.254.0.0\/16/],
    [["10.0.0.0/30", "169.254.10.8/30"], /10.0.0.0\/30 of edge1 is not a \/30 from 169.254.0.0\/16/],
    [["169.254.10.0/30", "169.254.10.0/30"], /169.254.10.0\/30 of edge1 is also used by a tunnel of edge1/],
    [["169.254.10.0/30"], /give one \/30 for each of the 2 tunnels, got 1/],
    [["169.254.10.1/30", "169.254.10.4/30"], /is not a network address.*Did you mean 169.254.10.0\/30\?/],
  ])("fails when the tunnel inside CIDRs are %p", (tunnelInsideCidrs, message) => {
    expect(() => build(() => toTgw({ customerGateways: [{ ...EDGE1, tunnelInsideCidrs }] }))).toThrow(
      message,
    );
  });

  test("pre-shared keys: plain text warns (and never reaches the cfn-lint'd templates), a wrong form or count fails", () => {
    const { App } = jest.requireActual("aws-cdk-lib");
    const stack = new Stack(new App(), "Plain"); // not linted: it carries a plain-text key on purpose
    withPath(
      stack,
      "tgw",
      toTgw({
        customerGateways: [
          {
            ...EDGE1,
            preSharedKeys: [
              SecretValue.unsafePlainText("plain_key_1"),
              SecretValue.unsafePlainText("plain_key_2"),
            ],
          },
        ],
      }),
    );
    Annotations.fromStack(stack).hasWarning(
      "/Plain/Dx",
      Match.stringLikeRegexp("`preSharedKeys` has a plain-text key"),
    );
    expect(() =>
      build(() =>
        toTgw({
          customerGateways: [
            {
              ...EDGE1,
              preSharedKeys: [
                SecretValue.unsafePlainText("0startswithzero"),
                SecretValue.unsafePlainText("fine_key_2"),
              ],
            },
          ],
        }),
      ),
    ).toThrow(
      "`preSharedKeys` of edge1: a key is not allowed: 8 to 64 letters, digits, . and _, not starting with 0.",
    );
    expect(() =>
      build(() =>
        toTgw({ customerGateways: [{ ...EDGE1, preSharedKeys: [SecretValue.secretsManager("k")] }] }),
      ),
    ).toThrow("`preSharedKeys` of edge1: give one key for each of the 2 tunnels, got 1.");
  });

  test("fails with no or three customer gateways, a bad device name, or a bad target id", () => {
    expect(() => build(() => toTgw({ customerGateways: [] }))).toThrow(
      /^`customerGateways`: give one or two customer gateway devices/,
    );
    expect(() =>
      build(() => toTgw({ customerGateways: [EDGE1, EDGE2, { name: "edge3", ipAddress: "203.0.113.30" }] })),
    ).toThrow(/got 3/);
    expect(() => build(() => toTgw({ customerGateways: [{ ...EDGE1, name: "edge 1" }] }))).toThrow(
      /`name` "edge 1" of a customer gateway is not allowed/,
    );
    // the factory records its findings; the construct that takes the backup reports them
    const badTarget = () =>
      VpnBackup.toTransitGateway({ transitGatewayId: "vgw-0123456789abcdef0", customerGateways: [EDGE1] });
    expect(badTarget).not.toThrow();
    expect(() => build(badTarget)).toThrow(
      '`transitGatewayId` "vgw-0123456789abcdef0" is not allowed: tgw-...',
    );
  });

  test("reports every mistake of a VPN backup in one error, each with its rule id", () => {
    const backup = () =>
      VpnBackup.toTransitGateway({
        transitGatewayId: "vgw-0123456789abcdef0",
        customerGateways: [
          { ...EDGE1, tunnelInsideCidrs: ["169.254.10.0/30", "169.254.0.0/30"] },
          { ...EDGE2, name: "edge1" },
        ],
        staticRoutes: ["192.168.0.0/16"],
      });
    let error: any;
    try {
      build(backup);
    } catch (e) {
      error = e;
    }
    expect(error?.message).toBe(
      [
        "TestStack/Dx: 4 errors:",
        '  - `transitGatewayId` "vgw-0123456789abcdef0" is not allowed: tgw-.... [transitGatewayIdFormat]',
        "  - `tunnelInsideCidrs`: 169.254.0.0/30 of edge1 is reserved by AWS (169.254.0.0/30, 169.254.1.0/30, " +
          "169.254.2.0/30, 169.254.3.0/30, 169.254.4.0/30, 169.254.5.0/30, 169.254.169.252/30); choose another /30. " +
          "[tunnelInsideCidrReserved]",
        '  - `name` "edge1" is used by two customer gateways. [customerGatewayNameTwice]',
        "  - `onPremisesPrefixes` is required with `staticRoutes`: the prefixes your routers advertise over Direct " +
          "Connect, so that the static VPN routes can be checked to stay a backup. [staticRoutesNeedOnPremisesPrefixes]",
      ].join("\n"),
    );
    expect(error.errors.map((e: { ruleId: string }) => e.ruleId)).toEqual([
      "transitGatewayIdFormat",
      "tunnelInsideCidrReserved",
      "customerGatewayNameTwice",
      "staticRoutesNeedOnPremisesPrefixes",
    ]);
  });
});
