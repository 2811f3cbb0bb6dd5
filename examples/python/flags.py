"""Options of the ported listings (not in the book).

--short     a quick run (fewer epochs or steps), for the tests
--seed N    seed numpy and TensorFlow, so that a run is repeatable and its numbers can be
            compared with the TypeScript port run with the same options
--data DIR  where a listing's data set is, instead of the book's path (the CIFAR-10 listings:
            the directory holding data_batch_1.bin … test_batch.bin)
"""
import sys

SHORT = "--short" in sys.argv
SEED = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else None
DATA = sys.argv[sys.argv.index("--data") + 1] if "--data" in sys.argv else None


def seed_numpy(np):
    if SEED is not None:
        np.random.seed(SEED)


def seed_graph(tf):
    """Call after the graph the listing builds is the default one (after reset_default_graph)."""
    if SEED is not None:
        tf.set_random_seed(SEED)


def data_dir(book_path):
    """The book's data directory, or the one given with --data."""
    return DATA if DATA is not None else book_path
