// Listing 4-9: tf.Variable vs tf.get_variable naming.
import * as tf from '../src';

tf.reset_default_graph();
let var1 = new tf.Variable(1.0, {name: 'firstvar'});
console.log('var1:', var1.name);
var1 = new tf.Variable(2.0, {name: 'firstvar'});
console.log('var1:', var1.name);
let var2 = new tf.Variable(3.0);
console.log('var2:', var2.name);
var2 = new tf.Variable(4.0);
console.log('var1:', var2.name);

{
  using sess = new tf.Session();
  sess.run(tf.global_variables_initializer());
  console.log('var1=', var1.eval());
  console.log('var2=', var2.eval());
}

let get_var1 = tf.get_variable('firstvar', [1], null, tf.constant_initializer(0.3));
console.log('get_var1:', get_var1.name);

// get_var1 = tf.get_variable('firstvar', [1], null, tf.constant_initializer(0.4));  // ValueError
// console.log('get_var1:', get_var1.name);

get_var1 = tf.get_variable('firstvar1', [1], null, tf.constant_initializer(0.4));
console.log('get_var1:', get_var1.name);

{
  using sess = new tf.Session();
  sess.run(tf.global_variables_initializer());
  console.log('get_var1=', get_var1.eval());
}
