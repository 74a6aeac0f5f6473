#!/usr/bin/env python3
"""The example app in Python: the same stacks as examples/typescript/stacks.ts."""
import sys

from aws_cdk import App, CfnOutput, SecretValue, Stack
from cdk_direct_connect_resiliency import (
    ConnectionBandwidth,
    CustomerGatewayDevice,
    DevTest,
    DirectConnectAudit,
    DirectConnectGateway,
    FailoverDrill,
    HighResiliency,
    MaximumResiliencyConnections,
    MonitoringOptions,
    ResilientConnections,
    VirtualInterface,
    VpnBackup,
)


# Why the example's new two-port LAGs have no minimum links yet (the audit rule `minimumLinksZero`).
MINIMUM_LINKS_LATER = (
    "new LAGs: CloudFormation cannot set MinimumLinks on create; minimumLinks: 2 comes with the next deploy"
)


def build_example_stacks(app: App) -> list[ResilientConnections]:
    # Production: 99.99% across two locations, 10 Gbps per path, a transit virtual interface on every
    # path to a Direct Connect gateway associated with the production transit gateway, and a
    # Site-to-Site VPN from two customer gateway devices to the same transit gateway as a backup.
    # Monitored (alarms to a new SNS topic, a dashboard), with a failover drill over its interfaces.
    production = Stack(app, "DxProduction")
    gateway = DirectConnectGateway(production, "Gateway", amazon_side_asn=64512)
    gateway.associate_transit_gateway(
        "ProductionTgw",
        transit_gateway_id="tgw-0123456789abcdef0",
        allowed_prefixes=["10.0.0.0/16", "10.1.0.0/16"],
    )
    maximum = MaximumResiliencyConnections(
        production,
        "Dx",
        locations=["EqDC2", "EqSE2"],
        bandwidth=ConnectionBandwidth.GBPS_10,
        virtual_interfaces=[
            VirtualInterface.transit(
                name="prod",
                gateway=gateway,
                vlan=101,
                customer_asn=65010,
                auth_key=SecretValue.secrets_manager("dx/bgp-auth-key"),
            )
        ],
        vpn_backup=VpnBackup.to_transit_gateway(
            transit_gateway_id="tgw-0123456789abcdef0",
            customer_gateways=[
                CustomerGatewayDevice(name="edge1", ip_address="203.0.113.10", bgp_asn=65010),
                CustomerGatewayDevice(name="edge2", ip_address="203.0.113.20", bgp_asn=65010),
            ],
            on_premises_prefixes=["192.168.0.0/16"],
            advertised_prefixes=["192.168.0.0/16"],
        ),
        monitoring=MonitoringOptions(),
    )
    # An AWS FIS experiment template that tests the four transit interfaces one at a time, each only
    # while the traffic fits what the worst covered failure leaves (the headroom alarms OK, which also
    # stop the experiment). Start it with `aws fis start-experiment --experiment-template-id <DrillTemplate>`.
    # `monitoring` is Optional in the typing: set here, as the construct was given `monitoring`.
    assert maximum.monitoring is not None
    drill = FailoverDrill(
        production,
        "Drill",
        connections=[maximum],
        alarms=maximum.monitoring.headroom_alarms,
    )
    CfnOutput(production, "DrillTemplate", value=drill.experiment_templates[0].attr_id)

    # A branch region: 99.9%, one 20 Gbps path (a LAG of 2 x 10 Gbps) in each of two locations.
    branch = Stack(app, "DxBranch")
    high = HighResiliency(
        branch,
        "Dx",
        locations=["EqCH2", "EqDA2"],
        bandwidth=ConnectionBandwidth.gbps(20),
    )
    # CloudFormation cannot set MinimumLinks when it first creates a LAG: the audit's warning about its
    # two-port LAGs is acknowledged until a later deploy gives `minimum_links=1`.
    DirectConnectAudit.acknowledge(high, "minimumLinksZero", MINIMUM_LINKS_LATER)

    # A lab: separate devices in one location, no SLA.
    lab = Stack(app, "DxLab")
    dev_test = DevTest(lab, "Lab", location="EqDC2", bandwidth=ConnectionBandwidth.GBPS_1)

    return [maximum, high, dev_test]


if __name__ == "__main__":
    app = App()
    constructs = build_example_stacks(app)
    app.synth()
    # The summary goes to stderr: stdout of a CDK app is not part of the cloud assembly.
    print("\n\n".join(c.summary() for c in constructs), file=sys.stderr)
