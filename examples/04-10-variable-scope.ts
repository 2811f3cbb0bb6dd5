// Listing 4-10: the same get_variable name in two variable scopes.
import * as tf from '../src';

tf.reset_default_graph();

// const var1 = tf.get_variable('firstvar', {shape: [2], dtype: tf.float32});
// const var2 = tf.get_variable('firstvar', {shape: [2], dtype: tf.float32});  // ValueError

let var1: tf.Variable;
{
  using _ = tf.variable_scope('test1');
  var1 = tf.get_variable('firstvar', {shape: [2], dtype: tf.float32});
}
let var2: tf.Variable;
{
  using _ = tf.variable_scope('test2');
  var2 = tf.get_variable('firstvar', {shape: [2], dtype: tf.float32});
}

console.log('var1:', var1.name);
console.log('var2:', var2.name);
