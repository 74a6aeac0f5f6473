import { FailureKind, FailureScenario } from "./scenario";
import { raiseAll } from "../core/fail";
import { ResiliencyModel } from "../core/model";
import { checkModelKnown } from "../rules/analysis";

/**
 * Whether a topology keeps one promise of its resiliency model, computed from its failure scenarios.
 *
 * A claim holds when, in every scenario of one failure of the kinds it covers, every gateway target
 * (and `public`, for public virtual interfaces) keeps a Direct Connect BGP session and some Direct
 * Connect capacity is left (without virtual interfaces: some capacity is left).
 */
export interface PromiseVerdict {
  /** The claim in words, for example `any 1 device failure`. */
  readonly claim: string;
  /** The kinds of single failure the claim covers. */
  readonly kinds: FailureKind[];
  /** Whether every covered scenario keeps a Direct Connect path to every target and some capacity. */
  readonly met: boolean;
  /**
   * The least Direct Connect capacity any covered scenario leaves, in Gbps (the baseline capacity
   * when the topology has no element of the covered kinds).
   */
  readonly worstCapacityGbps: number;
  /**
   * The first covered scenario that breaks the claim.
   *
   * @default - none: the claim holds
   */
  readonly counterExample?: FailureScenario;
}

/** The single failures each model promises to survive, by model name. */
const PROMISES: ReadonlyArray<readonly [ResiliencyModel, FailureKind[][]]> = [
  [ResiliencyModel.MAXIMUM, [[FailureKind.DEVICE], [FailureKind.LOCATION]]],
  [ResiliencyModel.HIGH, [[FailureKind.PORT], [FailureKind.DEVICE], [FailureKind.LOCATION]]],
  [ResiliencyModel.DEVELOPMENT_AND_TEST, [[FailureKind.DEVICE]]],
  [ResiliencyModel.CLASSIC, []],
];

/**
 * The single failures a resiliency model promises to survive, one list of kinds per claim.
 *
 * Maximum: any 1 device, any 1 location. High: any 1 port (fibre cut), any 1 device, any 1 location.
 * Development and Test: any 1 device (not the location). Classic: none.
 *
 * @see https://docs.aws.amazon.com/directconnect/latest/UserGuide/resiliency_toolkit.html
 */
export function modelPromise(model: ResiliencyModel): FailureKind[][] {
  const promise = promiseOf(model);
  raiseAll(checkModelKnown(model, promise !== undefined), "FailureAnalysis.modelPromise");
  return promise!;
}

/**
 * The single failures a model promises to survive (`modelPromise`), found by name (an instance of a
 * second copy of the library counts); undefined for a value that is no model.
 */
export function promiseOf(model: ResiliencyModel): FailureKind[][] | undefined {
  const name = typeof model === "object" && model !== null ? model.name : undefined;
  const found = PROMISES.find(([m]) => m === model || m.name === name);
  return found?.[1].map((kinds) => [...kinds]);
}
