// Listing 4-11: nested variable scopes and reuse=True.
import * as tf from '../src';

tf.reset_default_graph();

let var1: tf.Variable, var2: tf.Variable;
{
  using _ = tf.variable_scope('test1');
  var1 = tf.get_variable('firstvar', {shape: [2], dtype: tf.float32});
  {
    using _ = tf.variable_scope('test2');
    var2 = tf.get_variable('firstvar', {shape: [2], dtype: tf.float32});
  }
}

console.log('var1:', var1.name);
console.log('var2:', var2.name);

let var3: tf.Variable, var4: tf.Variable;
{
  using _ = tf.variable_scope('test1', {reuse: true});
  var3 = tf.get_variable('firstvar', {shape: [2], dtype: tf.float32});
  {
    using _ = tf.variable_scope('test2');
    var4 = tf.get_variable('firstvar', {shape: [2], dtype: tf.float32});
  }
}

console.log('var3:', var3.name);
console.log('var4:', var4.name);
