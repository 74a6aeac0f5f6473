import { ConnectionTopology, TopologyDeviceSlot } from "../../core/topology";
import { PortHourPrices } from "../cost";
import { fmt, renderReport } from "../report";
import { FailureScenario, PathVia } from "../scenario";
import { EstateCircuit, EstateFinding, EstateGateway } from "./types";
import { FailureAnalysis } from "../failures";
import { portSteps } from "../turn-up";

// The Markdown report of a live estate: its verdicts, findings and circuits, then the report of the
// paths to each gateway in the format of the constructs' report. Internal to the estate reader.

/** What the estate report shows. */
export interface EstateReportInput {
  readonly title: string;
  readonly verdicts: string[];
  readonly findings: ReadonlyArray<EstateFinding>;
  readonly circuits: ReadonlyArray<EstateCircuit>;
  readonly gateways: ReadonlyArray<EstateGateway>;
  readonly idleSlots: ReadonlyArray<TopologyDeviceSlot>;
  readonly analysisOf: (gateway: EstateGateway) => FailureAnalysis;
}

/** Dedicated port speeds that have a port-hour price: hosted connections are billed by their partner. */
const PRICED = new Set([1, 10, 100, 400]);

export function renderEstateReport(input: EstateReportInput): string {
  const label = labeller(input.gateways);
  const out = [
    `# Direct Connect estate report: ${input.title}`,
    "",
    summary(input),
    "",
    "## Verdicts",
    "",
    ...input.verdicts.map((v) => `- ${v}`),
    "",
    "## Findings",
    "",
    ...(input.findings.length === 0
      ? ["None."]
      : [
          "| Rule | Severity | About | Finding |",
          "|---|---|---|---|",
          ...input.findings.map((f) => `| ${f.ruleId} | ${f.severity} | ${f.subject} | ${cell(f.message)} |`),
        ]),
    "",
    "## Circuits",
    "",
    "| Circuit | Kind | Location | AWS device | Slot | Bandwidth | State |",
    "|---|---|---|---|---|---|---|",
    ...input.circuits.map(
      (c) =>
        `| ${c.id} ${cell(c.name)}${c.lagId ? ` (in ${c.lagId})` : ""} | ${c.kind}${c.partnerName ? `, ${cell(c.partnerName)}` : ""} | ` +
        `${c.location} | ${c.device ?? "-"} | ${c.slotId ?? "not counted"} | ${c.bandwidth} | ${c.state === "available" ? c.state : `**${c.state}**`} |`,
    ),
    "",
    "Circuits on one AWS device (`awsDeviceV2`) are one device slot, whatever their LAG. Deleted, deleting and " +
      'rejected circuits are not counted; any other state than `available` is failed in the scenario "now".',
    "",
  ];
  if (input.idleSlots.length > 0) {
    out.push(
      `Device slots with no virtual interface (their capacity reaches no gateway): ${input.idleSlots.map((s) => s.id).join(", ")}.`,
      "",
      // the turn-up of each gateway's paths is in its section; these ports are in none
      "## Turn-up of the device slots with no virtual interface",
      "",
      ...portSteps(input.idleSlots, true),
    );
  }
  for (const g of input.gateways) {
    out.push(...nowSection(g, label), ...gatewaySection(g, input.analysisOf(g), label));
  }
  return out.join("\n");
}

function summary(input: EstateReportInput): string {
  const n = (kind: string) => input.circuits.filter((c) => c.kind === kind).length;
  const vifs = input.gateways.reduce(
    (sum, g) =>
      sum +
      g.topology.locations.flatMap((l) => l.deviceSlots).reduce((k, s) => k + s.virtualInterfaces.length, 0),
    0,
  );
  return (
    `${n("connection")} dedicated connection(s), ${n("hosted connection")} hosted connection(s), ${n("lag")} LAG(s); ` +
    `${vifs} virtual interface(s) to ${input.gateways.length} gateway(s). Read from the AWS API's describe and list calls.`
  );
}

function nowSection(g: EstateGateway, label: (target: string) => string): string[] {
  if (g.now === undefined) return [];
  return [
    `## Now: ${g.name}`,
    "",
    `Not available now: ${g.now.failures.map((f) => f.description).join("; ")}.`,
    "",
    `With those failed: ${fmt(g.now.survivingCapacityGbps)} Gbps of Direct Connect left; ${paths(g.now, label)}.`,
    "",
  ];
}

function paths(s: FailureScenario, label: (target: string) => string): string {
  return s.paths
    .map(
      (p) =>
        `${label(p.target)}: ${p.via === PathVia.DIRECT_CONNECT ? `${p.bgpSessions} BGP session(s)` : p.via === PathVia.VPN ? "VPN only" : "**no path**"}`,
    )
    .join(", ");
}

/** The constructs' report of one gateway's paths, one heading level down. */
function gatewaySection(
  g: EstateGateway,
  analysis: FailureAnalysis,
  label: (target: string) => string,
): string[] {
  const text = renderReport({
    // the paths as built: the state now is the section above
    title: `gateway ${g.name}${g.now ? ", with everything available" : ""}`,
    topology: g.topology,
    analysis,
    cost: PortHourPrices.AWS_LIST_PRICES.estimate(pricedOnly(g.topology)),
    sizing: { chosen: "read from the estate" },
    label,
    inService: true,
  });
  return [...text.split("\n").map((line) => (/^#+ /.test(line) ? `#${line}` : line)), ""];
}

/** The topology with only the ports that have a port-hour price (hosted connections are the partner's bill). */
function pricedOnly(topology: ConnectionTopology): ConnectionTopology {
  return {
    ...topology,
    locations: topology.locations.map((l) => ({
      ...l,
      deviceSlots: l.deviceSlots.map((s) => ({
        ...s,
        ports: s.ports.filter((p) => PRICED.has(p.speedGbps)),
      })),
    })),
  };
}

function labeller(gateways: ReadonlyArray<EstateGateway>): (target: string) => string {
  const names = new Map(gateways.map((g) => [g.gatewayId, g.name]));
  return (target) => {
    const name = names.get(target);
    return name === undefined || name === target ? target : `${name} (${target})`;
  };
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
