import { SecretValue } from "aws-cdk-lib";
import { Metric, MetricOptions } from "aws-cdk-lib/aws-cloudwatch";
import { CfnCustomerGateway, CfnVPNConnection, CfnVPNConnectionRoute } from "aws-cdk-lib/aws-ec2";
import { Construct, IConstruct } from "constructs";
import { registerVpnAddresses } from "./app-usage";
import { vpnMetric } from "./operate/metrics";
import { vpnRequestOf } from "./vpn-options";
import { valueOf } from "../core/deferred";
import type { PlanVpnBackup } from "../core/request";
import type { RuleFinding } from "../core/rule";
import { TopologyVpnBackup, VpnRouting, VpnTarget } from "../core/topology";
import { TunnelBandwidth } from "../core/tunnel-bandwidth";
import { VPN_FACTS } from "../rules/vpn";

/**
 * One customer gateway device of a VPN backup: it gets an `AWS::EC2::CustomerGateway` and an
 * `AWS::EC2::VPNConnection` (two tunnels).
 */
export interface CustomerGatewayDevice {
  /**
   * The device's name, for example `edge1`: 1 to 32 letters, digits and `-`. Its resources' logical IDs
   * derive from it, so keep it: renaming it deletes the customer gateway and VPN connection and creates
   * new ones (new tunnel addresses).
   */
  readonly name: string;

  /**
   * The device's static outside IPv4 address: public, or for a private IP VPN (`transportAttachmentId`)
   * an RFC 1918 or 100.64.0.0/10 address. Documentation ranges (RFC 5737) are accepted. IPv6 outside
   * addresses (which AWS offers on transit gateways only) are not.
   *
   * Changing this replaces the customer gateway (every `AWS::EC2::CustomerGateway` property is
   * create-only); its VPN connection is then moved to the new one in place (`CustomerGatewayId` is not
   * create-only: the tunnels go down meanwhile).
   */
  readonly ipAddress: string;

  /**
   * The device's BGP ASN, 1 to 4294967294 except the ones AWS reserves (above 2147483647 it is written
   * as `BgpAsnExtended`). AWS reserves 7224 in every Region, 9059 in eu-west-1, 10124 in ap-northeast-1 and 17943 in
   * ap-southeast-1: an error in the stack's Region, a warning when the stack has no Region. 64512, the
   * default Amazon-side ASN of transit and virtual private gateways, gives a warning with BGP.
   *
   * Changing this replaces the customer gateway (every `AWS::EC2::CustomerGateway` property is
   * create-only); its VPN connection is then moved to the new one in place (`CustomerGatewayId` is not
   * create-only: the tunnels go down meanwhile).
   *
   * @default 65000
   */
  readonly bgpAsn?: number;

  /**
   * The device's name in AWS (`DeviceName`), up to 255 characters.
   *
   * Changing this replaces the customer gateway (every `AWS::EC2::CustomerGateway` property is
   * create-only); its VPN connection is then moved to the new one in place (`CustomerGatewayId` is not
   * create-only: the tunnels go down meanwhile).
   *
   * @default - none
   */
  readonly deviceName?: string;

  /**
   * The inside CIDRs of the two tunnels: two /30s from 169.254.0.0/16, not the ones AWS reserves
   * (169.254.0.0/30 to 169.254.5.0/30, 169.254.169.252/30), unique per transit gateway or virtual private
   * gateway. The tunnels carry IPv4 (IPv6 inside tunnels, transit gateway only, are not offered).
   *
   * Changing this modifies the tunnels in place (`VpnTunnelOptionsSpecifications` is not create-only:
   * each tunnel restarts).
   *
   * @default - chosen by AWS
   */
  readonly tunnelInsideCidrs?: string[];

  /**
   * The pre-shared keys of the two tunnels, from Secrets Manager (`SecretValue.secretsManager(...)`):
   * two keys, each 8 to 64 letters, digits, `.` and `_`, not starting with 0. A plain-text value is
   * accepted with a warning.
   *
   * Changing the keys modifies the tunnels in place (each tunnel restarts). Giving keys where there were
   * none, or the reverse, replaces the VPN connections (`PreSharedKeyStorage` is create-only).
   *
   * @default - AWS generates the keys and stores them in Secrets Manager (`PreSharedKeyStorage: SecretsManager`)
   */
  readonly preSharedKeys?: SecretValue[];
}

/**
 * Options of every VPN backup.
 */
export interface VpnBackupOptions {
  /** One or two customer gateway devices: two protect against a device failure. */
  readonly customerGateways: CustomerGatewayDevice[];

  /**
   * Static routing: the on-premises prefixes to route over the VPN. On a transit gateway none may equal
   * or be more specific than a prefix of `onPremisesPrefixes` (a static route would beat Direct Connect);
   * give `onPremisesPrefixes` with it. On a virtual private gateway the routes are created as
   * `AWS::EC2::VPNConnectionRoute`s; on a transit gateway add them to its route table (CloudFormation
   * exposes no attachment id for the VPN; a warning reminds you). IPv4 only: the tunnels carry IPv4.
   *
   * Switching between static routing and BGP replaces the VPN connections (`StaticRoutesOnly` is
   * create-only); changing the routes adds and removes route resources only.
   *
   * @default - BGP (dynamic) routing
   */
  readonly staticRoutes?: string[];

  /**
   * The prefixes your routers advertise to AWS over Direct Connect: the VPN's routes are checked against
   * them so that it stays a backup.
   *
   * @default - not checked
   */
  readonly onPremisesPrefixes?: string[];

  /**
   * The prefixes your customer gateways advertise over the VPN (BGP): one more specific than a prefix of
   * `onPremisesPrefixes` draws the traffic to the VPN (a warning). Use the same prefixes on both paths.
   * An IPv6 prefix gives a warning: the tunnels carry IPv4, so IPv6 traffic has no VPN backup.
   *
   * @default - not checked
   */
  readonly advertisedPrefixes?: string[];

  /**
   * Accelerated VPN (over AWS Global Accelerator): transit gateway only, and not with a private IP VPN
   * (`transportAttachmentId`) or `TunnelBandwidth.LARGE`.
   *
   * Changing this replaces the VPN connections (`EnableAcceleration` is create-only): new tunnel
   * addresses.
   *
   * @default false
   */
  readonly acceleration?: boolean;

  /**
   * The bandwidth of each tunnel: `TunnelBandwidth.LARGE` needs a transit gateway (an error on a virtual
   * private gateway) and no `acceleration`.
   *
   * Changing this modifies the VPN connections in place (`TunnelBandwidth` is not create-only), in the
   * Regions where AWS supports that modification; elsewhere delete and recreate them.
   *
   * @default TunnelBandwidth.STANDARD
   */
  readonly tunnelBandwidth?: TunnelBandwidth;
}

/**
 * Options of `VpnBackup.toTransitGateway`.
 */
export interface TransitGatewayVpnBackupOptions extends VpnBackupOptions {
  /**
   * The transit gateway (`tgw-...`), the same one the Direct Connect gateway is associated with.
   *
   * Changing this moves the VPN connections to the new gateway in place (`TransitGatewayId` is not
   * create-only: the tunnels go down meanwhile); it replaces nothing.
   */
  readonly transitGatewayId: string;

  /**
   * A private IP VPN, over Direct Connect (transit gateway only, not with `acceleration`): the id of the
   * transit gateway's attachment to the Direct Connect gateway (`tgw-attach-...`, which CloudFormation
   * does not expose: look it up). The customer gateways then use private addresses.
   *
   * Changing this replaces the VPN connections (`TransportTransitGatewayAttachmentId` and
   * `OutsideIpAddressType` are create-only).
   *
   * @default - a VPN over the internet
   */
  readonly transportAttachmentId?: string;
}

/**
 * Options of `VpnBackup.toVirtualPrivateGateway`.
 */
export interface VirtualPrivateGatewayVpnBackupOptions extends VpnBackupOptions {
  /**
   * The virtual private gateway (`vgw-...`).
   *
   * Changing this moves the VPN connections to the new gateway in place (`VpnGatewayId` is not
   * create-only: the tunnels go down meanwhile); it replaces nothing.
   */
  readonly virtualGatewayId: string;
}

/**
 * A Site-to-Site VPN backup for the Direct Connect paths of a construct: per customer gateway device an
 * `AWS::EC2::CustomerGateway` and an `AWS::EC2::VPNConnection` (`ipsec.1`, two tunnels) to the same
 * transit gateway or virtual private gateway, with BGP by default.
 *
 * AWS prefers Direct Connect over the VPN for the same prefix, so with equal prefixes the VPN carries
 * traffic only when every Direct Connect path is down. The checks keep it that way.
 *
 * @example
 * VpnBackup.toTransitGateway({
 *   transitGatewayId: 'tgw-0123456789abcdef0',
 *   customerGateways: [
 *     { name: 'edge1', ipAddress: '203.0.113.10', bgpAsn: 65010 },
 *     { name: 'edge2', ipAddress: '203.0.113.20', bgpAsn: 65010 },
 *   ],
 * });
 */
export class VpnBackup {
  /**
   * VPN connections to a transit gateway (the one the Direct Connect gateway is associated with).
   *
   * The options are checked by the construct that takes the backup, with all its other props.
   */
  public static toTransitGateway(options: TransitGatewayVpnBackupOptions): VpnBackup {
    return new VpnBackup(VpnTarget.TRANSIT_GATEWAY, options);
  }

  /**
   * VPN connections to a virtual private gateway (the one the Direct Connect paths reach).
   *
   * The options are checked by the construct that takes the backup, with all its other props.
   */
  public static toVirtualPrivateGateway(options: VirtualPrivateGatewayVpnBackupOptions): VpnBackup {
    return new VpnBackup(VpnTarget.VIRTUAL_PRIVATE_GATEWAY, options);
  }

  /** A transit gateway or a virtual private gateway. */
  public readonly target: VpnTarget;
  /** The id of the transit gateway or virtual private gateway. */
  public readonly targetId: string;

  /** The findings of the options, which the construct that takes the backup reports. */
  private readonly findings: RuleFinding[] = [];
  /** The options as the planner reads them; undefined when a value has the wrong type. */
  private readonly request?: PlanVpnBackup;

  private constructor(target: VpnTarget, options: VpnBackupOptions) {
    this.target = target;
    const { targetId, request } = vpnRequestOf(options, target, this.findings);
    this.targetId = targetId;
    this.request = request;
  }

  /**
   * The findings of the factory's options (values of the wrong type, the target's id), for the construct
   * that takes the backup to report with its own.
   *
   * @internal
   */
  public _findings(): RuleFinding[] {
    return [...this.findings];
  }

  /**
   * The backup as the planner sees it; undefined when a value of its options has the wrong type (see
   * `_findings`).
   *
   * @internal
   */
  public _plan(): PlanVpnBackup | undefined {
    return this.request;
  }

  /**
   * Emits the customer gateways and VPN connections under `scope`.
   *
   * @internal
   */
  public _emit(scope: Construct, topology: TopologyVpnBackup): VpnBackupConnection[] {
    const request = this.request!;
    const bandwidth = request.tunnelBandwidth;
    const privateIp = valueOf(request.transportAttachmentId);
    return topology.connections.map((connection, i) => {
      const device = request.customerGateways[i];
      const deviceScope = new Construct(scope, connection.name);
      const asn = connection.bgpAsn;
      const customerGateway = new CfnCustomerGateway(deviceScope, "CustomerGateway", {
        type: "ipsec.1",
        ipAddress: connection.customerGatewayIp,
        bgpAsn: asn <= VPN_FACTS.bgpAsnMax ? asn : undefined,
        bgpAsnExtended: asn > VPN_FACTS.bgpAsnMax ? asn : undefined,
        deviceName: valueOf(device.deviceName),
      });
      const keys = device.preSharedKeys?.map((key) => valueOf(key));
      const insides = connection.tunnelInsideCidrs;
      const tunnels =
        keys || insides
          ? [0, 1].map((t) => ({ preSharedKey: keys?.[t], tunnelInsideCidr: insides?.[t] }))
          : undefined;
      const vpn = new CfnVPNConnection(deviceScope, "Connection", {
        type: "ipsec.1",
        customerGatewayId: customerGateway.ref,
        transitGatewayId: this.target === VpnTarget.TRANSIT_GATEWAY ? this.targetId : undefined,
        vpnGatewayId: this.target === VpnTarget.VIRTUAL_PRIVATE_GATEWAY ? this.targetId : undefined,
        staticRoutesOnly: topology.routing === VpnRouting.STATIC ? true : undefined,
        enableAcceleration: topology.acceleration ? true : undefined,
        tunnelBandwidth: bandwidth === TunnelBandwidth.STANDARD ? undefined : bandwidth.value,
        preSharedKeyStorage: keys ? undefined : "SecretsManager",
        outsideIpAddressType: privateIp !== undefined ? "PrivateIpv4" : undefined,
        transportTransitGatewayAttachmentId: privateIp,
        vpnTunnelOptionsSpecifications: tunnels,
      });
      const routes =
        this.target === VpnTarget.VIRTUAL_PRIVATE_GATEWAY
          ? (topology.staticRoutes ?? []).map(
              (cidr) =>
                new CfnVPNConnectionRoute(deviceScope, `Route-${cidr.replace(/[^0-9a-fA-F]/g, "-")}`, {
                  destinationCidrBlock: cidr,
                  vpnConnectionId: vpn.ref,
                }),
            )
          : [];
      return VpnBackupConnection._of(connection.name, customerGateway, vpn, routes);
    });
  }
}

/**
 * One VPN connection of a VPN backup, as emitted, with its metrics: the `AWS/VPN` metrics of the VPN
 * connection (its two tunnels together), dimension `VpnId`
 * (https://docs.aws.amazon.com/vpn/latest/s2svpn/monitoring-cloudwatch-vpn.html).
 */
export class VpnBackupConnection {
  /** @internal */
  public static _of(
    name: string,
    customerGateway: CfnCustomerGateway,
    vpnConnection: CfnVPNConnection,
    routes: CfnVPNConnectionRoute[],
  ): VpnBackupConnection {
    return new VpnBackupConnection(name, customerGateway, vpnConnection, routes);
  }

  /** The device's name. */
  public readonly name: string;
  /** The customer gateway. */
  public readonly customerGateway: CfnCustomerGateway;
  /** The VPN connection. */
  public readonly vpnConnection: CfnVPNConnection;
  /** Its static routes (virtual private gateway with `staticRoutes`). */
  public readonly routes: CfnVPNConnectionRoute[];
  /** The customer gateway device's id. */
  public readonly customerGatewayId: string;
  /** The VPN connection's id. */
  public readonly vpnConnectionId: string;

  private constructor(
    name: string,
    customerGateway: CfnCustomerGateway,
    vpnConnection: CfnVPNConnection,
    routes: CfnVPNConnectionRoute[],
  ) {
    this.name = name;
    this.customerGateway = customerGateway;
    this.vpnConnection = vpnConnection;
    this.routes = routes;
    this.customerGatewayId = customerGateway.ref;
    this.vpnConnectionId = vpnConnection.ref;
  }

  /**
   * A metric of this VPN connection from the `AWS/VPN` namespace, dimension `VpnId`.
   *
   * @param metricName a metric of the Site-to-Site VPN user guide, for example `TunnelState`
   * @param props to override the statistic (by default Minimum for `TunnelState`, Sum for the data, else
   *   Average), the period (5 minutes) or the dimensions
   */
  public metric(metricName: string, props?: MetricOptions): Metric {
    return vpnMetric(this.vpnConnection, this.vpnConnectionId, metricName, props);
  }

  /**
   * The state of the tunnels (`TunnelState`): 1 up (with BGP: established), 0 down, for both tunnels
   * together, so the Minimum is 0 when one tunnel is down and the Maximum 0 when both are, as the AWS user
   * guide's alarms on a VPN connection read it. (aws-cdk-lib's `VpnConnection` defaults to the Average.)
   *
   * Minimum over 5 minutes by default.
   */
  public metricTunnelState(props?: MetricOptions): Metric {
    return this.metric("TunnelState", props);
  }

  /**
   * The bytes received on the AWS side through the tunnels (`TunnelDataIn`), after decryption.
   *
   * Sum over 5 minutes by default.
   */
  public metricTunnelDataIn(props?: MetricOptions): Metric {
    return this.metric("TunnelDataIn", props);
  }

  /**
   * The bytes sent from the AWS side through the tunnels (`TunnelDataOut`), before encryption.
   *
   * Sum over 5 minutes by default.
   */
  public metricTunnelDataOut(props?: MetricOptions): Metric {
    return this.metric("TunnelDataOut", props);
  }
}

/**
 * Two VPN connections from one address, or one inside CIDR twice, on one target: an error across the
 * app (its registry, app-usage.ts). Called before anything is emitted; `scope` names the owner in messages.
 *
 * @internal
 */
export function registerVpnAcrossApp(scope: IConstruct, vpn: TopologyVpnBackup): void {
  registerVpnAddresses(scope, vpn);
}
