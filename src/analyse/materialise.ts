import { DEVICE, Forest, LOCATION, PORT, VIF } from "./forest";
import { FailedElement, FailureKind, FailureScenario, PathVia, TargetPath } from "./scenario";
import { ScenarioTable } from "./table";
import { vpnCarriesGbps } from "../core/vpn-capacity";

// Turns a row of the scenario table into the objects of the public API. Internal: not exported by index.ts.

/** `FailureKind` by the forest's kind numbers. */
export const KINDS: ReadonlyArray<FailureKind> = [
  FailureKind.LOCATION,
  FailureKind.DEVICE,
  FailureKind.PORT,
  FailureKind.VIRTUAL_INTERFACE,
  FailureKind.CUSTOMER_GATEWAY,
  FailureKind.VPN_TUNNEL,
];

/** The elements of a row, ascending. */
export function rowElements(forest: Forest, table: ScenarioTable, row: number): number[] {
  const elements: number[] = [];
  for (let j = 0; j < table.width; j++) {
    const e = table.elements[row * table.width + j];
    if (e === forest.size) break;
    elements.push(e);
  }
  return elements;
}

/** The VPN capacity left with `tunnels` up: all of them with ECMP, else one. */
export function vpnCapacity(forest: Forest, tunnels: number): number {
  const vpn = forest.vpn;
  if (vpn === undefined) return 0;
  return vpnCarriesGbps(vpn.ecmp, tunnels, vpn.tunnelGbps);
}

/** The scenario of one row of the table. */
export function materialise(forest: Forest, table: ScenarioTable, row: number): FailureScenario {
  const elements = rowElements(forest, table, row);
  const failures: FailedElement[] = elements.map((e) => ({
    kind: KINDS[forest.kind[e]],
    id: forest.ids[e],
    description: forest.descriptions[e],
  }));
  const vpnCapacityGbps = vpnCapacity(forest, table.tunnels[row]);
  const t = forest.targets.length;
  const paths: TargetPath[] = forest.targets.map((target, j) => {
    const bgpSessions = table.sessions[row * t + j];
    const via =
      bgpSessions > 0
        ? PathVia.DIRECT_CONNECT
        : target.vpnBacked && vpnCapacityGbps > 0
          ? PathVia.VPN
          : PathVia.NONE;
    return { target: target.name, via, bgpSessions };
  });
  // a core network is reached through its Direct Connect gateways: their sessions are its sessions; the
  // VPN backup lands on a transit gateway or virtual private gateway, never on a core network
  for (const core of forest.coreNetworks) {
    const bgpSessions = core.targets.reduce((n, j) => n + table.sessions[row * t + j], 0);
    paths.push({
      target: core.name,
      via: bgpSessions > 0 ? PathVia.DIRECT_CONNECT : PathVia.NONE,
      bgpSessions,
    });
  }
  return {
    failures,
    survivingSlots: survivingSlots(forest, elements),
    survivingCapacityGbps: table.capacity[row],
    paths,
    vpnOnly: paths.some((p) => p.via === PathVia.VPN),
    vpnCapacityGbps,
  };
}

/** The ids of the slots that carry with `elements` failed (ports up to their minimum, a BGP session up). */
function survivingSlots(forest: Forest, elements: ReadonlyArray<number>): string[] {
  const down = new Set<number>();
  const portsDown = new Map<number, number>();
  const vifsDown = new Map<number, number>();
  for (const e of elements) {
    const kind = forest.kind[e];
    if (kind === LOCATION || kind === DEVICE) {
      for (let s = forest.slot[e]; s < forest.slotEnd[e]; s++) down.add(s);
    } else if (kind === PORT) {
      portsDown.set(forest.slot[e], (portsDown.get(forest.slot[e]) ?? 0) + 1);
    } else if (kind === VIF) {
      vifsDown.set(forest.slot[e], (vifsDown.get(forest.slot[e]) ?? 0) + 1);
    }
  }
  for (const [s, n] of portsDown) {
    if (forest.slots[s].ports - n < forest.slots[s].need) down.add(s);
  }
  // every BGP session of a slot lost: it carries nothing
  for (const [s, n] of vifsDown) {
    if (n === forest.slots[s].vifs) down.add(s);
  }
  return forest.slots.filter((slot, s) => slot.carrying && !down.has(s)).map((slot) => slot.id);
}
