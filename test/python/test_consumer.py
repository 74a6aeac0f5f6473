"""Python consumer tests: run against the built wheel (test/consumers/run.sh), not the source tree."""
import json
import os
import pathlib
import unittest

from aws_cdk import App, RemovalPolicy, Stack
from aws_cdk import aws_secretsmanager as secretsmanager
from cdk_direct_connect_resiliency import (
    ConnectionBandwidth,
    DirectConnectEstate,
    DirectConnectGateway,
    EstateDescribeOutputs,
    MacSecKey,
    MaximumResiliencyConnections,
    PortHourPrices,
    RateLimit,
    RuleCatalogue,
    VirtualInterface,
)

# The same messages the TypeScript tests assert (test/consumers/messages.test.ts).
MESSAGES = json.loads(
    (pathlib.Path(__file__).parent.parent / "consumers" / "validation-messages.json").read_text()
)

# The estate fixtures (saved AWS CLI outputs) and the verdicts TypeScript gives for them (test/estate).
ESTATE = pathlib.Path(__file__).parent.parent / "estate"
ESTATE_FILES = {
    "describe-connections.json": "describe_connections",
    "describe-lags.json": "describe_lags",
    "describe-virtual-interfaces.json": "describe_virtual_interfaces",
    "describe-direct-connect-gateways.json": "describe_direct_connect_gateways",
    "describe-direct-connect-gateway-associations.json": "describe_direct_connect_gateway_associations",
    "describe-vpn-connections.json": "describe_vpn_connections",
    "describe-customer-gateways.json": "describe_customer_gateways",
    "list-resiliency-groups.json": "list_resiliency_groups",
    "get-resiliency-group.json": "resiliency_group_details",
    "list-resiliency-group-associations.json": "list_resiliency_group_associations",
}


class PythonConsumerTest(unittest.TestCase):
    def test_the_code_that_adopts_each_estate_synthesizes_with_nothing_ordered(self):
        # written by `dx-resiliency estate --emit-code python` of the npm tarball (test/consumers/run.sh)
        emitted = pathlib.Path(os.environ["DX_ESTATE_PYTHON"])
        files = sorted(emitted.glob("*.py"))
        self.assertEqual([f.stem for f in files], sorted(json.loads((ESTATE / "verdicts.json").read_text())))
        for file in files:
            with self.subTest(fixture=file.stem):
                namespace = {}
                exec(compile(file.read_text(), str(file), "exec"), namespace)
                app = App()
                namespace["DirectConnectEstateStack"](app, "Estate")
                template = app.synth().get_stack_by_name("Estate").template
                types = {r["Type"] for r in template.get("Resources", {}).values()}
                self.assertEqual(types - {"AWS::DirectConnect::ResiliencyGroup", "AWS::CDK::Metadata"}, set())

    def test_the_estate_reader_gives_the_verdicts_typescript_gives(self):
        expected = json.loads((ESTATE / "verdicts.json").read_text())
        self.assertGreaterEqual(len(expected), 7)
        for name, want in expected.items():
            folder = ESTATE / "fixtures" / name
            outputs = {
                key: json.loads((folder / file).read_text())
                for file, key in ESTATE_FILES.items()
                if (folder / file).exists()
            }
            estate = DirectConnectEstate.from_describe_outputs(EstateDescribeOutputs(**outputs), title=name)
            with self.subTest(fixture=name):
                self.assertEqual(estate.verdict_lines(), want["verdicts"])
                self.assertEqual([f.rule_id for f in estate.findings], want["findings"])
                self.assertTrue(estate.report().startswith(f"# Direct Connect estate report: {name}"))

    def test_a_wrong_type_gets_the_jsii_type_error(self):
        with self.assertRaises(TypeError) as raised:
            MaximumResiliencyConnections(
                Stack(App(), "S"), "Dx", locations=["EqDC2", "EqSE2"], bandwidth="10Gbps"
            )
        self.assertIn("bandwidth", str(raised.exception))

    def test_a_wrong_value_gets_the_same_message_as_in_typescript(self):
        with self.assertRaises(Exception) as raised:
            MaximumResiliencyConnections(
                Stack(App(), "S"), "Dx", locations=["EqDC2"], bandwidth=ConnectionBandwidth.GBPS_10
            )
        self.assertEqual(str(raised.exception), MESSAGES["maximumWithOneLocation"])

    def test_four_mistakes_in_one_error_with_their_rule_ids(self):
        with self.assertRaises(Exception) as raised:
            MaximumResiliencyConnections(
                Stack(App(), "S"),
                "Dx",
                locations=["EqDC2", "eq dc2!"],
                bandwidth=ConnectionBandwidth.GBPS_10,
                removal_policy=RemovalPolicy.SNAPSHOT,
                virtual_interfaces=[
                    VirtualInterface.public_interface(
                        name="pub", vlan=5000, customer_asn=65000, route_filter_prefixes=["203.0.113.0/24"]
                    )
                ],
            )
        message = str(raised.exception)
        # the public interface has neither peer addresses nor an address pool: a fourth mistake
        self.assertIn("S/Dx: 4 errors:", message)
        self.assertEqual(
            sorted(RuleCatalogue.rule_ids_of(message)),
            ["locationCodeFormat", "publicPeerAddresses", "removalPolicySupported", "vlanRange"],
        )

    def test_a_rate_limit_is_in_the_template_of_every_interface(self):
        app = App()
        stack = Stack(app, "RateLimited")
        MaximumResiliencyConnections(
            stack,
            "Dx",
            locations=["EqDC2", "EqSE2"],
            bandwidth=ConnectionBandwidth.GBPS_10,
            virtual_interfaces=[
                VirtualInterface.private_interface(
                    name="prod",
                    virtual_gateway_id="vgw-0123456789abcdef0",
                    vlan=101,
                    customer_asn=65010,
                    rate_limit=RateLimit.gbps(5),
                )
            ],
        )
        template = app.synth().get_stack_by_name("RateLimited").template
        limits = [
            r["Properties"].get("RateLimit")
            for r in template["Resources"].values()
            if r["Type"] == "AWS::DirectConnect::PrivateVirtualInterface"
        ]
        self.assertEqual(limits, ["5Gbps"] * 4)

    def test_a_macsec_key_is_associated_with_every_lag_and_only_its_arn_is_in_the_template(self):
        app = App()
        stack = Stack(app, "MacSec")
        key = secretsmanager.Secret.from_secret_complete_arn(
            stack, "Key", "arn:aws:secretsmanager:us-east-1:123456789012:secret:dx-key-AbCdEf"
        )
        MaximumResiliencyConnections(
            stack,
            "Dx",
            locations=["EqDC2", "EqSE2"],
            bandwidth=ConnectionBandwidth.GBPS_10,
            request_mac_sec=True,
            mac_sec_key=MacSecKey.from_secret(key, version_id="v-2"),
        )
        template = app.synth().get_stack_by_name("MacSec").template
        associations = [
            r["Properties"]
            for r in template["Resources"].values()
            if r["Type"] == "Custom::DirectConnectMacSecKey"
        ]
        self.assertEqual(len(associations), 4)
        for properties in associations:
            self.assertEqual(
                sorted(properties), ["ConnectionId", "KeySource", "SecretArn", "ServiceToken", "VersionId"]
            )
            self.assertEqual(
                properties["SecretArn"], "arn:aws:secretsmanager:us-east-1:123456789012:secret:dx-key-AbCdEf"
            )
            self.assertEqual(properties["VersionId"], "v-2")

    def test_site_link_is_in_the_template_the_report_and_the_cost(self):
        app = App()
        stack = Stack(app, "SiteLinked")
        gateway = DirectConnectGateway(stack, "Gateway", amazon_side_asn=64512)
        dx = MaximumResiliencyConnections(
            stack,
            "Dx",
            locations=["EqDC2", "EqSE2"],
            bandwidth=ConnectionBandwidth.GBPS_10,
            virtual_interfaces=[
                VirtualInterface.transit(
                    name="wan",
                    gateway=gateway,
                    vlan=101,
                    customer_asn=65010,
                    enable_site_link=True,
                )
            ],
            port_hour_prices=PortHourPrices.of(site_link_vif_hour=0.25),
        )
        template = app.synth().get_stack_by_name("SiteLinked").template
        site_link = [
            r["Properties"].get("EnableSiteLink")
            for r in template["Resources"].values()
            if r["Type"] == "AWS::DirectConnect::TransitVirtualInterface"
        ]
        self.assertEqual(site_link, [True] * 4)
        # 4 interfaces (2 locations x 2 slots) x $0.25 x 730 hours
        self.assertEqual(dx.cost_estimate().site_link.monthly_usd, 730)
        self.assertIn("EqDC2 <-> EqSE2", dx.report())

    def test_a_gateway_attached_to_a_core_network_names_it_by_its_arn(self):
        app = App()
        stack = Stack(app, "CloudWan")
        gateway = DirectConnectGateway(stack, "Gw", amazon_side_asn=64512)
        attachment = gateway.attach_to_core_network(
            "CloudWan",
            core_network_id="core-network-0123456789abcdef0",
            edge_locations=["us-east-1", "eu-west-1"],
            routing_policy_label="onprem",
            tags={"team": "network"},
        )
        self.assertEqual(attachment.edge_locations, ["us-east-1", "eu-west-1"])
        dx = MaximumResiliencyConnections(
            stack,
            "Dx",
            locations=["EqDC2", "EqSE2"],
            bandwidth=ConnectionBandwidth.GBPS_10,
            virtual_interfaces=[
                VirtualInterface.transit(name="prod", gateway=gateway, vlan=101, customer_asn=65010)
            ],
        )
        template = app.synth().get_stack_by_name("CloudWan").template
        attachments = [
            r["Properties"]
            for r in template["Resources"].values()
            if r["Type"] == "AWS::NetworkManager::DirectConnectGatewayAttachment"
        ]
        gateway_id = stack.get_logical_id(gateway.resource)
        self.assertEqual(
            attachments,
            [
                {
                    "CoreNetworkId": "core-network-0123456789abcdef0",
                    "DirectConnectGatewayArn": {"Ref": gateway_id},
                    "EdgeLocations": ["us-east-1", "eu-west-1"],
                    "RoutingPolicyLabel": "onprem",
                    "Tags": [{"Key": "team", "Value": "network"}],
                }
            ],
        )
        # 4 slots, one transit interface each: 4 BGP sessions to the core network
        core = [p for p in dx.failure_analysis().baseline.paths if p.target == "core-network-0123456789abcdef0"]
        self.assertEqual([p.bgp_sessions for p in core], [4])
        self.assertIn("Cloud WAN core network core-network-0123456789abcdef0", dx.report())
        with self.assertRaises(Exception) as raised:
            gateway.associate_transit_gateway(
                "Tgw", transit_gateway_id="tgw-0123456789abcdef0", allowed_prefixes=["10.0.0.0/16"]
            )
        self.assertEqual(RuleCatalogue.rule_ids_of(str(raised.exception)), ["coreNetworkGatewayExclusive"])

    def test_names_read_naturally(self):
        dx = MaximumResiliencyConnections(
            Stack(App(), "S"),
            "Dx",
            locations=["EqDC2", "EqSE2"],
            bandwidth=ConnectionBandwidth.gbps(20),
            name_prefix="acme",
            request_mac_sec=True,
        )
        self.assertEqual(dx.model.name, "Maximum Resiliency")
        self.assertEqual(dx.model.sla, "99.99%")
        self.assertEqual([s.location for s in dx.device_slots], ["EqDC2", "EqDC2", "EqSE2", "EqSE2"])
        self.assertEqual(dx.bandwidth.port_count, 2)
        self.assertEqual(len(dx.ports), 8)
        self.assertEqual(dx.topology.locations[0].device_slots[0].ports[1].connection_name, "acme-EqDC2-d1-p2")


if __name__ == "__main__":
    unittest.main()
