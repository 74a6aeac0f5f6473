import { IConstruct } from "constructs";
import { mark, report } from "./findings";
import { TopologyVpnBackup } from "../core/topology";
import { AppUsage, VpnAddresses } from "../plan/usage";

/** The one registry of each app: what its constructs use, for the rules that count across the app. */
const byApp = new WeakMap<IConstruct, AppUsage>();

/**
 * The usage of the app `scope` is in (keyed by the app's root construct).
 *
 * @internal
 */
export function appUsage(scope: IConstruct): AppUsage {
  const root = scope.node.root;
  let usage = byApp.get(root);
  if (!usage) {
    usage = new AppUsage();
    byApp.set(root, usage);
  }
  return usage;
}

/**
 * Registers the VPN backup of `construct` in its app's address book: two VPN connections from one
 * address, or one inside CIDR twice, on one target are reported on `construct` (an error across the
 * app), which also names the owner of each device in messages (`<construct path>/<device>`).
 */
export function registerVpnAddresses(construct: IConstruct, vpn: TopologyVpnBackup): void {
  const book = appUsage(construct).vpnAddresses;
  const addresses: VpnAddresses = {
    targetId: mark(vpn.targetId),
    connections: vpn.connections.map((c) => ({ ...c, customerGatewayIp: mark(c.customerGatewayIp) })),
  };
  report(construct, book.check(addresses));
  book.add(addresses, (device) => `${construct.node.path}/${device}`);
}
