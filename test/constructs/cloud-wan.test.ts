import { CfnParameter, Token } from "aws-cdk-lib";
import {
  ConnectionBandwidth,
  CoreNetworkAttachment,
  DirectConnectGateway,
  HighResiliency,
  IDirectConnectGateway,
  MaximumResiliencyConnections,
  PathVia,
} from "../../src";
import { templateChanges } from "../../src/plan/replacement";
import { GATEWAY_ID, TGW, VGW, privateOn, transitOn } from "../support/gateways";
import { mermaidBlocks, parseMermaid } from "../support/mermaid";
import { ruleIdsOf } from "../support/rule-ids";
import { newStack, templateOf } from "../support/synth";

// Cloud WAN (issue 18, point 3): a Direct Connect gateway attached to a core network
// (AWS::NetworkManager::DirectConnectGatewayAttachment). The rules are those of the Cloud WAN user guide,
// "Direct Connect gateway attachments in AWS Cloud WAN"
// (https://docs.aws.amazon.com/network-manager/latest/cloudwan/cloudwan-dxattach-about.html), and of the
// resource's CloudFormation schema.

const ATTACHMENT = "AWS::NetworkManager::DirectConnectGatewayAttachment";
const CORE = "core-network-0123456789abcdef0";
const OTHER_CORE = "core-network-0fedcba987654321f";

describe("attachToCoreNetwork", () => {
  test("a created gateway: the attachment names the gateway by its ARN (its Ref), with every option", () => {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gw", { amazonSideAsn: 64512 });
    const attachment = gateway.attachToCoreNetwork("CloudWan", {
      coreNetworkId: CORE,
      edgeLocations: ["us-east-1", "eu-west-1"],
      routingPolicyLabel: "onprem",
      tags: { team: "network", env: "prod" },
    });
    const resources = templateOf(stack).findResources(ATTACHMENT);
    expect(Object.keys(resources)).toEqual([stack.getLogicalId(attachment.resource)]);
    // the logical ID derives from the ids given: gateway, then attachment
    expect(stack.getLogicalId(attachment.resource)).toMatch(/^GwCloudWan[0-9A-F]{8}$/);
    expect(Object.values(resources)[0].Properties).toEqual({
      CoreNetworkId: CORE,
      DirectConnectGatewayArn: { Ref: stack.getLogicalId(gateway.resource) },
      EdgeLocations: ["us-east-1", "eu-west-1"],
      RoutingPolicyLabel: "onprem",
      // sorted by key: reordering the tags changes nothing
      Tags: [
        { Key: "env", Value: "prod" },
        { Key: "team", Value: "network" },
      ],
    });
    expect(attachment).toBeInstanceOf(CoreNetworkAttachment);
    expect(attachment.coreNetworkId).toBe(CORE);
    expect(attachment.edgeLocations).toEqual(["us-east-1", "eu-west-1"]);
    expect(attachment.routingPolicyLabel).toBe("onprem");
    expect(stack.resolve(attachment.attachmentId)).toEqual({
      "Fn::GetAtt": [stack.getLogicalId(attachment.resource), "AttachmentId"],
    });
  });

  test.each([
    [
      "fromGatewayId",
      (s: ReturnType<typeof newStack>) => DirectConnectGateway.fromGatewayId(s, "Gw", GATEWAY_ID),
    ],
    [
      "fromGatewayAttributes",
      (s: ReturnType<typeof newStack>) =>
        DirectConnectGateway.fromGatewayAttributes(s, "Gw", { gatewayId: GATEWAY_ID, amazonSideAsn: 64513 }),
    ],
  ])("an imported gateway (%s): its ARN in this stack's account, no Region", (_, importGateway) => {
    const stack = newStack();
    const attachment = importGateway(stack).attachToCoreNetwork("CloudWan", {
      coreNetworkId: CORE,
      edgeLocations: ["us-east-1"],
    });
    expect(stack.resolve(attachment.resource.directConnectGatewayArn)).toEqual({
      "Fn::Join": [
        "",
        [
          "arn:",
          { Ref: "AWS::Partition" },
          ":directconnect::",
          { Ref: "AWS::AccountId" },
          `:dx-gateway/${GATEWAY_ID}`,
        ],
      ],
    });
    templateOf(stack).hasResourceProperties(ATTACHMENT, {
      CoreNetworkId: CORE,
      EdgeLocations: ["us-east-1"],
    });
    const properties = Object.values(templateOf(stack).findResources(ATTACHMENT))[0].Properties;
    expect(properties.RoutingPolicyLabel).toBeUndefined();
    expect(properties.Tags).toBeUndefined();
  });

  test("deploy-time values pass unchecked into the template", () => {
    const stack = newStack();
    const core = new CfnParameter(stack, "Core").valueAsString;
    const region = new CfnParameter(stack, "Region").valueAsString;
    const label = new CfnParameter(stack, "Label").valueAsString;
    const attachment = new DirectConnectGateway(stack, "Gw").attachToCoreNetwork("CloudWan", {
      coreNetworkId: core,
      edgeLocations: [region],
      routingPolicyLabel: label,
    });
    expect(Token.isUnresolved(attachment.coreNetworkId)).toBe(true);
    templateOf(stack).hasResourceProperties(ATTACHMENT, {
      CoreNetworkId: { Ref: "Core" },
      EdgeLocations: [{ Ref: "Region" }],
      RoutingPolicyLabel: { Ref: "Label" },
    });
  });
});

describe("attachToCoreNetwork validation", () => {
  const attach = (options: Record<string, unknown>) => () =>
    new DirectConnectGateway(newStack(), "Gw").attachToCoreNetwork("CloudWan", {
      coreNetworkId: CORE,
      edgeLocations: ["us-east-1"],
      ...options,
    });

  test.each([
    "core-network-0123",
    "core-network-0123456789ABCDEF0",
    "cn-0123456789abcdef0",
    "core-network-0123456789abcdef01",
  ])("coreNetworkId %p is refused (core-network- and 8 to 17 lower-case hex digits)", (coreNetworkId) => {
    expect(attach({ coreNetworkId })).toThrow(
      `\`coreNetworkId\` "${coreNetworkId}" is not allowed: core-network- and 8 to 17 lower-case hex digits`,
    );
    expect(ruleIdsOf(attach({ coreNetworkId }))).toEqual(["coreNetworkIdFormat"]);
  });

  test.each(["core-network-01234567", "core-network-0123456789abcdef0"])(
    "coreNetworkId %p is allowed",
    (id) => {
      expect(attach({ coreNetworkId: id })).not.toThrow();
    },
  );

  test("edgeLocations empty is refused", () => {
    expect(attach({ edgeLocations: [] })).toThrow("`edgeLocations` is empty");
    expect(ruleIdsOf(attach({ edgeLocations: [] }))).toEqual(["edgeLocationsFormat"]);
  });

  test.each(["US-EAST-1", "us-east", "EqDC2", ""])(
    "an edge location %p is refused: not a Region code",
    (location) => {
      expect(attach({ edgeLocations: ["us-east-1", location] })).toThrow(
        `\`edgeLocations\`: "${location}" is not allowed: a Region code of a core network edge`,
      );
      expect(ruleIdsOf(attach({ edgeLocations: [location] }))).toEqual(["edgeLocationsFormat"]);
    },
  );

  test.each(["us-east-1", "ap-southeast-5", "us-gov-west-1", "eusc-de-east-1"])(
    "edge location %p is allowed",
    (l) => {
      expect(attach({ edgeLocations: [l] })).not.toThrow();
    },
  );

  test("a routing policy label of 257 characters is refused; 256 pass", () => {
    expect(attach({ routingPolicyLabel: "x".repeat(256) })).not.toThrow();
    expect(ruleIdsOf(attach({ routingPolicyLabel: "x".repeat(257) }))).toEqual(["routingPolicyLabelFormat"]);
  });

  test("a tag key starting with aws: and a value of 257 characters are refused", () => {
    expect(ruleIdsOf(attach({ tags: { "aws:team": "x", ok: "y".repeat(257) } }))).toEqual([
      "tagKey",
      "tagValue",
    ]);
  });

  test("edgeLocations that is not a list is refused by its type", () => {
    expect(attach({ edgeLocations: "us-east-1" })).toThrow(/`edgeLocations`/);
  });
});

describe("what a gateway attached to a core network may carry (Cloud WAN user guide)", () => {
  const attach = (gateway: IDirectConnectGateway, coreNetworkId = CORE, id = "CloudWan") =>
    gateway.attachToCoreNetwork(id, { coreNetworkId, edgeLocations: ["us-east-1"] });

  test("transit virtual interfaces go on it, in either order", () => {
    const stack = newStack();
    const before = new DirectConnectGateway(stack, "A");
    attach(before);
    new HighResiliency(stack, "Dx1", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [transitOn(before)],
    });
    const after = new DirectConnectGateway(stack, "B");
    new HighResiliency(stack, "Dx2", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [transitOn(after, 102)],
    });
    expect(() => attach(after)).not.toThrow();
    templateOf(stack).resourceCountIs(ATTACHMENT, 2);
  });

  test("a transit gateway association is refused on it, and it is refused on a gateway with one", () => {
    const stack = newStack();
    const a = new DirectConnectGateway(stack, "A");
    attach(a);
    const associate = () =>
      a.associateTransitGateway("Tgw", { transitGatewayId: TGW, allowedPrefixes: ["10.0.0.0/16"] });
    expect(associate).toThrow(
      "`transitGatewayId`: a transit gateway association cannot go on the Direct Connect gateway TestStack/A: it is " +
        `attached to Cloud WAN core network ${CORE}`,
    );
    expect(ruleIdsOf(associate)).toEqual(["coreNetworkGatewayExclusive"]);
    const b = new DirectConnectGateway(stack, "B");
    b.associateTransitGateway("Tgw", { transitGatewayId: TGW, allowedPrefixes: ["10.0.0.0/16"] });
    expect(() => attach(b)).toThrow(
      `\`coreNetworkId\` ${CORE}: the Direct Connect gateway TestStack/B already has a transit gateway association.`,
    );
    expect(ruleIdsOf(() => attach(b, CORE, "Again"))).toEqual(["coreNetworkGatewayExclusive"]);
  });

  test("a virtual private gateway association is refused on it, in either order", () => {
    const stack = newStack();
    const a = new DirectConnectGateway(stack, "A");
    attach(a);
    expect(ruleIdsOf(() => a.associateVirtualPrivateGateway("Vgw", { virtualGatewayId: VGW }))).toEqual([
      "coreNetworkGatewayExclusive",
    ]);
    const b = new DirectConnectGateway(stack, "B");
    b.associateVirtualPrivateGateway("Vgw", { virtualGatewayId: VGW });
    expect(ruleIdsOf(() => attach(b))).toEqual(["coreNetworkGatewayExclusive"]);
  });

  test("private virtual interfaces are refused on it, in either order", () => {
    const stack = newStack();
    const a = new DirectConnectGateway(stack, "A");
    attach(a);
    const privateOnA = () =>
      new HighResiliency(stack, "Dx1", {
        locations: ["EqDC2", "EqSE2"],
        bandwidth: ConnectionBandwidth.GBPS_10,
        virtualInterfaces: [privateOn(a)],
      });
    expect(privateOnA).toThrow(
      "`gateway`: a private virtual interface cannot go on the Direct Connect gateway TestStack/A: it is attached to " +
        `Cloud WAN core network ${CORE}`,
    );
    const b = new DirectConnectGateway(stack, "B");
    new HighResiliency(stack, "Dx2", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [privateOn(b, 102)],
    });
    expect(ruleIdsOf(() => attach(b))).toEqual(["coreNetworkGatewayExclusive"]);
  });

  test("a second core network attachment is refused, of the same or another core network", () => {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "A");
    attach(gateway);
    expect(() => attach(gateway, OTHER_CORE, "Other")).toThrow(
      `\`coreNetworkId\` ${OTHER_CORE}: the Direct Connect gateway TestStack/A is already attached to core network ${CORE}; ` +
        "only one core network can be associated with a Direct Connect gateway.",
    );
    expect(ruleIdsOf(() => attach(gateway, CORE, "Same"))).toEqual(["coreNetworksPerGateway"]);
  });

  test("two imports of one gateway id are one gateway: the second attachment is refused", () => {
    const stack = newStack();
    attach(DirectConnectGateway.fromGatewayId(stack, "One", GATEWAY_ID));
    const again = DirectConnectGateway.fromGatewayId(newStack("Other"), "Two", GATEWAY_ID);
    // another app: its own gateway usage, so nothing is refused there
    expect(() => attach(again)).not.toThrow();
    const sameApp = DirectConnectGateway.fromGatewayId(stack, "Three", GATEWAY_ID);
    expect(ruleIdsOf(() => attach(sameApp, OTHER_CORE, "Second"))).toEqual(["coreNetworksPerGateway"]);
  });
});

describe("the analysis, the report and the picture show the core network", () => {
  function build(attachBefore: boolean) {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gw", { amazonSideAsn: 64512 });
    const attach = () =>
      gateway.attachToCoreNetwork("CloudWan", {
        coreNetworkId: CORE,
        edgeLocations: ["us-east-1", "eu-west-1"],
        routingPolicyLabel: "onprem",
      });
    if (attachBefore) attach();
    const dx = new MaximumResiliencyConnections(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [transitOn(gateway)],
    });
    // made after the construct: the construct reads its gateways' attachments when asked
    if (!attachBefore) attach();
    return { stack, gateway, dx };
  }

  test.each([true, false])(
    "attached before the construct: %p - the topology has the attachment",
    (before) => {
      const { stack, gateway, dx } = build(before);
      const attachments = dx.topology.coreNetworkAttachments!;
      expect(attachments).toHaveLength(1);
      expect(stack.resolve(attachments[0].directConnectGatewayId)).toEqual(stack.resolve(gateway.gatewayId));
      expect(attachments[0]).toMatchObject({
        coreNetworkId: CORE,
        edgeLocations: ["us-east-1", "eu-west-1"],
        routingPolicyLabel: "onprem",
      });
    },
  );

  test("a path to the core network: 4 slots x 1 transit interface = 4 BGP sessions, 2 after a location", () => {
    const { dx } = build(false);
    const analysis = dx.failureAnalysis(1);
    const core = (paths: ReadonlyArray<{ target: string }>) => paths.find((p) => p.target === CORE);
    expect(core(analysis.baseline.paths)).toEqual({
      target: CORE,
      via: PathVia.DIRECT_CONNECT,
      bgpSessions: 4,
    });
    const location = analysis.scenarios().find((s) => s.failures[0].id === "EqDC2")!;
    expect(core(location.paths)).toEqual({ target: CORE, via: PathVia.DIRECT_CONNECT, bgpSessions: 2 });
  });

  test("the report names the core network, its edge locations and label, and the picture draws it", () => {
    const { dx } = build(false);
    const report = dx.report();
    expect(report).toContain(
      "- Direct Connect gateway TestStack/Gw is attached to Cloud WAN core network " +
        `${CORE}: edge locations us-east-1, eu-west-1, routing policy label \`onprem\`.`,
    );
    const picture = /```mermaid\n([\s\S]*?)\n```/.exec(report)![1];
    const node = `cn_core_2dnetwork_2d0123456789abcdef0`;
    expect(picture).toContain(`  ${node}[["Cloud WAN core network ${CORE}"]]`);
    expect(picture).toContain(
      `  gw1 ===|"attachment, edges us-east-1, eu-west-1<br/>routing policy label onprem"| ${node}`,
    );
    expect(parseMermaid(mermaidBlocks(report))).toEqual([
      expect.not.objectContaining({ error: expect.anything() }),
    ]);
    // the single-failure table names the core network's paths
    expect(report).toContain(`Cloud WAN core network ${CORE}: `);
  });

  test("without an attachment the report says nothing of Cloud WAN", () => {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gw");
    const dx = new HighResiliency(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [transitOn(gateway)],
    });
    expect(dx.topology.coreNetworkAttachments).toBeUndefined();
    expect(dx.report()).not.toContain("core network");
  });
});

describe("what a change of the attachment replaces (create-only: CoreNetworkId, DirectConnectGatewayArn)", () => {
  function resources(coreNetworkId: string, edgeLocations: string[], amazonSideAsn = 64512) {
    const stack = newStack();
    new DirectConnectGateway(stack, "Gw", { amazonSideAsn }).attachToCoreNetwork("CloudWan", {
      coreNetworkId,
      edgeLocations,
    });
    return templateOf(stack).toJSON().Resources;
  }
  const changes = (before: Record<string, any>, after: Record<string, any>) =>
    templateChanges(before, after).map((c) => `${c.change} ${c.type}`);

  test("another core network replaces the attachment; other edge locations update it", () => {
    const before = resources(CORE, ["us-east-1"]);
    expect(changes(before, resources(OTHER_CORE, ["us-east-1"]))).toEqual([`replaced ${ATTACHMENT}`]);
    expect(changes(before, resources(CORE, ["us-east-1", "eu-west-1"]))).toEqual([`updated ${ATTACHMENT}`]);
  });

  test("a replaced gateway (another Amazon-side ASN) replaces the attachment: its ARN is new", () => {
    expect(changes(resources(CORE, ["us-east-1"]), resources(CORE, ["us-east-1"], 64513)).sort()).toEqual(
      ["replaced AWS::DirectConnect::DirectConnectGateway", `replaced ${ATTACHMENT}`].sort(),
    );
  });
});
