import { SOURCES, slotLabel, slotsOf } from "./layout";
import { warningRule, ruleFamily } from "../../core/fail";
import { RuleFinding } from "../../core/rule";
import { ConnectionTopology } from "../../core/topology";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const MACSEC_MISMATCH_RULES = ruleFamily({
  /** A LAG requests MACsec and a member port does not, or the reverse. */
  MACSEC_MISMATCH: warningRule({
    id: "macSecMismatch",
    what: "MACsec requested on a LAG but not on a member port, or on a member port but not on its LAG",
    why:
      "All connections of a MACsec LAG must support MACsec, and `RequestMACSec` is what orders a port that does. " +
      "A port that joins a LAG takes the LAG's MACsec key in place of its own, and a LAG without MACsec has none. " +
      "Both are create-only: fixing it later replaces the resource.",
    source: SOURCES.lag,
    prop: "requestMacSec",
    audit: true,
  }),
});
export const { MACSEC_MISMATCH } = MACSEC_MISMATCH_RULES;

/**
 * Every member port whose MACsec request differs from its LAG's, at the port. New members of an existing
 * LAG are left out: what that LAG requested is unknown here.
 */
export function checkMacSecMismatch(topology: ConnectionTopology): RuleFinding[] {
  const lags = slotsOf(topology).filter((slot) => slot.existingConnectionId === undefined);
  return lags.flatMap((slot) =>
    slot.ports
      .filter((port) => (port.requestMacSec ?? slot.requestMacSec) !== slot.requestMacSec)
      .map((port) => ({
        rule: MACSEC_MISMATCH,
        message: slot.requestMacSec
          ? `Port ${port.id} (${port.connectionName}) does not request MACsec, but its LAG ${slotLabel(slot)} does: ` +
            "all connections of a MACsec LAG must support MACsec. Set RequestMACSec on the port too."
          : `Port ${port.id} (${port.connectionName}) requests MACsec, but its LAG ${slotLabel(slot)} does not: ` +
            "the LAG carries its traffic unencrypted. Request MACsec on the LAG too, or on neither.",
        at: port.id,
      })),
  );
}
