import { Duration } from "aws-cdk-lib";
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  HorizontalAnnotation,
  IAlarm,
  IAlarmAction,
  IMetric,
  MathExpression,
  TextWidget,
  TextWidgetBackground,
  TreatMissingData,
} from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { Alias } from "aws-cdk-lib/aws-kms";
import { ITopic, Topic } from "aws-cdk-lib/aws-sns";
import { Construct } from "constructs";
import { sumOf } from "./metrics";
import { worstCoveredCapacity } from "../../analyse/sizing";
import { given, optionalBooleanOf } from "../../core/props";
import { RuleFinding } from "../../core/rule";
import { ConnectionTopology, TopologyDeviceSlot } from "../../core/topology";
import { checkErrorCountThreshold, checkEvaluationPeriods, checkLightLevel } from "../../rules/monitoring";
import type { IResilientConnections } from "../connections";
import type { SlotPort } from "../device-slot";
import { report } from "../findings";
import type { SlotVirtualInterface } from "../virtual-interface";
import type { VpnBackupConnection } from "../vpn-backup";

/**
 * Options of the monitoring of a resiliency construct.
 */
export interface MonitoringOptions {
  /**
   * What the alarms do when they go off (and back).
   *
   * @default - a new SNS topic (encrypted with the AWS managed key, HTTPS only), `topic` of the monitoring
   */
  readonly alarmActions?: IAlarmAction[];

  /**
   * How many consecutive one-minute periods a port must be down before its alarm goes off. The AWS user
   * guide's example alarm uses 5.
   *
   * @default 5
   */
  readonly evaluationPeriods?: number;

  /**
   * The lowest optical power (dBm) AWS may receive on a port before its light-level alarm goes off.
   *
   * @default - by port speed, the minimum average receive power of the optic AWS requires (IEEE 802.3):
   * 1000BASE-LX -19 dBm, 10GBASE-LR -14.4 dBm, 100GBASE-LR4 -10.6 dBm per lane; 400GBASE-LR4 is taken as
   * -10.6 dBm too. Set your optics' value.
   */
  readonly lightLevelMinimumDbm?: number;

  /**
   * MAC-level errors in five minutes on one port from which its error alarm goes off.
   *
   * @default 1
   */
  readonly errorCountThreshold?: number;

  /**
   * Create a CloudWatch dashboard with the construct's paths.
   *
   * @default true
   */
  readonly dashboard?: boolean;
}

/** IEEE 802.3 minimum average receive power by port speed (see `lightLevelMinimumDbm`). */
const RX_MINIMUM_DBM: Record<number, number> = { 1: -19, 10: -14.4, 100: -10.6, 400: -10.6 };

/**
 * Props of `DirectConnectMonitoring`.
 */
export interface DirectConnectMonitoringProps extends MonitoringOptions {
  /** The construct to monitor: its ports, device slots, virtual interfaces and VPN backup. */
  readonly connections: IResilientConnections;
}

/** One port to watch, with its metrics, and the slot it belongs to. */
interface MonitoredPort {
  readonly slot: TopologyDeviceSlot;
  readonly port: SlotPort;
}

/** What the monitoring reads from its construct: its ports, interfaces and VPN connections, with their metrics. */
interface MonitoredLayout {
  readonly title: string;
  readonly topology: ConnectionTopology;
  readonly ports: ReadonlyArray<MonitoredPort>;
  readonly virtualInterfaces: ReadonlyArray<SlotVirtualInterface>;
  readonly vpnConnections: ReadonlyArray<VpnBackupConnection>;
}

function layoutOf(c: IResilientConnections): MonitoredLayout {
  return {
    title: c.node.path,
    topology: c.topology,
    ports: c.deviceSlots.flatMap((slot) => slot.slotPorts.map((port) => ({ slot: slot.topology, port }))),
    virtualInterfaces: c.virtualInterfaces,
    vpnConnections: c.vpnConnections,
  };
}

/** The thresholds of the alarms, as the options give them (or their defaults). */
interface Thresholds {
  /** One-minute periods before a port or slot alarm. */
  readonly periods: number;
  /** The light level below which a port alarm goes off; undefined: by port speed. */
  readonly lightLevelDbm?: number;
  /** Errors in five minutes from which a port alarm goes off. */
  readonly errorCount: number;
  /** Whether to make a dashboard. */
  readonly dashboard: boolean;
}

/** The thresholds of the options, each checked by its rule (the findings into `out`). */
function thresholdsOf(options: MonitoringOptions, out: RuleFinding[]): Thresholds {
  const periods = given(options.evaluationPeriods) ? options.evaluationPeriods : 5;
  const lightLevelDbm = given(options.lightLevelMinimumDbm) ? options.lightLevelMinimumDbm : undefined;
  const errorCount = given(options.errorCountThreshold) ? options.errorCountThreshold : 1;
  out.push(
    ...checkEvaluationPeriods(periods),
    ...(lightLevelDbm === undefined ? [] : checkLightLevel(lightLevelDbm)),
    ...checkErrorCountThreshold(errorCount),
  );
  const dashboard = optionalBooleanOf(options.dashboard, "dashboard", out) !== false;
  return { periods, lightLevelDbm, errorCount, dashboard };
}

/** The most metrics one CloudWatch alarm on metric math can read. */
const MAX_ALARM_METRICS = 10;

/**
 * The monitoring of a resiliency construct: alarms per port (down, light level, errors), per device
 * slot (fewer ports up than it needs), per VPN connection (a tunnel down), a headroom alarm per
 * direction, and a dashboard. Made by the `monitoring` option of the constructs, or on its own.
 *
 * @example
 * const dx = new HighResiliency(this, 'Dx', { locations: ['EqDC2', 'EqSE2'], bandwidth: ConnectionBandwidth.GBPS_10 });
 * new DirectConnectMonitoring(this, 'DxMonitoring', { connections: dx });
 */
export class DirectConnectMonitoring extends Construct {
  /** Every alarm, ports first, then slots, VPN connections and headroom. */
  public readonly alarms: IAlarm[] = [];
  /**
   * The SNS topic the alarms notify.
   *
   * @default - none when `alarmActions` are given
   */
  public readonly topic?: ITopic;
  /**
   * The dashboard.
   *
   * @default - none with `dashboard: false`
   */
  public readonly dashboard?: Dashboard;
  /**
   * The alarms that fire when the traffic (out of AWS, into AWS) would no longer fit after the worst
   * failure the model covers.
   */
  public readonly headroomAlarms: IAlarm[] = [];

  private readonly actions: IAlarmAction[];

  constructor(scope: Construct, id: string, props: DirectConnectMonitoringProps) {
    super(scope, id);
    const options = props;
    const layout = layoutOf(props.connections);
    const findings: RuleFinding[] = [];
    const thresholds = thresholdsOf(options, findings);
    report(this, findings);
    const periods = thresholds.periods;
    this.topic = given(options.alarmActions) ? undefined : this.newTopic();
    this.actions = this.topic ? [new SnsAction(this.topic)] : [...options.alarmActions!];
    for (const port of layout.ports) this.portAlarms(port, thresholds);
    for (const slot of layout.topology.locations.flatMap((l) => l.deviceSlots)) {
      this.slotAlarm(layout, slot, periods);
    }
    for (const vpn of layout.vpnConnections) {
      this.alarm(
        `Vpn${vpn.name}TunnelDown`,
        vpn.metricTunnelState(),
        1,
        ComparisonOperator.LESS_THAN_THRESHOLD,
        3,
        `A tunnel of the VPN connection of ${vpn.name} is down (TunnelState < 1).`,
      );
    }
    this.headroom(layout);
    if (thresholds.dashboard) {
      this.dashboard = this.newDashboard(layout);
    }
  }

  private newTopic(): Topic {
    return new Topic(this, "Topic", {
      masterKey: Alias.fromAliasName(this, "SnsKey", "alias/aws/sns"),
      enforceSSL: true,
    });
  }

  private alarm(
    id: string,
    metric: IMetric,
    threshold: number,
    op: ComparisonOperator,
    periods: number,
    what: string,
  ): Alarm {
    const alarm = new Alarm(this, id, {
      metric,
      threshold,
      comparisonOperator: op,
      evaluationPeriods: periods,
      treatMissingData: TreatMissingData.MISSING,
      alarmDescription: what,
    });
    for (const action of this.actions) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
    this.alarms.push(alarm);
    return alarm;
  }

  private portAlarms(port: MonitoredPort, thresholds: Thresholds): void {
    const id = `${port.slot.location}Slot${port.slot.slotNumber}Port${port.port.memberNumber}`;
    const name = `port ${port.port.memberNumber} of ${port.slot.id}`;
    this.alarm(
      `${id}Down`,
      port.port.metricConnectionState({ period: Duration.minutes(1) }),
      1,
      ComparisonOperator.LESS_THAN_THRESHOLD,
      thresholds.periods,
      `Direct Connect ${name} is down (ConnectionState < 1).`,
    );
    const speed = Number.parseInt(port.slot.portBandwidth, 10);
    const dbm = thresholds.lightLevelDbm ?? RX_MINIMUM_DBM[speed];
    this.alarm(
      `${id}LightLevel`,
      port.port.metricConnectionLightLevelRx(),
      dbm,
      ComparisonOperator.LESS_THAN_THRESHOLD,
      3,
      `The light AWS receives on ${name} is below ${dbm} dBm: a dirty or failing fibre or optic.`,
    );
    const errors = thresholds.errorCount;
    this.alarm(
      `${id}Errors`,
      port.port.metricConnectionErrorCount(),
      errors,
      ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      1,
      `${errors}+ MAC-level errors in five minutes on ${name}.`,
    );
  }

  /** A slot is down when fewer of its ports are up than it needs (1, or its minimum links). */
  private slotAlarm(layout: MonitoredLayout, slot: TopologyDeviceSlot, periods: number): void {
    const ports = layout.ports.filter((p) => p.slot.id === slot.id);
    if (ports.length < 2) return; // a one-port slot is its port's alarm
    const up = sumOf(
      ports.map((p) => p.port.metricConnectionState({ period: Duration.minutes(1) })),
      `ports up in ${slot.id}`,
      { period: Duration.minutes(1) },
    );
    const need = Math.max(1, slot.minimumLinks ?? 0);
    this.alarm(
      `${slot.location}Slot${slot.slotNumber}Down`,
      up,
      need,
      ComparisonOperator.LESS_THAN_THRESHOLD,
      periods,
      `Device slot ${slot.id} (LAG ${slot.lagName}) is down: fewer than ${need} of its ports are up.`,
    );
  }

  /**
   * Headroom: the traffic of all slots, in Gbps, against what the worst failure the model covers
   * leaves. When it is more, a failure would overload the surviving paths.
   */
  private headroom(layout: MonitoredLayout): void {
    if (layout.ports.length === 0 || layout.ports.length > MAX_ALARM_METRICS) return;
    const worst = worstCoveredCapacity(layout.topology).gbps;
    for (const direction of ["Egress", "Ingress"]) {
      const usingMetrics = Object.fromEntries(
        layout.ports.map((p, i) => [
          `${direction[0].toLowerCase()}${i + 1}`,
          direction === "Egress" ? p.port.metricConnectionBpsEgress() : p.port.metricConnectionBpsIngress(),
        ]),
      );
      const traffic = new MathExpression({
        expression: `(${layout.ports.map((_, i) => `FILL(${direction[0].toLowerCase()}${i + 1}, 0)`).join(" + ")}) / 1000000000`,
        usingMetrics,
        label: `${direction} Gbps of all slots`,
        period: Duration.minutes(5),
      });
      this.headroomAlarms.push(
        this.alarm(
          `Headroom${direction}`,
          traffic,
          worst,
          ComparisonOperator.GREATER_THAN_THRESHOLD,
          3,
          `${direction} traffic is above ${worst} Gbps, what the worst failure the model covers leaves: that failure would overload the surviving paths.`,
        ),
      );
    }
  }

  private newDashboard(layout: MonitoredLayout): Dashboard {
    const dashboard = new Dashboard(this, "Dashboard");
    dashboard.addWidgets(
      // the background given: aws-cdk-lib writes its default (transparent) from some version on, not before
      new TextWidget({
        markdown: `# Direct Connect: ${layout.title}`,
        width: 24,
        height: 1,
        background: TextWidgetBackground.TRANSPARENT,
      }),
    );
    for (const location of layout.topology.locations) {
      const ports = layout.ports.filter((p) => p.slot.location === location.location);
      if (ports.length === 0) continue;
      dashboard.addWidgets(
        new GraphWidget({
          title: `${location.location}: ports up`,
          left: ports.map((p) =>
            p.port.metricConnectionState({ label: `${p.slot.id}/Port${p.port.memberNumber}` }),
          ),
          width: 8,
        }),
        new GraphWidget({
          title: `${location.location}: traffic (bps)`,
          left: ports.map((p) =>
            p.port.metricConnectionBpsEgress({ label: `${p.slot.id}/Port${p.port.memberNumber} out` }),
          ),
          right: ports.map((p) =>
            p.port.metricConnectionBpsIngress({ label: `${p.slot.id}/Port${p.port.memberNumber} in` }),
          ),
          width: 16,
        }),
      );
    }
    this.vifAndVpnWidgets(dashboard, layout);
    return dashboard;
  }

  private vifAndVpnWidgets(dashboard: Dashboard, layout: MonitoredLayout): void {
    if (layout.virtualInterfaces.length > 0) {
      dashboard.addWidgets(
        new GraphWidget({
          title: "Virtual interfaces: traffic out of AWS (bps)",
          left: layout.virtualInterfaces.map((v) =>
            v.metricVirtualInterfaceBpsEgress({ label: v.topology.id }),
          ),
          width: 24,
        }),
      );
    }
    if (layout.vpnConnections.length > 0) {
      dashboard.addWidgets(
        new GraphWidget({
          title: "VPN backup: tunnels up (1 = all)",
          left: layout.vpnConnections.map((v) => v.metricTunnelState({ label: v.name })),
          width: 24,
        }),
      );
    }
    if (this.headroomAlarms.length > 0) {
      const limit: HorizontalAnnotation = {
        value: worstCoveredCapacity(layout.topology).gbps,
        label: "left after the worst covered failure",
      };
      dashboard.addWidgets(
        new GraphWidget({
          title: "Headroom: traffic against what the worst covered failure leaves (Gbps)",
          left: this.headroomAlarms.map((a) => (a as Alarm).metric),
          leftAnnotations: [limit],
          width: 24,
        }),
      );
    }
  }
}
