// Listing 4-13: variable_scope vs name_scope; re-entering a scope object.
import * as tf from '../src';

tf.reset_default_graph();

let sp: tf.VariableScope, var1: tf.Variable;
{
  using scope = tf.variable_scope('scope1');
  sp = scope;
  var1 = tf.get_variable('v', [1]);
}

console.log('sp:', sp.name);
console.log('var1:', var1.name);

let sp1: tf.VariableScope, var2: tf.Variable, var3: tf.Variable, var4: tf.Variable;
{
  using _ = tf.variable_scope('scope2');
  var2 = tf.get_variable('v', [1]);
  {
    using scope = tf.variable_scope(sp);
    sp1 = scope;
    var3 = tf.get_variable('v3', [1]);
    {
      using _ = tf.variable_scope('');
      var4 = tf.get_variable('v4', [1]);
    }
  }
}

console.log('sp1:', sp1.name);
console.log('var2:', var2.name);
console.log('var3:', var3.name);
console.log('var4:', var4.name);

let v: tf.Variable, x: tf.Tensor, y: tf.Tensor;
{
  using _scope = tf.variable_scope('scope');
  using _bar = tf.name_scope('bar');
  v = tf.get_variable('v', [1]);
  x = v.radd(1.0); // Python: x = 1.0 + v
  {
    using _ = tf.name_scope('');
    y = v.radd(1.0);
  }
}
console.log('v:', v.name);
console.log('x.op:', x.op.name);
console.log('y.op:', y.op.name);
