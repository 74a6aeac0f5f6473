import { RawEstate } from "./raw";
import { EstateSlots } from "./slots";
import { EstateClaimSource, EstateGateway, EstateResiliencyGroup } from "./types";
import { ConnectionBandwidth } from "../../core/bandwidth";
import { ResiliencyModel } from "../../core/model";
import { RuleFinding, RuleSeverity } from "../../core/rule";
import { ConnectionTopology, TopologyDeviceSlot } from "../../core/topology";
import { locationsOf, modelOfIntended } from "../../rules/design/layout";
import { checkModelDeviceSlots } from "../../rules/design/model-device-slots";
import { checkModelLocations } from "../../rules/design/model-locations";
import { FailureAnalysis } from "../failures";
import { fmt } from "../report";
import { checkResiliencyGroupModel } from "../rules/design";

// The claims of a live estate: which model a gateway's paths meet, the claim of its resiliency groups, and
// the verdict lines. Internal to the estate reader.

const MODELS = [ResiliencyModel.MAXIMUM, ResiliencyModel.HIGH, ResiliencyModel.DEVELOPMENT_AND_TEST];

/** The strongest model a layout meets: its locations, devices and every claim of the model's promise. */
export function modelMetBy(
  topology: ConnectionTopology,
  analysis: FailureAnalysis,
): ResiliencyModel | undefined {
  return MODELS.find((m) => {
    const as = { ...topology, model: m };
    return (
      checkModelLocations(as).length === 0 &&
      checkModelDeviceSlots(as).length === 0 &&
      analysis._verdictsFor(m).every((v) => v.met)
    );
  });
}

/** The model of the resiliency groups that hold every connection of these slots, all with one intended model. */
export function groupClaim(
  slots: ReadonlyArray<TopologyDeviceSlot>,
  placed: EstateSlots,
  raw: RawEstate,
): ResiliencyModel | undefined {
  const ports = slots.flatMap((s) => placed.slots.find((p) => p.topology.id === s.id)?.ports ?? []);
  if (ports.length === 0) return undefined;
  const holding = ports.map((p) =>
    raw.groups.filter(
      (g) => g.members.includes(p.id) || (p.lagId !== undefined && g.members.includes(p.lagId)),
    ),
  );
  if (holding.some((h) => h.length === 0)) return undefined;
  const models = new Set(holding.flat().map((g) => modelOfIntended(g.intended)));
  return models.size === 1 ? [...models][0] : undefined;
}

/** The capacity of the first slot that equal dedicated ports can build, else 1 Gbps (the report's "per slot"). */
export function nominalBandwidth(slots: ReadonlyArray<TopologyDeviceSlot>): ConnectionBandwidth {
  for (const s of slots) {
    try {
      return ConnectionBandwidth.gbps(s.capacityGbps);
    } catch {
      // not a capacity equal dedicated ports build (hosted, mixed): try the next
    }
  }
  return ConnectionBandwidth.GBPS_1;
}

export function gatewayVerdict(g: EstateGateway, findings: RuleFinding[]): string {
  const t = g.topology;
  const slots = t.locations.flatMap((l) => l.deviceSlots);
  const shape = `${t.locations.length} location(s), ${slots.length} device(s)`;
  const worst = g.worstSingleFailure
    ? `; worst single failure: ${g.worstSingleFailure.failures[0].description} leaves ${fmt(g.worstSingleFailure.survivingCapacityGbps)} Gbps`
    : "";
  const now = g.now
    ? `; now: ${fmt(g.now.survivingCapacityGbps)} of ${fmt(slots.reduce((n, s) => n + s.capacityGbps, 0))} Gbps up`
    : "";
  const model = (m: ResiliencyModel | undefined) => (m ? m.name : "no resiliency model");
  const meets =
    g.now === undefined || g.modelMet === g.modelAsBuilt
      ? `meets ${model(g.modelMet)}`
      : `meets ${model(g.modelMet)} today (${model(g.modelAsBuilt)} with everything available)`;
  const claim =
    g.claimSource === EstateClaimSource.NONE
      ? meets
      : `claims ${t.model.name} (${g.claimSource === EstateClaimSource.OPTIONS ? "--model" : "resiliency group"}): ` +
        (g.claimMet
          ? "met"
          : `NOT met (${findings
              .filter((f) => f.rule.severity === RuleSeverity.ERROR)
              .map((f) => f.rule.id)
              .join(", ")}); ${meets}`);
  const mark = g.claimMet ? (g.claimSource === EstateClaimSource.NONE ? "INFO" : "PASS") : "FAIL";
  return `${mark} gateway ${g.name}${g.name === g.gatewayId ? "" : ` (${g.gatewayId})`}: ${claim}; ${shape}${worst}${now}`;
}

/** A resiliency group's own layout (its member ports only), checked against its intended model. */
export function groupOf(
  g: RawEstate["groups"][number],
  placed: EstateSlots,
): { value: EstateResiliencyGroup; findings: RuleFinding[] } {
  const model = modelOfIntended(g.intended);
  const base = {
    groupId: g.id,
    name: g.name,
    intendedResiliencyModel: g.intended,
    connectionIds: [...g.members],
  };
  if (model === undefined) {
    const why =
      g.intended === undefined
        ? "the API returned no intended model"
        : `intended model ${g.intended} is not one AWS knows`;
    return {
      value: {
        ...base,
        met: true,
        verdict: `INFO resiliency group ${g.name} (${g.id}): ${why}; ${g.members.length} connection(s), nothing to check`,
      },
      findings: [],
    };
  }
  const members = new Set(g.members);
  const slots = placed.slots.flatMap((s) => {
    const ports = s.topology.ports.filter(
      (_, i) =>
        members.has(s.ports[i].id) || (s.ports[i].lagId !== undefined && members.has(s.ports[i].lagId!)),
    );
    return ports.length === 0
      ? []
      : [{ ...s.topology, ports, capacityGbps: ports.reduce((n, p) => n + p.speedGbps, 0) }];
  });
  const topology: ConnectionTopology = {
    model,
    bandwidth: nominalBandwidth(slots),
    namePrefix: g.name,
    locations: locationsOf(slots),
    resiliencyGroupName: g.name,
  };
  const findings = checkResiliencyGroupModel(topology);
  const met = findings.length === 0;
  const verdict =
    `${met ? "PASS" : "FAIL"} resiliency group ${g.name} (${g.id}): intended ${g.intended}: ${met ? "met" : "NOT met"}; ` +
    `${g.members.length} connection(s) in ${topology.locations.length} location(s) on ${slots.length} device(s)`;
  return { value: { ...base, met, verdict }, findings };
}
