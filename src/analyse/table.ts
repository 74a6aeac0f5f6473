import { Forest, KIND, antichainTable, rateCap } from "./forest";

// The scenarios of an analysis, stored compactly: one row per scenario (row 0 is the baseline) in typed
// arrays, each evaluated incrementally from the baseline. Internal: not exported by index.ts.

/**
 * The element kinds as constants of this module, read once: the evaluation compares one for every failed
 * element of every row, and a transpiler may turn each read of an imported binding into a getter call.
 */
const { LOCATION, DEVICE, PORT, VIF, GATEWAY, TUNNEL } = KIND;

/** An array of counts, as narrow as its largest value allows. */
export type Counts = Uint8Array | Uint16Array | Uint32Array;

/** A typed array of `length` counts, each at most `max`. */
export function countsArray(length: number, max: number): Counts {
  if (max < 2 ** 8) return new Uint8Array(length);
  if (max < 2 ** 16) return new Uint16Array(length);
  return new Uint32Array(length);
}

/** The scenarios: element indices (padded with `forest.size`), capacity, tunnels and sessions per row. */
export interface ScenarioTable {
  /** Rows: scenarios + 1 (row 0: the baseline). */
  readonly rows: number;
  /** Element slots per row: the maximum failures. */
  readonly width: number;
  /** The failed elements of each row, ascending, padded with `forest.size`. */
  readonly elements: Counts;
  /** The Direct Connect capacity left. */
  readonly capacity: Float64Array;
  /** The VPN tunnels up. */
  readonly tunnels: Counts;
  /** The BGP sessions left per target (`forest.targets.length` per row). */
  readonly sessions: Counts;
  /** The row of the worst scenario (0 when there is none). */
  readonly worst: number;
}

/**
 * Evaluates every scenario counted by `count`: rows ordered by failure count, then by element order.
 */
export function evaluateAll(forest: Forest, count: ScenarioCount): ScenarioTable {
  const t = forest.targets.length;
  const k = count.width;
  const rows = count.total + 1;
  const maxSessions = forest.base.sessions.reduce((a, b) => Math.max(a, b), 0);
  const out = {
    rows,
    width: k,
    elements: countsArray(rows * k, forest.size),
    capacity: new Float64Array(rows),
    tunnels: countsArray(rows, forest.base.tunnels),
    sessions: countsArray(rows * t, maxSessions),
  };
  out.elements.fill(forest.size);
  const evaluator = new Evaluator(forest, out);
  let row = 0;
  let worst = 0;
  const visit = (chosen: Int32Array, m: number): void => {
    evaluator.evaluate(row, chosen, m);
    if (row > 0 && (worst === 0 || worse(out, t, row, worst))) worst = row;
    row++;
  };
  visit(new Int32Array(0), 0);
  const table = antichainTable(forest.end, k);
  for (let d = 1; d <= k; d++) enumerateSize(forest.end, d, k, table, visit);
  if (row !== rows) {
    throw new Error(`Failure analysis: counted ${count.total} scenarios but enumerated ${row - 1} (a bug).`);
  }
  return { ...out, worst };
}

/**
 * Whether row a is worse than row b: less capacity, then fewer targets with a Direct Connect path. The one
 * order of the analysis: `worst()` and the report's table of the worst scenarios both rank by it (then by
 * row, which is scenario order).
 */
export function worse(
  out: { capacity: Float64Array; sessions: Counts },
  t: number,
  a: number,
  b: number,
): boolean {
  if (out.capacity[a] !== out.capacity[b]) return out.capacity[a] < out.capacity[b];
  return directPaths(out.sessions, t, a) < directPaths(out.sessions, t, b);
}

/** The targets of a row that keep a Direct Connect BGP session. */
export function directPaths(sessions: Counts, t: number, row: number): number {
  let n = 0;
  for (let j = row * t; j < (row + 1) * t; j++) if (sessions[j] > 0) n++;
  return n;
}

/**
 * The `n` worst rows of `from` .. `to` - 1, worst first (`worse`: least capacity, then fewest targets with
 * a Direct Connect path), equals in row order: the first `n` of a stable sort of those rows by `worse`,
 * without sorting them all.
 */
export function worstRows(table: ScenarioTable, t: number, from: number, to: number, n: number): number[] {
  const kept: number[] = [];
  for (let row = from; row < to; row++) {
    if (kept.length === n && !worse(table, t, row, kept[n - 1])) continue;
    if (kept.length === n) kept.pop();
    let at = kept.length;
    while (at > 0 && worse(table, t, row, kept[at - 1])) at--;
    kept.splice(at, 0, row);
  }
  return kept;
}

/**
 * Calls `visit` for every set of `d` elements with none inside another, in lexicographic order. In
 * preorder the elements inside i are i+1 .. end[i]-1, so the next element starts at end[i]; a prefix
 * stops as soon as no set of the remaining size is left (table, from `antichainTable`, of width k + 1).
 */
function enumerateSize(
  end: Int32Array,
  d: number,
  k: number,
  table: Float64Array,
  visit: (chosen: Int32Array, m: number) => void,
): void {
  const n = end.length;
  const chosen = new Int32Array(d);
  const next = (depth: number, start: number): void => {
    const left = d - depth;
    for (let i = start; i < n && table[i * (k + 1) + left] > 0; i++) {
      chosen[depth] = i;
      if (left === 1) visit(chosen, d);
      else next(depth + 1, end[i]);
    }
  };
  next(0, 0);
}

/**
 * One scenario of the given elements (indices into the forest) failed together, in a table of its own
 * (row 0). Elements inside another one given are dropped (a port of a failed slot is not failed twice).
 */
export function evaluateSet(forest: Forest, elements: ReadonlyArray<number>): ScenarioTable {
  const sorted = [...new Set(elements)].sort((a, b) => a - b);
  const chosen: number[] = [];
  for (const e of sorted) {
    const outer = chosen[chosen.length - 1];
    if (outer === undefined || e >= forest.end[outer]) chosen.push(e);
  }
  const width = Math.max(chosen.length, 1);
  const maxSessions = forest.base.sessions.reduce((a, b) => Math.max(a, b), 0);
  const out = {
    rows: 1,
    width,
    elements: countsArray(width, forest.size),
    capacity: new Float64Array(1),
    tunnels: countsArray(1, forest.base.tunnels),
    sessions: countsArray(forest.targets.length, maxSessions),
  };
  out.elements.fill(forest.size);
  new Evaluator(forest, out).evaluate(0, Int32Array.from(chosen), chosen.length);
  return { ...out, worst: 0 };
}

/** Writes one row from the baseline and the row's own elements (only the slots they touch). */
class Evaluator {
  private readonly portsDown: Int32Array;
  private readonly speedLost: Float64Array;
  private readonly slotDown: Uint8Array;
  /** The BGP sessions (virtual interfaces) the row loses per slot. */
  private readonly vifsDown: Int32Array;
  /** The rate limits of the virtual interfaces the row loses per slot. */
  private readonly rateLost: Float64Array;
  /** The virtual interfaces without a rate limit the row loses per slot. */
  private readonly unlimitedDown: Int32Array;
  /** The slots the row's failed ports and virtual interfaces touch: the first `touchedCount`. */
  private readonly touched: Int32Array;
  private touchedCount = 0;

  constructor(
    private readonly forest: Forest,
    private readonly out: Omit<ScenarioTable, "worst">,
  ) {
    const slots = forest.slots.length;
    this.portsDown = new Int32Array(slots);
    this.speedLost = new Float64Array(slots);
    this.slotDown = new Uint8Array(slots);
    this.vifsDown = new Int32Array(slots);
    this.rateLost = new Float64Array(slots);
    this.unlimitedDown = new Int32Array(slots);
    this.touched = new Int32Array(slots);
  }

  public evaluate(row: number, chosen: Int32Array, m: number): void {
    const f = this.forest;
    const out = this.out;
    const t = f.targets.length;
    const s0 = row * t;
    for (let j = 0; j < t; j++) out.sessions[s0 + j] = f.base.sessions[j];
    let capacity = f.base.capacity;
    let tunnels = f.base.tunnels;
    for (let j = 0; j < m; j++) {
      const e = chosen[j];
      out.elements[row * out.width + j] = e;
      const kind = f.kind[e];
      if (kind === LOCATION || kind === DEVICE) {
        capacity -= f.capacityLoss[e];
        this.subtract(s0, f.sessionLoss[e]);
      } else if (kind === PORT) {
        const s = f.slot[e];
        if (this.portsDown[s] === 0) this.touched[this.touchedCount++] = s;
        this.portsDown[s]++;
        this.speedLost[s] += f.capacityLoss[e];
      } else if (kind === GATEWAY || kind === TUNNEL) {
        tunnels -= f.tunnelLoss[e];
      }
    }
    capacity -= this.settleTouchedSlots(s0);
    // A slot carries while one of its BGP sessions is up (a slot without interfaces counts by its
    // ports), and an interface at most its rate limit: a lost one takes its rate limit off the cap.
    for (let j = 0; j < m; j++) {
      const e = chosen[j];
      if (f.kind[e] !== VIF) continue;
      const s = f.slot[e];
      const slot = f.slots[s];
      if (!slot.carrying || this.slotDown[s] !== 0) continue;
      out.sessions[s0 + f.target[e]]--;
      if (this.portsDown[s] === 0 && this.vifsDown[s] === 0) this.touched[this.touchedCount++] = s;
      this.vifsDown[s]++;
      const limit = f.capacityLoss[e];
      if (limit === Infinity) this.unlimitedDown[s]++;
      else this.rateLost[s] += limit;
    }
    for (let i = 0; i < this.touchedCount; i++) {
      const s = this.touched[i];
      const slot = f.slots[s];
      if (slot.carrying && this.slotDown[s] === 0) {
        // what the slot still carries: its ports up, capped by the rate limits of its interfaces up
        const carried =
          this.vifsDown[s] === slot.vifs && slot.vifs > 0
            ? 0
            : Math.min(
                slot.portCapacity - this.speedLost[s],
                rateCap(
                  slot.vifs,
                  slot.unlimitedVifs - this.unlimitedDown[s],
                  slot.rateSum - this.rateLost[s],
                ),
              );
        capacity -= slot.capacity - carried;
      }
      this.portsDown[s] = 0;
      this.speedLost[s] = 0;
      this.slotDown[s] = 0;
      this.vifsDown[s] = 0;
      this.rateLost[s] = 0;
      this.unlimitedDown[s] = 0;
    }
    this.touchedCount = 0;
    out.capacity[row] = capacity;
    out.tunnels[row] = tunnels;
  }

  /** Takes a LAG below its minimum down (its sessions with it); returns the capacity lost that way. */
  private settleTouchedSlots(s0: number): number {
    let lost = 0;
    for (let i = 0; i < this.touchedCount; i++) {
      const s = this.touched[i];
      const slot = this.forest.slots[s];
      if (!slot.carrying) continue;
      if (slot.ports - this.portsDown[s] < slot.need) {
        this.slotDown[s] = 1;
        lost += slot.capacity;
        this.subtract(s0, slot.sessions);
      }
    }
    return lost;
  }

  private subtract(s0: number, pairs: ReadonlyArray<number>): void {
    for (let j = 0; j < pairs.length; j += 2) this.out.sessions[s0 + pairs[j]] -= pairs[j + 1];
  }
}

/** The scenarios of up to k failures of a forest, counted before any is evaluated. */
export interface ScenarioCount {
  /** Scenarios of 1 .. width failures. */
  readonly total: number;
  /** Scenarios of exactly 1, 2, ... width failures. */
  readonly bySize: number[];
  /** The most failures a scenario has: k, or fewer when no larger set of elements exists. */
  readonly width: number;
}

/**
 * Counts the scenarios of 1 .. k failures of a forest: the sets of up to k elements with none inside
 * another, one column of the antichain table at a time (memory: the element count, whatever k).
 */
export function scenarioCount(forest: Forest, k: number): ScenarioCount {
  const end = forest.end;
  const n = end.length;
  let previous = new Float64Array(n + 1).fill(1); // c(i, 0) = 1
  let total = 0;
  let width = 0;
  const bySize: number[] = [];
  for (let r = 1; r <= Math.min(k, n); r++) {
    const column = new Float64Array(n + 1); // c(n, r) = 0
    for (let i = n - 1; i >= 0; i--) column[i] = column[i + 1] + previous[end[i]];
    if (column[0] === 0) break; // no set of r elements exists, nor a larger one
    total += column[0];
    bySize.push(column[0]);
    width = r;
    if (total === Infinity) break; // no count can say more
    previous = column;
  }
  return { total, bySize, width };
}
