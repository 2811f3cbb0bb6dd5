/**
 * Options of the ported listings (not in the book):
 *   --short     a quick run (fewer epochs or steps), for the tests
 *   --seed N    seed numpy and TensorFlow, so that a run is repeatable and its numbers can be
 *               compared with the Python form run with the same options under real TensorFlow
 */
const argv = process.argv;
export const SHORT = argv.includes('--short');
export const SEED = argv.includes('--seed') ? Number(argv[argv.indexOf('--seed') + 1]) : null;

export function seed_numpy(np: {random: {seed(s: number): void}}): void {
  if (SEED !== null) np.random.seed(SEED);
}

/** Call after the graph the listing builds is the default one (after reset_default_graph). */
export function seed_graph(tf: {set_random_seed(s: number): void}): void {
  if (SEED !== null) tf.set_random_seed(SEED);
}
