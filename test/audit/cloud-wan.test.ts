import { Stack } from "aws-cdk-lib";
import { CfnDirectConnectGateway, CfnTransitVirtualInterface } from "aws-cdk-lib/aws-directconnect";
import { CfnDirectConnectGatewayAttachment } from "aws-cdk-lib/aws-networkmanager";
import { MAXIMUM, rawLayout } from "./raw";
import { DirectConnectAudit, DirectConnectGateway } from "../../src";
import { analyseFailures } from "../../src/analyse/failures";
import { newApp } from "../support/synth";

// The audit reads Cloud WAN attachments (AWS::NetworkManager::DirectConnectGatewayAttachment) next to raw
// Direct Connect resources: the core network is a gateway target behind the Direct Connect gateway the
// attachment names, as in the constructs' analysis.

const CORE = "core-network-0123456789abcdef0";
const GATEWAY_ID = "5f294f92-bafb-4011-916d-9b0b0bcdef12";

describe("a raw Maximum layout (4 LAGs, a transit VIF each) whose gateway is attached to a core network", () => {
  test("the attachment names the gateway by its Ref (its ARN): 4 BGP sessions reach the core network", () => {
    const app = newApp();
    const stack = new Stack(app, "Dx");
    const gateway = new CfnDirectConnectGateway(stack, "Gateway", {
      directConnectGatewayName: "dx-wan",
      amazonSideAsn: "64512",
    });
    rawLayout(stack, { slots: MAXIMUM, gateway });
    new CfnDirectConnectGatewayAttachment(stack, "CloudWan", {
      coreNetworkId: CORE,
      directConnectGatewayArn: gateway.ref,
      edgeLocations: ["us-east-1"],
      routingPolicyLabel: "onprem",
    });
    const [topology] = DirectConnectAudit.topologies(app);
    expect(topology.coreNetworkAttachments).toEqual([
      {
        directConnectGatewayId: "Gateway",
        coreNetworkId: CORE,
        edgeLocations: ["us-east-1"],
        routingPolicyLabel: "onprem",
      },
    ]);
    const baseline = analyseFailures(topology, { maxFailures: 1 }).baseline;
    expect(baseline.paths.filter((p) => p.target === CORE).map((p) => p.bgpSessions)).toEqual([4]);
  });

  test("an imported gateway's ARN (joined from the partition and account) names the id the interfaces use", () => {
    const app = newApp();
    const stack = new Stack(app, "Dx");
    const layout = rawLayout(stack, { slots: MAXIMUM, gateway: undefined });
    // the interfaces name the gateway by its literal id; the attachment by the ARN attachToCoreNetwork builds
    for (const vif of layout.vifs) (vif as CfnTransitVirtualInterface).directConnectGatewayId = GATEWAY_ID;
    DirectConnectGateway.fromGatewayId(stack, "Imported", GATEWAY_ID).attachToCoreNetwork("CloudWan", {
      coreNetworkId: CORE,
      edgeLocations: ["us-east-1", "eu-west-1"],
    });
    const [topology] = DirectConnectAudit.topologies(app);
    expect(topology.coreNetworkAttachments).toEqual([
      { directConnectGatewayId: GATEWAY_ID, coreNetworkId: CORE, edgeLocations: ["us-east-1", "eu-west-1"] },
    ]);
  });

  test("without an attachment, the topology has none", () => {
    const app = newApp();
    rawLayout(new Stack(app, "Dx"), { slots: MAXIMUM });
    const [topology] = DirectConnectAudit.topologies(app);
    expect(topology.coreNetworkAttachments).toBeUndefined();
  });
});
