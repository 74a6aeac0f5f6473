import { SecretValue, Stack, Token } from "aws-cdk-lib";
import type { IConstruct } from "constructs";
import { WARNING_PREFIX } from "../core/rule";
import { PLAINTEXT_AUTH_KEY } from "../rules/virtual-interfaces";

/**
 * Where a BGP key lives, in words for the report, never the key: the Secrets Manager secret its dynamic
 * reference names, the stack parameter it refers to, or that it is in the
 * template in plain text. Undefined when no key is given (AWS generates one per session).
 *
 * The key's token is resolved to what the template holds (`{{resolve:secretsmanager:<id>:SecretString:...}}`
 * for `SecretValue.secretsManager(id)`), and only the reference's id is read from it.
 *
 * @internal
 */
export function authKeySourceOf(scope: IConstruct, authKey: SecretValue | undefined): string | undefined {
  if (authKey === undefined) return undefined;
  const raw = authKey.unsafeUnwrap();
  const plaintext =
    "the template, in plain text (warning " +
    `\`${WARNING_PREFIX}:${PLAINTEXT_AUTH_KEY.id}\`): keep it in Secrets Manager`;
  if (!Token.isUnresolved(raw)) return plaintext;
  const resolved: unknown = Stack.of(scope).resolve(raw);
  if (typeof resolved === "string") return dynamicReference(resolved) ?? plaintext;
  const ref = (resolved as { Ref?: unknown } | null)?.Ref;
  if (typeof ref === "string") return `the stack parameter ${ref}`;
  if (JSON.stringify(resolved).includes("{{resolve:secretsmanager:")) {
    return "a Secrets Manager secret whose id is known at deploy";
  }
  return "a value the template resolves at deploy";
}

/** The secret or parameter a dynamic reference names; undefined for a string that is none. */
function dynamicReference(text: string): string | undefined {
  const secret = /^\{\{resolve:secretsmanager:(.+):SecretString:([^:]*):([^:]*):([^:]*)\}\}$/.exec(text);
  if (secret) {
    const [, id, jsonKey, stage, version] = secret;
    const details = [
      jsonKey ? `JSON key ${jsonKey}` : "",
      stage ? `version stage ${stage}` : "",
      version ? `version ${version}` : "",
    ].filter((d) => d !== "");
    return `Secrets Manager secret ${id}${details.length > 0 ? ` (${details.join(", ")})` : ""}`;
  }
  return undefined;
}

/**
 * Whether a BGP key is a Systems Manager SecureString reference (`SecretValue.ssmSecure`,
 * `{{resolve:ssm-secure:...}}` in the template): CloudFormation resolves those in a short list of
 * properties only, and a BGP peer's `AuthKey` is not one of them (rule `authKeySsmSecure`).
 *
 * @internal
 */
export function isSsmSecureAuthKey(scope: IConstruct, authKey: SecretValue | undefined): boolean {
  if (authKey === undefined) return false;
  const raw = authKey.unsafeUnwrap();
  if (!Token.isUnresolved(raw)) return false;
  return JSON.stringify(Stack.of(scope).resolve(raw) ?? "").includes("{{resolve:ssm-secure:");
}
