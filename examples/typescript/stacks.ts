import { App, CfnOutput, SecretValue, Stack } from "aws-cdk-lib";
import {
  ConnectionBandwidth,
  DevTest,
  DirectConnectAudit,
  DirectConnectGateway,
  FailoverDrill,
  HighResiliency,
  MaximumResiliencyConnections,
  ResilientConnections,
  VirtualInterface,
  VpnBackup,
} from "../../src";

/** Why the example's new two-port LAGs have no minimum links yet (the audit rule `minimumLinksZero`). */
const MINIMUM_LINKS_LATER =
  "new LAGs: CloudFormation cannot set MinimumLinks on create; minimumLinks: 2 comes with the next deploy";

/**
 * The example stacks: one per Resiliency Toolkit model. The Python example (examples/python) builds
 * the same stacks.
 */
export function buildExampleStacks(app: App): ResilientConnections[] {
  // Production: 99.99% across two locations, 10 Gbps per path, a transit virtual interface on every
  // path to a Direct Connect gateway associated with the production transit gateway, and a
  // Site-to-Site VPN from two customer gateway devices to the same transit gateway as a backup.
  // Monitored (alarms to a new SNS topic, a dashboard), with a failover drill over its interfaces.
  const production = new Stack(app, "DxProduction");
  const gateway = new DirectConnectGateway(production, "Gateway", { amazonSideAsn: 64512 });
  gateway.associateTransitGateway("ProductionTgw", {
    transitGatewayId: "tgw-0123456789abcdef0",
    allowedPrefixes: ["10.0.0.0/16", "10.1.0.0/16"],
  });
  const maximum = new MaximumResiliencyConnections(production, "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.GBPS_10,
    virtualInterfaces: [
      VirtualInterface.transit({
        name: "prod",
        gateway,
        vlan: 101,
        customerAsn: 65010,
        authKey: SecretValue.secretsManager("dx/bgp-auth-key"),
      }),
    ],
    vpnBackup: VpnBackup.toTransitGateway({
      transitGatewayId: "tgw-0123456789abcdef0",
      customerGateways: [
        { name: "edge1", ipAddress: "203.0.113.10", bgpAsn: 65010 },
        { name: "edge2", ipAddress: "203.0.113.20", bgpAsn: 65010 },
      ],
      onPremisesPrefixes: ["192.168.0.0/16"],
      advertisedPrefixes: ["192.168.0.0/16"],
    }),
    monitoring: {},
  });
  // An AWS FIS experiment template that tests the four transit interfaces one at a time, each only
  // while the traffic fits what the worst covered failure leaves (the headroom alarms OK, which also
  // stop the experiment). Start it with `aws fis start-experiment --experiment-template-id <DrillTemplate>`.
  const drill = new FailoverDrill(production, "Drill", {
    connections: [maximum],
    alarms: maximum.monitoring!.headroomAlarms,
  });
  new CfnOutput(production, "DrillTemplate", { value: drill.experimentTemplates[0].attrId });

  // A branch region: 99.9%, one 20 Gbps path (a LAG of 2 x 10 Gbps) in each of two locations.
  const branch = new Stack(app, "DxBranch");
  const high = new HighResiliency(branch, "Dx", {
    locations: ["EqCH2", "EqDA2"],
    bandwidth: ConnectionBandwidth.gbps(20),
  });
  // CloudFormation cannot set MinimumLinks when it first creates a LAG: the audit's warning about its
  // two-port LAGs is acknowledged until a later deploy gives `minimumLinks: 2`.
  DirectConnectAudit.acknowledge(high, "minimumLinksZero", MINIMUM_LINKS_LATER);

  // A lab: separate devices in one location, no SLA.
  const lab = new Stack(app, "DxLab");
  const devTest = new DevTest(lab, "Lab", { location: "EqDC2", bandwidth: ConnectionBandwidth.GBPS_1 });

  return [maximum, high, devTest];
}
