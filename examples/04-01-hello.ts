// Listing 4-1: the smallest graph and session.
// Python prints b'Hello, TensorFlow!' (a bytes object); a string tensor's value is a JS string here.
import * as tf from '../src';

const hello = tf.constant('Hello, TensorFlow!');
const sess = new tf.Session();
console.log(sess.run(hello));
sess.close();
