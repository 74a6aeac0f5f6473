import { Forest, buildForest } from "./forest";
import { materialise } from "./materialise";
import { PromiseVerdict, modelPromise } from "./promise";
import { FailureKind, FailureScenario } from "./scenario";
import { ScenarioTable, evaluateAll, evaluateSet, scenarioCount, worstRows } from "./table";
import { promiseVerdicts, singleRows, worstSingleRow } from "./verdicts";
import { raiseAll } from "../core/fail";
import { ResiliencyModel } from "../core/model";
import { given, listOf, objectOf } from "../core/props";
import { RuleFinding } from "../core/rule";
import { ConnectionTopology } from "../core/topology";
import { checkMaxFailures, checkScenarioIndex, checkScenarioLimit } from "../rules/analysis";

/**
 * The most failure scenarios one analysis evaluates: 5,000,000.
 *
 * Each scenario is stored as one row of typed arrays: 2 bytes per failed element (up to 65,535
 * elements), 8 for the capacity, 1 for the VPN tunnels and 1 or 2 per gateway target, so about 15
 * bytes with 2 failures and one target, and an analysis at the cap holds about 70 MB. It lets
 * `maxFailures: 2` run on about 3,100 failure elements: for example 1,000 ports as 1,000 single-port
 * slots in 100 locations with one virtual interface each and a VPN backup of two customer gateways
 * (4.8 million scenarios, 69 MB, about 0.7 s on one core; bench/results.json).
 */
export const MAX_FAILURE_SCENARIOS = 5_000_000;

/**
 * Options of a failure analysis.
 */
export interface FailureAnalysisOptions {
  /**
   * The most elements that fail at once in a scenario: 1 for every single failure, 2 for every pair
   * too, and so on. The number of scenarios grows quickly with it (see `FailureAnalysis.countScenarios`).
   *
   * @default 1
   */
  readonly maxFailures?: number;
}

/**
 * Every failure scenario of a topology, up to `maxFailures` simultaneous failures, and what each leaves:
 * the Direct Connect slots and capacity, a path per gateway target, and the VPN backup.
 *
 * Failure elements are locations, device slots (AWS devices), ports, virtual interfaces (BGP sessions),
 * customer gateways and VPN tunnels. A scenario never holds an element together with one that contains
 * it (a port and its slot or location): such pairs are one failure, counted once. Scenarios are ordered
 * by their number of failures, then by the order of the elements in the topology (locations with their
 * slots, each slot followed by its ports and virtual interfaces, then the customer gateways with their
 * tunnels).
 */
export class FailureAnalysis {
  /**
   * The most scenarios one analysis evaluates: 5,000,000.
   *
   * Each scenario is one row of typed arrays (about 15 bytes with 2 failures and one gateway target),
   * so an analysis at the cap holds about 70 MB; `maxFailures: 2` fits topologies of about 3,100
   * failure elements, for example 1,000 single-port slots with a virtual interface each.
   */
  public static readonly MAX_SCENARIOS: number = MAX_FAILURE_SCENARIOS;

  /**
   * Analyses every scenario of up to `maxFailures` simultaneous failures of a topology.
   *
   * @param topology the planned layout, for example a construct's `topology`
   * @param options how many simultaneous failures to analyse
   */
  public static analyse(topology: ConnectionTopology, options?: FailureAnalysisOptions): FailureAnalysis {
    const findings: RuleFinding[] = [];
    const opts = given(options)
      ? objectOf(options, "options", "an object like { maxFailures: 2 }", findings)
      : {};
    raiseAll(findings, "FailureAnalysis.analyse");
    const maxFailures = (given(opts!.maxFailures) ? opts!.maxFailures : 1) as number;
    raiseAll([...checkMaxFailures(maxFailures), ...topologyFindings(topology)], "FailureAnalysis.analyse");
    const forest = buildForest(topology);
    const count = scenarioCount(forest, maxFailures);
    raiseAll(
      checkScenarioLimit(maxFailures, count, forest.size, MAX_FAILURE_SCENARIOS),
      "FailureAnalysis.analyse",
    );
    return new FailureAnalysis(topology.model, maxFailures, forest, evaluateAll(forest, count));
  }

  /**
   * The analysis of up to `maxFailures` simultaneous failures, or of single failures when that makes
   * more than `MAX_SCENARIOS` scenarios (the report's default depth), from one forest: what
   * `countScenarios` then `analyse` compute, without building the forest twice.
   *
   * @internal
   */
  public static _analyseAtMost(topology: ConnectionTopology, maxFailures: number): FailureAnalysis {
    raiseAll([...checkMaxFailures(maxFailures), ...topologyFindings(topology)], "FailureAnalysis");
    const forest = buildForest(topology);
    let depth = maxFailures;
    let count = scenarioCount(forest, depth);
    if (count.total > MAX_FAILURE_SCENARIOS && depth > 1) {
      depth = 1;
      count = scenarioCount(forest, depth);
    }
    raiseAll(checkScenarioLimit(depth, count, forest.size, MAX_FAILURE_SCENARIOS), "FailureAnalysis");
    return new FailureAnalysis(topology.model, depth, forest, evaluateAll(forest, count));
  }

  /**
   * The number of scenarios of 1 to `maxFailures` simultaneous failures of a topology, computed
   * without enumerating them (exact below 2^53).
   *
   * @param topology the planned layout
   * @param maxFailures the most elements that fail at once
   */
  public static countScenarios(topology: ConnectionTopology, maxFailures: number): number {
    raiseAll(
      [...checkMaxFailures(maxFailures), ...topologyFindings(topology)],
      "FailureAnalysis.countScenarios",
    );
    return scenarioCount(buildForest(topology), maxFailures).total;
  }

  /**
   * The single failures a resiliency model promises to survive, one list of kinds per claim.
   *
   * @param model the resiliency model
   */
  public static modelPromise(model: ResiliencyModel): FailureKind[][] {
    return modelPromise(model);
  }

  /** The most elements that fail at once in a scenario. */
  public readonly maxFailures: number;
  /** The number of scenarios (the baseline is not one). */
  public readonly scenarioCount: number;
  /** The topology with nothing failed. */
  public readonly baseline: FailureScenario;

  private constructor(
    private readonly model: ResiliencyModel,
    maxFailures: number,
    private readonly forest: Forest,
    private readonly table: ScenarioTable,
  ) {
    this.maxFailures = maxFailures;
    this.scenarioCount = table.rows - 1;
    this.baseline = materialise(forest, table, 0);
  }

  /**
   * Every scenario, as objects. With many scenarios this takes much memory: read them one at a time
   * with `scenario(index)` instead.
   */
  public scenarios(): FailureScenario[] {
    return Array.from({ length: this.scenarioCount }, (_, i) => materialise(this.forest, this.table, i + 1));
  }

  /**
   * One scenario.
   *
   * @param index from 0 to `scenarioCount` - 1, in the order of `scenarios()`
   */
  public scenario(index: number): FailureScenario {
    raiseAll(checkScenarioIndex(index, this.scenarioCount), "FailureAnalysis.scenario");
    return materialise(this.forest, this.table, index + 1);
  }

  /**
   * The worst scenario: the least Direct Connect capacity left, then the fewest targets with a Direct
   * Connect path, then the first. The baseline when there is no scenario.
   */
  public worst(): FailureScenario {
    return materialise(this.forest, this.table, this.table.worst);
  }

  /**
   * The verdict on each claim of the topology's resiliency model (see `FailureAnalysis.modelPromise`),
   * from the scenarios of one failure whatever `maxFailures` is. Empty for Classic, which promises nothing.
   */
  public verdicts(): PromiseVerdict[] {
    return promiseVerdicts(this.model, this.forest, this.table);
  }

  /**
   * The verdicts `verdicts()` gives for another model's promise on the same topology: which model a
   * layout meets, from one analysis.
   *
   * @internal
   */
  public _verdictsFor(model: ResiliencyModel): PromiseVerdict[] {
    return promiseVerdicts(model, this.forest, this.table);
  }

  /**
   * The scenario of the elements with these ids failed together, whatever `maxFailures` is (a live
   * estate's connections that are down now); ids that are no element are ignored.
   *
   * @internal
   */
  public _scenarioOf(ids: ReadonlyArray<string>): FailureScenario {
    const wanted = new Set(ids);
    const elements: number[] = [];
    this.forest.ids.forEach((id, e) => {
      if (wanted.has(id)) elements.push(e);
    });
    return materialise(this.forest, evaluateSet(this.forest, elements), 0);
  }

  /**
   * The number of scenarios of one failure: they come first, indices 0 to this - 1.
   *
   * @internal
   */
  public _singleCount(): number {
    return singleRows(this.forest, this.table);
  }

  /**
   * The scenario of one failure of one of `kinds` that leaves the least capacity (the first of equals),
   * read from the table without materialising the others; undefined when no element is of those kinds.
   *
   * @internal
   */
  public _worstSingle(kinds: ReadonlyArray<FailureKind>): FailureScenario | undefined {
    const row = worstSingleRow(this.forest, this.table, kinds);
    return row === 0 ? undefined : materialise(this.forest, this.table, row);
  }

  /**
   * The `n` worst scenarios from index `from` on, worst first, in the order `worst()` ranks by: the least
   * capacity, then the fewest targets with a Direct Connect path, then index order. Read from the table:
   * only those `n` are materialised.
   *
   * @internal
   */
  public _worstFrom(from: number, n: number): FailureScenario[] {
    return worstRows(this.table, this.forest.targets.length, from + 1, this.table.rows, n).map((row) =>
      materialise(this.forest, this.table, row),
    );
  }
}

/**
 * Analyses every scenario of up to `maxFailures` simultaneous failures of a topology
 * (`FailureAnalysis.analyse`).
 *
 * @throws RuleError when `maxFailures` is not a whole number from 1, or when the scenarios would be more
 *   than `MAX_FAILURE_SCENARIOS` (before any is evaluated)
 */
export function analyseFailures(
  topology: ConnectionTopology,
  options?: FailureAnalysisOptions,
): FailureAnalysis {
  return FailureAnalysis.analyse(topology, options);
}

/**
 * The number of scenarios of 1 to `maxFailures` simultaneous failures of a topology, without
 * enumerating them (`FailureAnalysis.countScenarios`).
 */
export function countFailureScenarios(topology: ConnectionTopology, maxFailures: number): number {
  return FailureAnalysis.countScenarios(topology, maxFailures);
}

/** The shape of a topology given by a program: an object with a list of locations. */
function topologyFindings(topology: ConnectionTopology): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const t = objectOf(
    topology,
    "topology",
    "a ConnectionTopology, for example a construct's `topology`",
    findings,
  );
  if (t !== undefined) listOf(t.locations, "locations", "locations of the topology", findings);
  return findings;
}
