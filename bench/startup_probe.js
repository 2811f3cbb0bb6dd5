// Process start to first result: import the compiled library, build a graph, run it, print.
const tf = require('../dist/src');
const a = tf.constant([[1.0, 2.0]]);
const b = tf.constant([[3.0], [4.0]]);
const sess = new tf.Session();
console.log(String(sess.run(tf.matmul(a, b))));
