import { Duration } from "aws-cdk-lib";
import { IMetric, MathExpression, Metric, MetricOptions } from "aws-cdk-lib/aws-cloudwatch";
import { IConstruct } from "constructs";

/**
 * The CloudWatch metrics of Direct Connect and Site-to-Site VPN this library reads. AWS/DX publishes
 * per connection or LAG (`ConnectionId`) and per virtual interface (`ConnectionId` + `VirtualInterfaceId`);
 * AWS/VPN per VPN connection (`VpnId`). Metric names, statistics and dimensions:
 * https://docs.aws.amazon.com/directconnect/latest/UserGuide/monitoring-cloudwatch.html and
 * https://docs.aws.amazon.com/vpn/latest/s2svpn/monitoring-cloudwatch-vpn.html
 */
export const DX_NAMESPACE = "AWS/DX";
export const VPN_NAMESPACE = "AWS/VPN";

/** The period of every metric unless the caller gives one: CloudWatch's default for Direct Connect. */
export const DEFAULT_PERIOD = Duration.minutes(5);

/**
 * The default statistic of each metric. States and light levels take the Minimum (a moment down in the
 * period shows), rates the Average (the user guide reports them as averages), counts the Sum (the user
 * guide asks for it: each datapoint counts since the previous one).
 */
const STATISTIC: Record<string, string> = {
  ConnectionState: "Minimum",
  ConnectionBpsEgress: "Average",
  ConnectionBpsIngress: "Average",
  ConnectionPpsEgress: "Average",
  ConnectionPpsIngress: "Average",
  ConnectionErrorCount: "Sum",
  ConnectionLightLevelTx: "Minimum",
  ConnectionLightLevelRx: "Minimum",
  ConnectionEncryptionState: "Minimum",
  VirtualInterfaceBpsEgress: "Average",
  VirtualInterfaceBpsIngress: "Average",
  VirtualInterfacePpsEgress: "Average",
  VirtualInterfacePpsIngress: "Average",
  TunnelState: "Minimum",
  TunnelDataIn: "Sum",
  TunnelDataOut: "Sum",
};

/**
 * A metric of `namespace` with `dimensionsMap`, its default statistic (Average for a name not listed) and
 * period of 5 minutes, attached to `scope` (its stack's account and Region when the stack has them);
 * `props` override any of it, `dimensionsMap` as a whole, as the metrics of aws-cdk-lib do.
 */
function metricOf(
  scope: IConstruct,
  namespace: string,
  dimensionsMap: Record<string, string>,
  metricName: string,
  props?: MetricOptions,
): Metric {
  const metric = new Metric({
    namespace,
    metricName,
    dimensionsMap,
    statistic: STATISTIC[metricName] ?? "Average",
    period: DEFAULT_PERIOD,
  }).attachTo(scope);
  return props === undefined ? metric : metric.with(props);
}

/** A metric of one connection or LAG (`ConnectionId`: a `dxcon-` or `dxlag-` id). */
export function connectionMetric(
  scope: IConstruct,
  connectionId: string,
  metricName: string,
  props?: MetricOptions,
): Metric {
  return metricOf(scope, DX_NAMESPACE, { ConnectionId: connectionId }, metricName, props);
}

/** A metric of one virtual interface on its connection or LAG. */
export function virtualInterfaceMetric(
  scope: IConstruct,
  connectionId: string,
  virtualInterfaceId: string,
  metricName: string,
  props?: MetricOptions,
): Metric {
  return metricOf(
    scope,
    DX_NAMESPACE,
    { ConnectionId: connectionId, VirtualInterfaceId: virtualInterfaceId },
    metricName,
    props,
  );
}

/** A metric of one VPN connection (its tunnels together). */
export function vpnMetric(
  scope: IConstruct,
  vpnId: string,
  metricName: string,
  props?: MetricOptions,
): Metric {
  return metricOf(scope, VPN_NAMESPACE, { VpnId: vpnId }, metricName, props);
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
    period: props?.period ?? DEFAULT_PERIOD,
  });
}
