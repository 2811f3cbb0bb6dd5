"""Interop of TensorBoard events files between tf1ts and real TensorFlow (not run in CI).

1. tf1ts writes an events file (scalars, histograms, images, merged, at several steps); TensorBoard's
   own reader (event_accumulator) loads it, and every value is checked against what real TF's ops
   give for the same inputs.
2. Real TF writes an events file; tf1ts reads it back (summary_iterator) and reports what it
   found, which is checked against TF's own reading.
3. Any log directories given on the command line (e.g. log/mnist_with_summaries, written by
   examples/04-08-tensorboard.ts) are loaded with event_accumulator and summarised.

    TF_CPP_MIN_LOG_LEVEL=3 /tmp/tfref/bin/python scripts/interop/events.py [logdir …]
"""
import json
import os
import subprocess
import sys
import tempfile

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import tensorflow.compat.v1 as tf  # noqa: E402
from tensorboard.backend.event_processing import event_accumulator  # noqa: E402

tf.disable_v2_behavior()
tf.logging.set_verbosity(tf.logging.ERROR)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
STEPS = 3


def feed(step):
    """The values fed at a step, the same on both sides: 12 floats, some negative."""
    return (np.linspace(-1, 2, 12) * (step + 1)).astype(np.float32)


# A tf1ts program: the graph TF builds below, run at each step, written with FileWriter.
TS_WRITER = r"""
const tf = require(%(src)s);
const summary = require(%(summary)s);
const x = tf.placeholder(tf.float32, [12], 'x');
summary.scalar('top', tf.reduce_max(x));
summary.histogram('values', x);
summary.image('picture', tf.reshape(x, [1, 2, 2, 3]));
summary.image('gray', tf.reshape(x, [2, 3, 2, 1]), 2);
const merged = summary.merge_all();
const sess = new tf.Session();
const w = new summary.FileWriter(%(logdir)s, sess.graph);
const feeds = %(feeds)s;
feeds.forEach((f, step) => {
  w.add_summary(sess.run(merged, {feed_dict: [[x, new tf.NDArray(Float32Array.from(f), [12], 'float32')]]}), step);
});
w.close();
"""

# A tf1ts program: read an events file and print what it holds, as JSON.
TS_READER = r"""
const summary = require(%(summary)s);
const {decodePng} = require(%(png)s);
const out = [];
for (const e of summary.summary_iterator(%(file)s)) {
  const what = Object.keys(e).find((k) => !['wall_time', 'step', 'source_metadata'].includes(k));
  const item = {what, step: e.step || 0};
  if (e.summary) item.values = e.summary.value.map((v) => {
    if (v.histo) return {tag: v.tag, histo: {num: v.histo.num, sum: v.histo.sum, min: v.histo.min, max: v.histo.max, buckets: v.histo.bucket.length}};
    if (v.image) {
      const png = decodePng(v.image.encoded_image_string);
      return {tag: v.tag, image: [png.height, png.width, png.channels], pixel_sum: png.pixels.reduce((a, b) => a + b, 0)};
    }
    return {tag: v.tag, simple_value: v.simple_value};
  });
  if (e.graph_def) item.graph_def_bytes = e.graph_def.length;
  if (e.session_log) item.session_log = e.session_log;
  out.push(item);
}
console.log(JSON.stringify(out));
"""


def run_ts(code):
    r = subprocess.run([os.environ.get("NODE", "node"), "-r", "ts-node/register/transpile-only", "-e", code],
                       cwd=ROOT, capture_output=True, text=True,
                       env=dict(os.environ, TS_NODE_TRANSPILE_ONLY="1"))
    if r.returncode != 0:
        sys.exit("tf1ts failed:\n" + r.stderr)
    return r.stdout


def tf_summaries():
    """Real TF's Summaries for the same graph and feeds, by step."""
    tf.reset_default_graph()
    x = tf.placeholder(tf.float32, [12], name="x")
    tf.summary.scalar("top", tf.reduce_max(x))
    tf.summary.histogram("values", x)
    tf.summary.image("picture", tf.reshape(x, [1, 2, 2, 3]))
    tf.summary.image("gray", tf.reshape(x, [2, 3, 2, 1]), 2)
    merged = tf.summary.merge_all()
    with tf.Session() as sess:
        return [tf.Summary.FromString(sess.run(merged, {x: feed(s)})) for s in range(STEPS)], tf.get_default_graph()


def decode_png(data, channels):
    with tf.Session(graph=tf.Graph()) as sess:
        return sess.run(tf.image.decode_png(data, channels=channels))


def ours_to_tensorboard():
    print("== 1. tf1ts writes, TensorBoard's event_accumulator reads ==")
    logdir = tempfile.mkdtemp(prefix="tf1ts-events-")
    run_ts(TS_WRITER % {"src": json.dumps(os.path.join(ROOT, "src")), "summary": json.dumps(os.path.join(ROOT, "src", "summary")),
                        "logdir": json.dumps(logdir), "feeds": json.dumps([feed(s).tolist() for s in range(STEPS)])})
    print("file:", os.listdir(logdir))
    acc = event_accumulator.EventAccumulator(logdir, size_guidance={event_accumulator.IMAGES: 0, event_accumulator.HISTOGRAMS: 0})
    acc.Reload()
    tags = acc.Tags()
    print("tags:", {k: v for k, v in tags.items() if v})
    expected, _ = tf_summaries()
    ok = True
    for ev in acc.Scalars("top"):
        want = next(v.simple_value for v in expected[ev.step].value if v.tag == "top")
        print(f"  scalar top step {ev.step}: {ev.value!r} (TF {want!r})")
        ok &= ev.value == want
    for ev in acc.Histograms("values"):
        want = next(v.histo for v in expected[ev.step].value if v.tag == "values")
        h = ev.histogram_value
        same = (h.min, h.max, h.num, h.sum, h.sum_squares, list(h.bucket_limit), list(h.bucket)) == \
               (want.min, want.max, want.num, want.sum, want.sum_squares, list(want.bucket_limit), list(want.bucket))
        print(f"  histogram values step {ev.step}: num={h.num} sum={h.sum:.6g} min={h.min:.6g} max={h.max:.6g} "
              f"buckets={len(h.bucket)} identical to TF's: {same}")
        ok &= same
    for tag in tags["images"]:
        for ev in acc.Images(tag):
            want = next(v.image for v in expected[ev.step].value if v.tag == tag)
            ours_px = decode_png(ev.encoded_image_string, want.colorspace)
            tf_px = decode_png(want.encoded_image_string, want.colorspace)
            same = (ev.height, ev.width) == (want.height, want.width) and np.array_equal(ours_px, tf_px)
            print(f"  image {tag} step {ev.step}: {ev.width}x{ev.height}, pixels identical to TF's: {same}")
            ok &= same
    if tags.get("graph"):
        g = acc.Graph()
        print(f"  graph: {len(g.node)} nodes: {[n.name for n in g.node][:8]} …")
    else:
        print("  graph: none in the file (tf1ts's Graph.as_graph_def not available yet)")
    print("ALL MATCH" if ok else "MISMATCH")
    return ok


def tf_to_ours():
    print("== 2. real TF writes, tf1ts's summary_iterator reads ==")
    logdir = tempfile.mkdtemp(prefix="tf-events-")
    expected, graph = tf_summaries()
    writer = tf.summary.FileWriter(logdir, graph)
    for step, s in enumerate(expected):
        writer.add_summary(s, step)
    writer.add_session_log(tf.SessionLog(status=tf.SessionLog.STOP), STEPS)
    writer.close()
    [name] = os.listdir(logdir)
    path = os.path.join(logdir, name)
    ours = json.loads(run_ts(TS_READER % {"summary": json.dumps(os.path.join(ROOT, "src", "summary")),
                                          "png": json.dumps(os.path.join(ROOT, "src", "summary", "png")),
                                          "file": json.dumps(path)}))
    ok = True
    print("events tf1ts read:", [(e["what"], e["step"]) for e in ours])
    theirs = [tf.Event.FromString(r) for r in tf.io.tf_record_iterator(path)]
    ok &= [(e.WhichOneof("what"), e.step) for e in theirs] == [(e["what"], e["step"]) for e in ours]
    for e in ours:
        for v in e.get("values", []):
            want = next(w for w in expected[e["step"]].value if w.tag == v["tag"])
            if "simple_value" in v:
                same = v["simple_value"] == want.simple_value
            elif "histo" in v:
                same = (v["histo"]["num"], v["histo"]["sum"], v["histo"]["buckets"]) == (want.histo.num, want.histo.sum, len(want.histo.bucket))
            else:
                px = decode_png(want.image.encoded_image_string, want.image.colorspace)
                same = v["image"] == list(px.shape) and v["pixel_sum"] == int(px.astype(np.int64).sum())
            print(f"  step {e['step']} {v['tag']}: {json.dumps({k: x for k, x in v.items() if k != 'tag'})} as TF: {same}")
            ok &= same
        if "graph_def_bytes" in e:
            print(f"  graph_def: {e['graph_def_bytes']} bytes")
        if "session_log" in e:
            print(f"  session_log: {e['session_log']}")
    print("ALL MATCH" if ok else "MISMATCH")
    return ok


def summarise(logdir):
    print(f"== 3. {logdir} with event_accumulator ==")
    acc = event_accumulator.EventAccumulator(logdir, size_guidance={event_accumulator.SCALARS: 0, event_accumulator.HISTOGRAMS: 0})
    acc.Reload()
    tags = acc.Tags()
    print("tags:", {k: v for k, v in tags.items() if v})
    for tag in tags["scalars"]:
        s = acc.Scalars(tag)
        print(f"  scalar {tag}: {len(s)} points, steps {s[0].step}…{s[-1].step}, first {s[0].value:.6g}, last {s[-1].value:.6g}")
    for tag in tags["histograms"]:
        h = acc.Histograms(tag)
        print(f"  histogram {tag}: {len(h)} points, last num={h[-1].histogram_value.num} sum={h[-1].histogram_value.sum:.6g}")
    if tags.get("graph"):
        print(f"  graph: {len(acc.Graph().node)} nodes")


if __name__ == "__main__":
    results = [ours_to_tensorboard(), tf_to_ours()]
    for d in sys.argv[1:]:
        summarise(d)
    sys.exit(0 if all(results) else 1)
