// The JSONata expressions of the failover drill's state machine (Step Functions evaluates them:
// https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html). Pure strings. The
// responses of the AWS SDK service integrations have PascalCase field names
// (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html).
//
// Iteration variables (one set per tested interface, assigned in "Begin interface"):
//   $item          the plan item: virtualInterfaceId, name, location, slotNumber, paths (ids),
//                  alarmNames
//   $paths         the guard's description of every path: virtualInterfaceId, connectionId, state,
//                  bgpStatus, up
//   $pathsDown     the ids of the paths that are not up at the guard
//   $alarmsNotOk   the names of the alarms that are not OK (or not found) at the guard
//   $test          the VirtualInterfaceTest that StartBgpFailoverTest returned
//   $testStartMs   when the test started (epoch milliseconds)
//   $pathsDuring   the description of every path at the check; $pathsLost: another path is not up
//   $beforeBps, $othersDuringBps, $testedDuringBps, $trafficMoved: the traffic check
//   $failed, $failure  whether a check failed after the test started, and why
//   $restoreDeadlineMs, $restored: waiting for the tested session to come back

/** Wraps a JSONata expression for a Step Functions field. */
export function jsonata(expression: string): string {
  return `{% ${expression} %}`;
}

/** When the current state was entered, in epoch milliseconds. */
export const NOW_MS = "$toMillis($states.context.State.EnteredTime)";

/**
 * What one DescribeVirtualInterfaces call (with a `VirtualInterfaceId`, the state input) says about
 * that path. Up: the interface is `available` and every BGP peer's `bgpStatus` is `up`
 * (https://docs.aws.amazon.com/directconnect/latest/APIReference/API_BGPPeer.html). Only these fields
 * are kept: the response also carries the BGP keys (`authKey`).
 */
export const DESCRIBE_PATH =
  "( $v := $states.result.VirtualInterfaces[0]; { " +
  "'virtualInterfaceId': $states.input, 'connectionId': $v.ConnectionId, " +
  "'state': $v.VirtualInterfaceState, 'bgpStatus': [$v.BgpPeers.BgpStatus], " +
  "'up': $v.VirtualInterfaceState = 'available' and $count($v.BgpPeers) > 0 and " +
  "$count($v.BgpPeers[BgpStatus != 'up']) = 0 } )";

/** The ids of the described paths (a Map state's result) that are not up. */
export const PATHS_DOWN = "[$states.result[up = false].virtualInterfaceId]";

/** Whether a path other than the tested one is not up (a Map state's result). */
export const OTHER_PATH_LOST =
  "$count($states.result[virtualInterfaceId != $item.virtualInterfaceId and up = false]) > 0";

/** One GetMetricData query per path for one metric (AWS/DX, by ConnectionId and VirtualInterfaceId). */
function metricQueries(prefix: string, metricName: string): string {
  return (
    `$map($states.result, function($p, $i) { { 'Id': '${prefix}' & $i, 'Label': $p.virtualInterfaceId, ` +
    "'MetricStat': { 'Metric': { 'Namespace': 'AWS/DX', " +
    `'MetricName': '${metricName}', 'Dimensions': [` +
    "{ 'Name': 'ConnectionId', 'Value': $p.connectionId }, " +
    "{ 'Name': 'VirtualInterfaceId', 'Value': $p.virtualInterfaceId }] }, " +
    "'Period': 60, 'Stat': 'Average' }, 'ReturnData': true } })"
  );
}

/**
 * The GetMetricData queries of the traffic check, built from the guard's description of the paths
 * (its `connectionId` is the dimension's value): egress and ingress of every path, 1-minute averages
 * (https://docs.aws.amazon.com/directconnect/latest/UserGuide/monitoring-cloudwatch.html).
 */
export const TRAFFIC_QUERIES =
  `$append(${metricQueries("e", "VirtualInterfaceBpsEgress")}, ` +
  `${metricQueries("i", "VirtualInterfaceBpsIngress")})`;

/**
 * The mean bits per second of the GetMetricData results whose label (the interface id) passes
 * `filter` (all without one), egress plus ingress summed over the paths; a path without datapoints
 * counts 0.
 */
export function meanBps(filter?: string): string {
  return (
    `$sum([$states.result.MetricDataResults${filter ? `[${filter}]` : ""}` +
    ".($count(Values) > 0 ? $average(Values) : 0)])"
  );
}

/** The traffic criterion: the other paths carry at least `percent` % of what all paths carried before. */
export function trafficMoved(percent: number): string {
  return `${meanBps("Label != $item.virtualInterfaceId")} >= $beforeBps * ${percent} / 100`;
}

/** The names of the given alarms that DescribeAlarms did not return in state OK. */
export const ALARMS_NOT_OK =
  "( $ok := $append($states.result.MetricAlarms[StateValue = 'OK'].AlarmName, " +
  "$states.result.CompositeAlarms[StateValue = 'OK'].AlarmName); " +
  "[$filter($item.alarmNames, function($n) { $not($n in $ok) })] )";

/** Whether the tested interface (a DescribeVirtualInterfaces result) is up again. */
export const TESTED_UP =
  "( $v := $states.result.VirtualInterfaces[0]; $v.VirtualInterfaceState = 'available' and " +
  "$count($v.BgpPeers) > 0 and $count($v.BgpPeers[BgpStatus != 'up']) = 0 )";

/** A failure after the test started, from the error a Catch caught. */
export const CAUGHT_FAILURE =
  "{ 'error': 'DrillStepFailed', 'reason': 'a step failed after the test started: ' & " +
  "$states.errorOutput.Error, 'cause': $states.errorOutput.Cause }";

/** The record of one tested interface, with its result and, for a failure, why. */
export function record(result: string, extra = ""): string {
  return (
    "{ 'virtualInterfaceId': $item.virtualInterfaceId, 'name': $item.name, 'location': $item.location, " +
    `'slotNumber': $item.slotNumber, 'result': '${result}', 'testId': $test.TestId, ` +
    "'paths': [$paths.{ 'virtualInterfaceId': virtualInterfaceId, 'up': up }], " +
    "'traffic': { 'beforeBps': $beforeBps, 'othersDuringBps': $othersDuringBps, " +
    "'testedDuringBps': $testedDuringBps }, 'failure': $failure" +
    (extra ? `, ${extra}` : "") +
    " }"
  );
}
