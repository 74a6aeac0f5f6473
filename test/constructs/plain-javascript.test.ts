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
    expect(build).toThrow(/^`props` must be the props of .*, got (undefined|null|"EqDC2")\.$/);
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    [
      "locations a string",
      { locations: "EqDC2" },
      /^`locations` must be a list of Direct Connect locations, got "EqDC2"\.$/,
    ],
    [
      "locations null",
      { locations: null },
      /^`locations` is required: a list of Direct Connect locations, got null\.$/,
    ],
    ["bandwidth a string", { bandwidth: "10Gbps" }, /^`bandwidth` is required, got "10Gbps": for example/],
    ["bandwidth a plain object", { bandwidth: { gbps: 10 } }, /^`bandwidth` is required, got an object/],
    ["namePrefix a number", { namePrefix: 7 }, /^`namePrefix` must be a string, got 7\.$/],
    [
      "providerName a number",
      { providerName: 7 },
      /^`providerName` must be the service provider's name, got 7\.$/,
    ],
    [
      "requestMacSec a string",
      { requestMacSec: "yes" },
      /^`requestMacSec` must be true or false, got "yes"\.$/,
    ],
    [
      "resiliencyGroup a number",
      { resiliencyGroup: 1 },
      /^`resiliencyGroup` must be true or false, got 1\.$/,
    ],
    [
      "resiliencyGroupName a list",
      { resiliencyGroupName: ["a"] },
      /^`resiliencyGroupName` must be a group name, got a list of 1\.$/,
    ],
    ["minimumLinks a string", { minimumLinks: "1" }, /^`minimumLinks` "1" is not possible/],
    ["removalPolicy a string", { removalPolicy: "keep" }, /^`removalPolicy` "keep" is not supported/],
    [
      "virtualInterfaces not a list",
      { virtualInterfaces: {} },
      /^`virtualInterfaces` must be a list of VirtualInterface specs, got an object\.$/,
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
      /^`existingSlots` must be a list of existing connections or LAGs, got "dxcon-fg5678gh"\.$/,
    ],
    [
      "an existing slot null",
      { existingSlots: [null] },
      /^`existingSlots` must be each entry a location, slotNumber and connectionId, got null\.$/,
    ],
    ["model a string", { model: "MAXIMUM" }, /^`model` "MAXIMUM" is not a ResiliencyModel/],
    [
      "a location entry null",
      { locations: [null] },
      /^`locations` must be a list of location layouts, each like \{ location: 'EqDC2' \}, got null\.$/,
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

describe("virtual interface options of the wrong type", () => {
  test("fails when the options object is missing", () => {
    expect(() => VirtualInterface.transit(loose(undefined))).toThrow(
      /^`options` must be the options of VirtualInterface\.transit\(\), with `name`, `vlan` and `customerAsn`, got undefined\.$/,
    );
  });

  test("fails when a transit spec has no gateway (it would emit an interface CloudFormation rejects)", () => {
    expect(() => transit(gatewayIn().gateway, { gateway: undefined })).toThrow(
      /^`gateway` of the transit virtual interface prod is required/,
    );
  });

  test("fails when a private spec has gateway: null and no virtualGatewayId (null is not a gateway)", () => {
    expect(() =>
      VirtualInterface.privateInterface(
        loose({ name: "prod", gateway: null, vlan: 101, customerAsn: 65010 }),
      ),
    ).toThrow(
      "`gateway` and `virtualGatewayId` of the private virtual interface prod: give exactly one (got neither).",
    );
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    [
      "authKey a plain string",
      { authKey: "secret-key" },
      /^`authKey` of prod must be a SecretValue, e\.g\. SecretValue\.secretsManager\('dx\/bgp-key'\), got "secret-key"\.$/,
    ],
    [
      "addressFamilies one AddressFamily, not in a list",
      { addressFamilies: AddressFamily.IPV6 },
      /^`addressFamilies` must be a list of AddressFamily values, got "ipv6"\.$/,
    ],
    [
      "addressFamilies with an unknown family",
      { addressFamilies: ["IPv4"] },
      /^`addressFamilies` of prod: "IPv4" is not AddressFamily\.IPV4 or IPV6\.$/,
    ],
    [
      "peerAddresses an object",
      { peerAddresses: { location: "EqDC2" } },
      /^`peerAddresses` must be a list of SlotPeerAddresses, got an object\.$/,
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
      /^`tags` must be an object of tag keys to string values, got a list of 1\.$/,
    ],
    [
      "a tag value a number",
      { tags: { team: 7 } },
      /^`tags` of prod: the value of "team" must be a string of at most 256 characters, got 7\.$/,
    ],
    [
      "a tag key with aws:",
      { tags: { "aws:owner": "me" } },
      /^`tags` of prod: the key "aws:owner" is not allowed/,
    ],
    [
      "enableSiteLink a string",
      { enableSiteLink: "true" },
      /^`enableSiteLink` must be true or false, got "true"\.$/,
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
      VirtualInterface.publicInterface(
        loose({
          name: "pub",
          vlan: 300,
          customerAsn: 65010,
          routeFilterPrefixes: "203.0.113.0/24",
          addressPool: "203.0.113.0/24",
        }),
      ),
    ).toThrow(/^`routeFilterPrefixes` must be a list of CIDR blocks, got "203\.0\.113\.0\/24"\.$/);
  });
});

describe("gateway props of the wrong type", () => {
  test("fails when the gateway props are not an object; null means defaults", () => {
    expect(() => new DirectConnectGateway(newStack(), "Gw", loose("gw"))).toThrow(
      /^`props` must be the props of DirectConnectGateway, got "gw"\.$/,
    );
    const stack = newStack();
    new DirectConnectGateway(stack, "Gw", loose(null));
    templateOf(stack).hasResourceProperties("AWS::DirectConnect::DirectConnectGateway", {
      AmazonSideAsn: "64512",
    });
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    ["name a number", { name: 7 }, /^`name` must be the name of the Direct Connect gateway, got 7\.$/],
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
      /^`options` must be the options of associateTransitGateway, with `transitGatewayId`, got undefined\.$/,
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
    ).toThrow(/^`allowedPrefixes` must be a list of CIDR blocks, got "10\.0\.0\.0\/16"\.$/);
    expect(() =>
      gateway.associateVirtualPrivateGateway(
        "Vgw",
        loose({ virtualGatewayId: "vgw-0123456789abcdef0", acceptProposalRoleArn: 7 }),
      ),
    ).toThrow(/^`acceptProposalRoleArn` must be an IAM role ARN, got 7\.$/);
    expect(() => DirectConnectGateway.fromGatewayAttributes(newStack(), "Gw", loose(null))).toThrow(
      /^`attrs` must be the attributes of the gateway, with `gatewayId`, got null\.$/,
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
      /^`transitGatewayAsn` 100 is not allowed: a private ASN from 64512 to 65534 or from 4200000000 to 4294967294\.$/,
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

test("ConnectionBandwidth.gbps shows a wrong value as a value, never [object Object]", () => {
  expect(() => ConnectionBandwidth.gbps(loose({ n: 1 }))).toThrow(
    /^`bandwidth`: ConnectionBandwidth\.gbps\(an object\) is not a whole positive number of Gbps/,
  );
});
