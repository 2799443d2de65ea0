// Summaries of repeated measurements: the median, with the interquartile
// range (25th–75th percentile) as the spread, and min–max for the record.
// Quantiles interpolate linearly between ranks (the "type 7" estimator of R
// and NumPy), so a handful of runs still gives a sensible IQR.

export interface Summary {
  /** How many measurements. */
  readonly n: number;
  readonly median: number;
  /** 25th percentile. */
  readonly p25: number;
  /** 75th percentile. */
  readonly p75: number;
  readonly min: number;
  readonly max: number;
}

/** The q-quantile (0 ≤ q ≤ 1) of `values`, linear between ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('No measurements to summarise.');
  if (!(q >= 0 && q <= 1)) throw new Error(`A quantile is between 0 and 1, not ${q}.`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = q * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low]!;
  return lowValue + (sorted[high]! - lowValue) * (rank - low);
}

export function summarise(values: readonly number[]): Summary {
  return {
    n: values.length,
    median: quantile(values, 0.5),
    p25: quantile(values, 0.25),
    p75: quantile(values, 0.75),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** A summary with every figure rounded to `digits` decimals, for the JSON file. */
export function rounded(summary: Summary, digits = 2): Summary {
  const round = (x: number) => Number(x.toFixed(digits));
  return {
    n: summary.n,
    median: round(summary.median),
    p25: round(summary.p25),
    p75: round(summary.p75),
    min: round(summary.min),
    max: round(summary.max),
  };
}

/** Milliseconds since `start` (performance.now), for timing one step. */
export function since(start: number): number {
  return performance.now() - start;
}
