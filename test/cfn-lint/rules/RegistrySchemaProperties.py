"""
cfn-lint rule: validate the properties of resource types that cfn-lint knows only from
``--registry-schemas``.

cfn-lint (checked 1.51 and 1.58) uses a schema given with ``--registry-schemas`` only to accept the
resource type (no E3006); its property rule E3002 looks schemas up in its own provider list, so the
properties of such a type are never checked. This rule runs the same property validation as E3002
(and reports through the same child rules: E3003 required, E3030 enum, E3031 pattern, ...) with the
registry schema, for those types only. Used for AWS::DirectConnect::ResiliencyGroup; drop it once
cfn-lint ships that resource's schema.
"""

from typing import Any

from cfnlint.jsonschema import ValidationResult, Validator
# imported as a module: the rule loader takes every rule class it finds at module level
from cfnlint.rules.resources.properties import Properties as e3002
from cfnlint.schema.manager import PROVIDER_SCHEMA_MANAGER


class RegistrySchemaProperties(e3002.Properties):
    """Check the properties of resource types known only from --registry-schemas"""

    id = "E9002"
    shortdesc = "Resource properties are invalid (registry schema)"
    description = "Validates resource properties against schemas given with --registry-schemas"
    source_url = "https://github.com/aws-cloudformation/cfn-lint"
    tags = ["resources"]

    def validate(self, validator: Validator, _, instance: Any, schema: Any) -> ValidationResult:
        if not validator.is_type(instance, "object"):
            return
        resource_type = instance.get("Type")
        registry = getattr(PROVIDER_SCHEMA_MANAGER, "_registry_schemas", {})
        if resource_type not in registry:
            return
        original = PROVIDER_SCHEMA_MANAGER.get_resource_schemas_by_regions

        def with_registry(t, regions):
            # nested look-ups (a Ref's target type, ...) still reach cfn-lint's own schemas
            if t in registry:
                yield list(regions), registry[t]
            else:
                yield from original(t, regions)

        PROVIDER_SCHEMA_MANAGER.get_resource_schemas_by_regions = with_registry
        try:
            yield from super().validate(validator, _, instance, schema)
        finally:
            PROVIDER_SCHEMA_MANAGER.get_resource_schemas_by_regions = original
