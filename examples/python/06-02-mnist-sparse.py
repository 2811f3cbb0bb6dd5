# Listing 6-2: MNIST softmax regression with sparse (class id) labels.
# fixture-args: --short --seed 1
import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()
import input_data  # the book: from tensorflow.examples.tutorials.mnist import input_data
from flags import SHORT, seed_graph

seed_graph(tf)
mnist = input_data.read_data_sets("MNIST_data/")

print('输入数据:', mnist.train.images)
print('输入数据打shape:', mnist.train.images.shape)
import pylab
im = mnist.train.images[1]
im = im.reshape(-1, 28)
pylab.imshow(im)
pylab.show()
print('输入数据打shape:', mnist.test.images.shape)
print('输入数据打shape:', mnist.validation.images.shape)

tf.reset_default_graph()
seed_graph(tf)
# tf Graph Input
x = tf.placeholder(tf.float32, [None, 784])  # mnist data, 28*28=784
y = tf.placeholder(tf.int32, [None])  # 0-9 digits, 10 classes

# Set model weights
W = tf.Variable(tf.random_normal([784, 10]))
b = tf.Variable(tf.zeros([10]))

# Construct model
z = tf.matmul(x, W) + b
pred = tf.nn.softmax(z)  # Softmax

# Minimize error using cross entropy
cost = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=z))

# Parameters
learning_rate = 0.01
# Gradient Descent
optimizer = tf.train.GradientDescentOptimizer(learning_rate).minimize(cost)

training_epochs = 25 if not SHORT else 1
batch_size = 100
display_step = 1

# Start training
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())

    # Training cycle
    for epoch in range(training_epochs):
        avg_cost = 0.
        total_batch = int(mnist.train.num_examples / batch_size) if not SHORT else 50
        # Loop over all batches
        for i in range(total_batch):
            batch_xs, batch_ys = mnist.train.next_batch(batch_size)
            # Run optimization op (backprop) and cost op (to get loss value)
            _, c = sess.run([optimizer, cost], feed_dict={x: batch_xs, y: batch_ys})
            # Compute average loss
            avg_cost += c / total_batch
        # Display logs per epoch step
        if (epoch + 1) % display_step == 0:
            print("Epoch:", '%04d' % (epoch + 1), "cost=", "{:.9f}".format(avg_cost))

    print(" Finished!")
