// Listing 4-14: graphs, and looking up tensors and operations by name.
import * as tf from '../src';

const c = tf.constant(0.0);

const g = new tf.Graph();
let c1: tf.Tensor;
{
  using _ = g.as_default();
  c1 = tf.constant(0.0);
  console.log(c1.graph);
  console.log(g);
  console.log(c.graph);
}

const g2 = tf.get_default_graph();
console.log(g2);

tf.reset_default_graph();
const g3 = tf.get_default_graph();
console.log(g3);

console.log(c1.name);
const t = g.get_tensor_by_name('Const:0');
console.log(t);

const a = tf.constant([[1.0, 2.0]]);
const b = tf.constant([[1.0], [3.0]]);

const tensor1 = tf.matmul(a, b, {name: 'exampleop'});
console.log(tensor1.name, tensor1);
let test: unknown = g3.get_tensor_by_name('exampleop:0');
console.log(test);

console.log(tensor1.op.name);
const testop = g3.get_operation_by_name('exampleop');
console.log(testop);

{
  using sess = new tf.Session();
  test = sess.run(test);
  console.log(test);
  test = tf.get_default_graph().get_tensor_by_name('exampleop:0');
  console.log(test);
}

const tt2 = g.get_operations();
console.log(tt2);
const tt3 = g.as_graph_element(c1);
console.log(tt3);
console.log('________________________\n');
