"""
cfn-lint rule: no secret in plain text.

The BGP auth keys of Direct Connect virtual interfaces and the pre-shared keys of VPN tunnels must reach
the template as a dynamic reference
(``{{resolve:secretsmanager:...}}``) or an intrinsic (a NoEcho parameter), never as a literal string.
"""

# imported as a module: the rule loader takes every rule class it finds at module level
import cfnlint.rules as lint

SECRET_PROPERTIES = {
    "AWS::DirectConnect::TransitVirtualInterface": ("BgpPeers", "AuthKey"),
    "AWS::DirectConnect::PrivateVirtualInterface": ("BgpPeers", "AuthKey"),
    "AWS::DirectConnect::PublicVirtualInterface": ("BgpPeers", "AuthKey"),
    "AWS::EC2::VPNConnection": ("VpnTunnelOptionsSpecifications", "PreSharedKey"),
}


class PlaintextSecrets(lint.CloudFormationLintRule):
    """Secrets must not be plain text"""

    id = "E9101"
    shortdesc = "Secret in plain text"
    description = "BGP auth keys and VPN pre-shared keys must come from Secrets Manager (a dynamic reference) or a parameter, not plain text"
    source_url = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html"
    tags = ["security"]

    def match(self, cfn):
        matches = []
        for name, resource in cfn.get_resources(list(SECRET_PROPERTIES)).items():
            items_key, secret_key = SECRET_PROPERTIES[resource.get("Type")]
            items = (resource.get("Properties") or {}).get(items_key) or []
            for index, item in enumerate(items if isinstance(items, list) else []):
                value = item.get(secret_key) if isinstance(item, dict) else None
                if isinstance(value, str) and not value.startswith("{{resolve:"):
                    matches.append(
                        lint.RuleMatch(
                            ["Resources", name, "Properties", items_key, index, secret_key],
                            f"{secret_key} of {name} is plain text: use a Secrets Manager dynamic reference",
                        )
                    )
        return matches
