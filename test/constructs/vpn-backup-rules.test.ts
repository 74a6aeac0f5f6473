import { SecretValue, Stack } from "aws-cdk-lib";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import {
  ConnectionBandwidth,
  CustomerGatewayDevice,
  DirectConnectGateway,
  HighResiliency,
  TransitGatewayVpnBackupOptions,
  TunnelBandwidth,
  VirtualInterface,
  VirtualPrivateGatewayVpnBackupOptions,
  VpnBackup,
} from "../../src";
import { newApp, newStack, templateOf } from "../support/synth";

// VPN options that exist only on some targets, and values AWS reserves (issue 8, point 3). Each test
// names the AWS page that states the rule.

const VPN = "AWS::EC2::VPNConnection";
const TGW = "tgw-0123456789abcdef0";
const VGW = "vgw-0123456789abcdef0";
const EDGE1: CustomerGatewayDevice = { name: "edge1", ipAddress: "203.0.113.10", bgpAsn: 65010 };
const EDGE2: CustomerGatewayDevice = { name: "edge2", ipAddress: "203.0.113.20", bgpAsn: 65010 };
const VPN_WARNING = "cdk-direct-connect-resiliency:";

const toTgw = (options: Partial<TransitGatewayVpnBackupOptions> = {}) =>
  VpnBackup.toTransitGateway({ transitGatewayId: TGW, customerGateways: [EDGE1, EDGE2], ...options });
const toVgw = (options: Partial<VirtualPrivateGatewayVpnBackupOptions> = {}) =>
  VpnBackup.toVirtualPrivateGateway({ virtualGatewayId: VGW, customerGateways: [EDGE1, EDGE2], ...options });

/** A High Resiliency construct whose Direct Connect paths reach the VPN's target, in `stack`. */
function withBackup(vpnBackup: VpnBackup, stack: Stack = newStack()): Stack {
  const gateway = new DirectConnectGateway(stack, "Gw");
  const tgw = vpnBackup.target === "transitGateway";
  if (tgw) {
    gateway.associateTransitGateway("Tgw", { transitGatewayId: TGW, allowedPrefixes: ["10.0.0.0/16"] });
  } else {
    gateway.associateVirtualPrivateGateway("Vgw", { virtualGatewayId: VGW });
  }
  const vif = (tgw ? VirtualInterface.transit : VirtualInterface.privateInterface)({
    name: "prod",
    gateway,
    vlan: 101,
    customerAsn: 65010,
  });
  new HighResiliency(stack, "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.GBPS_10,
    virtualInterfaces: [vif],
    vpnBackup,
  });
  return stack;
}

/** A stack in a Region (its template is linted like the others). */
const stackIn = (region: string) => new Stack(newApp(), "TestStack", { env: { region } });

const warningsOf = (stack: Stack) =>
  Annotations.fromStack(stack)
    .findWarning("/TestStack/Dx", Match.anyValue())
    .map((w) => w.entry.data as string);

describe("large (5 Gbps) tunnels", () => {
  // https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html#large-bandwidth-tunnels: large tunnels
  // on transit gateways and Cloud WAN only, and not with accelerated VPN.
  test("fails when large tunnels go to a virtual private gateway (VPNTunnels: transit gateway or Cloud WAN only)", () => {
    expect(() => withBackup(toVgw({ tunnelBandwidth: TunnelBandwidth.LARGE }))).toThrow(
      "`tunnelBandwidth` LARGE is not offered on a virtual private gateway: large (5 Gbps) tunnels need a transit " +
        "gateway. Use TunnelBandwidth.STANDARD (1.25 Gbps), or VpnBackup.toTransitGateway().",
    );
  });

  test("fails when large tunnels are accelerated (VPNTunnels: large tunnels do not support acceleration)", () => {
    expect(() => withBackup(toTgw({ tunnelBandwidth: TunnelBandwidth.LARGE, acceleration: true }))).toThrow(
      "`tunnelBandwidth` LARGE cannot be combined with `acceleration`: accelerated VPN connections have standard " +
        "(1.25 Gbps) tunnels. Drop one of the two.",
    );
  });

  test("large tunnels on a transit gateway, also for a private IP VPN, synthesize without a warning", () => {
    const stack = withBackup(
      toTgw({
        tunnelBandwidth: TunnelBandwidth.LARGE,
        transportAttachmentId: "tgw-attach-0123456789abcdef0",
        customerGateways: [
          { name: "edge1", ipAddress: "10.20.0.1", bgpAsn: 65010 },
          { name: "edge2", ipAddress: "10.20.0.2", bgpAsn: 65010 },
        ],
      }),
    );
    templateOf(stack).hasResourceProperties(VPN, {
      TunnelBandwidth: "large",
      OutsideIpAddressType: "PrivateIpv4",
    });
    expect(warningsOf(stack)).toEqual([]);
  });

  test.each(["me-central-1", "eu-central-2"])(
    "warns when large tunnels are asked for in %s, where AWS did not offer them at launch (VPNTunnels)",
    (region) => {
      const stack = withBackup(toTgw({ tunnelBandwidth: TunnelBandwidth.LARGE }), stackIn(region));
      expect(warningsOf(stack)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^\`tunnelBandwidth\` LARGE: AWS did not offer large tunnels in ${region} at their launch`,
          ),
        ),
      ]);
    },
  );
});

describe("reserved customer gateway ASNs (cgw-options: 7224 everywhere, 9059/10124/17943 per Region)", () => {
  // https://docs.aws.amazon.com/vpn/latest/s2svpn/cgw-options.html
  test("fails when a customer gateway ASN is 7224, reserved in all Regions", () => {
    expect(() => withBackup(toTgw({ customerGateways: [EDGE1, { ...EDGE2, bgpAsn: 7224 }] }))).toThrow(
      "`bgpAsn` 7224 of edge2 is reserved by AWS in all Regions: choose another ASN (a private one: 64512 to 65534, " +
        "or 4200000000 to 4294967294).",
    );
  });

  test.each([
    [9059, "eu-west-1"],
    [10124, "ap-northeast-1"],
    [17943, "ap-southeast-1"],
  ])("fails when a customer gateway ASN is %p in %s, where AWS reserves it", (bgpAsn, region) => {
    expect(() => withBackup(toTgw({ customerGateways: [{ ...EDGE1, bgpAsn }] }), stackIn(region))).toThrow(
      `\`bgpAsn\` ${bgpAsn} of edge1 is reserved by AWS in ${region}, this stack's Region: choose another ASN`,
    );
  });

  test("warns when the Region is unknown (an environment-agnostic stack); elsewhere the ASN is fine", () => {
    const agnostic = withBackup(toTgw({ customerGateways: [{ ...EDGE1, bgpAsn: 9059 }] }));
    expect(warningsOf(agnostic)).toContainEqual(
      expect.stringMatching(
        /^`bgpAsn` 9059 of edge1 is reserved by AWS in eu-west-1: deploying this stack there fails/,
      ),
    );
    const elsewhere = withBackup(
      toTgw({ customerGateways: [{ ...EDGE1, bgpAsn: 9059 }] }),
      stackIn("us-east-1"),
    );
    expect(warningsOf(elsewhere).filter((w) => w.includes("`bgpAsn`"))).toEqual([]);
  });

  test("the warning has its own id, for acknowledgeWarning", () => {
    const stack = withBackup(toTgw({ customerGateways: [{ ...EDGE1, bgpAsn: 17943 }] }));
    Annotations.fromStack(stack).hasWarning(
      "/TestStack/Dx",
      Match.stringLikeRegexp(`\\[ack: ${VPN_WARNING}vpnAsnReservedInRegion\\]`),
    );
  });
});

describe("the customer gateway ASN and the gateway's Amazon-side ASN", () => {
  // BGP needs two different ASNs; 64512 is the default Amazon-side ASN of virtual private gateways
  // (https://docs.aws.amazon.com/vpn/latest/s2svpn/how_it_works.html) and transit gateways.
  test("warns when a BGP customer gateway uses 64512, the default ASN of transit and virtual private gateways", () => {
    const stack = withBackup(toVgw({ customerGateways: [{ ...EDGE1, bgpAsn: 64512 }, EDGE2] }));
    expect(warningsOf(stack)).toEqual([
      expect.stringMatching(
        /^`bgpAsn` 64512 of edge1 is the default Amazon-side ASN of virtual private gateways and transit gateways/,
      ),
    ]);
  });

  test("no warning with static routing (no BGP session)", () => {
    const stack = withBackup(
      toVgw({
        customerGateways: [{ ...EDGE1, bgpAsn: 64512 }],
        staticRoutes: ["192.168.0.0/16"],
        onPremisesPrefixes: ["192.168.0.0/16"],
      }),
    );
    expect(warningsOf(stack).filter((w) => w.includes("`bgpAsn`"))).toEqual([]);
  });
});

describe("customer gateway device name (API CreateCustomerGateway: DeviceName up to 255 characters)", () => {
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateCustomerGateway.html
  test("fails when deviceName is longer than 255 characters; 255 is fine", () => {
    expect(() =>
      withBackup(toTgw({ customerGateways: [{ ...EDGE1, deviceName: "d".repeat(256) }] })),
    ).toThrow("`deviceName` of edge1 has 256 characters: at most 255.");
    const stack = withBackup(toTgw({ customerGateways: [{ ...EDGE1, deviceName: "d".repeat(255) }] }));
    templateOf(stack).hasResourceProperties("AWS::EC2::CustomerGateway", { DeviceName: "d".repeat(255) });
  });
});

describe("IPv4 tunnels carry no IPv6 (ipv4-ipv6: one IP version per VPN connection, none on a VGW)", () => {
  // https://docs.aws.amazon.com/vpn/latest/s2svpn/ipv4-ipv6.html
  test.each([
    ["a virtual private gateway", () => toVgw],
    ["a transit gateway", () => toTgw],
  ])("fails when a static route on %s is IPv6", (_, to) => {
    expect(() =>
      withBackup(
        to()({ staticRoutes: ["192.168.0.0/16", "2001:db8::/32"], onPremisesPrefixes: ["10.0.0.0/8"] }),
      ),
    ).toThrow(
      "`staticRoutes`: 2001:db8::/32 is IPv6, but the VPN's tunnels carry IPv4 (a VPN connection carries one IP " +
        "version, and this construct makes IPv4 ones). Route IPv6 over Direct Connect only.",
    );
  });

  test("warns when an advertised VPN prefix is IPv6: that traffic has no VPN backup", () => {
    const stack = withBackup(toTgw({ advertisedPrefixes: ["192.168.0.0/16", "2001:db8::/32"] }));
    expect(warningsOf(stack)).toEqual([
      expect.stringMatching(
        /^`advertisedPrefixes`: 2001:db8::\/32 is IPv6, but the VPN's tunnels carry IPv4/,
      ),
    ]);
  });
});

describe("pre-shared keys", () => {
  // https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html: one key per tunnel (two tunnels)
  test("fails when preSharedKeys is empty (it passed the plan and crashed in emit)", () => {
    expect(() => withBackup(toTgw({ customerGateways: [{ ...EDGE1, preSharedKeys: [] }] }))).toThrow(
      "`preSharedKeys` of edge1: give one key for each of the 2 tunnels, got 0.",
    );
  });

  test("two keys from Secrets Manager still synthesize", () => {
    const stack = withBackup(
      toTgw({
        customerGateways: [
          { ...EDGE1, preSharedKeys: [SecretValue.secretsManager("a"), SecretValue.secretsManager("b")] },
        ],
      }),
    );
    templateOf(stack).resourceCountIs(VPN, 1);
  });
});
