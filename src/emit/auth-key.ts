import { SecretValue, Stack, Token } from "aws-cdk-lib";
import type { IConstruct } from "constructs";
import { WARNING_PREFIX } from "../core/rule";
import { PLAINTEXT_AUTH_KEY } from "../rules/virtual-interfaces";

/** What the plan reads of a BGP key, never the key: where it lives, and whether it is a SecureString. */
export interface AuthKeyPlace {
  /** Where the key lives, in words for the report; undefined for a SecureString. */
  readonly source?: string;
  /** The key is a Systems Manager SecureString reference (rule `authKeySsmSecure`). */
  readonly ssmSecure: boolean;
}

/**
 * Where a BGP key lives, in words for the report, never the key: the Secrets Manager secret its dynamic
 * reference names, the stack parameter it refers to, or that it is in the template in plain text. Undefined
 * when no key is given (AWS generates one per session).
 *
 * The key's token is resolved once to what the template holds (`{{resolve:secretsmanager:<id>:SecretString:...}}`
 * for `SecretValue.secretsManager(id)`), and only the reference's id is read from it. A Systems Manager
 * SecureString reference (`SecretValue.ssmSecure`, `{{resolve:ssm-secure:...}}`) is marked instead:
 * CloudFormation resolves those in a short list of properties only, and a BGP peer's `AuthKey` is not one
 * of them (rule `authKeySsmSecure`).
 *
 * @internal
 */
export function authKeyPlaceOf(
  scope: IConstruct,
  authKey: SecretValue | undefined,
): AuthKeyPlace | undefined {
  if (authKey === undefined) return undefined;
  const raw = authKey.unsafeUnwrap();
  const plaintext =
    "the template, in plain text (warning " +
    `\`${WARNING_PREFIX}:${PLAINTEXT_AUTH_KEY.id}\`): keep it in Secrets Manager`;
  if (!Token.isUnresolved(raw)) return { source: plaintext, ssmSecure: false };
  const resolved: unknown = Stack.of(scope).resolve(raw);
  const text = JSON.stringify(resolved) ?? "";
  if (text.includes("{{resolve:ssm-secure:")) return { ssmSecure: true };
  return { source: describe(resolved, text) ?? plaintext, ssmSecure: false };
}

/** Where a resolved key that is a token lives; undefined for a literal string that is no reference. */
function describe(resolved: unknown, text: string): string | undefined {
  if (typeof resolved === "string") return dynamicReference(resolved);
  const ref = (resolved as { Ref?: unknown } | null)?.Ref;
  if (typeof ref === "string") return `the stack parameter ${ref}`;
  const secret = text.includes("{{resolve:secretsmanager:");
  if (secret) return "a Secrets Manager secret whose id is known at deploy";
  return "a value the template resolves at deploy";
}

/** The secret a dynamic reference names; undefined for a string that is none. */
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
