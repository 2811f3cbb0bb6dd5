# Listing 4-7: tf.train.MonitoredTrainingSession initializes (or restores) the variables and saves a checkpoint every 2 s.
# The book's loop never ends (stop it with Ctrl-C; the next run resumes from the saved step).
# --short starts afresh and stops after 5 steps, so that the output is always the same.
# fixture-args: --short
import shutil
import numpy as np
import tensorflow.compat.v1 as tf  # the book: import tensorflow as tf (TF 1.x)
tf.disable_v2_behavior()
from flags import SHORT

np.set_printoptions(legacy="1.25")  # numpy 2 would print [np.int64(0)]; the book's numpy prints [0]

if SHORT:
    shutil.rmtree("log/checkpoints", ignore_errors=True)

tf.reset_default_graph()
global_step = tf.train.get_or_create_global_step()
step = tf.assign_add(global_step, 1)
hooks = [tf.train.StopAtStepHook(num_steps=5)] if SHORT else None

# The monitored session initializes the variables itself
with tf.train.MonitoredTrainingSession(checkpoint_dir='log/checkpoints', save_checkpoint_secs=2, hooks=hooks) as sess:
    print(sess.run([global_step]))
    while not sess.should_stop():  # runs until interrupted (or, with --short, for 5 steps)
        i = sess.run(step)
        print(i)
