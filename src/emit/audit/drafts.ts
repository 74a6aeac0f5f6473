import { Stack } from "aws-cdk-lib";
import { IConstruct } from "constructs";
import { RawResource, Ref, ResourceIndex, TYPES, literalOf } from "./resources";
import { circuitIdIn } from "../../rules/design/layout";

// The device slots of an app, read from its resources: every LAG (with the connections whose LagId
// refers to it), every standalone connection, and every existing circuit that a LagId, a virtual
// interface's ConnectionId or a resiliency group's ConnectionArns names by id. Internal to the audit.

/** A device slot as read, before it is numbered. */
export interface SlotDraft {
  /** Unique: the LAG's or standalone connection's path, or the existing circuit's id. */
  readonly key: string;
  readonly lag?: RawResource;
  readonly standalone?: RawResource;
  /** The `dxcon-`/`dxlag-` id (or the deploy-time reference) of an existing circuit. */
  readonly existingId?: string;
  /** Member connections in the app (the standalone connection itself; new members of an existing LAG). */
  readonly ports: RawResource[];
  readonly vifs: RawResource[];
  /** The location code as written; undefined for an existing circuit nobody placed. */
  location?: string;
  /** For an existing circuit: its capacity and port speed, when known. */
  capacityGbps?: number;
  portBandwidth?: string;
  /** The stack whose resources made or named it first. */
  readonly stack: Stack;
}

/** A resiliency group as read: its resource, its members (slots and the ports among them), its claim. */
export interface GroupDraft {
  readonly resource: RawResource;
  readonly name: string;
  /** The `IntendedResiliencyModel` value, if literal. */
  readonly intended?: string;
  /** The member ports of each slot it holds (an existing circuit: none). */
  readonly members: Map<SlotDraft, Set<RawResource>>;
}

/** The slots and groups of an app. */
export interface Drafts {
  readonly slots: SlotDraft[];
  readonly groups: GroupDraft[];
  /** The slot of each connection. */
  readonly slotOf: Map<RawResource, SlotDraft>;
}

/** Reads the slots and groups of an app. */
export function readDrafts(index: ResourceIndex): Drafts {
  const byKey = new Map<string, SlotDraft>();
  const slotOf = new Map<RawResource, SlotDraft>();
  const add = (draft: SlotDraft): SlotDraft => {
    byKey.set(draft.key, draft);
    return draft;
  };
  const existing = (ref: Ref, stack: Stack): SlotDraft => {
    const id = circuitIdIn(ref.literal) ?? ref.key;
    return byKey.get(id) ?? add({ key: id, existingId: id, ports: [], vifs: [], stack });
  };
  for (const lag of index.ofType(TYPES.lag)) {
    add({
      key: lag.construct.node.path,
      lag,
      ports: [],
      vifs: [],
      location: literalOf(lag.props.Location),
      stack: lag.stack,
    });
  }
  for (const c of index.ofType(TYPES.connection)) {
    const ref = index.refOf(c.props.LagId, c);
    const draft =
      ref === undefined
        ? add({
            key: c.construct.node.path,
            standalone: c,
            ports: [],
            vifs: [],
            location: literalOf(c.props.Location),
            stack: c.stack,
          })
        : ref.resource?.type === TYPES.lag
          ? byKey.get(ref.resource.construct.node.path)!
          : existing(ref, c.stack);
    draft.location ??= literalOf(c.props.Location);
    draft.ports.push(c);
    slotOf.set(c, draft);
  }
  const slotFor = (ref: Ref, stack: Stack): SlotDraft =>
    (ref.resource && (slotOf.get(ref.resource) ?? byKey.get(ref.resource.construct.node.path))) ||
    existing(ref, stack);
  for (const vif of index.ofType(TYPES.transitVif, TYPES.privateVif, TYPES.publicVif)) {
    const ref = index.refOf(vif.props.ConnectionId, vif);
    if (ref !== undefined) slotFor(ref, vif.stack).vifs.push(vif);
  }
  const groups = index.ofType(TYPES.resiliencyGroup).map((g) => readGroup(index, g, slotFor));
  return { slots: [...byKey.values()], groups, slotOf };
}

function readGroup(
  index: ResourceIndex,
  resource: RawResource,
  slotFor: (ref: Ref, stack: Stack) => SlotDraft,
): GroupDraft {
  const members = new Map<SlotDraft, Set<RawResource>>();
  const arns: unknown[] = Array.isArray(resource.props.ConnectionArns) ? resource.props.ConnectionArns : [];
  for (const arn of arns) {
    const ref = index.refOf(arn, resource);
    if (ref === undefined) continue;
    const slot = slotFor(ref, resource.stack);
    const ports = members.get(slot) ?? new Set<RawResource>();
    const member = ref.resource;
    // a connection is that port; a LAG named as a member stands for all its ports
    for (const port of member?.type === TYPES.connection ? [member] : member ? slot.ports : []) {
      ports.add(port);
    }
    members.set(slot, ports);
  }
  return {
    resource,
    name: literalOf(resource.props.ResiliencyGroupName) ?? index.nameOf(resource),
    intended: literalOf(resource.props.IntendedResiliencyModel),
    members,
  };
}

/** The construct that stands for a slot in annotations: its LAG or connection, else what names it. */
export function anchorsOf(slot: SlotDraft, groups: ReadonlyArray<GroupDraft>): IConstruct[] {
  if (slot.lag) return [slot.lag.construct];
  if (slot.standalone) return [slot.standalone.construct];
  if (slot.ports.length > 0) return slot.ports.map((p) => p.construct);
  if (slot.vifs.length > 0) return slot.vifs.map((v) => v.construct);
  return groups.filter((g) => g.members.has(slot)).map((g) => g.resource.construct);
}
