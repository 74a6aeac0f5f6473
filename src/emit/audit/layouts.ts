import { Stack } from "aws-cdk-lib";
import { IConstruct } from "constructs";
import { GroupDraft, anchorsOf } from "./drafts";
import { RawResource, ResourceIndex } from "./resources";
import { PlacedSlot, topologySlot } from "./slots";
import { ConnectionBandwidth } from "../../core/bandwidth";
import { ResiliencyModel } from "../../core/model";
import { ConnectionTopology, TopologyDeviceSlot } from "../../core/topology";
import { locationsOf, modelOfIntended } from "../../rules/design/layout";

// Layouts: the device slots that form one design, and the resiliency groups' own layouts. Internal.

/** Where a layout's claimed model comes from. */
export enum ClaimSource {
  /** The audit's `model`. */
  AUDIT = "audit",
  /** The resiliency groups that hold all its slots, all with one `IntendedResiliencyModel`. */
  GROUPS = "groups",
  /** None: Classic. */
  NONE = "none",
}

/** One layout: its topology, and the constructs that stand for its elements. */
export interface Layout {
  readonly topology: ConnectionTopology;
  readonly claim: ClaimSource;
  /** The resiliency groups that hold some of its slots. */
  readonly groups: GroupDraft[];
  /** The stacks of its slots. */
  readonly stacks: Stack[];
  /** Element id (slot, port, virtual interface) to the constructs that stand for it. */
  readonly elements: Map<string, IConstruct[]>;
}

/** A resiliency group's own layout: the slots of its members with only its member ports, its model as the claim. */
export interface GroupLayout {
  readonly group: GroupDraft;
  readonly topology: ConnectionTopology;
  readonly elements: Map<string, IConstruct[]>;
}

/** What `layoutsOf` needs beyond the placed slots. */
export interface LayoutInput {
  readonly index: ResourceIndex;
  readonly groups: ReadonlyArray<GroupDraft>;
  readonly targetOf: (vif: RawResource) => string;
  /** The audit's model: the claim of every layout. */
  readonly model?: ResiliencyModel;
}

/**
 * Splits the slots into layouts: the slots that one resiliency group holds, the slots with virtual
 * interfaces to one gateway, and the slots of one stack that no group holds are each in one layout
 * (with whatever else those slots are linked to). A resiliency group is how an app says which slots
 * form one design.
 */
export function layoutsOf(placed: ReadonlyArray<PlacedSlot>, input: LayoutInput): Layout[] {
  const parent = new Map(placed.map((p) => [p, p]));
  const find = (p: PlacedSlot): PlacedSlot => (parent.get(p) === p ? p : find(parent.get(p)!));
  const union = (all: PlacedSlot[]) => all.slice(1).forEach((p) => parent.set(find(p), find(all[0])));
  const byDraft = new Map(placed.map((p) => [p.draft, p]));
  for (const g of input.groups) union([...g.members.keys()].map((d) => byDraft.get(d)!));
  const linked = new Map<string, PlacedSlot[]>();
  for (const p of placed) {
    const held = input.groups.some((g) => g.members.has(p.draft));
    const keys = p.draft.vifs.map((v) => `target:${input.targetOf(v)}`);
    if (!held) keys.push(`stack:${p.draft.stack.node.path}`);
    for (const key of keys) linked.set(key, [...(linked.get(key) ?? []), p]);
  }
  for (const all of linked.values()) union(all);
  const components = new Map<PlacedSlot, PlacedSlot[]>();
  for (const p of placed) components.set(find(p), [...(components.get(find(p)) ?? []), p]);
  return [...components.values()].map((slots) => layoutOf(slots, input));
}

function layoutOf(slots: PlacedSlot[], input: LayoutInput): Layout {
  const groups = input.groups.filter((g) => slots.some((p) => g.members.has(p.draft)));
  const everyHeld = slots.every((p) => groups.some((g) => g.members.has(p.draft)));
  const models = new Set(groups.map((g) => modelOfIntended(g.intended)));
  const fromGroups = everyHeld && models.size === 1 ? [...models][0] : undefined;
  const model = input.model ?? fromGroups ?? ResiliencyModel.CLASSIC;
  const claim = input.model ? ClaimSource.AUDIT : fromGroups ? ClaimSource.GROUPS : ClaimSource.NONE;
  const stacks = [...new Set(slots.map((p) => p.draft.stack))];
  const elements = new Map<string, IConstruct[]>();
  const topologySlots = slots.map((p) => {
    const slot = topologySlot(p, input.index, input.targetOf);
    addElements(elements, slot, p, input.groups);
    return slot;
  });
  const groupName = groups.length === 1 && everyHeld ? groups[0].name : undefined;
  const topology = topologyOf(topologySlots, model, stacks.map((s) => s.stackName).join("+"), groupName);
  return { topology, claim, groups, stacks, elements };
}

/** The layout of a resiliency group's members, or undefined when its model is not one AWS knows. */
export function groupLayoutOf(
  group: GroupDraft,
  placed: ReadonlyArray<PlacedSlot>,
  input: LayoutInput,
): GroupLayout | undefined {
  const model = modelOfIntended(group.intended);
  if (model === undefined) return undefined;
  const elements = new Map<string, IConstruct[]>();
  const slots = placed
    .filter((p) => group.members.has(p.draft))
    .map((p) => {
      const only = group.members.get(p.draft);
      const slot = topologySlot(p, input.index, input.targetOf, only);
      addElements(elements, slot, p, input.groups, only);
      return slot;
    });
  return { group, topology: topologyOf(slots, model, group.name, group.name), elements };
}

/** The constructs of a slot's elements: the slot's anchors, each port's connection, each interface. */
function addElements(
  elements: Map<string, IConstruct[]>,
  slot: TopologyDeviceSlot,
  p: PlacedSlot,
  groups: ReadonlyArray<GroupDraft>,
  only?: ReadonlySet<RawResource>,
): void {
  elements.set(slot.id, anchorsOf(p.draft, groups));
  const members = p.draft.ports.filter((c) => only === undefined || only.has(c));
  slot.ports.forEach((port, i) => elements.set(port.id, [members[i].construct]));
  p.draft.vifs.forEach((v, i) => elements.set(slot.virtualInterfaces[i].id, [v.construct]));
}

function topologyOf(
  slots: TopologyDeviceSlot[],
  model: ResiliencyModel,
  namePrefix: string,
  resiliencyGroupName: string | undefined,
): ConnectionTopology {
  return {
    model,
    bandwidth: nominalBandwidth(slots),
    namePrefix,
    locations: locationsOf(slots),
    resiliencyGroupName,
  };
}

/** The capacity of the first slot that equal ports can build, else its port speed, else 1 Gbps. */
function nominalBandwidth(slots: ReadonlyArray<TopologyDeviceSlot>): ConnectionBandwidth {
  for (const value of slots.flatMap((s) => [s.capacityGbps, s.ports[0]?.speedGbps])) {
    try {
      if (value !== undefined) return ConnectionBandwidth.gbps(value);
    } catch {
      // not a capacity equal dedicated ports build: try the next
    }
  }
  return ConnectionBandwidth.GBPS_1;
}
