"""GraphDef interop between tf1ts and real TensorFlow, both ways (not run in CI; see README.md).

    TF_CPP_MIN_LOG_LEVEL=3 /tmp/tfref/bin/python scripts/interop/graphdef.py

tf1ts → TF: runs scripts/interop/write_samples.ts (GraphDefs tf1ts builds, text and binary, with
the values tf1ts computes, in $TF1TS_INTEROP_DIR/from_tf1ts), then, in TF1 graph mode, for every
graph/*.pbtxt and every sample: parses it, checks that TF writes it back byte for byte (text, and
for the samples the .pb's bytes), imports it with tf.import_graph_def, runs what tf1ts ran and
compares the values.

TF → tf1ts: builds the graphs of test/fixtures/gen/graph_def.py with TF, writes them (.pb,
.pbtxt) with TF's values into $TF1TS_INTEROP_DIR/from_tf, and runs
scripts/interop/read_samples.ts, which imports them into tf1ts and compares.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "test", "fixtures", "gen"))
import graph_def as fixtures  # noqa: E402  (TF1 mode, and the graphs TF writes)
from common import enc, np, tf  # noqa: E402
from google.protobuf import text_format  # noqa: E402

DIR = os.environ.get("TF1TS_INTEROP_DIR", "/tmp/tf1ts-interop")
RANDOM = {"RandomStandardNormal", "RandomUniform", "RandomUniformInt", "TruncatedNormal", "Multinomial", "RandomShuffle"}


def node(script, *args):
    run = subprocess.run(["node", "-r", "ts-node/register/transpile-only", os.path.join(ROOT, "scripts", "interop", script), *args],
                         cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, TF1TS_INTEROP_DIR=DIR))
    if run.returncode not in (0, 1):
        sys.exit(f"{script} failed:\n{run.stderr}")
    return run


def decode(e):
    if e is None:
        return None
    if e["dtype"] == "string":
        return np.array([x.encode() for x in e["data"]], dtype=object).reshape(e["shape"])
    data = [float(x) if isinstance(x, str) else x for x in e["data"]]
    return np.array(data, dtype=e["dtype"]).reshape(e["shape"])


def same(actual, expected):
    if expected is None:
        return actual is None
    a = np.asarray(actual)
    if a.shape != expected.shape:
        return False
    if expected.dtype.kind == "f":
        return bool(np.allclose(a.astype(np.float64), expected.astype(np.float64), rtol=1e-5, atol=1e-6, equal_nan=True))
    return bool(np.array_equal(a, expected))


def parse_text(path):
    gd = tf.GraphDef()
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text_format.Parse(text, gd)
    return gd, text


def import_fresh(gd):
    g = tf.Graph()
    with g.as_default():
        tf.import_graph_def(gd, name="")
    return g


def graph_files(values):
    print("tf1ts → TF: graph/*.pbtxt (the examples' graphs)")
    totals = {"files": 0, "ok": 0, "tensors": 0, "mismatch": 0, "unseeded": 0}
    for name, v in values.items():
        totals["files"] += 1
        problems = []
        try:
            gd, text = parse_text(os.path.join(ROOT, "graph", name))
            if text_format.MessageToString(gd) != text:
                problems.append("TF writes the parsed file back differently")
            g = import_fresh(gd)
            got = []
            if v["fetches"]:
                with tf.Session(graph=g) as sess:
                    sess.run(v["initializers"])
                    got = sess.run(v["fetches"])
            unseeded = set(v["unseeded"])
            for fetch, a, e in zip(v["fetches"], got, v["results"]):
                if fetch in unseeded:
                    totals["unseeded"] += 1
                    continue
                totals["tensors"] += 1
                if not same(a, decode(e)):
                    totals["mismatch"] += 1
                    problems.append(f"{fetch}: TF {np.asarray(a).ravel()[:4]} vs tf1ts {decode(e).ravel()[:4]}")
        except Exception as exc:  # noqa: BLE001 - reported, not raised
            problems.append(f"{type(exc).__name__}: {str(exc).splitlines()[0]}")
        if not problems:
            totals["ok"] += 1
        print(f"  {'FAIL' if problems else 'ok  '} {name} ({len(v['fetches'])} tensors)" + "".join(f"\n         {p}" for p in problems[:5]))
    print(f"  {totals['ok']}/{totals['files']} files import and compute tf1ts's values; "
          f"{totals['tensors'] - totals['mismatch']}/{totals['tensors']} tensors equal "
          f"({totals['unseeded']} outputs of unseeded random ops not compared)")


def samples(out):
    print("tf1ts → TF: samples (text and binary)")
    with open(os.path.join(out, "samples.json")) as f:
        values = json.load(f)
    for name, v in values.items():
        problems = []
        try:
            gd, text = parse_text(os.path.join(out, name + ".pbtxt"))
            with open(os.path.join(out, name + ".pb"), "rb") as f:
                data = f.read()
            binary = tf.GraphDef()
            binary.ParseFromString(data)
            if binary != gd:
                problems.append("the .pb and the .pbtxt hold different GraphDefs")
            if binary.SerializeToString(deterministic=True) != data:
                problems.append("TF serializes the .pb to other bytes")
            if text_format.MessageToString(gd) != text:
                problems.append("TF writes the .pbtxt back differently")
            g = import_fresh(binary)
            with tf.Session(graph=g) as sess:
                for k, run in enumerate(v["runs"]):
                    feeds = {g.get_tensor_by_name(n): decode(e) for n, e in run["feeds"].items()}
                    got = sess.run(run["fetches"], feed_dict=feeds)
                    for fetch, a, e in zip(run["fetches"], got, run["results"]):
                        if not same(a, decode(e)):
                            problems.append(f"run {k} {fetch}: TF {np.asarray(a).ravel()[:4]} vs tf1ts {decode(e).ravel()[:4]}")
        except Exception as exc:  # noqa: BLE001
            problems.append(f"{type(exc).__name__}: {str(exc).splitlines()[0]}")
        print(f"  {'FAIL' if problems else 'ok  '} {name} ({len(gd.node)} nodes, {len(v['runs'])} runs)" + "".join(f"\n         {p}" for p in problems[:5]))


def tf_to_tf1ts():
    out = os.path.join(DIR, "from_tf")
    os.makedirs(out, exist_ok=True)
    cases = {
        "listing_4_14": fixtures.listing_4_14(),
        "softmax_regression": fixtures.softmax_regression(),
        "softmax_addv2": fixtures.softmax_regression(plus=lambda a, b: a + b),
        "xor_adam": fixtures.xor_adam(),
        "kitchen_sink": fixtures.kitchen_sink(),
        "variables_init": fixtures.variables_init(),
    }
    values = {}
    for name, (graph, runs) in cases.items():
        tf.io.write_graph(graph, out, name + ".pbtxt", as_text=True)
        tf.io.write_graph(graph, out, name + ".pb", as_text=False)
        values[name] = {"runs": fixtures.replay(graph, runs)}
    with open(os.path.join(out, "values.json"), "w") as f:
        json.dump(values, f)
    print("TF → tf1ts: graphs TF wrote, read by tf1ts (scripts/interop/read_samples.ts)")
    run = node("read_samples.ts", out)
    print(run.stdout.rstrip())
    if run.stderr.strip():
        print("  (stderr)", run.stderr.strip().splitlines()[-1])


def main():
    print(f"TensorFlow {tf.__version__}; files in {DIR}")
    run = node("write_samples.ts")
    print(run.stdout.rstrip())
    out = os.path.join(DIR, "from_tf1ts")
    with open(os.path.join(out, "graph_values.json")) as f:
        graph_files(json.load(f))
    samples(out)
    tf_to_tf1ts()


if __name__ == "__main__":
    _ = enc  # the fixture helpers encode TF's values
    main()
