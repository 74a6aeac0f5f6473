/**
 * SiteLink paths: which Direct Connect locations of a topology exchange traffic over the AWS backbone,
 * and through which gateway. "Once all VIFs are attached to the same Direct Connect gateway (DXGW) ...
 * you can start sending data between them" (AWS blog, Introducing AWS Direct Connect SiteLink,
 * https://aws.amazon.com/blogs/networking-and-content-delivery/introducing-aws-direct-connect-sitelink/):
 * two locations are linked when each has a SiteLink interface on the same Direct Connect gateway.
 */
import { ConnectionTopology, TopologyVirtualInterface, VirtualInterfaceType } from "../core/topology";

/** The SiteLink interfaces of one Direct Connect gateway and the location pairs they link. */
export interface SiteLinkGateway {
  /** The gateway id (or a deploy-time token). */
  readonly target: string;
  /** The locations with a SiteLink interface on it, sorted. */
  readonly locations: string[];
  /** The pairs of those locations that exchange traffic through it, `[a, b]` with a before b. */
  readonly pairs: Array<[string, string]>;
  /** Its SiteLink interfaces. */
  readonly interfaces: TopologyVirtualInterface[];
}

/**
 * The interfaces of a topology with SiteLink on (public interfaces never: SiteLink is for private and
 * transit interfaces).
 */
export function siteLinkInterfaces(topology: ConnectionTopology): TopologyVirtualInterface[] {
  return topology.locations
    .flatMap((l) => l.deviceSlots)
    .flatMap((s) => s.virtualInterfaces)
    .filter((v) => v.siteLink === true && v.interfaceType !== VirtualInterfaceType.PUBLIC);
}

/** The SiteLink interfaces by gateway, gateways in order of first appearance, with their location pairs. */
export function siteLinkGateways(topology: ConnectionTopology): SiteLinkGateway[] {
  const byTarget = new Map<string, TopologyVirtualInterface[]>();
  for (const v of siteLinkInterfaces(topology)) {
    byTarget.set(v.target, [...(byTarget.get(v.target) ?? []), v]);
  }
  return [...byTarget.entries()].map(([target, interfaces]) => {
    const locations = [...new Set(interfaces.map((v) => v.location))].sort();
    const pairs = locations.flatMap((a, i) => locations.slice(i + 1).map((b): [string, string] => [a, b]));
    return { target, locations, pairs, interfaces };
  });
}
