import { CostEstimate } from "./cost";
import { mermaidDiagram } from "./diagram";
import { DrillCoverage, ReportDrill, scenarioDrills, stepLabels } from "./drills";
import { FailureAnalysis } from "./failures";
import { PromiseVerdict, modelPromise } from "./promise";
import { FailureKind, FailureScenario, PathVia } from "./scenario";
import { siteLinkGateways } from "./site-link";
import { landsOn, turnUpSection } from "./turn-up";
import { SOURCES } from "../core/sources";
import { ConnectionTopology } from "../core/topology";

/** What the sizing did, for the report. */
export interface SizingNote {
  /**
   * The capacity that must survive the worst failure the model covers, in Gbps.
   *
   * @default - none asked
   */
  readonly requiredGbps?: number;
  /**
   * The peak traffic the user expects, in Gbps.
   *
   * @default - none declared
   */
  readonly expectedPeakGbps?: number;
  /**
   * How the bandwidth was chosen, in words.
   *
   * @default - given by the user
   */
  readonly chosen?: string;
}

/** Everything a report shows. */
export interface ReportInput {
  readonly title: string;
  readonly topology: ConnectionTopology;
  readonly analysis: FailureAnalysis;
  readonly cost: CostEstimate;
  readonly sizing: SizingNote;
  /** A readable name for a gateway target (ids may be deploy-time tokens). */
  readonly label: (target: string) => string;
  /** Whether the ports exist already (a live estate): counted, not "to order". */
  readonly inService?: boolean;
  /** The failover drills over the construct (none: the report says nothing of drills). */
  readonly drills?: ReadonlyArray<ReportDrill>;
}

/** Rows of a scenario table shown at most; the rest is counted. */
const MAX_ROWS = 60;
/** Scenarios of more than one failure shown: the worst ones. */
const WORST_SHOWN = 10;

/** The worst scenario of one failure among the kinds a model covers, and the smallest capacity it leaves. */
export function worstCovered(
  analysis: FailureAnalysis,
  kinds: ReadonlyArray<FailureKind>,
): FailureScenario | undefined {
  return analysis._worstSingle(kinds);
}

/** The computed verdict in one line, for `summary()`. */
export function verdictLine(topology: ConnectionTopology, analysis: FailureAnalysis): string {
  const verdicts = analysis.verdicts();
  const broken = verdicts.find((v) => !v.met);
  if (broken) {
    return `Computed: does NOT survive ${broken.claim}: ${describeOutcome(broken.counterExample!)}.`;
  }
  const kinds = modelPromise(topology.model).flat();
  if (kinds.length === 0) {
    const worst = worstCovered(analysis, Object.values(FailureKind));
    return worst === undefined
      ? "Computed: no model promise, and nothing that can fail."
      : `Computed: no model promise; worst single failure: ${describeOutcome(worst)}.`;
  }
  const worst = worstCovered(analysis, kinds)!;
  const claims = verdicts.map((v) => v.claim.replace(/^any 1 (.*) failure$/, "$1")).join(" or ");
  return (
    `Computed: survives any 1 ${claims} failure with >= ${fmt(worst.survivingCapacityGbps)} Gbps of Direct Connect left; ` +
    `worst: ${worst.failures[0].description}.`
  );
}

/** What a scenario leaves, in words: capacity, and the targets without a Direct Connect path. */
function describeOutcome(s: FailureScenario): string {
  const failures = s.failures.map((f) => f.description).join(" and ");
  // the VPN backs only the gateways it terminates on: said per target, not of the scenario
  const lost = s.paths
    .filter((p) => p.via !== PathVia.DIRECT_CONNECT)
    .map((p) =>
      p.via === PathVia.VPN ? `${p.target} (VPN only, ${fmt(s.vpnCapacityGbps)} Gbps)` : p.target,
    );
  const paths = lost.length === 0 ? "" : `; no Direct Connect path to ${lost.join(", ")}`;
  return `${failures} leaves ${fmt(s.survivingCapacityGbps)} Gbps${paths}`;
}

/** The report of one construct, in Markdown with a Mermaid diagram. */
export function renderReport(input: ReportInput): string {
  const { topology, analysis } = input;
  return [
    `# Direct Connect report: ${input.title}`,
    "",
    overview(input),
    "",
    `**${verdictLine(topology, analysis).replace(/^Computed: /, "Verdict (computed): ")}**`,
    "",
    "## Topology",
    "",
    "```mermaid",
    mermaidDiagram(topology, input.label),
    "```",
    "",
    ...slotTable(input),
    "",
    ...siteLinkSection(input),
    ...coreNetworkLines(input),
    "## The model's promise, computed",
    "",
    ...verdictTable(input, analysis.verdicts()),
    "",
    ...scenarioSections(input),
    ...drillSection(input),
    ...sizingSection(input),
    ...costSection(input.cost),
    ...turnUpSection(input),
  ].join("\n");
}

function overview(input: ReportInput): string {
  const t = input.topology;
  const slots = t.locations.flatMap((l) => l.deviceSlots);
  const ports = slots.reduce((n, s) => n + s.ports.length, 0);
  const vpn = t.vpnBackup
    ? `; Site-to-Site VPN backup to ${input.label(t.vpnBackup.targetId)}, up to ${fmt(t.vpnBackup.capacityGbps)} Gbps`
    : "";
  return (
    `${t.model.name} (SLA ${t.model.sla}): ${t.locations.length} location(s), ${slots.length} device slot(s), ` +
    `${ports} port(s) ${input.inService ? "in the estate" : "to order"}, ${fmt(input.analysis.baseline.survivingCapacityGbps)} Gbps of Direct Connect${vpn}.`
  );
}

function slotTable(input: ReportInput): string[] {
  const rows = input.topology.locations.flatMap((l) =>
    l.deviceSlots.map((s) => {
      const what =
        s.existingConnectionId ??
        `${s.deviceName ?? `LAG ${s.lagName}`}, ${s.ports.length} x ${s.portBandwidth}`;
      const vifs = s.virtualInterfaces.map((v) => {
        const rate = v.rateLimitGbps === undefined ? "" : `, rate limit ${fmt(v.rateLimitGbps)} Gbps`;
        const siteLink = v.siteLink === true ? ", SiteLink" : "";
        return `${v.name} (${v.interfaceType}, VLAN ${v.vlan}${rate}${siteLink}) to ${landsOn(v, input.label)}`;
      });
      const min = s.minimumLinks === undefined ? "" : `, minimum links ${s.minimumLinks}`;
      // every interface rate-limited: the slot carries at most the sum of their rate limits
      const limits = s.virtualInterfaces.map((v) => v.rateLimitGbps);
      const capped =
        limits.length > 0 && limits.every((r) => r !== undefined)
          ? limits.reduce((a: number, r) => a + r!, 0)
          : undefined;
      const capacity =
        capped !== undefined && capped < s.capacityGbps
          ? `${fmt(s.capacityGbps)} Gbps (rate-limited to ${fmt(capped)} Gbps)`
          : `${fmt(s.capacityGbps)} Gbps`;
      return `| ${l.location} | ${s.slotNumber} | ${what}${min} | ${capacity} | ${vifs.join("<br>") || "-"} |`;
    }),
  );
  return ["| Location | Slot | Device | Capacity | Virtual interfaces |", "|---|---|---|---|---|", ...rows];
}

/**
 * The SiteLink paths, when an interface has SiteLink on: per Direct Connect gateway, the locations with
 * SiteLink interfaces on it and the pairs of them that exchange traffic over the AWS backbone.
 */
function siteLinkSection(input: ReportInput): string[] {
  const gateways = siteLinkGateways(input.topology);
  if (gateways.length === 0) return [];
  const rows = gateways.map((g) => {
    const paths =
      g.pairs.length === 0
        ? `none in this report: SiteLink interfaces at ${g.locations[0]} only`
        : g.pairs.map(([a, b]) => `${a} <-> ${b}`).join("<br>");
    return `| ${input.label(g.target)} | ${g.locations.join(", ")} | ${g.interfaces.length} | ${paths} |`;
  });
  return [
    "### SiteLink paths",
    "",
    "Interfaces with SiteLink on exchange traffic between their Direct Connect locations over the AWS " +
      "backbone, without entering a Region, through the Direct Connect gateway they share " +
      `([SiteLink](${SOURCES.siteLink})). SiteLink interfaces at other locations on the same gateway, ` +
      "from other stacks, are not in this report.",
    "",
    "| Gateway | Locations | SiteLink interfaces | Paths over the AWS backbone |",
    "|---|---|---|---|",
    ...rows,
    "",
  ];
}

/**
 * The Cloud WAN core networks the Direct Connect gateways are attached to, one line per attachment: the
 * gateway, the core network, its edge locations and routing policy label (none: no lines).
 */
function coreNetworkLines(input: ReportInput): string[] {
  const attachments = input.topology.coreNetworkAttachments ?? [];
  if (attachments.length === 0) return [];
  return [
    "### Cloud WAN core networks",
    "",
    ...attachments.map((a) => {
      const policy =
        a.routingPolicyLabel === undefined ? "" : `, routing policy label \`${a.routingPolicyLabel}\``;
      return (
        `- ${input.label(a.directConnectGatewayId)} is attached to ${input.label(a.coreNetworkId)}: edge locations ` +
        `${a.edgeLocations.join(", ")}${policy}.`
      );
    }),
    "",
    "A core network is reached while a BGP session to one of its Direct Connect gateways is left: the " +
      "scenarios below count its paths like those of any gateway.",
    "",
  ];
}

function verdictTable(input: ReportInput, verdicts: PromiseVerdict[]): string[] {
  if (verdicts.length === 0) {
    return [
      `${input.topology.model.name} makes no promise; the scenarios below show what this layout survives.`,
    ];
  }
  return [
    "| Claim | Verdict | Least Direct Connect left | Counter-example |",
    "|---|---|---|---|",
    ...verdicts.map(
      (v) =>
        `| ${v.claim} | ${v.met ? "met" : "**NOT met**"} | ${fmt(v.worstCapacityGbps)} Gbps | ` +
        `${v.counterExample ? describeOutcome(v.counterExample) : "-"} |`,
    ),
  ];
}

/** Scenarios of several failures read to pick the worst ones; above, only the single worst is shown. */
const MAX_SORTED = 50_000;

/** The scenario tables: every single failure (the first rows shown), then the worst of several. */
function scenarioSections(input: ReportInput): string[] {
  const analysis = input.analysis;
  const covered = modelPromise(input.topology.model).flat();
  const singles = analysis._singleCount();
  const shown = Array.from({ length: Math.min(singles, MAX_ROWS) }, (_, i) => analysis.scenario(i));
  const drilled = (input.drills ?? []).length > 0;
  const out = ["## Single failures", "", ...scenarioTable(input, shown, singles, covered, drilled), ""];
  if (drilled) {
    out.push(
      "Drill: the steps of the failover drills (below) that rehearse the failure, by taking down the BGP " +
        "sessions it loses; for a port, device or location only that BGP side, since a drill keeps the ports up.",
      "",
    );
  }
  if (analysis.maxFailures === 1) return out;
  const several = analysis.scenarioCount - singles;
  // ranked as worst() ranks: least capacity, then fewest gateways with a Direct Connect path, then scenario order
  const worst = several <= MAX_SORTED ? analysis._worstFrom(singles, WORST_SHOWN) : [analysis.worst()];
  out.push(
    `## Up to ${analysis.maxFailures} simultaneous failures`,
    "",
    `${several} scenarios of ${analysis.maxFailures === 2 ? "2" : `2 to ${analysis.maxFailures}`} simultaneous ` +
      `failures (a port inside a failed slot or location is not counted again); the ${worst.length} worst:`,
    "",
    ...scenarioTable(input, worst, worst.length, [], false),
    "",
    ...(drilled
      ? ["No failover drill rehearses these: a drill takes one interface's BGP sessions down at a time.", ""]
      : []),
  );
  return out;
}

/** The table of the `shown` scenarios (the first `MAX_ROWS` of them) out of `total`: the rest is counted. */
function scenarioTable(
  input: ReportInput,
  shown: FailureScenario[],
  total: number,
  covered: FailureKind[],
  drilled: boolean,
): string[] {
  const labels = stepLabels(input.drills ?? []);
  const drill = (s: FailureScenario) =>
    drilled ? ` ${scenarioDrills(input.topology, input.analysis.baseline, s, labels).text} |` : "";
  const rows = shown.slice(0, MAX_ROWS).map((s) => {
    const coveredHere = s.failures.length === 1 && covered.includes(s.failures[0].kind);
    const holds = s.paths.every((p) => p.via === PathVia.DIRECT_CONNECT) && s.survivingCapacityGbps > 0;
    const verdict = coveredHere ? (holds ? "covered: holds" : "covered: **breaks**") : "beyond the model";
    const paths = s.paths
      .map((p) => `${input.label(p.target)}: ${pathText(p.via, p.bgpSessions)}`)
      .join("<br>");
    const vpn = input.topology.vpnBackup
      ? `${fmt(s.vpnCapacityGbps)} Gbps${s.vpnOnly ? " (carrying)" : ""}`
      : "-";
    return `| ${s.failures.map((f) => f.description).join(" + ")} | ${fmt(s.survivingCapacityGbps)} Gbps | ${paths || "-"} | ${vpn} | ${verdict} |${drill(s)}`;
  });
  const more = total > MAX_ROWS ? [`\n(${total - MAX_ROWS} more not shown.)`] : [];
  return [
    `| Failure | Direct Connect left | Paths per gateway | VPN | Verdict |${drilled ? " Drill |" : ""}`,
    `|---|---|---|---|---|${drilled ? "---|" : ""}`,
    ...rows,
    ...more,
  ];
}

/** The failover drills over the construct: their steps on its interfaces, and what they rehearse. */
function drillSection(input: ReportInput): string[] {
  const drills = input.drills ?? [];
  if (drills.length === 0) return [];
  const vifs = new Map(
    input.topology.locations
      .flatMap((l) => l.deviceSlots)
      .flatMap((slot) => slot.virtualInterfaces)
      .map((v) => [v.id, v] as const),
  );
  const out = ["## Failover drills", ""];
  for (const drill of drills) {
    const templates = drill.templateCount ?? 1;
    const split = templates > 1 ? ` in ${templates} experiment templates, started one after the other` : "";
    out.push(
      `${drill.name} tests ${drill.stepCount} virtual interface(s) one at a time on AWS Fault Injection ` +
        `Service${split}: each step takes one interface's BGP sessions down with the failover test ` +
        "(aws:directconnect:virtual-interface-disconnect), its ports up, " +
        (drill.steps.some((s) => s.guard === undefined)
          ? "without guard alarms (acknowledged). "
          : "after its guard checked that the guard alarms are OK (aws:cloudwatch:assert-alarm-state); an alarm " +
            "going to ALARM stops the experiment. ") +
        (drill.steps.length === 0 ? "None of them is of this construct." : "Its steps on this construct:"),
      "",
    );
    if (drill.steps.length === 0) continue;
    out.push("| Step | Virtual interface | Gateway | FIS action |", "|---|---|---|---|");
    for (const step of drill.steps) {
      const v = vifs.get(step.virtualInterfaceId);
      const what = v ? ` (${v.interfaceType}, VLAN ${v.vlan})` : "";
      const action =
        step.action === undefined
          ? "-"
          : `${step.guard === undefined ? "" : `${step.guard}, `}${step.action}`;
      out.push(
        `| ${step.step} | ${step.virtualInterfaceId}${what} | ${v ? input.label(v.target) : "-"} | ${action} |`,
      );
    }
    out.push("");
  }
  return [...out, drillSummary(input), ""];
}

/** How many single failures the drills rehearse, in one sentence. */
function drillSummary(input: ReportInput): string {
  const labels = stepLabels(input.drills ?? []);
  const counts = new Map<DrillCoverage, number>();
  let singles = 0;
  for (let i = 0; i < input.analysis.scenarioCount; i++) {
    const s = input.analysis.scenario(i);
    if (s.failures.length > 1) break;
    singles++;
    const { coverage } = scenarioDrills(input.topology, input.analysis.baseline, s, labels);
    counts.set(coverage, (counts.get(coverage) ?? 0) + 1);
  }
  const n = (c: DrillCoverage) => counts.get(c) ?? 0;
  const partly = n(DrillCoverage.PARTLY) > 0 ? ` (${n(DrillCoverage.PARTLY)} of them partly)` : "";
  return (
    `Of the ${singles} single failures, ${n(DrillCoverage.REHEARSED) + n(DrillCoverage.PARTLY)}${partly} are rehearsed by drill steps (a ` +
    `port, device or location on its BGP side only); ${n(DrillCoverage.NOT_DRILLED)} lose interfaces no drill ` +
    `tests; ${n(DrillCoverage.NOT_DRILLABLE)} are not drillable (no BGP session lost, or the VPN).`
  );
}

function pathText(via: PathVia, sessions: number): string {
  if (via === PathVia.DIRECT_CONNECT) return `${sessions} BGP session${sessions === 1 ? "" : "s"}`;
  return via === PathVia.VPN ? "VPN only" : "**none**";
}

function sizingSection(input: ReportInput): string[] {
  const { requiredGbps, expectedPeakGbps, chosen } = input.sizing;
  const kinds = modelPromise(input.topology.model).flat();
  const worst = worstCovered(input.analysis, kinds.length > 0 ? kinds : Object.values(FailureKind));
  const left = worst?.survivingCapacityGbps ?? input.analysis.baseline.survivingCapacityGbps;
  const lines = ["## Sizing", ""];
  lines.push(
    `Bandwidth per device slot: ${input.topology.bandwidth}${chosen ? ` (${chosen})` : " (given)"}. ` +
      `The worst single failure ${kinds.length > 0 ? "the model covers" : ""}${worst ? ` (${worst.failures[0].description})` : ""} leaves ${fmt(left)} Gbps.`.replace(
        "  ",
        " ",
      ),
  );
  if (requiredGbps !== undefined) {
    lines.push(
      "",
      `Required to survive it: ${fmt(requiredGbps)} Gbps: ${left >= requiredGbps ? "met" : "**NOT met**"}.`,
    );
  }
  if (expectedPeakGbps !== undefined) {
    lines.push(
      "",
      `Expected peak: ${fmt(expectedPeakGbps)} Gbps: ${left >= expectedPeakGbps ? "fits after that failure" : "**does not fit** after that failure"}.`,
    );
  }
  return [...lines, ""];
}

function costSection(cost: CostEstimate): string[] {
  return [
    "## Cost (estimate)",
    "",
    "| Ports | Port speed | Per port hour | Per month |",
    "|---|---|---|---|",
    ...cost.lines.map(
      (l) => `| ${l.ports} | ${l.portSpeedGbps} Gbps | $${l.hourlyUsd.toFixed(2)} | $${usd(l.monthlyUsd)} |`,
    ),
    "",
    `Estimated port-hour cost: **$${usd(cost.monthlyUsd)} per month** (${cost.ports} port(s) x ${cost.hoursPerMonth} hours). ` +
      `Prices: ${cost.source}. An estimate: data transfer, cross-connects, partner circuits and existing circuits are not included.`,
    "",
    ...siteLinkCost(cost),
  ];
}

/** The SiteLink line of the cost section, when an interface has SiteLink on. */
function siteLinkCost(cost: CostEstimate): string[] {
  const s = cost.siteLink;
  if (s === undefined) return [];
  return [
    `SiteLink: ${s.interfaces} interface(s) x $${s.hourlyUsd.toFixed(2)} per interface hour x ${cost.hoursPerMonth} hours = ` +
      `**$${usd(s.monthlyUsd)} per month**, so **$${usd(cost.monthlyUsd + s.monthlyUsd)} per month** with the ports. ` +
      `SiteLink data transfer is billed per GB on top and is not estimated. Price: ${s.source}.`,
    "",
  ];
}

/** Dollars with cents, e.g. `13,140.00`: one formatter for every amount (`toLocaleString` makes one a call). */
const USD = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function usd(amount: number): string {
  return USD.format(amount);
}

/** Gbps as the reports write them: `10`, `1.25`, `0.5`. */
export function fmt(gbps: number): string {
  return Number.isInteger(gbps) ? String(gbps) : gbps.toFixed(2).replace(/0$/, "");
}
