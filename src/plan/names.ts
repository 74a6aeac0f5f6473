import { show } from "./props";

/** A name that becomes part of construct ids, logical IDs and resource names (a spec's purpose, a device). */
const ID_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/;

/** Checks such a name and returns it, or throws naming the prop and what is allowed. */
export function checkIdName(name: unknown, what: string): string {
  if (typeof name !== "string" || !ID_NAME.test(name)) {
    throw new Error(
      `\`name\` ${show(name)} of a ${what} is not allowed: 1 to 32 letters, digits and - (not first or last); ` +
        "it names the resources and their logical IDs.",
    );
  }
  return name;
}

/** Ids (or ARNs) of the gateways the constructs attach to (EC2 and DirectConnectGatewayAssociation patterns). */
export const GATEWAY_ID_PATTERNS = {
  transitGatewayIdOrArn:
    /^(arn:aws[a-z-]*:ec2:[a-z0-9-]+:[0-9]{12}:transit-gateway\/)?tgw-[a-zA-Z0-9]{8,32}$/,
  virtualGatewayIdOrArn: /^(arn:aws[a-z-]*:ec2:[a-z0-9-]+:[0-9]{12}:vpn-gateway\/)?vgw-[a-zA-Z0-9]{8,32}$/,
  transitGatewayId: /^tgw-[a-zA-Z0-9]{8,32}$/,
  virtualGatewayId: /^vgw-[a-zA-Z0-9]{8,32}$/,
} as const;

/**
 * Checks a literal id against its pattern, or throws naming the prop, the value and what is allowed.
 * Returns false, checking nothing, for a value known only at deploy time.
 */
export function checkResourceId(
  prop: string,
  value: unknown,
  pattern: RegExp,
  allowed: string,
  unresolved: (v: unknown) => boolean,
): boolean {
  if (unresolved(value)) {
    return false;
  }
  if (typeof value !== "string" || !pattern.test(value)) {
    throw new Error(`\`${prop}\` ${show(value)} is not allowed: ${allowed}.`);
  }
  return true;
}
