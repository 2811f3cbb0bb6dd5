# Listing 8-7: a FIFOQueue filled by a QueueRunner's two threads (one increments a counter, the
# other enqueues it) under a Coordinator; the main thread dequeues ten values. Which values it
# gets depends on how the two threads interleave.
import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()

# a queue of 100
queue = tf.FIFOQueue(100, "float")

c = tf.Variable(0.0)  # a counter
# add 1
op = tf.assign_add(c, tf.constant(1.0))
# enqueue the counter
enqueue_op = queue.enqueue(c)

# a QueueRunner running both ops, each in its own thread
qr = tf.train.QueueRunner(queue, enqueue_ops=[op, enqueue_op])

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())

    coord = tf.train.Coordinator()

    # start the enqueueing threads, with the coordinator
    enqueue_threads = qr.create_threads(sess, coord=coord, start=True)

    # the main thread
    for i in range(0, 10):
        print("-------------------------")
        print(sess.run(queue.dequeue()))

    coord.request_stop()  # ask the other threads to stop

    # join waits for the threads to end
    # coord.join(enqueue_threads)
