import { Stack } from "aws-cdk-lib";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import {
  ConnectionBandwidth,
  DirectConnectGateway,
  MacSecKey,
  MaximumResiliencyConnections,
  RateLimit,
  VirtualInterface,
} from "../../src";
import { newStack, templateOf } from "../support/synth";

// Issue 18's "done when": one app with a rate limit, SiteLink, a Cloud WAN attachment and a MACsec key.
// Its template goes through cfn-lint with every other test template (test/support/synth.ts); here: the
// template has RateLimit, EnableSiteLink and the attachment, the report shows the rate-limited capacity and
// the core network, and the key association is a custom resource with no key material in the template.

const CORE = "core-network-0123456789abcdef0";
const SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:dx-key-AbCdEf";

function app() {
  const stack: Stack = newStack("Current2026");
  const gateway = new DirectConnectGateway(stack, "Gateway", { amazonSideAsn: 64512 });
  gateway.attachToCoreNetwork("CloudWan", { coreNetworkId: CORE, edgeLocations: ["us-east-1", "eu-west-1"] });
  const dx = new MaximumResiliencyConnections(stack, "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.GBPS_10,
    requestMacSec: true,
    macSecKey: MacSecKey.fromSecret(Secret.fromSecretCompleteArn(stack, "Key", SECRET)),
    virtualInterfaces: [
      VirtualInterface.transit({
        name: "wan",
        gateway,
        vlan: 101,
        customerAsn: 65010,
        rateLimit: RateLimit.gbps(5),
        enableSiteLink: true,
      }),
    ],
  });
  return { stack, dx, template: templateOf(stack) };
}

describe("an app with rateLimit, enableSiteLink, attachToCoreNetwork and macSecKey", () => {
  const { dx, template } = app();
  const json = JSON.stringify(template.toJSON());

  test("the template: RateLimit and EnableSiteLink on each of the 4 interfaces (2 locations x 2 slots), one attachment", () => {
    const vifs = Object.values(template.findResources("AWS::DirectConnect::TransitVirtualInterface"));
    expect(vifs.map((v) => [v.Properties.RateLimit, v.Properties.EnableSiteLink])).toEqual(
      Array(4).fill(["5Gbps", true]),
    );
    const attachments = Object.values(
      template.findResources("AWS::NetworkManager::DirectConnectGatewayAttachment"),
    );
    expect(attachments.map((a) => [a.Properties.CoreNetworkId, a.Properties.EdgeLocations])).toEqual([
      [CORE, ["us-east-1", "eu-west-1"]],
    ]);
  });

  test("the MACsec key: one custom resource per LAG (4), holding the secret's ARN and no key material", () => {
    const associations = Object.values(template.findResources("Custom::DirectConnectMacSecKey"));
    expect(associations).toHaveLength(4);
    for (const a of associations) {
      expect(Object.keys(a.Properties).sort()).toEqual([
        "ConnectionId",
        "KeySource",
        "SecretArn",
        "ServiceToken",
      ]);
      expect(a.Properties.SecretArn).toBe(SECRET);
    }
    // no dynamic reference that would hand the secret's value to CloudFormation
    expect(json).not.toContain("resolve:secretsmanager");
  });

  test("the analysis: each 10 Gbps slot carries min(10, 5) = 5 Gbps, 4 x 5 = 20 Gbps; the core network has 4 BGP sessions", () => {
    const baseline = dx.failureAnalysis().baseline;
    expect(baseline.survivingCapacityGbps).toBe(20);
    expect(baseline.paths.filter((p) => p.target === CORE).map((p) => p.bgpSessions)).toEqual([4]);
  });

  test("the report shows the rate-limited capacity, the SiteLink path and the core network", () => {
    const report = dx.report();
    expect(report).toContain("10 Gbps (rate-limited to 5 Gbps)");
    expect(report).toContain("rate limit 5 Gbps");
    expect(report).toContain("EqDC2 <-> EqSE2");
    expect(report).toContain(`Cloud WAN core network ${CORE}`);
  });
});
