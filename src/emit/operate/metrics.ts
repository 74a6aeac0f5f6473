import { Duration } from "aws-cdk-lib";
import { IMetric, MathExpression, Metric, MetricOptions } from "aws-cdk-lib/aws-cloudwatch";

/**
 * The CloudWatch metrics of Direct Connect and Site-to-Site VPN this library reads. AWS/DX publishes
 * per connection (`ConnectionId`) and per virtual interface (`ConnectionId` + `VirtualInterfaceId`);
 * AWS/VPN per VPN connection (`VpnId`). Metric names and dimensions:
 * https://docs.aws.amazon.com/directconnect/latest/UserGuide/monitoring-cloudwatch.html and
 * https://docs.aws.amazon.com/vpn/latest/s2svpn/monitoring-cloudwatch-vpn.html
 */
export const DX_NAMESPACE = "AWS/DX";
export const VPN_NAMESPACE = "AWS/VPN";

/** The default statistic of each connection metric. */
const STATISTIC: Record<string, string> = {
  ConnectionState: "Minimum",
  ConnectionBpsEgress: "Average",
  ConnectionBpsIngress: "Average",
  ConnectionErrorCount: "Sum",
  ConnectionLightLevelTx: "Minimum",
  ConnectionLightLevelRx: "Minimum",
  ConnectionEncryptionState: "Minimum",
  VirtualInterfaceBpsEgress: "Average",
  VirtualInterfaceBpsIngress: "Average",
  TunnelState: "Minimum",
};

/** A metric of one connection (`ConnectionId`: a `dxcon-` id). */
export function connectionMetric(connectionId: string, name: string, props?: MetricOptions): Metric {
  return new Metric({
    namespace: DX_NAMESPACE,
    metricName: name,
    dimensionsMap: { ConnectionId: connectionId },
    statistic: STATISTIC[name] ?? "Average",
    period: Duration.minutes(5),
    ...props,
  });
}

/** A metric of one virtual interface on its connection or LAG. */
export function virtualInterfaceMetric(
  connectionId: string,
  virtualInterfaceId: string,
  name: string,
  props?: MetricOptions,
): Metric {
  return new Metric({
    namespace: DX_NAMESPACE,
    metricName: name,
    dimensionsMap: { ConnectionId: connectionId, VirtualInterfaceId: virtualInterfaceId },
    statistic: STATISTIC[name] ?? "Average",
    period: Duration.minutes(5),
    ...props,
  });
}

/** `TunnelState` of a VPN connection (its tunnels together: Minimum is 0 when one is down). */
export function tunnelStateMetric(vpnId: string, props?: MetricOptions): Metric {
  return new Metric({
    namespace: VPN_NAMESPACE,
    metricName: "TunnelState",
    dimensionsMap: { VpnId: vpnId },
    statistic: "Minimum",
    period: Duration.minutes(5),
    ...props,
  });
}

/**
 * The sum of metrics (missing datapoints as 0), as one metric: `FILL(m1,0) + FILL(m2,0) + ...`. A
 * single metric is returned as it is.
 */
export function sumOf(metrics: ReadonlyArray<IMetric>, label: string, props?: MetricOptions): IMetric {
  if (metrics.length === 1 && props === undefined) return metrics[0];
  const usingMetrics = Object.fromEntries(metrics.map((m, i) => [`m${i + 1}`, m]));
  return new MathExpression({
    expression: metrics.map((_, i) => `FILL(m${i + 1}, 0)`).join(" + ") || "0",
    usingMetrics,
    label,
    period: props?.period ?? Duration.minutes(5),
  });
}
