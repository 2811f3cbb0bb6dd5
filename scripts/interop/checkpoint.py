"""Interop of V2 checkpoints between tf1ts and real TensorFlow (not run in CI).

    TF_CPP_MIN_LOG_LEVEL=3 /tmp/tfref/bin/python scripts/interop/checkpoint.py [prefix-or-dir …]

1. Real TF writes checkpoints (a linear regression, an Adam model with slots and an int64 global
   step, one variable of every dtype) under <tmp>/tf/.
2. scripts/interop/write_checkpoints.ts writes tf1ts's checkpoints under <tmp>/tf1ts/ with the
   values it saved (values.json), and reads TF's (tf1ts_read.json).
3. TF reads tf1ts's checkpoints three ways (NewCheckpointReader, tf.train.load_checkpoint, and
   tf.train.Saver.restore in graph mode, found with latest_checkpoint) and compares every value
   with what tf1ts saved; TF re-saves the restored values and the files are compared byte for
   byte with tf1ts's; TF continues training tf1ts's Adam checkpoint and compares the losses with
   tf1ts's own continuation.
4. tf1ts's reading of TF's checkpoints is compared with TF's values, the files of the same
   variables are compared byte for byte, and tf1ts's continuation of TF's Adam checkpoint with TF's.
5. Any checkpoints given on the command line (e.g. log/linermodel.cpkt, log/checkpoints, written
   by the examples) are listed with TF's reader.
"""
import json
import os
import subprocess
import sys
import tempfile

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import tensorflow.compat.v1 as tf  # noqa: E402

tf.disable_v2_behavior()
tf.logging.set_verbosity(tf.logging.ERROR)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FAILURES = []


def check(ok, what):
    print(("  ok    " if ok else "  FAIL  ") + what)
    if not ok:
        FAILURES.append(what)


def as_array(e):
    """A tensor from JSON ({dtype, shape, data}) as numpy gives it."""
    if e["dtype"] == "string":
        return np.array([s.encode("utf-8") for s in e["data"]], object).reshape(e["shape"])
    return np.array(e["data"], dtype=e["dtype"]).reshape(e["shape"])


def same(a, b):
    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape:
        return False
    if a.dtype == object or b.dtype == object:
        return a.tolist() == b.tolist()
    return np.array_equal(a.astype(np.float64), b.astype(np.float64), equal_nan=True)


def adam_graph(data):
    X = tf.placeholder(tf.float32, [None, 3], name="X")
    Y = tf.placeholder(tf.float32, [None, 1], name="Y")
    W = tf.Variable(np.array(data["w0"], np.float32), name="weight")
    b = tf.Variable(tf.zeros([1]), name="bias")
    global_step = tf.train.get_or_create_global_step()
    loss = tf.reduce_mean(tf.square(tf.matmul(X, W) + b - Y))
    train = tf.train.AdamOptimizer(0.1).minimize(loss, global_step=global_step)
    feed = {X: np.array(data["x"], np.float32), Y: np.array(data["y"], np.float32)}
    return global_step, (lambda sess: float(sess.run([train, loss], feed)[1]))


def tf_writes(tmp, data):
    """Step 1: TF's checkpoints, and the losses TF's Adam model continues with after its save."""
    saved = {}
    os.makedirs(os.path.join(tmp, "tf"))  # TF's Saver creates the last directory of a path only
    tf.reset_default_graph()
    X, Y = tf.placeholder("float"), tf.placeholder("float")
    W = tf.Variable([0.5], name="weight")
    b = tf.Variable(tf.zeros([1]), name="bias")
    train = tf.train.GradientDescentOptimizer(0.1).minimize(tf.reduce_mean(tf.square(Y - (X * W + b))))
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for i in range(10):
            sess.run(train, {X: [0.1 * i, 1], Y: [0.2 * i + 0.3, 2.3]})
        tf.train.Saver().save(sess, os.path.join(tmp, "tf", "lr", "linermodel.cpkt"), global_step=10)
    tf.reset_default_graph()
    global_step, step = adam_graph(data)
    saver = tf.train.Saver(max_to_keep=2)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for _ in range(3):
            step(sess), step(sess)
            saver.save(sess, os.path.join(tmp, "tf", "adam", "model.ckpt"), global_step=global_step)
        saved["adam_losses_after"] = [step(sess) for _ in range(4)]
    tf.reset_default_graph()
    values = {"f64": np.array([0.5, 0.25, -3.0]), "f16": np.array([0.5, -65504, 1e-4], np.float16),
              "i64": np.array([-7, 2147483647], np.int64), "i8": np.array([-128, 127], np.int8),
              "u8": np.array([0, 255], np.uint8), "i16": np.array([-32768, 32767], np.int16),
              "flag": np.array([True, False, True]), "text": np.array([b"hello", b"", "作者 😀".encode()], object),
              "scalar": np.float32(2.5), "nested/empty": np.zeros([0, 3], np.float32)}
    variables = [tf.Variable(v, name=k) for k, v in values.items()]
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        tf.train.Saver(variables).save(sess, os.path.join(tmp, "tf", "dtypes", "model.ckpt"))
    return saved


def tf_reads(name, entry, tmp, adam_data):
    """Step 3, for one tf1ts checkpoint."""
    prefix = entry["prefix"]
    tensors = entry["tensors"]
    print(f"tf1ts's {name} checkpoint ({os.path.relpath(prefix, tmp)}):")
    reader = tf.train.NewCheckpointReader(prefix)
    shapes = reader.get_variable_to_shape_map()
    dtypes = reader.get_variable_to_dtype_map()
    check(sorted(shapes) == sorted(tensors), f"NewCheckpointReader lists the {len(tensors)} tensors tf1ts saved")
    bad = [k for k, e in tensors.items() if not same(reader.get_tensor(k), as_array(e))]
    check(not bad, "NewCheckpointReader: every value equals tf1ts's" + (f" (differ: {bad})" if bad else ""))
    loaded = tf.train.load_checkpoint(os.path.dirname(prefix))
    check(all(same(loaded.get_tensor(k), reader.get_tensor(k)) for k in tensors), "tf.train.load_checkpoint(dir) reads the same")
    check(tf.train.latest_checkpoint(os.path.dirname(prefix)) == prefix, "tf.train.latest_checkpoint finds it")

    # Graph mode: variables of the checkpoint's names, dtypes and shapes, restored by tf.train.Saver.
    tf.reset_default_graph()
    variables = {k: tf.Variable(tf.zeros(shapes[k], dtypes[k]) if dtypes[k] != tf.string else tf.fill(shapes[k], ""), name=k)
                 for k in tensors}
    saver = tf.train.Saver(variables)
    os.makedirs(os.path.join(tmp, "tf_resaved"), exist_ok=True)
    out = os.path.join(tmp, "tf_resaved", name, "model")
    with tf.Session() as sess:
        saver.restore(sess, prefix)
        restored = sess.run(variables)
        bad = [k for k in tensors if not same(restored[k], as_array(tensors[k]))]
        check(not bad, "tf.train.Saver.restore in graph mode: every variable equals tf1ts's" + (f" (differ: {bad})" if bad else ""))
        saver.save(sess, out, write_meta_graph=False)
    for ext in (".index", ".data-00000-of-00001"):
        with open(prefix + ext, "rb") as a, open(out + ext, "rb") as b:
            check(a.read() == b.read(), f"TF re-saving the restored values writes tf1ts's bytes ({ext})")
    if name == "adam":
        tf.reset_default_graph()
        _, step = adam_graph(adam_data)
        with tf.Session() as sess:
            tf.train.Saver().restore(sess, prefix)
            losses = [step(sess) for _ in range(4)]
        check(np.allclose(losses, entry["losses_after"], rtol=1e-5), f"TF continues tf1ts's Adam checkpoint: losses {np.round(losses, 6).tolist()} vs tf1ts's {np.round(entry['losses_after'], 6).tolist()}")


def main():
    tmp = tempfile.mkdtemp(prefix="tf1ts-ckpt-interop-")
    rng = np.random.RandomState(3)
    x = rng.randn(16, 3).astype(np.float32)
    adam_data = {"x": x.tolist(), "w0": (0.1 * rng.randn(3, 1)).astype(np.float32).tolist(),
                 "y": (x @ np.array([[1.0], [-2.0], [0.5]], np.float32) + 0.3).astype(np.float32).tolist()}
    with open(os.path.join(tmp, "adam_data.json"), "w") as f:
        json.dump(adam_data, f)
    print("1. TF writes its checkpoints")
    tf_saved = tf_writes(tmp, adam_data)

    print("2. tf1ts writes its checkpoints and reads TF's")
    ts = subprocess.run(["npx", "ts-node", "--transpile-only", "scripts/interop/write_checkpoints.ts", tmp],
                        cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, NODE_NO_WARNINGS="1"))
    print("  " + (ts.stdout.strip() or ts.stderr.strip()[-2000:]))
    if ts.returncode != 0:
        sys.exit("write_checkpoints.ts failed")
    with open(os.path.join(tmp, "tf1ts", "values.json")) as f:
        ours = json.load(f)
    with open(os.path.join(tmp, "tf1ts_read.json")) as f:
        read = json.load(f)

    print("3. TF reads tf1ts's checkpoints")
    for name, entry in ours.items():
        tf_reads(name, entry, tmp, adam_data)
    many_prefix = os.path.join(tmp, "tf1ts", "many", "model")
    print(f"tf1ts's bundle of 8000 tensors ({os.path.getsize(many_prefix + '.index')} bytes of index, several table blocks):")
    reader = tf.train.NewCheckpointReader(many_prefix)
    names = sorted(reader.get_variable_to_shape_map())
    check(len(names) == 8000 and all(reader.get_tensor(n) == int(n[:5]) for n in names), "NewCheckpointReader reads all 8000 values")
    tf.reset_default_graph()
    from tensorflow.python.ops import io_ops
    # In key order, as tf.train.Saver passes them (SaveV2 writes the data in the order given).
    names = ["%05d/a_rather_long_variable_name_to_fill_the_index_table_of_the_checkpoint" % i for i in range(8000)]
    save = io_ops.save_v2(os.path.join(tmp, "tf", "many"), names, [""] * len(names), [tf.constant(np.float32(i)) for i in range(8000)])
    with tf.Session() as sess:
        sess.run(save)
    for ext in (".index", ".data-00000-of-00001"):
        with open(many_prefix + ext, "rb") as a, open(os.path.join(tmp, "tf", "many") + ext, "rb") as b:
            check(a.read() == b.read(), f"TF's SaveV2 of the same tensors writes tf1ts's bytes ({ext})")
    state = open(os.path.join(tmp, "tf1ts", "adam", "checkpoint")).read()
    ckpt = tf.train.get_checkpoint_state(os.path.join(tmp, "tf1ts", "adam"))
    check(ckpt is not None and len(ckpt.all_model_checkpoint_paths) == 2, "tf.train.get_checkpoint_state parses tf1ts's state file (max_to_keep=2):\n" + state)
    from tensorflow.python.tools.inspect_checkpoint import print_tensors_in_checkpoint_file
    print("  TF's print_tensors_in_checkpoint_file on tf1ts's linear regression:")
    print_tensors_in_checkpoint_file(ours["lr"]["prefix"], None, True)

    print("4. tf1ts reads TF's checkpoints")
    for name, entry in read.items():
        reader = tf.train.NewCheckpointReader(entry["prefix"])
        names = sorted(reader.get_variable_to_shape_map())
        bad = [k for k in names if k not in entry["tensors"] or not same(reader.get_tensor(k), as_array(entry["tensors"][k]))]
        check(not bad, f"{name}: tf1ts reads the {len(names)} tensors of TF's checkpoint as TF does" + (f" (differ: {bad})" if bad else ""))
    for name in ("dtypes", "lr", "adam"):
        for ext in (".index", ".data-00000-of-00001"):
            with open(ours[name]["prefix"] + ext, "rb") as a, open(read[name]["prefix"] + ext, "rb") as b:
                equal = a.read() == b.read()
            # dtypes holds the same values on both sides; the trained models may differ in last bits.
            check(equal or name != "dtypes", f"{name}: tf1ts's {ext} {'is' if equal else 'is not'} byte-identical to TF's own")
    ours_losses, tf_losses = read["adam"]["losses_after"], tf_saved["adam_losses_after"]
    check(np.allclose(ours_losses, tf_losses, rtol=1e-5),
          f"tf1ts restores TF's Adam checkpoint and continues: losses {np.round(ours_losses, 6).tolist()} vs TF's {np.round(tf_losses, 6).tolist()}")

    for arg in sys.argv[1:]:
        print(f"5. {arg}, as TF reads it:")
        try:
            for name, shape in tf.train.list_variables(arg):
                value = tf.train.load_variable(arg, name)
                print(f"  {name} {shape}: {value if np.size(value) <= 10 else '…'}")
        except Exception as e:  # pylint: disable=broad-except
            check(False, f"TF cannot read {arg}: {e}")

    print("\n%s (files in %s)" % ("all checks passed" if not FAILURES else f"{len(FAILURES)} FAILED", tmp))
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
