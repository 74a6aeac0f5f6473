import { errorRule, finding, ruleFamily, warningRule } from "../core/fail";
import { RuleFinding } from "../core/rule";
import { SOURCES } from "../core/sources";

// The rules of a live estate (DirectConnectEstate): its input, and what only a live estate can show
// (the real AWS devices, the states now, a VPN that reaches none of its gateways).

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const ESTATE_RULES = ruleFamily({
  /** An output that is not what the AWS call returns. */
  ESTATE_INPUT: errorRule({
    id: "estateInput",
    what: "an estate output that is not the JSON the AWS call returns (for example `describeConnections` without its `connections` list)",
    why: "the estate is read from the AWS API's own output: anything else would be analysed as an estate it is not",
    prop: "outputs",
    source: SOURCES.connectionApi,
  }),
  /** Two circuits on one AWS device. */
  ESTATE_SHARED_DEVICE: warningRule({
    id: "estateSharedDevice",
    what: "two or more LAGs or standalone connections on one AWS device (the same `awsDeviceV2`)",
    why:
      "one device failure takes all of them down together: a layout that counts them as separate devices " +
      "overstates what it survives",
    source: SOURCES.connectionApi,
  }),
  /** Something that carries nothing now. */
  ESTATE_NOT_AVAILABLE: warningRule({
    id: "estateNotAvailable",
    what: "a connection, LAG or virtual interface that is not `available` now, or a BGP session or VPN tunnel that is down",
    why:
      "it carries nothing now: the estate already runs with less than it was built for, and the next failure " +
      "counts from there",
    source: SOURCES.connectionApi,
  }),
  /** A VPN that backs none of the estate's gateways. */
  ESTATE_VPN_UNREACHED: warningRule({
    id: "estateVpnUnreached",
    what:
      "a Site-to-Site VPN on a gateway that no virtual interface of the estate reaches (neither that virtual " +
      "private gateway nor a Direct Connect gateway associated with it)",
    why: "a VPN backs up only the gateway it terminates on: this one backs up no Direct Connect path",
    source: SOURCES.vpnFailover,
  }),
  /** A gateway id the estate does not have. */
  ESTATE_GATEWAY_UNKNOWN: errorRule({
    id: "estateGatewayUnknown",
    what: "a `gatewayId` that no virtual interface of the estate reaches",
    why: "the estate analyses the paths to the gateways its virtual interfaces land on: another id has none",
    prop: "gatewayId",
  }),
});
export const {
  ESTATE_INPUT,
  ESTATE_SHARED_DEVICE,
  ESTATE_NOT_AVAILABLE,
  ESTATE_VPN_UNREACHED,
  ESTATE_GATEWAY_UNKNOWN,
} = ESTATE_RULES;

/** A gateway id among the estate's (`known`). */
export function checkGatewayKnown(gatewayId: string, known: ReadonlyArray<string>): RuleFinding[] {
  if (known.includes(gatewayId)) return [];
  return [
    finding(
      ESTATE_GATEWAY_UNKNOWN,
      `\`gatewayId\` ${JSON.stringify(gatewayId)} is no gateway of the estate: one of ${known.join(", ") || "none"}.`,
    ),
  ];
}

/** An output that is not an object with its list (`what`: e.g. `{ "connections": [...] }`). */
export function checkEstateOutput(key: string, shapeOk: boolean, what: string): RuleFinding[] {
  if (shapeOk) return [];
  return [
    finding(
      ESTATE_INPUT,
      `\`${key}\` is not the output of the AWS call: expected ${what}, exactly as \`aws ... --output json\` prints it.`,
    ),
  ];
}

/** Circuits that share one AWS device. */
export function checkSharedDevice(
  device: string,
  circuits: ReadonlyArray<string>,
  at: string,
): RuleFinding[] {
  if (circuits.length < 2) return [];
  return [
    finding(
      ESTATE_SHARED_DEVICE,
      `${circuits.join(", ")} sit on one AWS device (${device}), so one device failure takes them all down: ` +
        `they are one device slot (${at}) here. Order the next LAG or connection on another device.`,
      at,
    ),
  ];
}

/** Elements not available now, in words (`what`: `connection dxcon-1 (down)`). */
export function checkNotAvailable(what: ReadonlyArray<string>): RuleFinding[] {
  if (what.length === 0) return [];
  return [
    finding(
      ESTATE_NOT_AVAILABLE,
      `Not available now: ${what.join(", ")}. The analysis counts them as failed in the scenario "now".`,
    ),
  ];
}

/** A VPN whose gateway no virtual interface reaches. */
export function checkVpnUnreached(vpn: string, gateway: string, reached: boolean): RuleFinding[] {
  if (reached) return [];
  return [
    finding(
      ESTATE_VPN_UNREACHED,
      `VPN ${vpn} terminates on ${gateway}, which no virtual interface of the estate reaches (directly or ` +
        "through a Direct Connect gateway association): it backs up no Direct Connect path. Associate that " +
        "gateway with the Direct Connect gateway it should back, or move the VPN.",
      `vpn/${vpn}`,
    ),
  ];
}
