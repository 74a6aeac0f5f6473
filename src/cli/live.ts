import {
  DescribeConnectionsCommand,
  DescribeDirectConnectGatewayAssociationsCommand,
  DescribeDirectConnectGatewaysCommand,
  DescribeLagsCommand,
  DescribeVirtualInterfacesCommand,
  DirectConnectClient,
} from "@aws-sdk/client-direct-connect";
import {
  DescribeCustomerGatewaysCommand,
  DescribeVpnConnectionsCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import {
  allPages,
  callContext,
  CallOptions,
  clientConfig,
  dx,
  ec2,
  isObject,
  PAGE_SIZE,
  withRetries,
} from "./aws-calls";
import { EstateKey } from "./files";

/** Options of `readLiveEstate`: the Region, the clients (tests), and how the calls retry and log. */
export interface LiveEstateOptions extends CallOptions {
  /** The AWS Region whose Direct Connect and EC2 resources are read. */
  readonly region: string;
  /** The Direct Connect client to use instead of one made from `region` and `profile` (tests). */
  readonly directConnect?: DirectConnectClient;
  /** The EC2 client to use instead of one made from `region` and `profile` (tests). */
  readonly ec2?: EC2Client;
}

/** The line logged because the resiliency groups are not read live. */
export const RESILIENCY_GROUPS_NOTE =
  "resiliency groups: read only from saved files (estate --from DIR with `aws directconnect " +
  "list-resiliency-groups`, `get-resiliency-group` and `list-resiliency-group-associations`): the AWS SDK " +
  "for JavaScript has no resiliency-group calls yet";

/** Made with `maxAttempts: 1`: the retries are `readLiveEstate`'s own, never the SDK's on top of them. */
export function createClients(
  region: string,
  profile?: string,
): { directConnect: DirectConnectClient; ec2: EC2Client } {
  const config = clientConfig(region, profile);
  return { directConnect: new DirectConnectClient(config), ec2: new EC2Client(config) };
}

/** A timestamp as the AWS CLI prints it (ISO 8601, UTC offset): 2024-05-01T10:00:00+00:00. */
export function cliTimestamp(date: Date): string {
  const [whole, millis] = date.toISOString().slice(0, -1).split(".");
  return `${whole}${millis === undefined || millis === "000" ? "" : `.${millis}000`}+00:00`;
}

/** An SDK value as the AWS CLI's JSON prints it: timestamps as ISO strings, no undefined members. */
export function toCliJson(value: unknown): unknown {
  if (value instanceof Date) return cliTimestamp(value);
  if (Array.isArray(value)) return value.map(toCliJson);
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, toCliJson(v)]),
    );
  }
  return value;
}

/**
 * Reads the Direct Connect and VPN estate of one Region of a live account, read-only (describe calls
 * only), in the shape of the saved files of `readEstateDir`: each key holds what `aws ... --output json`
 * prints for its call (every page merged, no pagination token, no response metadata, timestamps as ISO
 * strings). Direct Connect gateway associations are read per gateway (the API needs a gateway id) and
 * merged into one output. Resiliency groups are absent: the AWS SDK for JavaScript has no
 * resiliency-group calls yet (one `log` line says so).
 *
 * @throws Error naming the call and the IAM action it needs, on an error that is not retried; or naming
 * the call, once throttling outlasts `maxAttempts`.
 */
export async function readLiveEstate(options: LiveEstateOptions): Promise<Record<string, unknown>> {
  const created =
    options.directConnect === undefined || options.ec2 === undefined
      ? createClients(options.region, options.profile)
      : undefined;
  const directConnect = options.directConnect ?? created!.directConnect;
  const ec2Client = options.ec2 ?? created!.ec2;
  const context = callContext(options);
  try {
    context.log(RESILIENCY_GROUPS_NOTE);
    const outputs: Partial<Record<EstateKey, unknown>> = {};

    outputs.describeConnections = {
      connections: await allPages(
        context,
        dx("DescribeConnections"),
        "connections",
        (nextToken: string | undefined) =>
          directConnect.send(new DescribeConnectionsCommand({ maxResults: PAGE_SIZE, nextToken })),
      ),
    };
    outputs.describeLags = {
      lags: await allPages(context, dx("DescribeLags"), "lags", (nextToken: string | undefined) =>
        directConnect.send(new DescribeLagsCommand({ maxResults: PAGE_SIZE, nextToken })),
      ),
    };
    outputs.describeVirtualInterfaces = {
      virtualInterfaces: await allPages(
        context,
        dx("DescribeVirtualInterfaces"),
        "virtualInterfaces",
        (nextToken: string | undefined) =>
          directConnect.send(new DescribeVirtualInterfacesCommand({ maxResults: PAGE_SIZE, nextToken })),
      ),
    };
    const gateways = await allPages(
      context,
      dx("DescribeDirectConnectGateways"),
      "directConnectGateways",
      (nextToken: string | undefined) =>
        directConnect.send(new DescribeDirectConnectGatewaysCommand({ maxResults: PAGE_SIZE, nextToken })),
    );
    outputs.describeDirectConnectGateways = { directConnectGateways: gateways };

    // The API needs a gateway (Direct Connect, virtual private or transit) per call: one call per Direct
    // Connect gateway, every page, merged as the saved file holds them.
    const associations: unknown[] = [];
    for (const gateway of gateways) {
      const id = isObject(gateway) ? gateway.directConnectGatewayId : undefined;
      if (typeof id !== "string") continue;
      associations.push(
        ...(await allPages(
          context,
          dx("DescribeDirectConnectGatewayAssociations"),
          "directConnectGatewayAssociations",
          (nextToken: string | undefined) =>
            directConnect.send(
              new DescribeDirectConnectGatewayAssociationsCommand({
                directConnectGatewayId: id,
                maxResults: PAGE_SIZE,
                nextToken,
              }),
            ),
        )),
      );
    }
    outputs.describeDirectConnectGatewayAssociations = { directConnectGatewayAssociations: associations };

    // EC2 returns these in one response: neither call takes MaxResults or NextToken.
    const vpn = await withRetries(context, ec2("DescribeVpnConnections"), () =>
      ec2Client.send(new DescribeVpnConnectionsCommand({})),
    );
    outputs.describeVpnConnections = { VpnConnections: vpn.VpnConnections ?? [] };
    const customerGateways = await withRetries(context, ec2("DescribeCustomerGateways"), () =>
      ec2Client.send(new DescribeCustomerGatewaysCommand({})),
    );
    outputs.describeCustomerGateways = { CustomerGateways: customerGateways.CustomerGateways ?? [] };

    return toCliJson(outputs) as Record<string, unknown>;
  } finally {
    created?.directConnect.destroy();
    created?.ec2.destroy();
  }
}
