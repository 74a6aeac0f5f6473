/**
 * Port speeds and LAG member limits of dedicated connections.
 *
 * - Dedicated ports are 1, 10, 100 or 400 Gbps (docs/facts.md §4.1).
 * - A LAG holds equal ports: at most 4 below 100 Gbps, at most 2 at 100 or 400 Gbps (§4.2; the UG
 *   LAG page and the CreateLag API say 2 for 400G, GR-QUOTAS says 4 without a speed split, §9.3:
 *   the stricter limit is used, so a plan never asks for a LAG AWS refuses).
 */
import { errorRule, finding, raiseAll, ruleFamily } from "./fail";
import { show } from "./props";
import type { RuleFinding } from "./rule";
import { SOURCES } from "./sources";

// The two rules of a bandwidth value live with it: `ConnectionBandwidth.gbps(n)` checks them as it is made,
// and rules/ports.ts lists them in its family.

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const BANDWIDTH_RULES = ruleFamily({
  BANDWIDTH_WHOLE_GBPS: errorRule({
    id: "bandwidthWholeGbps",
    what: "`ConnectionBandwidth.gbps(n)` with n not a whole positive number",
    why: "the planner needs a literal capacity to plan the ports of every slot",
    source: SOURCES.dedicatedConnections,
    prop: "bandwidth",
  }),
  BANDWIDTH_REALISABLE: errorRule({
    id: "bandwidthRealisable",
    what:
      "a bandwidth that equal 1/10/100/400 Gbps ports within the LAG limits (4 below 100G, 2 at 100G/400G) cannot " +
      "build (the message gives the nearest values)",
    why: "a LAG holds equal dedicated ports, at most 4 below 100 Gbps and 2 at 100 and 400 Gbps",
    source: SOURCES.lags,
    prop: "bandwidth",
  }),
});
export const { BANDWIDTH_WHOLE_GBPS, BANDWIDTH_REALISABLE } = BANDWIDTH_RULES;

const PORT_SPEEDS_GBPS: ReadonlyArray<number> = [1, 10, 100, 400];

/** Maximum LAG members at a port speed (facts §4.2). */
export function maxLagMembers(portSpeedGbps: number): number {
  return portSpeedGbps >= 100 ? 2 : 4;
}

interface Realisation {
  readonly capacityGbps: number;
  readonly portSpeedGbps: number;
  readonly portCount: number;
}

/** Every device-slot capacity that equal dedicated ports within the LAG limits can build, ascending. */
const REALISABLE: ReadonlyArray<Realisation> = PORT_SPEEDS_GBPS.flatMap((speed) =>
  Array.from({ length: maxLagMembers(speed) }, (_, i) => ({
    capacityGbps: speed * (i + 1),
    portSpeedGbps: speed,
    portCount: i + 1,
  })),
).sort((a, b) => a.capacityGbps - b.capacityGbps);

function describe(r: Realisation): string {
  return r.portCount === 1
    ? `${r.capacityGbps} Gbps (1 port)`
    : `${r.capacityGbps} Gbps (${r.portCount} x ${r.portSpeedGbps} Gbps)`;
}

/** How equal dedicated ports build a capacity; undefined when none can. */
function realisationOf(capacityGbps: number): Realisation | undefined {
  return REALISABLE.find((r) => r.capacityGbps === capacityGbps);
}

/**
 * §4.1, §4.2: a capacity per device slot is a whole positive number of Gbps that equal dedicated ports
 * build within the LAG member limits (the message gives the nearest that can).
 */
export function checkBandwidthGbps(capacityGbps: number): RuleFinding[] {
  const allowed = REALISABLE.map((r) => r.capacityGbps).join(", ");
  if (!Number.isInteger(capacityGbps) || capacityGbps <= 0) {
    return [
      finding(
        BANDWIDTH_WHOLE_GBPS,
        `\`bandwidth\`: ConnectionBandwidth.gbps(${show(capacityGbps)}) is not a whole positive number of Gbps ` +
          `(a literal value is needed to plan ports). Allowed: ${allowed}.`,
      ),
    ];
  }
  if (realisationOf(capacityGbps) !== undefined) return [];
  const below = [...REALISABLE].reverse().find((r) => r.capacityGbps < capacityGbps);
  const above = REALISABLE.find((r) => r.capacityGbps > capacityGbps);
  const nearest = [below, above].filter((r): r is Realisation => r !== undefined).map(describe);
  return [
    finding(
      BANDWIDTH_REALISABLE,
      `\`bandwidth\`: ${capacityGbps} Gbps cannot be built from equal dedicated ports (1, 10, 100 or 400 Gbps) ` +
        "within the LAG member limits (at most 4 ports below 100 Gbps, 2 at 100 and 400 Gbps). " +
        `Nearest that can: ${nearest.join(" or ")}. Allowed: ${allowed}.`,
    ),
  ];
}

/**
 * The capacity of one device slot (one AWS device at one location) and the ports that build it.
 *
 * A native port speed is one port; any other capacity becomes a LAG of equal ports, as the
 * Direct Connect Resiliency Toolkit does: 20 Gbps is 2 x 10 Gbps, 40 Gbps is 4 x 10 Gbps,
 * 200 Gbps is 2 x 100 Gbps, 800 Gbps is 2 x 400 Gbps.
 *
 * Changing the ports per slot at the same port speed (10 Gbps to `gbps(20)`) adds member ports and
 * replaces nothing; changing the port speed replaces every port and LAG of the construct (`Bandwidth`
 * and `ConnectionsBandwidth` are create-only): new physical orders, new LOAs.
 */
export class ConnectionBandwidth {
  /** One 1 Gbps port per device slot. */
  public static readonly GBPS_1 = ConnectionBandwidth.gbps(1);
  /** One 10 Gbps port per device slot. */
  public static readonly GBPS_10 = ConnectionBandwidth.gbps(10);
  /** One 100 Gbps port per device slot. */
  public static readonly GBPS_100 = ConnectionBandwidth.gbps(100);
  /** One 400 Gbps port per device slot (offered at select locations only). */
  public static readonly GBPS_400 = ConnectionBandwidth.gbps(400);

  /**
   * The capacity of each device slot in Gbps.
   *
   * A value no single port has becomes a LAG of equal ports. Allowed: 1, 2, 3, 4 (x 1 Gbps),
   * 10, 20, 30, 40 (x 10 Gbps), 100, 200 (x 100 Gbps), 400 and 800 (x 400 Gbps).
   *
   * @param capacityGbps the capacity of one device slot, in Gbps
   */
  public static gbps(capacityGbps: number): ConnectionBandwidth {
    raiseAll(checkBandwidthGbps(capacityGbps), "`bandwidth`");
    return new ConnectionBandwidth(realisationOf(capacityGbps)!);
  }

  /**
   * Every capacity a device slot can have, ascending: 1, 2, 3, 4 (x 1 Gbps), 10, 20, 30, 40 (x 10 Gbps),
   * 100, 200 (x 100 Gbps), 400 and 800 (x 400 Gbps).
   */
  public static all(): ConnectionBandwidth[] {
    return REALISABLE.map((r) => ConnectionBandwidth.gbps(r.capacityGbps));
  }

  /** The capacity of one device slot, in Gbps (port speed x ports). */
  public readonly capacityGbps: number;
  /** The speed of each port, in Gbps. */
  public readonly portSpeedGbps: number;
  /** How many equal ports each device slot's LAG holds. */
  public readonly portCount: number;
  /** The port speed as CloudFormation writes it (`Bandwidth`, `ConnectionsBandwidth`), e.g. `10Gbps`. */
  public readonly portBandwidth: string;

  private constructor(r: Realisation) {
    this.capacityGbps = r.capacityGbps;
    this.portSpeedGbps = r.portSpeedGbps;
    this.portCount = r.portCount;
    this.portBandwidth = `${r.portSpeedGbps}Gbps`;
  }

  /** For example `20 Gbps (2 x 10 Gbps)`. */
  public toString(): string {
    return describe(this);
  }
}
