import { Forest } from "./forest";
import { KINDS, materialise } from "./materialise";
import { PromiseVerdict, modelPromise } from "./promise";
import { FailureKind } from "./scenario";
import { ScenarioTable } from "./table";
import { ResiliencyModel } from "../core/model";

// The verdict on each claim of a model, from the single-failure rows of a scenario table (rows 1 .. size:
// every element alone, in element order). Internal: not exported by index.ts.

const KIND_WORDS: Record<FailureKind, string> = {
  [FailureKind.LOCATION]: "location",
  [FailureKind.DEVICE]: "device",
  [FailureKind.PORT]: "port",
  [FailureKind.VIRTUAL_INTERFACE]: "virtual interface",
  [FailureKind.CUSTOMER_GATEWAY]: "customer gateway",
  [FailureKind.VPN_TUNNEL]: "VPN tunnel",
};

/** A claim in words: `any 1 device failure`, `any 1 port or device failure`. */
export function claimText(kinds: ReadonlyArray<FailureKind>): string {
  return `any 1 ${kinds.map((k) => KIND_WORDS[k]).join(" or ")} failure`;
}

/** Whether a row keeps some Direct Connect capacity and a Direct Connect session to every target. */
export function keepsDirectConnect(forest: Forest, table: ScenarioTable, row: number): boolean {
  if (!(table.capacity[row] > 0)) return false;
  const t = forest.targets.length;
  for (let j = row * t; j < (row + 1) * t; j++) if (table.sessions[j] === 0) return false;
  return true;
}

/** The single-failure row of one of `kinds` that leaves the least capacity (the first of equals); 0: none. */
export function worstSingleRow(
  forest: Forest,
  table: ScenarioTable,
  kinds: ReadonlyArray<FailureKind>,
): number {
  let worst = 0;
  for (let row = 1; row <= singleRows(forest, table); row++) {
    if (!kinds.includes(KINDS[forest.kind[row - 1]])) continue;
    if (worst === 0 || table.capacity[row] < table.capacity[worst]) worst = row;
  }
  return worst;
}

/** The rows of one failure: 1 .. this (every element alone, in element order). */
export function singleRows(forest: Forest, table: ScenarioTable): number {
  return Math.min(forest.size, table.rows - 1);
}

/** One verdict per claim of the model. */
export function promiseVerdicts(
  model: ResiliencyModel,
  forest: Forest,
  table: ScenarioTable,
): PromiseVerdict[] {
  return modelPromise(model).map((kinds) => verdict(kinds, forest, table));
}

function verdict(kinds: FailureKind[], forest: Forest, table: ScenarioTable): PromiseVerdict {
  let worstCapacityGbps = Number.POSITIVE_INFINITY;
  let broken = 0;
  const singles = singleRows(forest, table);
  for (let row = 1; row <= singles; row++) {
    if (!kinds.includes(KINDS[forest.kind[row - 1]])) continue;
    worstCapacityGbps = Math.min(worstCapacityGbps, table.capacity[row]);
    if (broken === 0 && !keepsDirectConnect(forest, table, row)) broken = row;
  }
  if (worstCapacityGbps === Number.POSITIVE_INFINITY) worstCapacityGbps = table.capacity[0];
  return {
    claim: claimText(kinds),
    kinds,
    met: broken === 0,
    worstCapacityGbps,
    counterExample: broken === 0 ? undefined : materialise(forest, table, broken),
  };
}
