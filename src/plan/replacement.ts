/**
 * What a change to a CloudFormation template replaces. Pure: it compares two templates (JSON), using
 * the create-only properties of the resources this library emits, as the CloudFormation registry
 * schemas list them (`createOnlyProperties`; facts §3, §5, §6; test/constructs/replacement.test.ts checks
 * this table against the schemas cfn-lint ships). A resource is replaced when a create-only property
 * changes, or when it refers, in a create-only property, to a resource that is replaced (a new physical
 * id); it is updated when any other property changes or refers to a replaced resource.
 */
import { finding } from "../core/fail";
import { RuleFinding } from "../core/rule";
import { REPLACES_RESOURCES } from "../rules/report";

/** Create-only properties per resource type. */
export const CREATE_ONLY: Readonly<Record<string, ReadonlyArray<string>>> = {
  "AWS::DirectConnect::Connection": ["Bandwidth", "Location", "ProviderName", "RequestMACSec"],
  "AWS::DirectConnect::Lag": ["ConnectionsBandwidth", "Location", "ProviderName", "RequestMACSec"],
  "AWS::DirectConnect::PrivateVirtualInterface": [
    "AllocatePrivateVirtualInterfaceRoleArn",
    "DirectConnectGatewayId",
    "VirtualGatewayId",
    "Vlan",
  ],
  "AWS::DirectConnect::PublicVirtualInterface": [
    "AllocatePublicVirtualInterfaceRoleArn",
    "RouteFilterPrefixes",
    "Vlan",
  ],
  "AWS::DirectConnect::TransitVirtualInterface": [
    "AllocateTransitVirtualInterfaceRoleArn",
    "DirectConnectGatewayId",
    "Vlan",
  ],
  "AWS::DirectConnect::DirectConnectGateway": ["AmazonSideAsn"],
  "AWS::DirectConnect::DirectConnectGatewayAssociation": [
    "AcceptDirectConnectGatewayAssociationProposalRoleArn",
    "AssociatedGatewayId",
    "DirectConnectGatewayId",
  ],
  "AWS::DirectConnect::ResiliencyGroup": ["IntendedResiliencyModel"],
  "AWS::NetworkManager::DirectConnectGatewayAttachment": ["CoreNetworkId", "DirectConnectGatewayArn"],
  "AWS::EC2::CustomerGateway": [
    "CertificateArn",
    "BgpAsn",
    "BgpAsnExtended",
    "Type",
    "IpAddress",
    "DeviceName",
  ],
  "AWS::EC2::VPNConnection": [
    "Type",
    "VpnConcentratorId",
    "EnableAcceleration",
    "LocalIpv4NetworkCidr",
    "LocalIpv6NetworkCidr",
    "OutsideIpAddressType",
    "RemoteIpv4NetworkCidr",
    "RemoteIpv6NetworkCidr",
    "StaticRoutesOnly",
    "TransportTransitGatewayAttachmentId",
    "TunnelInsideIpVersion",
    "PreSharedKeyStorage",
  ],
  "AWS::EC2::VPNConnectionRoute": ["DestinationCidrBlock", "VpnConnectionId"],
};

/** A resource as a template has it. */
export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
}

/** What one change does to one resource. */
export interface ResourceChange {
  readonly logicalId: string;
  readonly type: string;
  readonly change: "added" | "removed" | "replaced" | "updated";
  /** Why, for replaced and updated resources: the properties and the resources they refer to. */
  readonly reasons: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The logical IDs a value refers to (`Ref`, `Fn::GetAtt`). */
export function referencesOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    value.forEach((v) => referencesOf(v, out));
  } else if (typeof value === "object" && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === "Ref" && typeof v === "string") out.add(v);
      else if (key === "Fn::GetAtt" && Array.isArray(v) && typeof v[0] === "string") out.add(v[0]);
      else referencesOf(v, out);
    }
  }
  return out;
}

/**
 * The changes from `before` to `after` (the `Resources` of two templates), for resources of the types in
 * CREATE_ONLY (others are ignored): added, removed, replaced (and why), updated (and why).
 */
export function templateChanges(
  before: Readonly<Record<string, TemplateResource>>,
  after: Readonly<Record<string, TemplateResource>>,
): ResourceChange[] {
  const known = (r: TemplateResource | undefined) => r !== undefined && CREATE_ONLY[r.Type] !== undefined;
  const changes = new Map<string, ResourceChange>();
  const both = Object.keys(after).filter((id) => known(after[id]) && known(before[id]));
  for (const id of both) {
    const reasons = changedCreateOnly(before[id], after[id]);
    if (before[id].Type !== after[id].Type) reasons.push(`its type changes to ${after[id].Type}`);
    if (reasons.length > 0) {
      changes.set(id, { logicalId: id, type: after[id].Type, change: "replaced", reasons });
    }
  }
  // a replaced resource gets a new physical id: what refers to it is replaced or updated in turn
  for (let grew = true; grew;) {
    grew = false;
    for (const id of both.filter((x) => changes.get(x)?.change !== "replaced")) {
      const replacedRefs = refsToReplaced(after[id], changes);
      if (replacedRefs.createOnly.length > 0) {
        changes.set(id, {
          logicalId: id,
          type: after[id].Type,
          change: "replaced",
          reasons: replacedRefs.createOnly,
        });
        grew = true;
      } else if (replacedRefs.other.length > 0) {
        changes.set(id, {
          logicalId: id,
          type: after[id].Type,
          change: "updated",
          reasons: replacedRefs.other,
        });
      }
    }
  }
  for (const id of both.filter((x) => changes.get(x)?.change !== "replaced")) {
    const reasons = [...(changes.get(id)?.reasons ?? []), ...changedProperties(before[id], after[id])];
    if (reasons.length > 0) {
      changes.set(id, { logicalId: id, type: after[id].Type, change: "updated", reasons });
    }
  }
  for (const id of Object.keys(after).filter((x) => known(after[x]) && !known(before[x]))) {
    changes.set(id, { logicalId: id, type: after[id].Type, change: "added", reasons: [] });
  }
  for (const id of Object.keys(before).filter((x) => known(before[x]) && after[x] === undefined)) {
    const retained = ["Retain", "RetainExceptOnCreate"].includes(before[id].DeletionPolicy ?? "Delete");
    const reasons = [retained ? "retained: it leaves the stack but keeps running" : "deleted"];
    changes.set(id, { logicalId: id, type: before[id].Type, change: "removed", reasons });
  }
  return [...changes.values()].sort((a, b) => (a.logicalId < b.logicalId ? -1 : 1));
}

function changedCreateOnly(before: TemplateResource, after: TemplateResource): string[] {
  return (CREATE_ONLY[after.Type] ?? [])
    .filter((p) => !same(before.Properties?.[p], after.Properties?.[p]))
    .map((p) => `${p} ${show(before.Properties?.[p])} -> ${show(after.Properties?.[p])}`);
}

function changedProperties(before: TemplateResource, after: TemplateResource): string[] {
  const keys = new Set([...Object.keys(before.Properties ?? {}), ...Object.keys(after.Properties ?? {})]);
  return [...keys].filter((p) => !same(before.Properties?.[p], after.Properties?.[p])).sort();
}

/** The properties of a resource that refer to replaced resources, create-only ones apart. */
function refsToReplaced(
  resource: TemplateResource,
  changes: ReadonlyMap<string, ResourceChange>,
): { createOnly: string[]; other: string[] } {
  const createOnly: string[] = [];
  const other: string[] = [];
  for (const [prop, value] of Object.entries(resource.Properties ?? {})) {
    const replaced = [...referencesOf(value)].filter((ref) => changes.get(ref)?.change === "replaced");
    if (replaced.length === 0) continue;
    const reason = `${prop} refers to ${replaced.join(", ")}, which is replaced`;
    ((CREATE_ONLY[resource.Type] ?? []).includes(prop) ? createOnly : other).push(reason);
  }
  return { createOnly, other };
}

function show(value: unknown): string {
  return value === undefined ? "(not set)" : JSON.stringify(value);
}

/** What a replaced or removed resource means for the network, per type. */
const MEANING: Record<string, string> = {
  "AWS::DirectConnect::Connection": "port (a new order and LOA, weeks without the circuit)",
  "AWS::DirectConnect::Lag": "LAG (a new order and LOA)",
  "AWS::DirectConnect::TransitVirtualInterface": "virtual interface (a new BGP session)",
  "AWS::DirectConnect::PrivateVirtualInterface": "virtual interface (a new BGP session)",
  "AWS::DirectConnect::PublicVirtualInterface": "virtual interface (a new BGP session)",
  "AWS::DirectConnect::DirectConnectGateway": "Direct Connect gateway",
  "AWS::DirectConnect::DirectConnectGatewayAssociation": "gateway association",
  "AWS::DirectConnect::ResiliencyGroup": "resiliency group",
  "AWS::NetworkManager::DirectConnectGatewayAttachment": "Cloud WAN core network attachment",
  "AWS::EC2::CustomerGateway": "customer gateway",
  "AWS::EC2::VPNConnection": "VPN connection (new tunnel addresses and keys)",
  "AWS::EC2::VPNConnectionRoute": "VPN route",
};

/**
 * The warning of the changes of one construct that replace or remove resources (compared with the
 * previous synth): one finding listing each resource and why; none when there is no change.
 */
export function checkReplacements(changes: ReadonlyArray<ResourceChange>): RuleFinding[] {
  if (changes.length === 0) return [];
  return [finding(REPLACES_RESOURCES, describe(changes))];
}

function describe(changes: ReadonlyArray<ResourceChange>): string {
  const lines = changes.map((c) => {
    const what = MEANING[c.type] ?? c.type;
    return c.change === "removed"
      ? `${c.logicalId} (${what}) leaves the stack, ${c.reasons.join("; ")}`
      : `${c.logicalId} (${what}) is REPLACED: ${c.reasons.join("; ")}`;
  });
  return (
    `Compared with the previous synth, this change replaces or removes ${changes.length} Direct Connect resource(s):\n` +
    lines.map((l) => `  - ${l}`).join("\n") +
    "\nIf that is not what you want, undo the change; properties that replace a resource are listed in the " +
    "README (Replacement). The warning shows once: the next synth compares with this one."
  );
}
