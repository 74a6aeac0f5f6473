import { CfnParameter, Fn, Stack, Token } from "aws-cdk-lib";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import {
  ConnectionBandwidth,
  DirectConnectGateway,
  HighResiliency,
  IDirectConnectGateway,
  MaximumResiliencyConnections,
  VirtualInterface,
  VpnBackup,
} from "../../src";
import { RuleError } from "../../src/core/fail";
import { GATEWAY_ID, TGW, VGW, privateOn, transitOn } from "../support/gateways";
import { newApp, newStack, templateOf } from "../support/synth";

const GW = "AWS::DirectConnect::DirectConnectGateway";
const ASSOC = "AWS::DirectConnect::DirectConnectGatewayAssociation";

describe("DirectConnectGateway", () => {
  test("creates the gateway with its name and Amazon-side ASN (default 64512)", () => {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Core Gateway");
    new DirectConnectGateway(stack, "Other", { name: "dx-core", amazonSideAsn: 4200000000 });
    const gateways = Object.values(templateOf(stack).findResources(GW)).map((g) => g.Properties);
    expect(gateways).toEqual([
      { DirectConnectGatewayName: "Core Gateway", AmazonSideAsn: "64512" },
      { DirectConnectGatewayName: "dx-core", AmazonSideAsn: "4200000000" },
    ]);
    expect(gateway.amazonSideAsn).toBe(64512);
    expect(stack.resolve(gateway.gatewayId)).toEqual({
      "Fn::GetAtt": [stack.getLogicalId(gateway.resource), "DirectConnectGatewayId"],
    });
  });

  test("associates a transit gateway with normalised allowed prefixes", () => {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gw");
    const association = gateway.associateTransitGateway("Tgw", {
      transitGatewayId: TGW,
      allowedPrefixes: ["10.2.0.0/16", "2001:DB8:0:0::/56", "10.1.0.0/16", "10.2.0.0/16"],
    });
    templateOf(stack).hasResourceProperties(ASSOC, {
      DirectConnectGatewayId: {
        "Fn::GetAtt": [stack.getLogicalId(gateway.resource), "DirectConnectGatewayId"],
      },
      AssociatedGatewayId: TGW,
      AllowedPrefixesToDirectConnectGateway: ["10.1.0.0/16", "10.2.0.0/16", "2001:db8::/56"],
    });
    expect(association.allowedPrefixes).toEqual(["10.1.0.0/16", "10.2.0.0/16", "2001:db8::/56"]);
    expect(stack.resolve(association.associationId)).toEqual({
      Ref: stack.getLogicalId(association.resource),
    });
  });

  test("reordering or respelling allowed prefixes changes nothing in the template", () => {
    const synth = (prefixes: string[]) => {
      const stack = newStack();
      new DirectConnectGateway(stack, "Gw").associateTransitGateway("Tgw", {
        transitGatewayId: TGW,
        allowedPrefixes: prefixes,
      });
      return templateOf(stack).toJSON();
    };
    expect(synth(["2001:0DB8::/56", "10.0.0.0/16"])).toEqual(synth(["10.0.0.0/16", "2001:db8:0::/56"]));
  });

  test("associates a virtual private gateway, with or without allowed prefixes, and across accounts", () => {
    const stack = newStack();
    const imported = DirectConnectGateway.fromGatewayId(stack, "Shared", GATEWAY_ID);
    imported.associateVirtualPrivateGateway("Vgw", {
      virtualGatewayId: VGW,
      acceptProposalRoleArn: "arn:aws:iam::111111111111:role/accept-dx-proposals",
    });
    imported.associateVirtualPrivateGateway("Vgw2", {
      virtualGatewayId: "vgw-1123456789abcdef0",
      allowedPrefixes: ["10.0.0.0/16"],
    });
    const associations = Object.values(templateOf(stack).findResources(ASSOC)).map((a) => a.Properties);
    expect(associations).toEqual([
      {
        DirectConnectGatewayId: GATEWAY_ID,
        AssociatedGatewayId: VGW,
        AcceptDirectConnectGatewayAssociationProposalRoleArn:
          "arn:aws:iam::111111111111:role/accept-dx-proposals",
      },
      {
        DirectConnectGatewayId: GATEWAY_ID,
        AssociatedGatewayId: "vgw-1123456789abcdef0",
        AllowedPrefixesToDirectConnectGateway: ["10.0.0.0/16"],
      },
    ]);
  });

  test("deploy-time ids, ASNs and role ARNs pass unchecked into the template", () => {
    const stack = newStack();
    const asn = new CfnParameter(stack, "Asn", { type: "Number" }).valueAsNumber;
    const gateway = new DirectConnectGateway(stack, "Gw", {
      name: Fn.importValue("Name"),
      amazonSideAsn: asn,
    });
    gateway.associateTransitGateway("Tgw", {
      transitGatewayId: Fn.importValue("Tgw"),
      allowedPrefixes: ["10.0.0.0/16"],
      // checked against the gateway's ASN only (not in the template): a token passes unchecked
      transitGatewayAsn: Token.asNumber(Fn.importValue("TgwAsn")),
      acceptProposalRoleArn: Fn.importValue("Role"),
    });
    new DirectConnectGateway(stack, "Private").associateVirtualPrivateGateway("Vgw", {
      virtualGatewayId: Fn.importValue("Vgw"),
      acceptProposalRoleArn: Fn.importValue("Role"),
    });
    const imported = DirectConnectGateway.fromGatewayAttributes(stack, "Imported", {
      gatewayId: Fn.importValue("Gateway"),
      amazonSideAsn: asn,
    });
    imported.associateTransitGateway("Tgw", { transitGatewayId: TGW, allowedPrefixes: ["10.0.0.0/16"] });
    const template = templateOf(stack);
    template.resourceCountIs(ASSOC, 3);
    template.hasResourceProperties(ASSOC, {
      AssociatedGatewayId: { "Fn::ImportValue": "Tgw" },
      AcceptDirectConnectGatewayAssociationProposalRoleArn: { "Fn::ImportValue": "Role" },
    });
  });

  test("an imported gateway's id lands on the virtual interfaces", () => {
    const stack = newStack();
    const gateway = DirectConnectGateway.fromGatewayAttributes(stack, "Shared", {
      gatewayId: GATEWAY_ID,
      amazonSideAsn: 64600,
    });
    new HighResiliency(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [transitOn(gateway)],
    });
    templateOf(stack).hasResourceProperties("AWS::DirectConnect::TransitVirtualInterface", {
      DirectConnectGatewayId: GATEWAY_ID,
    });
    expect(gateway.amazonSideAsn).toBe(64600);
  });
});

describe("gateway validation (facts §3.4, §3.5, §4.5, §4.7)", () => {
  test.each([64511, 65535, 4199999999, 4294967295, 1.5])(
    "fails when amazonSideAsn is %p",
    (amazonSideAsn) => {
      expect(() => new DirectConnectGateway(newStack(), "Gw", { amazonSideAsn })).toThrow(
        new RegExp(
          `^\`amazonSideAsn\` ${amazonSideAsn} is not allowed: a private ASN from 64512 to 65534 or from 4200000000 to 4294967294\\. \\[\\w+\\]$`,
        ),
      );
    },
  );

  test("fails when the gateway name has characters its pattern does not allow", () => {
    expect(() => new DirectConnectGateway(newStack(), "Gw", { name: "dx.core" })).toThrow(
      /`name` "dx.core" of the Direct Connect gateway is not allowed/,
    );
  });

  test("fails when an imported gateway id is not a UUID", () => {
    expect(() => DirectConnectGateway.fromGatewayId(newStack(), "Gw", "dxgw-123")).toThrow(
      /`gatewayId` "dxgw-123" is not a Direct Connect gateway id/,
    );
  });

  test("fails when a transit gateway association has no allowed prefixes", () => {
    const gateway = new DirectConnectGateway(newStack(), "Gw");
    expect(() =>
      gateway.associateTransitGateway("Tgw", { transitGatewayId: TGW, allowedPrefixes: [] }),
    ).toThrow(
      /`allowedPrefixes` of the association of tgw-0123456789abcdef0 with the Direct Connect gateway TestStack\/Gw is empty/,
    );
  });

  test("fails when a transit gateway association has more than 200 prefixes", () => {
    const gateway = new DirectConnectGateway(newStack(), "Gw");
    const prefixes = Array.from({ length: 201 }, (_, i) => `10.${Math.floor(i / 256)}.${i % 256}.0/24`);
    expect(() =>
      gateway.associateTransitGateway("Tgw", { transitGatewayId: TGW, allowedPrefixes: prefixes }),
    ).toThrow(/has 201 prefixes; a transit gateway association advertises at most 200/);
  });

  test("fails when the allowed prefixes of two transit gateways overlap", () => {
    const gateway = new DirectConnectGateway(newStack(), "Gw");
    gateway.associateTransitGateway("A", { transitGatewayId: TGW, allowedPrefixes: ["10.0.0.0/8"] });
    expect(() =>
      gateway.associateTransitGateway("B", {
        transitGatewayId: "tgw-1123456789abcdef0",
        allowedPrefixes: ["10.1.0.0/16"],
      }),
    ).toThrow(
      "`allowedPrefixes`: 10.1.0.0/16 for tgw-1123456789abcdef0 overlaps 10.0.0.0/8 of tgw-0123456789abcdef0 on the Direct Connect gateway TestStack/Gw",
    );
  });

  test("fails when an allowed prefix is not a network address, naming the network it meant", () => {
    const gateway = new DirectConnectGateway(newStack(), "Gw");
    expect(() =>
      gateway.associateTransitGateway("Tgw", { transitGatewayId: TGW, allowedPrefixes: ["10.0.0.1/16"] }),
    ).toThrow(/"10.0.0.1\/16" is not a network address.*Did you mean 10.0.0.0\/16\?/);
  });

  test("fails when an IPv6 allowed prefix is longer than /64", () => {
    const gateway = new DirectConnectGateway(newStack(), "Gw");
    expect(() =>
      gateway.associateVirtualPrivateGateway("Vgw", {
        virtualGatewayId: VGW,
        allowedPrefixes: ["2001:db8::/80"],
      }),
    ).toThrow(/"2001:db8::\/80" is longer than \/64/);
  });

  test.each([
    ["associateTransitGateway", "vgw-0123456789abcdef0"],
    ["associateVirtualPrivateGateway", "tgw-0123456789abcdef0"],
  ])("fails when %s gets %s", (method, id) => {
    const gateway = new DirectConnectGateway(newStack(), "Gw");
    const call = () =>
      method === "associateTransitGateway"
        ? gateway.associateTransitGateway("X", { transitGatewayId: id, allowedPrefixes: ["10.0.0.0/16"] })
        : gateway.associateVirtualPrivateGateway("X", { virtualGatewayId: id });
    expect(call).toThrow(/is not allowed: (tgw|vgw)-\.\.\./);
  });

  test("reports a bad transitGatewayId and a bad allowed prefix of one association together", () => {
    const gateway = new DirectConnectGateway(newStack(), "Gw");
    let error: RuleError | undefined;
    try {
      gateway.associateTransitGateway("Tgw", { transitGatewayId: "tgw-1", allowedPrefixes: ["10.0.0.1/16"] });
    } catch (e) {
      error = e as RuleError;
    }
    expect(error?.message.split("\n")).toEqual([
      "TestStack/Gw: 2 errors:",
      '  - `transitGatewayId` "tgw-1" is not allowed: tgw-... or a transit gateway ARN. [transitGatewayIdFormat]',
      '  - `allowedPrefixes`: "10.0.0.1/16" is not a network address: its host bits are set. Did you mean ' +
        "10.0.0.0/16? [cidrNetworkAddress]",
    ]);
    expect(error?.errors.map((e) => e.ruleId)).toEqual(["transitGatewayIdFormat", "cidrNetworkAddress"]);
    expect(gateway.node.tryFindChild("Tgw")).toBeUndefined();
  });

  test("reports a bad gateway id and a bad Amazon-side ASN of an import together", () => {
    expect(() =>
      DirectConnectGateway.fromGatewayAttributes(newStack(), "Gw", {
        gatewayId: "dxgw-1",
        amazonSideAsn: 100,
      }),
    ).toThrow(
      /^TestStack\/Gw: 2 errors:\n {2}- `gatewayId` "dxgw-1" .*\[gatewayIdFormat\]\n {2}- `amazonSideAsn` 100 .*\[amazonSideAsnRange\]$/,
    );
  });

  test("fails when the same transit gateway is associated twice", () => {
    const gateway = new DirectConnectGateway(newStack(), "Gw");
    gateway.associateTransitGateway("A", { transitGatewayId: TGW, allowedPrefixes: ["10.0.0.0/16"] });
    expect(() =>
      gateway.associateTransitGateway("B", { transitGatewayId: TGW, allowedPrefixes: ["10.1.0.0/16"] }),
    ).toThrow(
      "`transitGatewayId` tgw-0123456789abcdef0 is already associated with the Direct Connect gateway TestStack/Gw.",
    );
  });

  test("fails when one transit gateway is associated by id and again by ARN: one gateway, one association", () => {
    const gateway = new DirectConnectGateway(newStack(), "Gw");
    gateway.associateTransitGateway("A", { transitGatewayId: TGW, allowedPrefixes: ["10.0.0.0/16"] });
    expect(() =>
      gateway.associateTransitGateway("B", {
        transitGatewayId: `arn:aws:ec2:us-east-1:123456789012:transit-gateway/${TGW}`,
        allowedPrefixes: ["10.1.0.0/16"],
      }),
    ).toThrow(
      `\`transitGatewayId\` arn:aws:ec2:us-east-1:123456789012:transit-gateway/${TGW} is already associated with the ` +
        "Direct Connect gateway TestStack/Gw.",
    );
  });

  test("a VPN backup to the transit gateway the paths reach by ARN is a backup (no target warning)", () => {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gw");
    gateway.associateTransitGateway("Tgw", {
      transitGatewayId: `arn:aws:ec2:us-east-1:123456789012:transit-gateway/${TGW}`,
      allowedPrefixes: ["10.0.0.0/16"],
    });
    new HighResiliency(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [VirtualInterface.transit({ name: "prod", gateway, vlan: 101, customerAsn: 65010 })],
      vpnBackup: VpnBackup.toTransitGateway({
        transitGatewayId: TGW,
        customerGateways: [
          { name: "edge1", ipAddress: "203.0.113.10" },
          { name: "edge2", ipAddress: "203.0.113.20" },
        ],
      }),
    });
    Annotations.fromStack(stack).hasNoWarning("*", Match.anyValue());
  });

  test("fails when a virtual private gateway is associated twice, or with an empty prefix list", () => {
    const gateway = new DirectConnectGateway(newStack(), "Gw");
    gateway.associateVirtualPrivateGateway("A", { virtualGatewayId: VGW });
    expect(() => gateway.associateVirtualPrivateGateway("B", { virtualGatewayId: VGW })).toThrow(
      "`virtualGatewayId` vgw-0123456789abcdef0 is already associated with the Direct Connect gateway TestStack/Gw.",
    );
    expect(() =>
      gateway.associateVirtualPrivateGateway("C", {
        virtualGatewayId: "vgw-1123456789abcdef0",
        allowedPrefixes: [],
      }),
    ).toThrow("`allowedPrefixes` is empty: leave it out to allow the VPC's CIDR, or give prefixes.");
    expect(() =>
      gateway.associateVirtualPrivateGateway("D", {
        virtualGatewayId: "vgw-1123456789abcdef0",
        allowedPrefixes: ["10.0.0.0"],
      }),
    ).toThrow(
      '`allowedPrefixes`: "10.0.0.0" is not a CIDR block: expected an IPv4 block such as 10.0.0.0/16 or an IPv6 block such as 2001:db8::/56.',
    );
  });

  test("fails when the transit gateway's ASN equals the gateway's", () => {
    const gateway = new DirectConnectGateway(newStack(), "Gw");
    expect(() =>
      gateway.associateTransitGateway("Tgw", {
        transitGatewayId: TGW,
        allowedPrefixes: ["10.0.0.0/16"],
        transitGatewayAsn: 64512,
      }),
    ).toThrow(/`transitGatewayAsn` 64512 is also the Amazon-side ASN of the Direct Connect gateway/);
  });

  test("fails when a customer ASN equals the gateway's Amazon-side ASN", () => {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gw", { amazonSideAsn: 65010 });
    expect(
      () =>
        new HighResiliency(stack, "Dx", {
          locations: ["EqDC2", "EqSE2"],
          bandwidth: ConnectionBandwidth.GBPS_10,
          virtualInterfaces: [transitOn(gateway)],
        }),
    ).toThrow(/`customerAsn` 65010 of v101 is the Amazon-side ASN of its Direct Connect gateway/);
  });

  test("fails when a transit path joins a gateway with a private path, in either order", () => {
    const stack = newStack();
    const a = new DirectConnectGateway(stack, "A");
    a.associateVirtualPrivateGateway("Vgw", { virtualGatewayId: VGW });
    expect(() =>
      a.associateTransitGateway("Tgw", { transitGatewayId: TGW, allowedPrefixes: ["10.0.0.0/16"] }),
    ).toThrow(
      /^`transitGatewayId`: a transit gateway association cannot go on the Direct Connect gateway TestStack\/A: it already has a private path/,
    );
    const b = new DirectConnectGateway(stack, "B");
    b.associateTransitGateway("Tgw", { transitGatewayId: TGW, allowedPrefixes: ["10.0.0.0/16"] });
    expect(
      () =>
        new HighResiliency(stack, "Dx", {
          locations: ["EqDC2", "EqSE2"],
          bandwidth: ConnectionBandwidth.GBPS_10,
          virtualInterfaces: [privateOn(b)],
        }),
    ).toThrow(
      /^`gateway`: a private virtual interface cannot go on the Direct Connect gateway TestStack\/B: it already has a transit path/,
    );
  });

  test("fails when the app puts more than 30 virtual interfaces on one gateway, counting imports of its id in other stacks", () => {
    const app = newApp();
    const stacks = [new Stack(app, "One"), new Stack(app, "Two")];
    const gateways = stacks.map((s) => DirectConnectGateway.fromGatewayId(s, "Gw", GATEWAY_ID));
    // 2 locations x 2 slots x 4 specs = 16 per construct: 16 fit, 32 do not
    const specs = (gw: IDirectConnectGateway) => [101, 102, 103, 104].map((vlan) => transitOn(gw, vlan));
    new MaximumResiliencyConnections(stacks[0], "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: specs(gateways[0]),
    });
    expect(
      () =>
        new MaximumResiliencyConnections(stacks[1], "Dx", {
          locations: ["EqCH2", "EqDA2"],
          bandwidth: ConnectionBandwidth.GBPS_10,
          virtualInterfaces: specs(gateways[1]),
        }),
    ).toThrow(
      `\`virtualInterfaces\`: the Direct Connect gateway ${GATEWAY_ID} would carry 32 virtual interfaces (one per device slot and spec, across the app); a Direct Connect gateway carries at most 30.`,
    );
  });

  test("fails at the 7th transit gateway and the 21st virtual private gateway", () => {
    const stack = newStack();
    const transit = new DirectConnectGateway(stack, "T");
    for (let i = 0; i < 6; i++) {
      transit.associateTransitGateway(`Tgw${i}`, {
        transitGatewayId: `tgw-${i}123456789abcdef0`,
        allowedPrefixes: [`10.${i}.0.0/16`],
      });
    }
    expect(() =>
      transit.associateTransitGateway("Tgw6", {
        transitGatewayId: "tgw-6123456789abcdef0",
        allowedPrefixes: ["10.6.0.0/16"],
      }),
    ).toThrow(
      /would have 7 transit gateway associations \(across the app\); a Direct Connect gateway has at most 6/,
    );
    const priv = new DirectConnectGateway(stack, "P");
    for (let i = 0; i < 20; i++) {
      priv.associateVirtualPrivateGateway(`Vgw${i}`, {
        virtualGatewayId: `vgw-${String(i).padStart(2, "0")}23456789abcdef0`,
      });
    }
    expect(() =>
      priv.associateVirtualPrivateGateway("Vgw20", { virtualGatewayId: "vgw-2023456789abcdef0" }),
    ).toThrow(
      /would have 21 virtual private gateway associations \(across the app\); a Direct Connect gateway has at most 20/,
    );
  });
});
