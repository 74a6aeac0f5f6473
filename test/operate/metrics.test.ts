import { Duration, Stack } from "aws-cdk-lib";
import { Match } from "aws-cdk-lib/assertions";
import { Alarm, Metric } from "aws-cdk-lib/aws-cloudwatch";
import {
  ConnectionBandwidth,
  DirectConnectGateway,
  HighResiliency,
  MaximumResiliencyConnections,
  ResilientConnections,
  VirtualInterface,
  VpnBackup,
} from "../../src";
import { newStack, templateOf } from "../support/synth";

// Issue 11, point 3: metric methods on the constructs, as the L2s of aws-cdk-lib have them
// (`metricXxx(props?: MetricOptions): Metric`). Names, statistics and dimensions from the AWS user guides:
// https://docs.aws.amazon.com/directconnect/latest/UserGuide/monitoring-cloudwatch.html and
// https://docs.aws.amazon.com/vpn/latest/s2svpn/monitoring-cloudwatch-vpn.html

/** A metric as CloudFormation will see it: namespace, name, resolved dimensions, statistic, period. */
function shape(stack: Stack, metric: Metric) {
  return {
    namespace: metric.namespace,
    metricName: metric.metricName,
    dimensions: stack.resolve(metric.dimensions),
    statistic: metric.statistic,
    periodSeconds: metric.period.toSeconds(),
  };
}

/** High Resiliency of 2 x 10 Gbps per slot, a transit interface, a VPN backup of one customer gateway. */
function construct(stack = newStack()) {
  const gateway = new DirectConnectGateway(stack, "Gateway");
  const dx = new HighResiliency(stack, "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.gbps(20),
    virtualInterfaces: [VirtualInterface.transit({ name: "prod", gateway, vlan: 101, customerAsn: 65010 })],
    vpnBackup: VpnBackup.toTransitGateway({
      transitGatewayId: "tgw-0123456789abcdef0",
      customerGateways: [
        { name: "edge1", ipAddress: "203.0.113.10", bgpAsn: 65010 },
        { name: "edge2", ipAddress: "203.0.113.20", bgpAsn: 65010 },
      ],
    }),
  });
  return { stack, dx };
}

const LAG_ID = { "Fn::GetAtt": [Match.stringLikeRegexp("^DxEqDC2Slot1Lag"), "LagId"] };

describe("device slot: the metrics of its LAG (ConnectionId: the LAG's dxlag- id)", () => {
  test.each<[string, string, string]>([
    ["metricConnectionState", "ConnectionState", "Minimum"],
    ["metricConnectionBpsEgress", "ConnectionBpsEgress", "Average"],
    ["metricConnectionBpsIngress", "ConnectionBpsIngress", "Average"],
    ["metricConnectionPpsEgress", "ConnectionPpsEgress", "Average"],
    ["metricConnectionPpsIngress", "ConnectionPpsIngress", "Average"],
    ["metricConnectionErrorCount", "ConnectionErrorCount", "Sum"],
    ["metricConnectionEncryptionState", "ConnectionEncryptionState", "Minimum"],
  ])("%s: AWS/DX %s, %s over 5 minutes", (method, metricName, statistic) => {
    const { stack, dx } = construct();
    const slot = dx.slotsAt("EqDC2")[0];
    const metric = (slot as any)[method]() as Metric;
    expect(shape(stack, metric)).toEqual({
      namespace: "AWS/DX",
      metricName,
      dimensions: { ConnectionId: { "Fn::GetAtt": [stack.resolve(slot.lag!.logicalId), "LagId"] } },
      statistic,
      periodSeconds: 300,
    });
    expect(stack.resolve(slot.lag!.logicalId)).toMatch(/^DxEqDC2Slot1Lag/);
  });

  test("an alarm on a slot's metric reads the LAG's id, as the template has it", () => {
    const { stack, dx } = construct();
    new Alarm(stack, "LagDown", {
      metric: dx.slotsAt("EqDC2")[0].metricConnectionState(),
      threshold: 1,
      evaluationPeriods: 1,
    });
    templateOf(stack).hasResourceProperties("AWS::CloudWatch::Alarm", {
      Namespace: "AWS/DX",
      MetricName: "ConnectionState",
      Dimensions: [{ Name: "ConnectionId", Value: LAG_ID }],
    });
  });

  test("an existing connection (dxcon-) is the slot and its one port; an existing LAG (dxlag-) has no known port", () => {
    const stack = newStack();
    const dx = new ResilientConnections(stack, "Dx", {
      locations: [],
      existingSlots: [
        { location: "EqDC2", slotNumber: 1, connectionId: "dxcon-fg5678gh" },
        { location: "EqSE2", slotNumber: 1, connectionId: "dxlag-ffabc123" },
      ],
      bandwidth: ConnectionBandwidth.GBPS_10,
    });
    const [connection, lag] = dx.deviceSlots;
    expect(stack.resolve(connection.metricConnectionState().dimensions)).toEqual({
      ConnectionId: "dxcon-fg5678gh",
    });
    expect(connection.slotPorts.map((p) => [p.memberNumber, p.connectionId, p.connection])).toEqual([
      [1, "dxcon-fg5678gh", undefined],
    ]);
    expect(stack.resolve(lag.metricConnectionBpsEgress().dimensions)).toEqual({
      ConnectionId: "dxlag-ffabc123",
    });
    expect(lag.slotPorts).toEqual([]);
  });
});

describe("port: the metrics of one member port (ConnectionId: the port's dxcon- id)", () => {
  test.each<[string, string, string]>([
    ["metricConnectionState", "ConnectionState", "Minimum"],
    ["metricConnectionBpsEgress", "ConnectionBpsEgress", "Average"],
    ["metricConnectionBpsIngress", "ConnectionBpsIngress", "Average"],
    ["metricConnectionPpsEgress", "ConnectionPpsEgress", "Average"],
    ["metricConnectionPpsIngress", "ConnectionPpsIngress", "Average"],
    ["metricConnectionErrorCount", "ConnectionErrorCount", "Sum"],
    ["metricConnectionLightLevelTx", "ConnectionLightLevelTx", "Minimum"],
    ["metricConnectionLightLevelRx", "ConnectionLightLevelRx", "Minimum"],
    ["metricConnectionEncryptionState", "ConnectionEncryptionState", "Minimum"],
  ])("%s: AWS/DX %s, %s over 5 minutes", (method, metricName, statistic) => {
    const { stack, dx } = construct();
    const port = dx.slotsAt("EqSE2")[0].slotPorts[1];
    const metric = (port as any)[method]() as Metric;
    expect(shape(stack, metric)).toEqual({
      namespace: "AWS/DX",
      metricName,
      dimensions: {
        ConnectionId: { "Fn::GetAtt": [stack.resolve(port.connection!.logicalId), "ConnectionId"] },
      },
      statistic,
      periodSeconds: 300,
    });
    expect(stack.resolve(port.connection!.logicalId)).toMatch(/^DxEqSE2Slot1Port2/);
  });

  test("member ports come by member number, each with its port", () => {
    const { dx } = construct();
    const slot = dx.slotsAt("EqDC2")[0];
    expect(slot.slotPorts.map((p) => p.memberNumber)).toEqual([1, 2]);
    expect(slot.slotPorts.map((p) => p.connection)).toEqual(slot.ports);
  });
});

describe("virtual interface (ConnectionId: its LAG, VirtualInterfaceId: the interface)", () => {
  test.each<[string, string]>([
    ["metricVirtualInterfaceBpsEgress", "VirtualInterfaceBpsEgress"],
    ["metricVirtualInterfaceBpsIngress", "VirtualInterfaceBpsIngress"],
    ["metricVirtualInterfacePpsEgress", "VirtualInterfacePpsEgress"],
    ["metricVirtualInterfacePpsIngress", "VirtualInterfacePpsIngress"],
  ])("%s: AWS/DX %s, Average over 5 minutes", (method, metricName) => {
    const { stack, dx } = construct();
    const slot = dx.slotsAt("EqDC2")[0];
    const vif = slot.virtualInterfaces[0];
    const metric = (vif as any)[method]() as Metric;
    expect(shape(stack, metric)).toEqual({
      namespace: "AWS/DX",
      metricName,
      dimensions: {
        ConnectionId: { "Fn::GetAtt": [stack.resolve(slot.lag!.logicalId), "LagId"] },
        VirtualInterfaceId: { "Fn::GetAtt": [stack.resolve(vif.resource.logicalId), "VirtualInterfaceId"] },
      },
      statistic: "Average",
      periodSeconds: 300,
    });
  });

  test("on an existing circuit, ConnectionId is the circuit's id", () => {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gateway");
    const dx = new ResilientConnections(stack, "Dx", {
      locations: [{ location: "EqSE2" }],
      existingSlots: [{ location: "EqDC2", slotNumber: 1, connectionId: "dxlag-ffabc123" }],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [VirtualInterface.transit({ name: "prod", gateway, vlan: 101, customerAsn: 65010 })],
    });
    const vif = dx.slotsAt("EqDC2")[0].virtualInterfaces[0];
    expect(stack.resolve(vif.metricVirtualInterfaceBpsIngress().dimensions).ConnectionId).toBe(
      "dxlag-ffabc123",
    );
  });
});

describe("VPN connection (AWS/VPN, VpnId)", () => {
  test.each<[string, string, string]>([
    ["metricTunnelState", "TunnelState", "Minimum"],
    ["metricTunnelDataIn", "TunnelDataIn", "Sum"],
    ["metricTunnelDataOut", "TunnelDataOut", "Sum"],
  ])("%s: AWS/VPN %s, %s over 5 minutes", (method, metricName, statistic) => {
    const { stack, dx } = construct();
    const vpn = dx.vpnConnections[1];
    const metric = (vpn as any)[method]() as Metric;
    expect(shape(stack, metric)).toEqual({
      namespace: "AWS/VPN",
      metricName,
      dimensions: { VpnId: { Ref: stack.resolve(vpn.vpnConnection.logicalId) } },
      statistic,
      periodSeconds: 300,
    });
    expect(stack.resolve(vpn.vpnConnection.logicalId)).toMatch(/^DxVpnBackupedge2Connection/);
  });
});

describe("props override the defaults, as in aws-cdk-lib", () => {
  test("statistic, period and label", () => {
    const { stack, dx } = construct();
    const metric = dx.deviceSlots[0].slotPorts[0].metricConnectionLightLevelRx({
      statistic: "Average",
      period: Duration.minutes(1),
      label: "rx",
    });
    expect(shape(stack, metric)).toMatchObject({ statistic: "Average", periodSeconds: 60 });
    expect(metric.label).toBe("rx");
    expect(dx.vpnConnections[0].metricTunnelState({ statistic: "Maximum" }).statistic).toBe("Maximum");
    expect(dx.virtualInterfaces[0].metricVirtualInterfaceBpsEgress({ statistic: "p90" }).statistic).toBe(
      "p90",
    );
  });

  test("dimensionsMap replaces the dimensions (one optical lane of a port)", () => {
    const { stack, dx } = construct();
    const port = dx.deviceSlots[0].slotPorts[0];
    const lane = port.metricConnectionLightLevelRx({
      dimensionsMap: { ConnectionId: port.connectionId, OpticalLaneNumber: "1" },
    });
    expect(stack.resolve(lane.dimensions)).toEqual({
      ConnectionId: { "Fn::GetAtt": [stack.resolve(port.connection!.logicalId), "ConnectionId"] },
      OpticalLaneNumber: "1",
    });
  });

  test("metric(name) reads any metric of the namespace, with the same dimensions", () => {
    const { stack, dx } = construct();
    const slot = dx.deviceSlots[0];
    expect(shape(stack, slot.metric("ConnectionCRCErrorCount"))).toMatchObject({
      namespace: "AWS/DX",
      metricName: "ConnectionCRCErrorCount",
      statistic: "Average",
      periodSeconds: 300,
    });
    expect(
      dx.virtualInterfaces[0]
        .metric("VirtualInterfaceBpsEgress", { period: Duration.minutes(1) })
        .period.toMinutes(),
    ).toBe(1);
  });

  test("in a stack with an environment, the metrics carry its account and Region", () => {
    const stack = new Stack(newStack().node.root, "Env", {
      env: { account: "123456789012", region: "eu-west-1" },
    });
    const { dx } = construct(stack);
    const metric = dx.deviceSlots[0].metricConnectionState();
    expect([metric.account, metric.region]).toEqual(["123456789012", "eu-west-1"]);
    expect(dx.deviceSlots[0].metricConnectionState({ region: "us-east-1" }).region).toBe("us-east-1");
  });
});

test("the monitoring reads the same metrics as the methods (one definition of each)", () => {
  const stack = newStack();
  const dx = new MaximumResiliencyConnections(stack, "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.GBPS_10,
    monitoring: { dashboard: false },
  });
  const port = dx.deviceSlots[0].slotPorts[0];
  const down = dx.monitoring!.alarms[0] as Alarm;
  expect(stack.resolve((down.metric as Metric).dimensions)).toEqual(
    stack.resolve(port.metricConnectionState().dimensions),
  );
  expect((down.metric as Metric).metricName).toBe(port.metricConnectionState().metricName);
});
