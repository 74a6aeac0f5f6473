/**
 * The AWS pages the rules cite (`RuleInfo.source`). The README's rule tables link them through its
 * `[Label]: url` definitions, one per page.
 */
const DX_UG = "https://docs.aws.amazon.com/directconnect/latest/UserGuide";
const CFN = "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference";
const VPN_UG = "https://docs.aws.amazon.com/vpn/latest/s2svpn";

export const SOURCES = {
  directConnectMetrics: `${DX_UG}/monitoring-cloudwatch.html`,
  resiliencyToolkit: `${DX_UG}/resiliency_toolkit.html`,
  resiliencyRecommendations: "https://aws.amazon.com/directconnect/resiliency-recommendation/",
  directConnectPricing: "https://aws.amazon.com/directconnect/pricing/",
  fisDirectConnectAction:
    "https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html#directconnect-virtual-interface-disconnect",
  fisAssertAlarmState:
    "https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html#assert-alarm-state",
  fisStopConditions: "https://docs.aws.amazon.com/fis/latest/userguide/stop-conditions.html",
  fisQuotas: "https://docs.aws.amazon.com/fis/latest/userguide/fis-quotas.html",
  failoverTest: `${DX_UG}/resiliency_failover.html`,
  dedicatedConnections: `${DX_UG}/dedicated_connection.html`,
  lags: `${DX_UG}/lags.html`,
  macsec: `${DX_UG}/direct-connect-mac-sec-getting-started.html`,
  macsecAssociateLag: `${DX_UG}/associate-key-lag.html`,
  associateMacSecKey:
    "https://docs.aws.amazon.com/directconnect/latest/APIReference/API_AssociateMacSecKey.html",
  virtualInterfaces: `${DX_UG}/create-vif.html`,
  bgpPeers: `${DX_UG}/add-peer-to-vif.html`,
  bgpSettings: `${DX_UG}/bgp-specific-settings.html`,
  longAsns: `${DX_UG}/long-asn-support.html`,
  mtu: `${DX_UG}/set-jumbo-frames-vif.html`,
  transitGatewayAssociations: `${DX_UG}/direct-connect-transit-gateways.html`,
  quotas: `${DX_UG}/limits.html`,
  vifRateLimiters: `${DX_UG}/vif-rate-limiters.html`,
  siteLink:
    "https://aws.amazon.com/blogs/networking-and-content-delivery/introducing-aws-direct-connect-sitelink/",
  siteLinkRouting:
    "https://aws.amazon.com/blogs/networking-and-content-delivery/advanced-routing-scenarios-with-aws-direct-connect-sitelink/",
  deletingConnection: `${DX_UG}/deleteconnection.html`,
  connectionApi: "https://docs.aws.amazon.com/directconnect/latest/APIReference/API_Connection.html",
  describeLoa: "https://docs.aws.amazon.com/directconnect/latest/APIReference/API_DescribeLoa.html",
  connection: `${CFN}/aws-resource-directconnect-connection.html`,
  lag: `${CFN}/aws-resource-directconnect-lag.html`,
  resiliencyGroup: `${CFN}/aws-resource-directconnect-resiliencygroup.html`,
  directConnectGateway: `${CFN}/aws-resource-directconnect-directconnectgateway.html`,
  gatewayAssociation: `${CFN}/aws-resource-directconnect-directconnectgatewayassociation.html`,
  transitVif: `${CFN}/aws-resource-directconnect-transitvirtualinterface.html`,
  cloudWanDirectConnect:
    "https://docs.aws.amazon.com/network-manager/latest/cloudwan/cloudwan-dxattach-about.html",
  coreNetworkAttachment: `${CFN}/aws-resource-networkmanager-directconnectgatewayattachment.html`,
  privateVif: `${CFN}/aws-resource-directconnect-privatevirtualinterface.html`,
  publicVif: `${CFN}/aws-resource-directconnect-publicvirtualinterface.html`,
  bgpPeer: `${CFN}/aws-properties-directconnect-publicvirtualinterface-bgppeer.html`,
  ssmSecure:
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-ssm-secure-strings.html",
  vpnConnection: `${CFN}/aws-resource-ec2-vpnconnection.html`,
  customerGatewayOptions: `${VPN_UG}/cgw-options.html`,
  tunnelOptions: `${VPN_UG}/VPNTunnels.html`,
  largeTunnels: `${VPN_UG}/VPNTunnels.html#large-bandwidth-tunnels`,
  acceleratedVpn: `${VPN_UG}/accelerated-vpn.html`,
  privateIpVpn: `${VPN_UG}/private-ip-dx.html`,
  ipv4Ipv6: `${VPN_UG}/ipv4-ipv6.html`,
  howVpnWorks: `${VPN_UG}/how_it_works.html`,
  createCustomerGateway:
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateCustomerGateway.html",
  vpnFailover: "https://repost.aws/knowledge-center/direct-connect-configure-vpn-failover",
  asymmetricRouting: "https://repost.aws/knowledge-center/direct-connect-asymmetric-routing",
  transitGatewayQuotas: "https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-quotas.html",
  deletionPolicy: `${CFN}/aws-attribute-deletionpolicy.html`,
  updateBehaviors:
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-update-behaviors.html",
} as const;
