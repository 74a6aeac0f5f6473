/**
 * `MacSecKey`: the MACsec key (CKN/CAK) a construct associates with every LAG it creates, through one
 * custom resource per LAG and one provider per stack.
 */
import { CfnDeletionPolicy, CfnResource, CustomResource, Duration, Stack, Token } from "aws-cdk-lib";
import { CfnLag } from "aws-cdk-lib/aws-directconnect";
import { Effect, Policy, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Code, Function as LambdaFunction, Runtime } from "aws-cdk-lib/aws-lambda";
import { ISecret } from "aws-cdk-lib/aws-secretsmanager";
import { Provider } from "aws-cdk-lib/custom-resources";
import { Construct } from "constructs";
import { MACSEC_KEY_HANDLER } from "./macsec-key-handler";
import { raiseAll } from "../core/fail";
import { checkMacSecKeySecretArn } from "../rules/ports";

/**
 * Which version of your secret holds the key: by default its `AWSCURRENT` version.
 */
export interface MacSecKeySecretOptions {
  /**
   * The version of the secret to read (`VersionId` of GetSecretValue). Changing it associates the key of
   * that version with every LAG and then disassociates the old key: this is how you rotate the key.
   *
   * @default - the version with `versionStage`
   */
  readonly versionId?: string;

  /**
   * The staging label of the version to read (`VersionStage` of GetSecretValue). Changing it associates the
   * key of that version, as `versionId` does.
   *
   * @default - AWSCURRENT (Secrets Manager's default)
   */
  readonly versionStage?: string;
}

/** The singleton's construct id in its stack. */
const PROVIDER_ID = "DirectConnectMacSecKeyProvider";

/** The resource type of the association, one per LAG. */
const MACSEC_KEY_RESOURCE_TYPE = "Custom::DirectConnectMacSecKey";

/**
 * The MACsec key (a CKN/CAK pair) to associate with every LAG a construct creates (`macSecKey`), at deploy,
 * through a custom resource per LAG: create associates the key (AssociateMacSecKey), delete disassociates it
 * (DisassociateMacSecKey), and a new key (a new secret, or a new `versionId`) is associated before the old
 * one is disassociated. CloudFormation has no property for the key; it never appears in the template.
 *
 * Make it with `MacSecKey.fromSecret()` (your secret, read at deploy) or
 * `MacSecKey.fromDirectConnectSecretArn()` (a key Direct Connect already stores). See docs/macsec.md.
 */
export class MacSecKey {
  /**
   * A CKN/CAK pair in your Secrets Manager secret, read at deploy.
   *
   * Its `SecretString` is JSON `{"ckn": "...", "cak": "..."}`, each 64 hexadecimal characters. At deploy a Lambda function reads it (GetSecretValue: it is granted read on
   * the secret) and associates the pair with every LAG; Direct Connect then stores the pair in a secret of
   * its own (https://docs.aws.amazon.com/directconnect/latest/UserGuide/direct-connect-mac-sec-getting-started.html).
   * Only the secret's ARN is in the template.
   *
   * @param secret the secret holding the CKN/CAK pair
   * @param options which version of the secret to read
   */
  public static fromSecret(secret: ISecret, options?: MacSecKeySecretOptions): MacSecKey {
    return new MacSecKey("secret", secret.secretArn, secret, options ?? {});
  }

  /**
   * A MACsec key Direct Connect already stores: the `secretARN` of a key in the `macSecKeys` of
   * DescribeLags or DescribeConnections (a key associated before, with the console, the API or another
   * construct). AssociateMacSecKey takes such an ARN; a secret you created yourself cannot be given this way
   * (use `fromSecret`).
   *
   * @param secretArn the ARN of the secret Direct Connect stores the key in
   */
  public static fromDirectConnectSecretArn(secretArn: string): MacSecKey {
    if (!Token.isUnresolved(secretArn)) raiseAll(checkMacSecKeySecretArn(secretArn), "`macSecKey`");
    return new MacSecKey("directConnect", secretArn, undefined, {});
  }

  /** The ARN of the secret: yours (`fromSecret`), or the one Direct Connect stores. */
  public readonly secretArn: string;
  /** `secret` (read at deploy) or `directConnect` (a key Direct Connect stores). */
  private readonly source: string;
  private readonly secret?: ISecret;
  private readonly options: MacSecKeySecretOptions;

  private constructor(
    source: string,
    secretArn: string,
    secret: ISecret | undefined,
    options: MacSecKeySecretOptions,
  ) {
    this.source = source;
    this.secretArn = secretArn;
    this.secret = secret;
    this.options = options;
  }

  /**
   * Associates the key with a LAG: a `Custom::DirectConnectMacSecKey` named `MacSecKey` under `scope` (the
   * device slot), served by the stack's one provider. It is kept when the stack is deleted or the resource
   * leaves it if the LAG is (`deletionPolicy` the LAG's), so a retained LAG keeps its key; a replaced
   * association is always disassociated.
   *
   * @internal
   */
  public _associate(scope: Construct, lag: CfnLag): CustomResource {
    const { handler, provider } = singleton(scope);
    handler.addToRolePolicy(
      new PolicyStatement({
        // Resource types dxcon and dxlag for both actions, as the Service Authorization Reference lists them
        // (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsdirectconnect.html).
        actions: ["directconnect:AssociateMacSecKey", "directconnect:DisassociateMacSecKey"],
        resources: [lag.attrLagArn],
      }),
    );
    if (this.secret) this.secret.grantRead(handler);
    const association = new CustomResource(scope, "MacSecKey", {
      serviceToken: provider.serviceToken,
      resourceType: MACSEC_KEY_RESOURCE_TYPE,
      properties: {
        ConnectionId: lag.attrLagId,
        KeySource: this.source,
        SecretArn: this.secretArn,
        VersionId: this.options.versionId,
        VersionStage: this.options.versionStage,
      },
    });
    const resource = association.node.defaultChild as CfnResource;
    resource.cfnOptions.deletionPolicy = lag.cfnOptions.deletionPolicy;
    resource.cfnOptions.updateReplacePolicy = CfnDeletionPolicy.DELETE;
    // The handler's policy (and so its permissions on this LAG) exists before the association runs.
    association.node.addDependency(handler);
    return association;
  }
}

/** The stack's provider of MACsec key associations: one handler, one framework function. */
class MacSecKeyProvider extends Construct {
  public readonly handler: LambdaFunction;
  public readonly provider: Provider;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.handler = new LambdaFunction(this, "Handler", {
      runtime: Runtime.NODEJS_22_X,
      handler: "index.onEvent",
      code: Code.fromInline(MACSEC_KEY_HANDLER),
      timeout: Duration.minutes(2),
      description: "Associates and disassociates Direct Connect MACsec keys (cdk-direct-connect-resiliency)",
    });
    // The first key association creates the service-linked role AWSServiceRoleForDirectConnect, which lets
    // Direct Connect read the MACsec secrets; the caller must be allowed to create it
    // (https://docs.aws.amazon.com/directconnect/latest/UserGuide/using-service-linked-roles.html).
    this.handler.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["iam:CreateServiceLinkedRole"],
        resources: [
          Stack.of(this).formatArn({
            service: "iam",
            region: "",
            resource: "role",
            resourceName: "aws-service-role/directconnect.amazonaws.com/AWSServiceRoleForDirectConnect*",
          }),
        ],
        conditions: { StringLike: { "iam:AWSServiceName": "directconnect.amazonaws.com" } },
      }),
    );
    // Read-only, for the handler to find a key already on a LAG when AssociateMacSecKey fails (a rollback
    // re-associates the old key). On `*`: whether DescribeLags takes resource-level permissions is not
    // verified here.
    this.handler.addToRolePolicy(
      new PolicyStatement({ actions: ["directconnect:DescribeLags"], resources: ["*"] }),
    );
    this.provider = new Provider(this, "Provider", { onEventHandler: this.handler });
    const framework = this.provider.node.findChild("framework-onEvent") as LambdaFunction;
    for (const fn of [this.handler, framework]) dependOnPolicyOnly(fn);
  }
}

/**
 * A function's `DependsOn` without its role, which its `Role` (GetAtt) already waits for: cfn-lint warns
 * of the duplicate (W3005). Its default policy stays, so it runs with its permissions.
 */
function dependOnPolicyOnly(fn: LambdaFunction): void {
  const policy = fn.role?.node.tryFindChild("DefaultPolicy") as Policy | undefined;
  const cfnPolicy = policy?.node.defaultChild as CfnResource | undefined;
  if (cfnPolicy === undefined) return;
  (fn.node.defaultChild as CfnResource).addOverride("DependsOn", [cfnPolicy.logicalId]);
}

/** The stack's one provider, made by its first association. */
function singleton(scope: Construct): MacSecKeyProvider {
  const stack = Stack.of(scope);
  return (
    (stack.node.tryFindChild(PROVIDER_ID) as MacSecKeyProvider | undefined) ??
    new MacSecKeyProvider(stack, PROVIDER_ID)
  );
}
