import { SOURCES, claimOf, portSpeedOf, slotLabel, slotsOf } from "./layout";
import { errorRule, ruleFamily } from "../../core/fail";
import { RuleFinding } from "../../core/rule";
import { ConnectionTopology } from "../../core/topology";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const MIXED_PORT_SPEEDS_RULES = ruleFamily({
  /** The device slots of a layout that claims a model have different port speeds. */
  MIXED_PORT_SPEEDS: errorRule({
    id: "mixedPortSpeeds",
    what: "ports of different speeds in a layout that claims a model",
    why:
      "The Resiliency Toolkit orders the redundant connections of a model at the same speed: when a faster " +
      "path fails, a slower one cannot carry its traffic, so the layout does not keep what its model promises " +
      "(a model construct with an existing circuit of another port speed fails synth; the audit reports it too).",
    source: SOURCES.resiliencyToolkit,
    prop: "bandwidth",
    audit: true,
  }),
});
export const { MIXED_PORT_SPEEDS } = MIXED_PORT_SPEEDS_RULES;

/**
 * Every device slot of a claimed layout whose port speed differs from the layout's most common one
 * (the fastest among equally common ones). Slots of unknown speed are left out.
 */
export function checkMixedPortSpeeds(topology: ConnectionTopology): RuleFinding[] {
  if (claimOf(topology) === undefined) return [];
  const speeds = slotsOf(topology).flatMap((slot) => {
    const speed = portSpeedOf(slot);
    return speed === undefined ? [] : [{ slot, speed }];
  });
  const counts = new Map<number, number>();
  for (const { speed } of speeds) counts.set(speed, (counts.get(speed) ?? 0) + 1);
  if (counts.size < 2) return [];
  const [usual] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return speeds
    .filter(({ speed }) => speed !== usual)
    .map(({ slot, speed }) => ({
      rule: MIXED_PORT_SPEEDS,
      message:
        `${slotLabel(slot)} has ${speed} Gbps ports, the other paths of this ${topology.model.name} layout ` +
        `${usual} Gbps: the Resiliency Toolkit orders redundant connections at the same speed, so that any ` +
        "path can carry the traffic of a failed one.",
      at: slot.id,
    }));
}
