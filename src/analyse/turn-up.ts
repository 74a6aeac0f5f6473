import { SOURCES } from "../core/sources";
import {
  ConnectionTopology,
  TopologyDeviceSlot,
  TopologyPort,
  TopologyVirtualInterface,
  VirtualInterfaceType,
} from "../core/topology";

// The turn-up section of the report: from order to first packet. Per port what to order and do (the
// LOA-CFA and the cross-connect, facts §5), per virtual interface what to configure on the router (VLAN,
// peers, ASNs, where the BGP key lives, never the key; MTU; BFD, facts §1.4). It reads the topology only.

/** What the turn-up section reads. */
export interface TurnUpInput {
  readonly topology: ConnectionTopology;
  /** A readable name for a gateway target. */
  readonly label: (target: string) => string;
  /** Whether the ports exist already (a live estate): their state says what is left, nothing is ordered. */
  readonly inService?: boolean;
}

/** The section, its heading at `level` (`##` in a construct's report). */
export function turnUpSection(input: TurnUpInput, level = "##"): string[] {
  const slots = input.topology.locations.flatMap((l) => l.deviceSlots);
  return [
    `${level} Turn-up`,
    "",
    "From order to first packet: what the colocation provider and the network team need, port by port and " +
      "virtual interface by virtual interface.",
    "",
    `${level}# Ports`,
    "",
    ...portSteps(slots, input.inService === true),
    `${level}# Router side, per virtual interface`,
    "",
    ...routerSteps(slots, input.label),
  ];
}

/**
 * The ports of the slots with what to order and do for each, and the LOA-CFA steps when a port needs
 * them: the table and the notes, each paragraph followed by an empty line.
 */
export function portSteps(slots: ReadonlyArray<TopologyDeviceSlot>, inService: boolean): string[] {
  const rows = slots.flatMap((slot) => portRows(slot, inService));
  if (rows.length === 0) return ["No ports.", ""];
  const ordered = slots.some((s) => s.ports.some((p) => p.connectionState === undefined));
  const waiting = slots.some((s) =>
    s.ports.some((p) => p.connectionState === "requested" || p.connectionState === "pending"),
  );
  const out = [
    "| Location | Slot | LAG | Port | Speed | To do |",
    "|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
    "",
  ];
  if (ordered && !inService) {
    out.push(
      "The deploy orders the ports. AWS reviews each order (it may ask for details by email: with no answer " +
        "within 7 days the request is deleted) and provisions the port within 72 hours. The ports' ids " +
        "(`dxcon-`) are known once deployed: in the console, or as stack outputs with `outputs: true`.",
      "",
    );
  }
  if ((ordered && !inService) || waiting) {
    out.push(
      "Per port, download its LOA-CFA (Letter of Authorization and Connecting Facility Assignment) in the " +
        "console or with `aws directconnect describe-loa --connection-id <dxcon- id>` (`loaContent` is the " +
        "PDF, base64-encoded), and give it to your colocation provider (or the network provider that brings " +
        "the circuit) for the cross-connect to the AWS port. Billing starts when the port is up or 90 days " +
        "after the LOA-CFA is issued, whichever comes first; an LOA-CFA not used within 90 days expires. " +
        `Sources: [Dedicated connections](${SOURCES.dedicatedConnections}), [DescribeLoa](${SOURCES.describeLoa}).`,
      "",
    );
  }
  return out;
}

/** The rows of one slot: one per port, or one for an existing circuit. */
function portRows(slot: TopologyDeviceSlot, inService: boolean): string[][] {
  if (slot.existingConnectionId !== undefined) {
    return [
      [
        slot.location,
        String(slot.slotNumber),
        "-",
        `existing ${slot.existingConnectionId}`,
        slot.portBandwidth,
        "an existing circuit: nothing to order",
      ],
    ];
  }
  const lag =
    slot.lagName === undefined
      ? "-"
      : `${slot.lagName} (${slot.ports.length} port${slot.ports.length === 1 ? "" : "s"})`;
  return slot.ports.map((port) => [
    slot.location,
    String(slot.slotNumber),
    lag,
    port.connectionName,
    port.bandwidth,
    portToDo(port, slot, inService),
  ]);
}

/** What is left to do for one port: all of it for a new port, what its state says for one that exists. */
function portToDo(port: TopologyPort, slot: TopologyDeviceSlot, inService: boolean): string {
  const provider = slot.providerName ?? "the colocation provider";
  const handOver = `give it to ${provider} for the cross-connect`;
  const loa = `download its LOA-CFA and ${handOver}`;
  const keyPending = (port.requestMacSec ?? slot.requestMacSec) && port.connectionState !== "available";
  const macSec = !keyPending
    ? ""
    : slot.macSecKey
      ? "; MACsec: the deploy associates the key (CKN/CAK) with its LAG: configure the same key on your router"
      : "; MACsec: associate its key (CKN/CAK) once the port exists, outside CloudFormation";
  const state = port.connectionState;
  if (state === undefined) {
    return inService ? "in service: nothing to order" : `ordered by the deploy; then ${loa}${macSec}`;
  }
  switch (state) {
    case "ordering":
      return "`ordering`: a hosted connection its partner ordered: accept it (console, or `aws directconnect confirm-connection`)";
    case "requested":
      return `\`requested\`: AWS is reviewing the order; once it issues the LOA-CFA, download it and ${handOver}${macSec}`;
    case "pending":
      return `\`pending\`: ${loa} (unless done)${macSec}`;
    case "available":
      return "`available`: in service, nothing to order";
    case "down":
      return "`down`: nothing to order; the link is down: check the cross-connect and your router's port";
    default:
      return `\`${state}\`: check the port in the console`;
  }
}

/** The router side of every virtual interface: the table, then what holds for every interface. */
function routerSteps(slots: ReadonlyArray<TopologyDeviceSlot>, label: (target: string) => string): string[] {
  const vifs = slots.flatMap((s) => s.virtualInterfaces);
  if (vifs.length === 0) {
    return ["No virtual interfaces: nothing to configure on the routers for this layout.", ""];
  }
  return [
    "| Virtual interface | Lands on | VLAN | BGP peers | Your ASN | Amazon ASN | BGP key | MTU |",
    "|---|---|---|---|---|---|---|---|",
    ...vifs.map(
      (v) =>
        `| ${v.virtualInterfaceName} (${v.interfaceType}, ${v.location} slot ${v.slotNumber}) | ${landsOn(v, label)} | ` +
        `${v.vlan} | ${peers(v)} | ${v.customerAsn} | ${amazonAsn(v)} | ${v.authKeySource ?? GENERATED_KEY} | ${v.mtu ?? 1500} |`,
    ),
    "",
    "Addresses AWS assigns and keys it generates are on each interface once it exists: in the console, or " +
      "with `aws directconnect describe-virtual-interfaces`, which also shows the interface's state " +
      "(`virtualInterfaceState`) and each peer's `bgpStatus`; the console's router configuration download " +
      "(`aws directconnect describe-router-configuration`) gives a sample configuration for your router. " +
      "A BGP session comes up when the port under it is `available` and your router is configured.",
    "",
    "BFD: AWS enables asynchronous BFD on every virtual interface, and it takes effect once you configure " +
      "it on your router: minimum interval 300 ms, multiplier 3. Without it a failure is detected when the " +
      "BGP hold timer (90 seconds by default) runs out. Do not configure BGP graceful restart together with " +
      `BFD. Sources: [BGP-specific settings](${SOURCES.bgpSettings}), ` +
      `[Resiliency recommendations](${SOURCES.resiliencyRecommendations}).`,
    "",
  ];
}

/** The gateway an interface lands on, or AWS public endpoints (a public interface has no target). */
export function landsOn(v: TopologyVirtualInterface, label: (target: string) => string): string {
  return v.interfaceType === VirtualInterfaceType.PUBLIC ? "AWS public endpoints" : label(v.target);
}

/** Where the key is when none is given. */
const GENERATED_KEY =
  "none given: AWS generates one (console, or `aws directconnect describe-virtual-interfaces`)";

/** The peers of an interface: per address family, the two addresses or that AWS assigns them. */
function peers(v: TopologyVirtualInterface): string {
  return v.bgpPeers
    .map((p) =>
      p.customerAddress !== undefined && p.amazonAddress !== undefined
        ? `${p.addressFamily}: yours ${p.customerAddress}, Amazon ${p.amazonAddress}`
        : `${p.addressFamily}: assigned by AWS`,
    )
    .join("<br>");
}

/** The Amazon-side ASN, or where to read it. */
function amazonAsn(v: TopologyVirtualInterface): string {
  if (v.amazonSideAsn !== undefined) return String(v.amazonSideAsn);
  if (v.interfaceType === VirtualInterfaceType.PUBLIC) {
    return "on the interface once it exists (`amazonSideAsn` of `describe-virtual-interfaces`)";
  }
  return v.target.startsWith("vgw-")
    ? "the virtual private gateway's (`aws ec2 describe-vpn-gateways`)"
    : "the Direct Connect gateway's (`aws directconnect describe-direct-connect-gateways`)";
}
