# Listing 9-1: an RNN written in numpy (no TensorFlow) learns 8-bit binary subtraction: forward
# through the bits right to left, backpropagation through time, update after each example.
# As in the book, the swap meant to keep a >= b sets b = a (so the answer is then 0).
# fixture-args: --short
import copy, numpy as np
from flags import SHORT

np.random.seed(0)  # seed of the random generator: every run gives the same numbers


# compute sigmoid nonlinearity
def sigmoid(x):  # activation function
    output = 1 / (1 + np.exp(-x))
    return output


# convert output of sigmoid function to its derivative
def sigmoid_output_to_derivative(output):  # derivative of the activation
    return output * (1 - output)


int2binary = {}  # integer -> its binary representation
binary_dim = 8  # subtraction of numbers below 256
## the binary representations of 0..255
largest_number = pow(2, binary_dim)
binary = np.unpackbits(
    np.array([range(largest_number)], dtype=np.uint8).T, axis=1)
for i in range(largest_number):
    int2binary[i] = binary[i]

# input variables
alpha = 0.9  # learning rate
input_dim = 2  # input dimension 2
hidden_dim = 16
output_dim = 1  # output dimension 1

# initialize neural network weights
synapse_0 = (2 * np.random.random((input_dim, hidden_dim)) - 1) * 0.05  # 2x16: input dim x hidden dim
synapse_1 = (2 * np.random.random((hidden_dim, output_dim)) - 1) * 0.05
synapse_h = (2 * np.random.random((hidden_dim, hidden_dim)) - 1) * 0.05
# => [-0.05, 0.05)

# the weight updates of backpropagation
synapse_0_update = np.zeros_like(synapse_0)
synapse_1_update = np.zeros_like(synapse_1)
synapse_h_update = np.zeros_like(synapse_h)

# training
for j in range(10000 if not SHORT else 1700):

    # a number a
    a_int = np.random.randint(largest_number)
    # a number b, below largest_number/2: the smaller one, subtracted
    b_int = np.random.randint(largest_number / 2)
    # if b came out larger, swap them
    if a_int < b_int:
        tt = a_int
        b_int = a_int
        a_int = tt

    a = int2binary[a_int]  # binary encoding
    b = int2binary[b_int]  # binary encoding
    # true answer
    c_int = a_int - b_int
    c = int2binary[c_int]

    # the network's prediction
    d = np.zeros_like(c)
    overallError = 0  # total error, reset for each example

    layer_2_deltas = list()  # the output layer's error at each time step
    layer_1_values = list()  # the hidden layer's value at each time step

    layer_1_values.append(np.ones(hidden_dim) * 0.1)  # no hidden layer yet: start from 0.1

    # moving along the positions in the binary encoding
    for position in range(binary_dim):  # every bit

        # generate input and output
        X = np.array([[a[binary_dim - position - 1], b[binary_dim - position - 1]]])  # right to left, one bit of each number
        y = np.array([[c[binary_dim - position - 1]]]).T  # the right answer
        # hidden layer (input ~+ prev_hidden)
        layer_1 = sigmoid(np.dot(X, synapse_0) + np.dot(layer_1_values[-1], synapse_h))  # (input + previous hidden) -> new hidden: the heart of an RNN
        # output layer (new binary representation)
        layer_2 = sigmoid(np.dot(layer_1, synapse_1))  # hidden * synapse_1 -> output

        layer_2_error = y - layer_2  # prediction error
        layer_2_deltas.append((layer_2_error) * sigmoid_output_to_derivative(layer_2))  # the error derivative of each time step
        overallError += np.abs(layer_2_error[0])  # total error

        d[binary_dim - position - 1] = np.round(layer_2[0][0])  # each predicted bit

        # store hidden layer so we can use it in the next timestep
        layer_1_values.append(copy.deepcopy(layer_1))  # the hidden layer, for the next time step

    future_layer_1_delta = np.zeros(hidden_dim)

    # backpropagation, from the last time step to the first
    for position in range(binary_dim):

        X = np.array([[a[position], b[position]]])  # the two inputs
        layer_1 = layer_1_values[-position - 1]  # this time step's hidden layer
        prev_layer_1 = layer_1_values[-position - 2]  # the previous time step's hidden layer

        # error at output layer
        layer_2_delta = layer_2_deltas[-position - 1]  # this time step's output derivative
        # error at hidden layer
        # from the next time step's hidden error (going backwards) and this step's output error
        layer_1_delta = (future_layer_1_delta.dot(synapse_h.T) + layer_2_delta.dot(synapse_1.T)) * sigmoid_output_to_derivative(layer_1)

        # the weights are updated after the whole backward pass: keep the updates for now
        synapse_1_update += np.atleast_2d(layer_1).T.dot(layer_2_delta)
        synapse_h_update += np.atleast_2d(prev_layer_1).T.dot(layer_1_delta)
        synapse_0_update += X.T.dot(layer_1_delta)

        future_layer_1_delta = layer_1_delta

    # after the backward pass, update the weights and reset the updates
    synapse_0 += synapse_0_update * alpha
    synapse_1 += synapse_1_update * alpha
    synapse_h += synapse_h_update * alpha
    synapse_0_update *= 0
    synapse_1_update *= 0
    synapse_h_update *= 0

    # print out progress
    if (j % 800 == 0):
        # print(synapse_0,synapse_h,synapse_1)
        print("总误差:" + str(overallError))
        print("Pred:" + str(d))
        print("True:" + str(c))
        out = 0
        for index, x in enumerate(reversed(d)):
            out += x * pow(2, index)
        print(str(a_int) + " - " + str(b_int) + " = " + str(out))
        print("------------")
