// Listing 4-12: an initializer inherited from the variable scope.
import * as tf from '../src';

let var1: tf.Variable, var2: tf.Variable, var3: tf.Variable;
{
  using _ = tf.variable_scope('test1', {initializer: tf.constant_initializer(0.4)});
  var1 = tf.get_variable('firstvar', {shape: [2], dtype: tf.float32});
  {
    using _ = tf.variable_scope('test2');
    var2 = tf.get_variable('firstvar', {shape: [2], dtype: tf.float32});
    var3 = tf.get_variable('var3', {shape: [2], initializer: tf.constant_initializer(0.3)});
  }
}

{
  using sess = new tf.Session();
  sess.run(tf.global_variables_initializer());
  console.log('var1=', var1.eval());
  console.log('var2=', var2.eval());
  console.log('var3=', var3.eval());
}
