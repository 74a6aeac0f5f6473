/**
 * The median: the middle value, or the mean of the two middle values when the count is even. The one
 * definition the benchmarks share (bench/analyse.ts, bench/synth.ts).
 */
export function median(values: ReadonlyArray<number>): number {
  if (values.length === 0) throw new Error("the median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
