import { SecretValue } from "aws-cdk-lib";
import { Match } from "aws-cdk-lib/assertions";
import {
  AddressFamily,
  ConnectionBandwidth,
  DevTest,
  DirectConnectGateway,
  HighResiliency,
  MaximumResiliencyConnections,
  ResiliencyModel,
  ResilientConnections,
  TunnelBandwidth,
  VirtualInterface,
  VpnBackup,
} from "../../src";
import { newStack, templateOf } from "../support/synth";

// Callers without static types (plain JavaScript, or values built at run time) get an Error naming the
// prop for every wrong value: never a TypeError or RangeError from deeper down, and never a template that
// CloudFormation rejects. (The fuzz test in test/fuzz covers the same ground at random.)

const TWO = ["EqDC2", "EqSE2"];
const GBPS_10 = ConnectionBandwidth.GBPS_10;
const loose = (value: unknown) => value as any;

function gatewayIn(stack = newStack()) {
  return { stack, gateway: new DirectConnectGateway(stack, "Gateway") };
}

const transit = (gateway: DirectConnectGateway, options: Record<string, unknown>) =>
  VirtualInterface.transit(loose({ name: "prod", gateway, vlan: 101, customerAsn: 65010, ...options }));

describe("construct props of the wrong type", () => {
  test.each([
    [
      "MaximumResiliencyConnections",
      () => new MaximumResiliencyConnections(newStack(), "Dx", loose(undefined)),
    ],
    ["HighResiliency", () => new HighResiliency(newStack(), "Dx", loose(null))],
    ["DevTest", () => new DevTest(newStack(), "Dx", loose(undefined))],
    ["ResilientConnections", () => new ResilientConnections(newStack(), "Dx", loose("EqDC2"))],
  ])("fails when the props object of %s is missing or not an object", (_, build) => {
    expect(build).toThrow(/^`props` must be the props of .*, got (undefined|null|"EqDC2")\. \[\w+\]$/);
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    [
      "locations a string",
      { locations: "EqDC2" },
      /^`locations` must be a list of Direct Connect locations, got "EqDC2"\. \[propType\]$/,
    ],
    [
      "locations null",
      { locations: null },
      /^`locations` is required: a list of Direct Connect locations, got null\. \[propType\]$/,
    ],
    ["bandwidth a string", { bandwidth: "10Gbps" }, /^`bandwidth` is required, got "10Gbps": for example/],
    ["bandwidth a plain object", { bandwidth: { gbps: 10 } }, /^`bandwidth` is required, got an object/],
    ["namePrefix a number", { namePrefix: 7 }, /^`namePrefix` must be a string, got 7\. \[\w+\]$/],
    [
      "providerName a number",
      { providerName: 7 },
      /^`providerName` must be the service provider's name, got 7\. \[\w+\]$/,
    ],
    [
      "requestMacSec a string",
      { requestMacSec: "yes" },
      /^`requestMacSec` must be true or false, got "yes"\. \[\w+\]$/,
    ],
    [
      "resiliencyGroup a number",
      { resiliencyGroup: 1 },
      /^`resiliencyGroup` must be true or false, got 1\. \[\w+\]$/,
    ],
    ["outputs a string", { outputs: "true" }, /^`outputs` must be true or false, got "true"\. \[propType\]$/],
    [
      "resiliencyGroupName a list",
      { resiliencyGroupName: ["a"] },
      /^`resiliencyGroupName` must be a group name, got a list of 1\. \[\w+\]$/,
    ],
    ["minimumLinks a string", { minimumLinks: "1" }, /^`minimumLinks` "1" is not possible/],
    ["removalPolicy a string", { removalPolicy: "keep" }, /^`removalPolicy` "keep" is not supported/],
    [
      "virtualInterfaces not a list",
      { virtualInterfaces: {} },
      /^`virtualInterfaces` must be a list of VirtualInterface specs, got an object\. \[\w+\]$/,
    ],
    [
      "virtualInterfaces with a plain object",
      { virtualInterfaces: [{ name: "prod" }] },
      /^`virtualInterfaces`: an object is not a VirtualInterface: make each with VirtualInterface\.transit\(\)/,
    ],
    [
      "vpnBackup a plain object",
      { vpnBackup: { transitGatewayId: "tgw-1" } },
      /^`vpnBackup` an object is not a VpnBackup/,
    ],
  ])("fails when %s", (_, props, message) => {
    expect(
      () =>
        new MaximumResiliencyConnections(
          newStack(),
          "Dx",
          loose({ locations: TWO, bandwidth: GBPS_10, ...props }),
        ),
    ).toThrow(message);
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    [
      "existingSlots a string",
      { existingSlots: "dxcon-fg5678gh" },
      /^`existingSlots` must be a list of existing connections or LAGs, got "dxcon-fg5678gh"\. \[\w+\]$/,
    ],
    [
      "an existing slot null",
      { existingSlots: [null] },
      /^`existingSlots` must be each entry a location, slotNumber and connectionId, got null\. \[\w+\]$/,
    ],
    ["model a string", { model: "MAXIMUM" }, /^`model` "MAXIMUM" is not a ResiliencyModel/],
    [
      "a location entry null",
      { locations: [null] },
      /^`locations` must be a list of location layouts, each like \{ location: 'EqDC2' \}, got null\. \[\w+\]$/,
    ],
  ])("fails when %s (ResilientConnections)", (_, props, message) => {
    expect(
      () =>
        new ResilientConnections(
          newStack(),
          "Dx",
          loose({ locations: [{ location: "EqDC2" }], bandwidth: GBPS_10, ...props }),
        ),
    ).toThrow(message);
  });

  test("null optional props mean 'not given', as undefined does", () => {
    const stack = newStack();
    new HighResiliency(
      stack,
      "Dx",
      loose({
        locations: TWO,
        bandwidth: GBPS_10,
        namePrefix: null,
        providerName: null,
        minimumLinks: null,
        removalPolicy: null,
        virtualInterfaces: null,
        vpnBackup: null,
      }),
    );
    templateOf(stack).resourceCountIs("AWS::DirectConnect::Lag", 2);
    templateOf(stack).hasResource("AWS::DirectConnect::Lag", { DeletionPolicy: "Retain" });
  });

  test("a model and a bandwidth from a second copy of the library (same shape, other class) are accepted", () => {
    const stack = newStack();
    const foreignModel = { ...ResiliencyModel.HIGH };
    const foreignBandwidth = { ...ConnectionBandwidth.gbps(20) };
    const dx = new ResilientConnections(
      stack,
      "Dx",
      loose({
        locations: [{ location: "EqDC2" }, { location: "EqSE2" }],
        model: foreignModel,
        bandwidth: foreignBandwidth,
      }),
    );
    expect(dx.model).toBe(ResiliencyModel.HIGH);
    expect(dx.bandwidth.portCount).toBe(2);
    templateOf(stack).resourceCountIs("AWS::DirectConnect::Connection", 4);
  });
});

/** A construct that takes one virtual interface spec (and so checks it). */
const withSpec = (spec: VirtualInterface) =>
  new HighResiliency(newStack(), "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.GBPS_10,
    virtualInterfaces: [spec],
  });

describe("virtual interface options of the wrong type", () => {
  test("fails when the options object is missing", () => {
    // The factory only records: the construct that takes the spec checks it, with all its other props.
    const spec = VirtualInterface.transit(loose(undefined));
    expect(() => withSpec(spec)).toThrow(
      /^`options` must be the options of VirtualInterface\.transit\(\), with `name`, `vlan` and `customerAsn`, got undefined\. \[propType\]$/,
    );
  });

  test("fails when a transit spec has no gateway (it would emit an interface CloudFormation rejects)", () => {
    expect(() => withSpec(transit(gatewayIn().gateway, { gateway: undefined }))).toThrow(
      /^`gateway` of the transit virtual interface prod is required/,
    );
  });

  test("fails when a private spec has gateway: null and no virtualGatewayId (null is not a gateway)", () => {
    expect(() =>
      withSpec(
        VirtualInterface.privateInterface(
          loose({ name: "prod", gateway: null, vlan: 101, customerAsn: 65010 }),
        ),
      ),
    ).toThrow(
      "`gateway` and `virtualGatewayId` of the private virtual interface prod: give exactly one (got neither).",
    );
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    [
      "authKey a plain string",
      { authKey: "secret-key" },
      /^`authKey` of prod must be a SecretValue, e\.g\. SecretValue\.secretsManager\('dx\/bgp-key'\), got "secret-key"\. \[\w+\]$/,
    ],
    [
      "addressFamilies one AddressFamily, not in a list",
      { addressFamilies: AddressFamily.IPV6 },
      /^`addressFamilies` must be a list of AddressFamily values, got "ipv6"\. \[\w+\]$/,
    ],
    [
      "addressFamilies with an unknown family",
      { addressFamilies: ["IPv4"] },
      /^`addressFamilies` of prod: "IPv4" is not AddressFamily\.IPV4 or IPV6\. \[\w+\]$/,
    ],
    [
      "peerAddresses an object",
      { peerAddresses: { location: "EqDC2" } },
      /^`peerAddresses` must be a list of SlotPeerAddresses, got an object\. \[\w+\]$/,
    ],
    [
      "a peer address entry without strings",
      { peerAddresses: [{ location: "EqDC2", slotNumber: 1 }] },
      /^`peerAddresses` of prod: each entry needs the strings/,
    ],
    [
      "a peer address slot number 2**53",
      {
        peerAddresses: [{ location: "EqDC2", slotNumber: 2 ** 53, amazonAddress: "a", customerAddress: "b" }],
      },
      /^`slotNumber` 9007199254740992 is not allowed: a whole number from 1 to 99/,
    ],
    [
      "tags a list",
      { tags: ["a"] },
      /^`tags` must be an object of tag keys to string values, got a list of 1\. \[\w+\]$/,
    ],
    [
      "a tag value a number",
      { tags: { team: 7 } },
      /^`tags` of prod: the value of "team" must be a string of at most 256 characters, got 7\. \[\w+\]$/,
    ],
    [
      "a tag key with aws:",
      { tags: { "aws:owner": "me" } },
      /^`tags` of prod: the key "aws:owner" is not allowed/,
    ],
    [
      "enableSiteLink a string",
      { enableSiteLink: "true" },
      /^`enableSiteLink` must be true or false, got "true"\. \[\w+\]$/,
    ],
    [
      "gateway a plain object",
      { gateway: { gatewayId: "x" } },
      /^`gateway` of prod must be a Direct Connect gateway/,
    ],
    ["vlan a string", { vlan: "101" }, /^`vlan` "101" of prod is not allowed: a whole number from 1 to 4094/],
  ])("fails when %s", (_, options, message) => {
    const { stack, gateway } = gatewayIn();
    expect(() => {
      const spec = transit(gateway, options);
      new HighResiliency(stack, "Dx", { locations: TWO, bandwidth: GBPS_10, virtualInterfaces: [spec] });
    }).toThrow(message);
  });

  test("fails when routeFilterPrefixes is not a list", () => {
    expect(() =>
      withSpec(
        VirtualInterface.publicInterface(
          loose({
            name: "pub",
            vlan: 300,
            customerAsn: 65010,
            routeFilterPrefixes: "203.0.113.0/24",
            addressPool: "203.0.113.0/24",
          }),
        ),
      ),
    ).toThrow(
      /^`routeFilterPrefixes` must be a list of CIDR blocks, got "203\.0\.113\.0\/24"\. \[propType\]$/,
    );
  });

  test("fails with a rule error, not a TypeError, when a public spec has routeFilterPrefixes: null", () => {
    expect(() =>
      withSpec(
        VirtualInterface.publicInterface(
          loose({
            name: "pub",
            vlan: 300,
            customerAsn: 65010,
            routeFilterPrefixes: null,
            addressPool: "203.0.113.0/24",
          }),
        ),
      ),
    ).toThrow(/^`routeFilterPrefixes` of pub is empty: .* \[publicRouteFilterPrefixes\]$/);
  });
});

describe("gateway props of the wrong type", () => {
  test("fails when the gateway props are not an object; null means defaults", () => {
    expect(() => new DirectConnectGateway(newStack(), "Gw", loose("gw"))).toThrow(
      /^`props` must be the props of DirectConnectGateway, got "gw"\. \[\w+\]$/,
    );
    const stack = newStack();
    new DirectConnectGateway(stack, "Gw", loose(null));
    templateOf(stack).hasResourceProperties("AWS::DirectConnect::DirectConnectGateway", {
      AmazonSideAsn: "64512",
    });
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    [
      "name a number",
      { name: 7 },
      /^`name` must be the name of the Direct Connect gateway, got 7\. \[\w+\]$/,
    ],
    [
      "amazonSideAsn a string",
      { amazonSideAsn: "64512" },
      /^`amazonSideAsn` "64512" is not allowed: a private ASN/,
    ],
    ["amazonSideAsn an object", { amazonSideAsn: {} }, /^`amazonSideAsn` an object is not allowed/],
  ])("fails when %s", (_, props, message) => {
    expect(() => new DirectConnectGateway(newStack(), "Gw", loose(props))).toThrow(message);
  });

  test("fails when association options are missing or of the wrong type", () => {
    const { gateway } = gatewayIn();
    expect(() => gateway.associateTransitGateway("Tgw", loose(undefined))).toThrow(
      /^`options` must be the options of associateTransitGateway, with `transitGatewayId`, got undefined\. \[\w+\]$/,
    );
    expect(() =>
      gateway.associateTransitGateway(
        "Tgw",
        loose({ transitGatewayId: "tgw-0123456789abcdef0", allowedPrefixes: null }),
      ),
    ).toThrow(/^`allowedPrefixes` of the association of tgw-0123456789abcdef0 .* is empty/);
    expect(() =>
      gateway.associateTransitGateway(
        "Tgw",
        loose({ transitGatewayId: "tgw-0123456789abcdef0", allowedPrefixes: "10.0.0.0/16" }),
      ),
    ).toThrow(/^`allowedPrefixes` must be a list of CIDR blocks, got "10\.0\.0\.0\/16"\. \[propType\]$/);
    expect(() =>
      gateway.associateVirtualPrivateGateway(
        "Vgw",
        loose({ virtualGatewayId: "vgw-0123456789abcdef0", acceptProposalRoleArn: 7 }),
      ),
    ).toThrow(/^`acceptProposalRoleArn` must be an IAM role ARN, got 7\. \[propType\]$/);
    expect(() => DirectConnectGateway.fromGatewayAttributes(newStack(), "Gw", loose(null))).toThrow(
      /^`attrs` must be the attributes of the gateway, with `gatewayId`, got null\. \[propType\]$/,
    );
    expect(() => DirectConnectGateway.fromGatewayId(newStack(), "Gw", loose({}))).toThrow(
      /^`gatewayId` an object is not a Direct Connect gateway id/,
    );
  });

  test("fails when the transit gateway ASN is outside the private ranges (EC2 TransitGateway AmazonSideAsn)", () => {
    const { gateway } = gatewayIn();
    expect(() =>
      gateway.associateTransitGateway("Tgw", {
        transitGatewayId: "tgw-0123456789abcdef0",
        allowedPrefixes: ["10.0.0.0/16"],
        transitGatewayAsn: 100,
      }),
    ).toThrow(
      /^`transitGatewayAsn` 100 is not allowed: a private ASN from 64512 to 65534 or from 4200000000 to 4294967294\. \[\w+\]$/,
    );
  });

  test("fails when acceptProposalRoleArn is not an IAM role ARN", () => {
    const { gateway } = gatewayIn();
    expect(() =>
      gateway.associateVirtualPrivateGateway("Vgw", {
        virtualGatewayId: "vgw-0123456789abcdef0",
        acceptProposalRoleArn: "accept-role",
      }),
    ).toThrow(/^`acceptProposalRoleArn` "accept-role" is not an IAM role ARN/);
  });
});

describe("VPN backup options of the wrong type", () => {
  const TGW = "tgw-0123456789abcdef0";
  const EDGE1 = { name: "edge1", ipAddress: "203.0.113.10", bgpAsn: 65010 };
  const KEYS = [SecretValue.secretsManager("vpn/t1"), SecretValue.secretsManager("vpn/t2")];
  const toTgw = (options: Record<string, unknown>) =>
    VpnBackup.toTransitGateway(loose({ transitGatewayId: TGW, customerGateways: [EDGE1], ...options }));
  const device = (fields: Record<string, unknown>) => toTgw({ customerGateways: [{ ...EDGE1, ...fields }] });
  /** A construct whose transit interfaces reach TGW, with the backup. */
  const build = (backup: () => VpnBackup) => {
    const { stack, gateway } = gatewayIn();
    gateway.associateTransitGateway("Tgw", { transitGatewayId: TGW, allowedPrefixes: ["10.0.0.0/16"] });
    new HighResiliency(stack, "Dx", {
      locations: TWO,
      bandwidth: GBPS_10,
      virtualInterfaces: [transit(gateway, {})],
      vpnBackup: backup(),
    });
    return stack;
  };

  test.each<[string, () => VpnBackup, RegExp]>([
    [
      "the options of toTransitGateway are undefined",
      () => VpnBackup.toTransitGateway(loose(undefined)),
      /^`options` must be the options of VpnBackup\.toTransitGateway\(\), with `transitGatewayId` and `customerGateways`, got undefined\. \[\w+\]$/,
    ],
    [
      "the options of toVirtualPrivateGateway are null",
      () => VpnBackup.toVirtualPrivateGateway(loose(null)),
      /^`options` must be the options of VpnBackup\.toVirtualPrivateGateway\(\), with `virtualGatewayId` and `customerGateways`, got null\. \[\w+\]$/,
    ],
    [
      "customerGateways is null",
      () => toTgw({ customerGateways: null }),
      /^`customerGateways` is required: a list of one or two customer gateway devices, got null\. \[\w+\]$/,
    ],
    [
      "customerGateways is a string",
      () => toTgw({ customerGateways: "edge1" }),
      /^`customerGateways` must be a list of one or two customer gateway devices, got "edge1"\. \[\w+\]$/,
    ],
    [
      "customerGateways contains null",
      () => toTgw({ customerGateways: [EDGE1, null] }),
      /^`customerGateways`: device 2 must be an object with `name` and `ipAddress`, got null\. \[\w+\]$/,
    ],
    [
      "a device has no name",
      () => device({ name: undefined }),
      /^`name` undefined of a customer gateway is not allowed/,
    ],
    [
      "a device name is a number",
      () => device({ name: 7 }),
      /^`name` 7 of a customer gateway is not allowed/,
    ],
    [
      "a device has no ipAddress",
      () => device({ ipAddress: undefined }),
      /^`ipAddress` of edge1 must be the device's outside IPv4 address as a string, got undefined\. \[\w+\]$/,
    ],
    [
      "ipAddress is a number",
      () => device({ ipAddress: 3405803786 }),
      /^`ipAddress` of edge1 must be the device's outside IPv4 address as a string, got 3405803786\. \[\w+\]$/,
    ],
    [
      "bgpAsn is a string",
      () => device({ bgpAsn: "65010" }),
      /^`bgpAsn` "65010" of edge1 is not allowed: a whole number from 1 to 4294967294\. \[\w+\]$/,
    ],
    ["bgpAsn is NaN", () => device({ bgpAsn: NaN }), /^`bgpAsn` NaN of edge1 is not allowed: a whole number/],
    ["bgpAsn is Infinity", () => device({ bgpAsn: Infinity }), /^`bgpAsn` Infinity of edge1 is not allowed/],
    [
      "bgpAsn is 2**53",
      () => device({ bgpAsn: 2 ** 53 }),
      /^`bgpAsn` 9007199254740992 of edge1 is not allowed/,
    ],
    [
      "deviceName is a number",
      () => device({ deviceName: 7 }),
      /^`deviceName` of edge1 must be a string, got 7\. \[\w+\]$/,
    ],
    [
      "tunnelInsideCidrs is a string",
      () => device({ tunnelInsideCidrs: "169.254.10.0/30" }),
      /^`tunnelInsideCidrs` must be a list of two \/30 blocks of 169\.254\.0\.0\/16, got "169\.254\.10\.0\/30"\. \[\w+\]$/,
    ],
    [
      "tunnelInsideCidrs contains a number",
      () => device({ tunnelInsideCidrs: ["169.254.10.0/30", 5] }),
      /^`tunnelInsideCidrs`: 5 is not a CIDR block/,
    ],
    [
      "preSharedKeys is a SecretValue, not in a list",
      () => device({ preSharedKeys: KEYS[0] }),
      /^`preSharedKeys` must be a list of two SecretValues, one per tunnel, got an object\. \[\w+\]$/,
    ],
    [
      "preSharedKeys contains a plain string",
      () => device({ preSharedKeys: [KEYS[0], "plain_key_2"] }),
      /^`preSharedKeys` of edge1: key 2 must be a SecretValue, e\.g\. SecretValue\.secretsManager\('vpn\/edge1-tunnel2'\), got "plain_key_2"\. \[\w+\]$/,
    ],
    [
      "preSharedKeys contains null",
      () => device({ preSharedKeys: [null, KEYS[1]] }),
      /^`preSharedKeys` of edge1: key 1 must be a SecretValue, .*, got null\. \[\w+\]$/,
    ],
    [
      "staticRoutes is a string",
      () => toTgw({ staticRoutes: "192.168.0.0/16" }),
      /^`staticRoutes` must be a list of CIDR blocks, got "192\.168\.0\.0\/16"\. \[\w+\]$/,
    ],
    [
      "staticRoutes contains a number",
      () => toTgw({ staticRoutes: [5], onPremisesPrefixes: ["10.0.0.0/8"] }),
      /^`staticRoutes`: 5 is not a CIDR block/,
    ],
    [
      "onPremisesPrefixes is an object",
      () => toTgw({ onPremisesPrefixes: {} }),
      /^`onPremisesPrefixes` must be a list of CIDR blocks, got an object\. \[\w+\]$/,
    ],
    [
      "advertisedPrefixes contains null",
      () => toTgw({ advertisedPrefixes: [null] }),
      /^`advertisedPrefixes`: null is not a CIDR block/,
    ],
    [
      "tunnelBandwidth is a string",
      () => toTgw({ tunnelBandwidth: "large" }),
      /^`tunnelBandwidth` must be TunnelBandwidth\.STANDARD or TunnelBandwidth\.LARGE, got "large"\. \[\w+\]$/,
    ],
    [
      "tunnelBandwidth is an unknown object",
      () => toTgw({ tunnelBandwidth: { value: "huge", gbps: 50 } }),
      /^`tunnelBandwidth` must be TunnelBandwidth\.STANDARD or TunnelBandwidth\.LARGE, got an object\. \[\w+\]$/,
    ],
    [
      "acceleration is a string",
      () => toTgw({ acceleration: "yes" }),
      /^`acceleration` must be true or false, got "yes"\. \[\w+\]$/,
    ],
    [
      "transportAttachmentId is a number",
      () => toTgw({ transportAttachmentId: 7 }),
      /^`transportAttachmentId` must be a transit gateway attachment id \(tgw-attach-\.\.\.\), got 7\. \[\w+\]$/,
    ],
    [
      "a virtual private gateway VPN gets transportAttachmentId (private IP VPN: transit gateway only)",
      () =>
        VpnBackup.toVirtualPrivateGateway(
          loose({
            virtualGatewayId: "vgw-0123456789abcdef0",
            customerGateways: [EDGE1],
            transportAttachmentId: "tgw-attach-0123456789abcdef0",
          }),
        ),
      /^`transportAttachmentId`: a private IP VPN terminates on a transit gateway; use VpnBackup\.toTransitGateway\(\)\. \[\w+\]$/,
    ],
    [
      "transitGatewayId is a number",
      () => toTgw({ transitGatewayId: 7 }),
      /^`transitGatewayId` 7 is not allowed: tgw-/,
    ],
  ])("fails when %s", (_, backup, message) => {
    expect(() => build(backup)).toThrow(message);
  });

  test("null optional options mean 'not given', as undefined does", () => {
    const stack = build(() =>
      toTgw({
        customerGateways: [
          { ...EDGE1, bgpAsn: null, deviceName: null, tunnelInsideCidrs: null, preSharedKeys: null },
        ],
        staticRoutes: null,
        onPremisesPrefixes: null,
        advertisedPrefixes: null,
        acceleration: null,
        tunnelBandwidth: null,
        transportAttachmentId: null,
      }),
    );
    templateOf(stack).hasResourceProperties("AWS::EC2::CustomerGateway", { BgpAsn: 65000 });
    templateOf(stack).hasResourceProperties("AWS::EC2::VPNConnection", {
      TransitGatewayId: TGW,
      PreSharedKeyStorage: "SecretsManager",
    });
  });

  test("a TunnelBandwidth from a second copy of the library (same shape, other class) is accepted", () => {
    const stack = build(() => toTgw({ tunnelBandwidth: { ...TunnelBandwidth.LARGE } }));
    templateOf(stack).hasResourceProperties("AWS::EC2::VPNConnection", { TunnelBandwidth: "large" });
    const standard = build(() => toTgw({ tunnelBandwidth: { ...TunnelBandwidth.STANDARD } }));
    templateOf(standard).hasResourceProperties("AWS::EC2::VPNConnection", {
      TunnelBandwidth: Match.absent(),
    });
  });
});

test("ConnectionBandwidth.gbps shows a wrong value as a value, never [object Object]", () => {
  expect(() => ConnectionBandwidth.gbps(loose({ n: 1 }))).toThrow(
    /^`bandwidth`: ConnectionBandwidth\.gbps\(an object\) is not a whole positive number of Gbps/,
  );
});
