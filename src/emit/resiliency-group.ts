import * as cdk from "aws-cdk-lib";
import { CfnResource, ITaggableV2, TagManager, TagType } from "aws-cdk-lib";
import { Construct, IConstruct } from "constructs";

const TYPE = "AWS::DirectConnect::ResiliencyGroup";

/**
 * The one finding aws-cdk-lib's synth-time template validation ("CloudFormation Validate", 2.262.0 and
 * later) reports for this library's templates: rule F3006, "Unknown resource type
 * 'AWS::DirectConnect::ResiliencyGroup'". The validation engine's bundled schemas do not have the type
 * (still so in aws-cdk-lib 2.276.0 with engine 1.14.0, although that release adds the `CfnResiliencyGroup`
 * L1, so emitting that class would not help either). It is a warning on every synth, and an error that
 * fails synth with `@aws-cdk/core:validateAgainstDefaultRules` (one of the flags `cdk init` writes). The id
 * is `<plugin name, spaces as dashes>::<rule id>`, as the synth output prints it ("Acknowledge with ...").
 */
export const UNKNOWN_RESOURCE_TYPE_RULE = "CloudFormation-Validate::F3006";

/** The part of aws-cdk-lib's `Validations` (2.262.0 and later) used here; absent in older releases. */
interface ValidationsApi {
  of(scope: IConstruct): { acknowledge?(...rules: Array<{ id: string; reason: string }>): void };
}

/**
 * Acknowledges {@link UNKNOWN_RESOURCE_TYPE_RULE} on the resiliency group's own construct. aws-cdk-lib
 * applies an acknowledgement to the construct it is recorded on and its children (none here), so only
 * this resource's "unknown type" finding is silenced: every other finding, and this rule on any other
 * resource of the user's app, is still reported. The template does not change (the acknowledgement is
 * construct metadata in the cloud assembly, listed under "suppressedViolations" in validation-report.json).
 * Feature-detected at runtime: the peer dependency floor, aws-cdk-lib 2.241.0, has no `Validations` (not
 * in its typings either) and no template validation.
 *
 * Remove this when the validation engine of aws-cdk-lib knows AWS::DirectConnect::ResiliencyGroup and
 * the floor is raised to that release: the consumer checks (test/consumers/run.sh) synthesize with the
 * newest aws-cdk-lib and fail, saying so, when the finding is no longer reported.
 */
function acknowledgeUnknownType(resource: IConstruct): void {
  const validations = (cdk as unknown as { Validations?: ValidationsApi }).Validations;
  if (typeof validations?.of !== "function") {
    return;
  }
  const scope = validations.of(resource);
  if (typeof scope.acknowledge !== "function") {
    return;
  }
  scope.acknowledge({
    id: UNKNOWN_RESOURCE_TYPE_RULE,
    reason:
      `${TYPE} is a valid CloudFormation type that the synth-time validation's schemas do not have yet ` +
      "(https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-directconnect-resiliencygroup.html)",
  });
}

/** Properties of {@link ResiliencyGroupResource}. */
export interface ResiliencyGroupResourceProps {
  readonly resiliencyGroupName: string;
  readonly intendedResiliencyModel: string;
  readonly connectionArns: string[];
}

/**
 * `AWS::DirectConnect::ResiliencyGroup` (docs/facts.md §3.3), emitted through
 * `CfnResource` so that the peer dependency stays at aws-cdk-lib 2.241.0 (the `CfnResiliencyGroup`
 * class first appears in 2.276.0). Taggable like the generated L1s, so `Tags.of()` reaches it.
 */
export class ResiliencyGroupResource extends CfnResource implements ITaggableV2 {
  public readonly cdkTagManager: TagManager;

  constructor(scope: Construct, id: string, props: ResiliencyGroupResourceProps) {
    super(scope, id, {
      type: TYPE,
      properties: {
        ResiliencyGroupName: props.resiliencyGroupName,
        IntendedResiliencyModel: props.intendedResiliencyModel,
        ConnectionArns: props.connectionArns,
      },
    });
    // CfnResource merges the tags of TagManager.of(this) into its properties under tagPropertyName.
    this.cdkTagManager = new TagManager(TagType.STANDARD, TYPE, undefined, { tagPropertyName: "Tags" });
    acknowledgeUnknownType(this);
  }

  /** The tag manager renders `{ key, value }`; CloudFormation wants `{ Key, Value }`. */
  protected renderProperties(props: { [key: string]: any }): { [key: string]: any } {
    const tags: Array<{ key: string; value: string }> | undefined = props.Tags;
    return { ...props, Tags: tags?.map((t) => ({ Key: t.key, Value: t.value })) };
  }
}
