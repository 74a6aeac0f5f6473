import { IConstruct } from "constructs";
import { AppUsage } from "../plan/usage";

/** The one registry of each app: what its constructs use, for the rules that count across the app. */
const byApp = new WeakMap<IConstruct, AppUsage>();

/**
 * The usage of the app `scope` is in (keyed by the app's root construct).
 *
 * @internal
 */
export function appUsage(scope: IConstruct): AppUsage {
  const root = scope.node.root;
  let usage = byApp.get(root);
  if (!usage) {
    usage = new AppUsage();
    byApp.set(root, usage);
  }
  return usage;
}
