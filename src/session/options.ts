/**
 * Runtime switches. `TF1TS_OPTIMIZE=0` turns the graph optimizations (constant folding …) off;
 * the test suite runs with them on and off and must produce the same numbers.
 */
let optimize = process.env.TF1TS_OPTIMIZE !== '0';

export function optimizationsEnabled(): boolean {
  return optimize;
}

/** Sets whether sessions created or plans compiled from now on use the graph optimizations. */
export function setOptimizations(on: boolean): void {
  optimize = on;
}
