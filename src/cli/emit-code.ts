// `dx-resiliency estate --emit-code typescript|python`: the construct code that adopts a live estate, so the
// next change goes through CDK. Every circuit the paths to a gateway use becomes an existing device slot
// (`existingSlots` of `ResilientConnections`: nothing is ordered for it), every Direct Connect gateway is
// imported (`DirectConnectGateway.fromGatewayId`), and what the constructs cannot import (virtual
// interfaces, VPN connections) is listed in comments. Pure: it reads the estate, never aws-cdk-lib (the
// CLI bundle stays free of it), and it imports nothing from src/index or src/emit.
import { DirectConnectEstate } from "../analyse/estate/estate";
import { EstateCircuit, EstateClaimSource, EstateGateway } from "../analyse/estate/types";
import { checkBandwidthGbps } from "../core/bandwidth";
import { ResiliencyModel } from "../core/model";
import { TopologyDeviceSlot } from "../core/topology";
import { gbpsOf } from "../rules/design/layout";
import { checkGatewayId } from "../rules/gateways";

/** The languages `--emit-code` writes. */
export type EmitLanguage = "typescript" | "python";

/**
 * The packages the TypeScript imports (written so that no `import ... from "<package>"` appears in this
 * file: test/architecture.test.ts reads those as this file's own imports).
 */
const TS_MODULES = { cdk: "aws-cdk-lib", constructs: "constructs", library: "cdk-direct-connect-resiliency" };

/** The speeds of one dedicated port (`ConnectionBandwidth.GBPS_<n>`). */
const PORT_SPEEDS = [1, 10, 100, 400];
/** Comment lines are wrapped at this width, their indent included (at least 60 characters of text). */
const WIDTH = 108;
/** Python's keywords, which no generated name may be. */
const PYTHON_KEYWORDS = new Set(
  (
    "False None True and as assert async await break class continue def del elif else except finally for " +
    "from global if import in is lambda nonlocal not or pass raise return try while with yield"
  ).split(" "),
);

/** One entry of `existingSlots`: a LAG or a standalone connection. */
interface SlotEntry {
  readonly location: string;
  readonly slotNumber: number;
  readonly connectionId: string;
  /** Its capacity, when `ConnectionBandwidth` can express it. */
  readonly capacityGbps?: number;
  /** What it is, for its comment. */
  readonly about: string;
  /** Why it has no `bandwidth`. */
  readonly noBandwidth?: string;
}

/** The entries of one device slot of the estate (one AWS device). */
interface DeviceEntries {
  readonly slot: TopologyDeviceSlot;
  readonly device?: string;
  readonly entries: SlotEntry[];
}

/** One `ResilientConnections`: the adopted paths to one gateway. */
interface ConstructPlan {
  readonly gateway: EstateGateway;
  /** The construct id (PascalCase), unique; the gateway's import is `<id>Gateway`. */
  readonly id: string;
  /** The words of the id, for the field names. */
  readonly words: string[];
  /** Whether the gateway is a Direct Connect gateway, imported. */
  readonly imported: boolean;
  readonly model: string;
  readonly devices: DeviceEntries[];
  readonly bandwidthGbps: number;
  /** `resiliencyGroup: false` and why; undefined: the construct's default. */
  readonly noGroup?: string;
  /** Comment lines before the construct. */
  readonly before: string[];
  /** Comment lines after it. */
  readonly after: string[];
}

/**
 * The construct code that adopts a live estate: a complete TypeScript or Python file with one stack class,
 * `DirectConnectEstateStack`, that imports each Direct Connect gateway and declares one
 * `ResilientConnections` per gateway, whose device slots are the estate's LAGs and connections
 * (`existingSlots`, `locations: []`: nothing is ordered). Its model is the one the gateway's paths meet
 * today. Virtual interfaces and VPN connections, which the constructs cannot import (declaring one creates
 * a new one), are listed in comments, as are the circuits that carry no virtual interface.
 *
 * @param estate the estate read from the AWS API's JSON
 * @param language `typescript` or `python`
 */
export function emitCode(estate: DirectConnectEstate, language: EmitLanguage): string {
  if (language !== "typescript" && language !== "python") {
    throw new Error(`--emit-code: ${JSON.stringify(language)} is not a language: typescript or python.`);
  }
  const plans = planConstructs(estate);
  const idle = idleLines(estate);
  return language === "typescript" ? typescriptOf(estate, plans, idle) : pythonOf(estate, plans, idle);
}

// ---- what to write, in either language ----

function planConstructs(estate: DirectConnectEstate): ConstructPlan[] {
  const used = new Set<string>();
  const declaredIn = new Map<string, string>();
  const groups = estate.resiliencyGroups.map((g) => g.name);
  return estate.gateways.map((gateway) => {
    const words = uniqueWords(gateway.name, used);
    const id = pascal(words);
    const devices = deviceEntriesOf(estate, gateway.topology.locations);
    const entries = devices.flatMap((d) => d.entries);
    const bandwidthGbps = mostCommon(
      entries.flatMap((e) => (e.capacityGbps === undefined ? [] : [e.capacityGbps])),
    );
    const model = modelName(gateway.modelMet);
    const noGroup =
      groups.length > 0
        ? `the estate has resiliency groups (${groups.join(", ")}): the construct would create another one`
        : model !== "CLASSIC" && entries.every((e) => e.connectionId.startsWith("dxlag-"))
          ? "the construct cannot put an existing LAG in a resiliency group: its group would be empty"
          : undefined;
    const before = [
      ...gatewayLines(gateway),
      ...(noGroup === undefined && model !== "CLASSIC"
        ? [
            `Deploying this creates the resiliency group of ${gateway.modelMet!.name}, holding ` +
              `${entries
                .filter((e) => e.connectionId.startsWith("dxcon-"))
                .map((e) => e.connectionId)
                .join(", ")} ` +
              "(an existing LAG is not put in it: its member connections are unknown to the construct); " +
              "add `resiliencyGroup: false` to leave it out.",
          ]
        : []),
    ];
    const shared = entries.flatMap((e) => {
      const first = declaredIn.get(e.connectionId);
      if (first === undefined) declaredIn.set(e.connectionId, id);
      return first === undefined ? [] : [e.connectionId];
    });
    if (shared.length > 0) {
      const one = shared.length === 1;
      before.push(
        `${shared.join(", ")} ${one ? "carries" : "carry"} interfaces to another gateway too, and ` +
          `${one ? "is an existing slot" : "are existing slots"} of ` +
          `${[...new Set(shared.map((c) => declaredIn.get(c)))].join(", ")} as well.`,
      );
    }
    return {
      gateway,
      id,
      words,
      imported: checkGatewayId(gateway.gatewayId).length === 0,
      model,
      devices,
      bandwidthGbps,
      noGroup,
      before,
      after: [...interfaceLines(gateway, devices), ...vpnLines(gateway)],
    };
  });
}

/** The LAGs and standalone connections of each device slot, numbered per location in the estate's order. */
function deviceEntriesOf(
  estate: DirectConnectEstate,
  locations: ReadonlyArray<{ deviceSlots: TopologyDeviceSlot[] }>,
): DeviceEntries[] {
  const spelling = new Map<string, string>();
  const next = new Map<string, number>();
  return locations.flatMap((l) =>
    l.deviceSlots.map((slot) => {
      const key = slot.location.toLowerCase();
      if (!spelling.has(key)) spelling.set(key, slot.location);
      const inSlot = estate.circuits.filter((c) => c.slotId === slot.id);
      const ids = [...new Set(inSlot.map((c) => (c.kind === "lag" ? c.id : (c.lagId ?? c.id))))].sort();
      const entries = ids.map((circuitId) => {
        const slotNumber = (next.get(key) ?? 0) + 1;
        next.set(key, slotNumber);
        return entryOf(estate.circuits, circuitId, spelling.get(key)!, slotNumber);
      });
      return { slot, device: inSlot.find((c) => c.device !== undefined)?.device, entries };
    }),
  );
}

function entryOf(
  circuits: ReadonlyArray<EstateCircuit>,
  circuitId: string,
  location: string,
  slotNumber: number,
): SlotEntry {
  const circuit = circuits.find((c) => c.id === circuitId);
  const base = { location, slotNumber, connectionId: circuitId };
  const state = circuit !== undefined && circuit.state !== "available" ? `, ${circuit.state}` : "";
  const name = circuit === undefined ? "" : ` ${clean(circuit.name)}`;
  if (circuitId.startsWith("dxlag-")) {
    const members = circuits.filter((c) => c.lagId === circuitId && c.slotId !== undefined);
    const speed = gbpsOf(circuit?.bandwidth ?? members[0]?.bandwidth);
    const capacity = speed === undefined ? undefined : speed * members.length;
    const shape = `${members.length} x ${circuit?.bandwidth ?? members[0]?.bandwidth ?? "unknown"}`;
    const about = `LAG${name}, ${shape}${state}`;
    return capacity !== undefined && checkBandwidthGbps(capacity).length === 0
      ? { ...base, capacityGbps: capacity, about }
      : {
          ...base,
          about,
          noBandwidth: `${shape} is no capacity ConnectionBandwidth can express: the construct counts it at its \`bandwidth\``,
        };
  }
  const speed = gbpsOf(circuit?.bandwidth);
  const hosted = circuit?.partnerName === undefined ? "" : `, hosted by ${clean(circuit.partnerName)}`;
  const about = `${circuit?.kind ?? "connection"}${name}, ${circuit?.bandwidth ?? "unknown"}${hosted}${state}`;
  return speed !== undefined && PORT_SPEEDS.includes(speed)
    ? { ...base, capacityGbps: speed, about }
    : {
        ...base,
        about,
        noBandwidth:
          `ConnectionBandwidth has no ${circuit?.bandwidth ?? "unknown"} port (only 1, 10, 100 and 400 Gbps): ` +
          "the construct counts it at the port speed of its `bandwidth`",
      };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The most common value (the first of equals), or 1 with none. */
function mostCommon(values: ReadonlyArray<number>): number {
  let best = 1;
  let count = 0;
  for (const v of values) {
    const n = values.filter((x) => x === v).length;
    if (n > count) [best, count] = [v, n];
  }
  return best;
}

function modelName(model: ResiliencyModel | undefined): string {
  if (model === ResiliencyModel.MAXIMUM) return "MAXIMUM";
  if (model === ResiliencyModel.HIGH) return "HIGH";
  if (model === ResiliencyModel.DEVELOPMENT_AND_TEST) return "DEVELOPMENT_AND_TEST";
  return "CLASSIC";
}

function gatewayLines(g: EstateGateway): string[] {
  const named = clean(g.name) === g.gatewayId ? g.gatewayId : `${clean(g.name)} (${g.gatewayId})`;
  const associated = (g.topology.gatewayAssociations ?? []).map((a) => a.associatedGatewayId);
  const what =
    checkGatewayId(g.gatewayId).length === 0
      ? `Direct Connect gateway ${named}, imported for the \`gateway\` of new VirtualInterface specs.` +
        (associated.length > 0 ? ` Associated with ${associated.join(", ")}.` : "")
      : g.gatewayId.startsWith("vgw-")
        ? `Virtual private gateway ${named}: no Direct Connect gateway, nothing to import; a new private ` +
          "interface names it with `virtualGatewayId`."
        : g.gatewayId === "public"
          ? "AWS public endpoints (public virtual interfaces): no gateway to import."
          : `Gateway ${named}: not a Direct Connect gateway id, nothing to import.`;
  const meets = g.modelMet === undefined ? "no resiliency model today: Classic" : `${g.modelMet.name} today`;
  const asBuilt =
    g.modelAsBuilt !== g.modelMet ? ` (${g.modelAsBuilt?.name ?? "none"} with everything available)` : "";
  const source = g.claimSource === EstateClaimSource.OPTIONS ? "--model" : "resiliency group";
  const claim =
    g.claimSource === EstateClaimSource.NONE
      ? ""
      : ` It claims ${g.topology.model.name} (${source}): ${g.claimMet ? "met" : "NOT met"}.`;
  const lines = [`${what} Its paths meet ${meets}${asBuilt}.${claim}`];
  if (!g.claimMet) {
    lines.push("The model below is the one the paths meet, not the claim: see the estate report.");
  }
  return lines;
}

function interfaceLines(g: EstateGateway, devices: ReadonlyArray<DeviceEntries>): string[] {
  const lines: string[] = [];
  for (const d of devices) {
    const here =
      d.entries.length === 1
        ? `slot ${d.entries[0].slotNumber} here (${d.entries[0].connectionId})`
        : `slots ${d.entries.map((e) => e.slotNumber).join(", ")} here (${d.entries.map((e) => e.connectionId).join(", ")})`;
    for (const v of d.slot.virtualInterfaces) {
      const id = v.id.includes("/Vif-") ? v.id.slice(v.id.indexOf("/Vif-") + 5) : v.id;
      lines.push(
        `- ${id} ${clean(v.virtualInterfaceName)}: ${v.interfaceType}, VLAN ${v.vlan}, ASN ${v.customerAsn}, ` +
          `to ${clean(g.name)}, on ${d.slot.id} of the estate report, ${here}`,
      );
    }
  }
  if (lines.length === 0) return [];
  return [
    "Its existing virtual interfaces, not adopted: the constructs cannot import a virtual interface, and a " +
      "VirtualInterface spec in `virtualInterfaces` would CREATE a new one on every slot. Keep managing " +
      "these outside CDK:",
    ...lines,
  ];
}

function vpnLines(g: EstateGateway): string[] {
  const vpn = g.topology.vpnBackup;
  if (vpn === undefined) return [];
  const tunnels = vpn.connections.reduce((n, c) => n + c.tunnels, 0);
  return [
    `Its Site-to-Site VPN backup, not adopted (\`vpnBackup\` would create new VPN connections): ` +
      `${vpn.connections.map((c) => c.name).join(", ")} to ${vpn.targetId}, ${tunnels} tunnel(s).`,
  ];
}

/** The circuits that carry no virtual interface, and the ones gone, as comment lines. */
function idleLines(estate: DirectConnectEstate): string[] {
  const lines: string[] = [];
  const entries = deviceEntriesOf(estate, [{ deviceSlots: estate.idleSlots }]);
  const listed = entries.flatMap((d) =>
    d.entries.map(
      (e) => `- ${e.connectionId} at ${d.slot.location}: ${e.about}, on ${d.slot.id} of the estate report`,
    ),
  );
  if (listed.length > 0) {
    lines.push(
      "Circuits that carry no virtual interface, left out: they reach no gateway, so no construct above " +
        "adopts them. Add the ones you mean to use to the `existingSlots` of the construct whose gateway " +
        "they will reach (with a slot number free at their location there):",
      ...listed,
    );
  }
  const gone = estate.circuits.filter(
    (c) => c.slotId === undefined && (c.kind === "lag" || c.lagId === undefined),
  );
  if (gone.length > 0) {
    lines.push(
      `Left out, deleted, deleting or rejected: ${gone.map((c) => `${c.id} (${clean(c.state)})`).join(", ")}.`,
    );
  }
  return lines;
}

// ---- names ----

/** The words of a gateway's name: letters and digits, unique among the construct ids (a number appended). */
function uniqueWords(name: string, used: Set<string>): string[] {
  let words = clean(name)
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    // an acronym is one word: AWS is Aws, aws
    .map((w) => (w === w.toUpperCase() ? w.toLowerCase() : w));
  if (words.length === 0) words = ["gateway"];
  if (/^[0-9]/.test(words[0])) words = ["dx", ...words];
  // the construct's id and its gateway's (`<id>Gateway`), both free
  const taken = (w: string[]) => [pascal(w), `${pascal(w)}Gateway`].some((id) => used.has(id.toLowerCase()));
  let candidate = words;
  for (let n = 2; taken(candidate); n++) candidate = [...words, String(n)];
  used.add(pascal(candidate).toLowerCase());
  used.add(`${pascal(candidate)}Gateway`.toLowerCase());
  return candidate;
}

function pascal(words: ReadonlyArray<string>): string {
  return words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
}

function camel(words: ReadonlyArray<string>): string {
  const p = pascal(words);
  return p[0].toLowerCase() + p.slice(1);
}

function snake(words: ReadonlyArray<string>): string {
  const name = words
    .flatMap((w) => w.split(/(?<=[a-z0-9])(?=[A-Z])/))
    .map((w) => w.toLowerCase())
    .join("_");
  return PYTHON_KEYWORDS.has(name) ? `${name}_` : name;
}

/** Text for a comment or a name: no line breaks or other control characters. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").trim();
}

/** Comment lines: each text wrapped at WIDTH, a list item's continuation indented. */
function commented(texts: ReadonlyArray<string>, mark: string, indent: string): string[] {
  const out: string[] = [];
  const width = Math.max(60, WIDTH - indent.length - mark.length - 1);
  for (const text of texts) {
    const item = text.startsWith("- ");
    let line = "";
    // a span in backticks is not broken
    for (const word of clean(mark === "#" ? pythonText(text) : text).match(/`[^`]*`\S*|[^\s`]\S*/g) ?? []) {
      if (line !== "" && line.length + 1 + word.length > width) {
        out.push(`${indent}${mark} ${line}`);
        line = item ? `  ${word}` : word;
      } else {
        line = line === "" ? word : `${line} ${word}`;
      }
    }
    out.push(`${indent}${mark} ${line}`);
  }
  return out;
}

/** A comment in Python: the props it names (in backticks) as Python names them. */
function pythonText(text: string): string {
  return text
    .replace(/`resiliencyGroup: false`/g, "`resiliency_group=False`")
    .replace(/`([a-z]+(?:[A-Z][a-z0-9]*)+)`/g, (_, name: string) => `\`${snake([name])}\``);
}

function bandwidthOf(gbps: number): string {
  return PORT_SPEEDS.includes(gbps)
    ? `ConnectionBandwidth.GBPS_${gbps}`
    : `ConnectionBandwidth.gbps(${gbps})`;
}

function header(estate: DirectConnectEstate, language: EmitLanguage): string[] {
  return [
    `The Direct Connect estate "${clean(estate.title)}", adopted by the constructs of cdk-direct-connect-resiliency ` +
      `(written by \`dx-resiliency estate --emit-code ${language}\`).`,
    "Nothing here orders a port or a LAG: every circuit is an existing device slot (`existingSlots`), " +
      "numbered per location here (slot numbers name the logical IDs of new virtual interfaces: keep them). " +
      "Run `cdk diff` before you deploy.",
  ];
}

function slotComments(d: DeviceEntries): string[] {
  const out = [`${d.slot.id} of the estate report, AWS device ${clean(d.device ?? "unknown")}`];
  if (d.entries.length > 1) {
    out.push(
      `${d.entries.map((e) => e.connectionId).join(" and ")} share this AWS device: they fail together, ` +
        "but the construct counts each as a device slot of its own (estateSharedDevice).",
    );
  }
  return out;
}

function bandwidthNote(p: ConstructPlan): string {
  const expressed = p.devices.some((d) => d.entries.some((e) => e.capacityGbps !== undefined));
  return (
    "required: the capacity of a new slot you add to `locations`" +
    (expressed
      ? " (here, the most common of the circuits above)"
      : " (none of the circuits above has one it can express)")
  );
}

function entryComments(e: SlotEntry): string[] {
  return [e.noBandwidth === undefined ? e.about : `${e.about}; no \`bandwidth\`: ${e.noBandwidth}`];
}

// ---- TypeScript ----

function typescriptOf(estate: DirectConnectEstate, plans: ConstructPlan[], idle: string[]): string {
  const q = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  const names = new Set<string>(["ConnectionBandwidth", "ResiliencyModel", "ResilientConnections"]);
  if (plans.some((p) => p.imported)) {
    names.add("DirectConnectGateway");
    names.add("type IDirectConnectGateway");
  }
  const used =
    plans.length === 0
      ? []
      : [...names].sort((a, b) => compare(a.replace("type ", ""), b.replace("type ", "")));
  const out: string[] = [
    ...commented(header(estate, "typescript"), "//", ""),
    `import { Stack, type StackProps } from ${q(TS_MODULES.cdk)};`,
    `import { Construct } from ${q(TS_MODULES.constructs)};`,
    ...(used.length === 0
      ? []
      : ["import {", ...used.map((n) => `  ${n},`), `} from ${q(TS_MODULES.library)};`]),
    "",
    "export class DirectConnectEstateStack extends Stack {",
  ];
  for (const p of plans) {
    if (p.imported) out.push(`  public readonly ${camel(p.words)}Gateway: IDirectConnectGateway;`);
    out.push(`  public readonly ${camel(p.words)}Connections: ResilientConnections;`);
  }
  if (plans.length > 0) out.push("");
  out.push(
    "  constructor(scope: Construct, id: string, props?: StackProps) {",
    "    super(scope, id, props);",
  );
  const ind = "    ";
  for (const p of plans) {
    out.push("", ...commented(p.before, "//", ind));
    if (p.imported) {
      out.push(
        `${ind}this.${camel(p.words)}Gateway = DirectConnectGateway.fromGatewayId(this, ${q(`${p.id}Gateway`)}, ${q(p.gateway.gatewayId)});`,
      );
    }
    out.push(
      `${ind}this.${camel(p.words)}Connections = new ResilientConnections(this, ${q(p.id)}, {`,
      `${ind}  model: ResiliencyModel.${p.model},`,
      `${ind}  // nothing new to order: every device slot is an existing circuit`,
      `${ind}  locations: [],`,
      `${ind}  existingSlots: [`,
    );
    for (const d of p.devices) {
      out.push(...commented(slotComments(d), "//", `${ind}    `));
      for (const e of d.entries) {
        const bw = e.capacityGbps === undefined ? "" : `, bandwidth: ${bandwidthOf(e.capacityGbps)}`;
        out.push(
          ...commented(entryComments(e), "//", `${ind}    `),
          `${ind}    { location: ${q(e.location)}, slotNumber: ${e.slotNumber}, connectionId: ${q(e.connectionId)}${bw} },`,
        );
      }
    }
    out.push(
      `${ind}  ],`,
      ...commented([bandwidthNote(p)], "//", `${ind}  `),
      `${ind}  bandwidth: ${bandwidthOf(p.bandwidthGbps)},`,
    );
    if (p.noGroup !== undefined) {
      out.push(...commented([p.noGroup], "//", `${ind}  `), `${ind}  resiliencyGroup: false,`);
    }
    out.push(`${ind}});`);
    if (p.after.length > 0) out.push(...commented(p.after, "//", ind));
  }
  if (idle.length > 0) out.push("", ...commented(idle, "//", ind));
  out.push("  }", "}", "");
  return out.join("\n");
}

// ---- Python ----

function pythonOf(estate: DirectConnectEstate, plans: ConstructPlan[], idle: string[]): string {
  const q = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  const names = new Set<string>(["ConnectionBandwidth", "ResiliencyModel", "ResilientConnections"]);
  if (plans.some((p) => p.imported)) names.add("DirectConnectGateway");
  if (plans.some((p) => p.devices.some((d) => d.entries.length > 0))) names.add("ExistingDeviceSlot");
  const used = plans.length === 0 ? [] : [...names].sort();
  const out: string[] = [
    ...commented(header(estate, "python"), "#", ""),
    "from aws_cdk import Stack",
    "from constructs import Construct",
    ...(used.length === 0
      ? []
      : ["from cdk_direct_connect_resiliency import (", ...used.map((n) => `    ${n},`), ")"]),
    "",
    "",
    "class DirectConnectEstateStack(Stack):",
    "    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:",
    "        super().__init__(scope, construct_id, **kwargs)",
  ];
  const ind = "        ";
  for (const p of plans) {
    out.push("", ...commented(p.before, "#", ind));
    if (p.imported) {
      out.push(
        `${ind}self.${snake(p.words)}_gateway = DirectConnectGateway.from_gateway_id(`,
        `${ind}    self, ${q(`${p.id}Gateway`)}, ${q(p.gateway.gatewayId)}`,
        `${ind})`,
      );
    }
    out.push(
      `${ind}self.${snake(p.words)}_connections = ResilientConnections(`,
      `${ind}    self,`,
      `${ind}    ${q(p.id)},`,
      `${ind}    model=ResiliencyModel.${p.model},`,
      `${ind}    # nothing new to order: every device slot is an existing circuit`,
      `${ind}    locations=[],`,
      `${ind}    existing_slots=[`,
    );
    for (const d of p.devices) {
      out.push(...commented(slotComments(d), "#", `${ind}        `));
      for (const e of d.entries) {
        out.push(
          ...commented(entryComments(e), "#", `${ind}        `),
          `${ind}        ExistingDeviceSlot(`,
          `${ind}            location=${q(e.location)},`,
          `${ind}            slot_number=${e.slotNumber},`,
          `${ind}            connection_id=${q(e.connectionId)},`,
          ...(e.capacityGbps === undefined
            ? []
            : [`${ind}            bandwidth=${bandwidthOf(e.capacityGbps)},`]),
          `${ind}        ),`,
        );
      }
    }
    out.push(
      `${ind}    ],`,
      ...commented([bandwidthNote(p)], "#", `${ind}    `),
      `${ind}    bandwidth=${bandwidthOf(p.bandwidthGbps)},`,
    );
    if (p.noGroup !== undefined) {
      out.push(...commented([p.noGroup], "#", `${ind}    `), `${ind}    resiliency_group=False,`);
    }
    out.push(`${ind})`);
    if (p.after.length > 0) out.push(...commented(p.after, "#", ind));
  }
  if (idle.length > 0) out.push("", ...commented(idle, "#", ind));
  out.push("");
  return out.join("\n");
}
