// Listing 5-1: load MNIST and look at it.
// Figure: pylab.show() writes the digit to ./plots (or $TF1TS_PLOT_DIR) and prints its path.
import {input_data, type NDArray} from '../src';
import {pylab} from '../src';
const mnist = input_data.read_data_sets('MNIST_data/', {one_hot: true});

console.log('输入数据:', mnist.train.images);
console.log('输入数据打shape:', mnist.train.images.shape);

let im = mnist.train.images.get(1) as NDArray;
im = im.reshape(-1, 28);
pylab.imshow(im);
pylab.show();

console.log('输入数据打shape:', mnist.test.images.shape);
console.log('输入数据打shape:', mnist.validation.images.shape);
