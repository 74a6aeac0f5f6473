import { CfnElement, CfnOutput, CfnResource, Stack } from "aws-cdk-lib";
import { IConstruct } from "constructs";

// The CloudFormation resources of an app as their templates will have them (resolved with Stack.resolve,
// property overrides included), and what their references point to. Internal to the audit.

/** The resource types the audit reads. */
export const TYPES = {
  connection: "AWS::DirectConnect::Connection",
  lag: "AWS::DirectConnect::Lag",
  transitVif: "AWS::DirectConnect::TransitVirtualInterface",
  privateVif: "AWS::DirectConnect::PrivateVirtualInterface",
  publicVif: "AWS::DirectConnect::PublicVirtualInterface",
  resiliencyGroup: "AWS::DirectConnect::ResiliencyGroup",
  association: "AWS::DirectConnect::DirectConnectGatewayAssociation",
  coreNetworkAttachment: "AWS::NetworkManager::DirectConnectGatewayAttachment",
  customerGateway: "AWS::EC2::CustomerGateway",
  vpnConnection: "AWS::EC2::VPNConnection",
  vpnRoute: "AWS::EC2::VPNConnectionRoute",
  tgwRoute: "AWS::EC2::TransitGatewayRoute",
  tgwRouteTable: "AWS::EC2::TransitGatewayRouteTable",
} as const;

const READ = new Set<string>(Object.values(TYPES));

/** One resource as its template has it. */
export interface RawResource {
  readonly construct: CfnResource;
  readonly stack: Stack;
  readonly logicalId: string;
  readonly type: string;
  /** `Properties`, resolved. */
  readonly props: Record<string, any>;
  readonly deletionPolicy?: string;
}

/** What a property refers to: a resource of the app, or a literal value, or neither (a parameter, an import). */
export interface Ref {
  /** Unique for what it refers to: the element's path, the literal, or the resolved value as JSON. */
  readonly key: string;
  /** The element of the app referred to (a resource, a parameter), with its name (`nameOf`). */
  readonly element?: IConstruct;
  readonly name?: string;
  /** The element, when it is a resource the audit reads. */
  readonly resource?: RawResource;
  readonly literal?: string;
}

/** Whether a `DeletionPolicy` keeps the physical resource when it leaves the stack. */
export function isRetained(resource: RawResource): boolean {
  return resource.deletionPolicy === "Retain" || resource.deletionPolicy === "RetainExceptOnCreate";
}

/** A string property as a literal, or undefined (absent, or not known until deploy). */
export function literalOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

/** The Direct Connect and VPN resources of an app, and the logical ids of all its elements. */
export class ResourceIndex {
  /** Reads every element under `root` (an app: `scope.node.root`). */
  public static read(root: IConstruct): ResourceIndex {
    const index = new ResourceIndex();
    for (const c of root.node.findAll()) {
      if (!CfnElement.isCfnElement(c)) continue;
      const stack = Stack.of(c);
      const logicalId: string = stack.resolve(c.logicalId);
      index.addLogicalId(stack, logicalId, c);
      if (c instanceof CfnOutput) index.addExport(stack, logicalId, c);
      if (CfnResource.isCfnResource(c) && READ.has(c.cfnResourceType)) {
        const rendered = stack.resolve(c._toCloudFormation()) as { Resources?: Record<string, any> };
        const body = rendered.Resources?.[logicalId];
        if (body === undefined) continue; // a resource that is not synthesized
        index.resources.push({
          construct: c,
          stack,
          logicalId,
          type: c.cfnResourceType,
          props: body.Properties ?? {},
          deletionPolicy: body.DeletionPolicy,
        });
      }
    }
    for (const r of index.resources) index.byElement.set(r.construct, r);
    return index;
  }

  /** The resources read, in the order of the construct tree. */
  public readonly resources: RawResource[] = [];
  private readonly byStack = new Map<Stack, Map<string, IConstruct>>();
  private readonly byLogicalId = new Map<string, IConstruct[]>();
  private readonly byElement = new Map<IConstruct, RawResource>();
  private readonly logicalIds = new Map<IConstruct, string>();
  /** What each export of the app holds, for `Fn::ImportValue` (references across stacks, after synth). */
  private readonly exports = new Map<string, { stack: Stack; value: unknown }>();

  private constructor() {}

  /** The resources of some types. */
  public ofType(...types: string[]): RawResource[] {
    return this.resources.filter((r) => types.includes(r.type));
  }

  /**
   * What a resolved property value of `from` refers to: `Ref` and `Fn::GetAtt` name a logical id of
   * its stack (or, for a reference across stacks, the only element of the app with that id); a
   * literal is itself; `Fn::Join` is its literal parts joined (an ARN built from pseudo parameters).
   */
  public refOf(value: unknown, from: RawResource | Stack): Ref | undefined {
    if (value === undefined || value === null) return undefined;
    const stack = from instanceof Stack ? from : from.stack;
    const literal = literalOf(value);
    if (literal !== undefined) return { key: literal, literal };
    const imported = this.exports.get((value as Record<string, unknown>)["Fn::ImportValue"] as string);
    if (imported !== undefined) return this.refOf(imported.value, imported.stack);
    const id = logicalIdIn(value);
    if (id !== undefined) {
      const element = this.byStack.get(stack)?.get(id) ?? this.onlyElement(id);
      if (element === undefined) return { key: id };
      const name = this.nameOf(element);
      return { key: element.node.path, element, name, resource: this.byElement.get(element) };
    }
    const joined = joinedLiteral(value);
    return joined !== undefined ? { key: joined, literal: joined } : { key: JSON.stringify(value) };
  }

  /**
   * An element's name in messages and as a gateway id: its logical id, with its stack's name when
   * another stack has an element of that id.
   */
  public nameOf(element: IConstruct | RawResource): string {
    const construct = "construct" in element ? element.construct : element;
    const logicalId = this.logicalIds.get(construct)!;
    const unique = (this.byLogicalId.get(logicalId) ?? []).length === 1;
    return unique ? logicalId : `${Stack.of(construct).stackName}/${logicalId}`;
  }

  private addLogicalId(stack: Stack, logicalId: string, element: IConstruct): void {
    this.logicalIds.set(element, logicalId);
    let ids = this.byStack.get(stack);
    if (ids === undefined) this.byStack.set(stack, (ids = new Map()));
    ids.set(logicalId, element);
    this.byLogicalId.set(logicalId, [...(this.byLogicalId.get(logicalId) ?? []), element]);
  }

  private addExport(stack: Stack, logicalId: string, output: CfnOutput): void {
    const rendered = stack.resolve(output._toCloudFormation()) as { Outputs?: Record<string, any> };
    const body = rendered.Outputs?.[logicalId];
    const name = body?.Export?.Name;
    if (typeof name === "string") this.exports.set(name, { stack, value: body.Value });
  }

  private onlyElement(logicalId: string): IConstruct | undefined {
    const all = this.byLogicalId.get(logicalId) ?? [];
    return all.length === 1 ? all[0] : undefined;
  }
}

/** The logical id of `{ Ref: id }`, `{ "Fn::GetAtt": [id, attribute] }` or `{ "Fn::GetAtt": "id.attribute" }`. */
function logicalIdIn(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.Ref === "string") return v.Ref;
  const att = v["Fn::GetAtt"];
  if (Array.isArray(att) && typeof att[0] === "string") return att[0];
  return typeof att === "string" ? att.split(".")[0] : undefined;
}

/** `{ "Fn::Join": [sep, parts] }` with its non-literal parts as `{...}`, or undefined. */
function joinedLiteral(value: unknown): string | undefined {
  const join = (value as Record<string, unknown>)["Fn::Join"];
  if (!Array.isArray(join) || typeof join[0] !== "string" || !Array.isArray(join[1])) return undefined;
  return join[1].map((part: unknown) => literalOf(part) ?? "{...}").join(join[0]);
}
