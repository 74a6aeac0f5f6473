import { SOURCES, slotLabel, slotsOf } from "./layout";
import { warningRule, ruleFamily } from "../../core/fail";
import { RuleFinding } from "../../core/rule";
import { ConnectionTopology, TopologyDeviceSlot, VirtualInterfaceType } from "../../core/topology";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const VIRTUAL_INTERFACE_MISSING_RULES = ruleFamily({
  /** A device slot has no virtual interface to a gateway that other slots of its layout reach. */
  VIRTUAL_INTERFACE_MISSING: warningRule({
    id: "virtualInterfaceMissing",
    what: "a device slot without a virtual interface to a gateway (or to AWS public endpoints) that other slots of its layout reach",
    why:
      "Each virtual interface is one BGP session on one connection or LAG. A slot without one to a gateway " +
      "carries none of its traffic: the gateway has fewer redundant paths than the layout has slots.",
    source: SOURCES.resiliencyRecommendations,
    prop: "virtualInterfaces",
    audit: true,
  }),
});
export const { VIRTUAL_INTERFACE_MISSING } = VIRTUAL_INTERFACE_MISSING_RULES;

/** The gateway targets a slot's virtual interfaces reach: the gateway id, or `public`. */
function targetsOf(slot: TopologyDeviceSlot): Set<string> {
  return new Set(
    slot.virtualInterfaces.map((v) =>
      v.interfaceType === VirtualInterfaceType.PUBLIC ? "public" : v.target,
    ),
  );
}

/** Every device slot that lacks a virtual interface to a target another slot of the layout reaches. */
export function checkVirtualInterfaceMissing(topology: ConnectionTopology): RuleFinding[] {
  const slots = slotsOf(topology).map((slot) => ({ slot, targets: targetsOf(slot) }));
  const reached = new Set(slots.flatMap((s) => [...s.targets]));
  return slots.flatMap(({ slot, targets }) => {
    const missing = [...reached].filter((t) => !targets.has(t));
    if (missing.length === 0) return [];
    const named = missing.map((t) => (t === "public" ? "AWS public endpoints (a public interface)" : t));
    return [
      {
        rule: VIRTUAL_INTERFACE_MISSING,
        message:
          `${slotLabel(slot)} has no virtual interface to ${named.join(", ")}, which other device slots of this ` +
          "layout reach: it carries none of that traffic, so the gateway has fewer redundant paths than the " +
          "layout has slots. Add a virtual interface on it.",
        at: slot.id,
      },
    ];
  });
}
