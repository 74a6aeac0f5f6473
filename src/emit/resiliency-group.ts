import { CfnResource, ITaggableV2, TagManager, TagType } from "aws-cdk-lib";
import { Construct } from "constructs";

const TYPE = "AWS::DirectConnect::ResiliencyGroup";

/** Properties of {@link ResiliencyGroupResource}. */
export interface ResiliencyGroupResourceProps {
  readonly resiliencyGroupName: string;
  readonly intendedResiliencyModel: string;
  readonly connectionArns: string[];
}

/**
 * `AWS::DirectConnect::ResiliencyGroup` (direct-connect-facts.md §3.3), emitted through
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
  }

  /** The tag manager renders `{ key, value }`; CloudFormation wants `{ Key, Value }`. */
  protected renderProperties(props: { [key: string]: any }): { [key: string]: any } {
    const tags: Array<{ key: string; value: string }> | undefined = props.Tags;
    return { ...props, Tags: tags?.map((t) => ({ Key: t.key, Value: t.value })) };
  }
}
