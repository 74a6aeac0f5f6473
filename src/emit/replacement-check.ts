import * as fs from "fs";
import * as path from "path";
import { Aspects, CfnResource, IAspect, Stack, Stage } from "aws-cdk-lib";
import { IConstruct } from "constructs";
import { report } from "./findings";
import {
  CREATE_ONLY,
  ResourceChange,
  TemplateResource,
  checkReplacements,
  templateChanges,
} from "../plan/replacement";

const watched = new WeakSet<Stack>();

/**
 * Warns at synth when the stack's Direct Connect and VPN resources would be replaced or removed,
 * compared with the template of the previous synth in the same output directory (`cdk.out`): the
 * template `cdk synth` or `cdk deploy` wrote last time. One warning per owning construct, listing each
 * resource and why. Nothing to compare with (a first synth, a fresh output directory): no warning.
 *
 * @internal
 */
export function watchReplacements(owner: IConstruct): void {
  const stack = Stack.of(owner);
  if (watched.has(stack)) return;
  watched.add(stack);
  Aspects.of(stack).add(new ReplacementCheck(stack));
}

class ReplacementCheck implements IAspect {
  constructor(private readonly stack: Stack) {}

  public visit(node: IConstruct): void {
    if (node !== this.stack) return;
    const before = previousResources(this.stack);
    if (before === undefined) return;
    const resources = new Map<string, CfnResource>();
    const after: Record<string, TemplateResource> = {};
    for (const r of this.stack.node.findAll().filter(CfnResource.isCfnResource)) {
      if (CREATE_ONLY[r.cfnResourceType] === undefined) continue;
      const logicalId = this.stack.resolve(r.logicalId) as string;
      resources.set(logicalId, r);
      after[logicalId] = this.stack.resolve((r as any)._toCloudFormation()).Resources[logicalId];
    }
    const changes = templateChanges(before, after).filter(
      (c) => c.change === "replaced" || c.change === "removed",
    );
    const byOwner = new Map<IConstruct, ResourceChange[]>();
    for (const change of changes) {
      const owner = ownerOf(resources.get(change.logicalId), this.stack);
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), change]);
    }
    for (const [owner, list] of byOwner) report(owner, checkReplacements(list));
  }
}

/** The resources of the previous synth's template of the stack, if there is one. */
function previousResources(stack: Stack): Record<string, TemplateResource> | undefined {
  const outdir = Stage.of(stack)?.outdir;
  const file = outdir ? path.join(outdir, stack.templateFile) : undefined;
  if (!file || !fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")).Resources ?? undefined;
  } catch {
    return undefined; // not a template we can read: nothing to compare with
  }
}

/** The top-level construct below the stack that holds the resource (the stack for a removed one). */
function ownerOf(resource: IConstruct | undefined, stack: Stack): IConstruct {
  if (resource === undefined) return stack;
  const scopes = resource.node.scopes;
  return scopes[scopes.indexOf(stack) + 1] ?? stack;
}
