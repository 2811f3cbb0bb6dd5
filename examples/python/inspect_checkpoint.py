"""TF 1.x's print_tensors_in_checkpoint_file, as the book's listing 4-5 calls it.

The book: from tensorflow.python.tools.inspect_checkpoint import print_tensors_in_checkpoint_file.
TF 2 prints `tensor: bias (float32) [1]` and a parameter count instead of TF 1.x's
`tensor_name:  bias`; this is TF 1.x's function, reading the checkpoint with TF's own reader.
"""
import tensorflow.compat.v1 as tf


def print_tensors_in_checkpoint_file(file_name, tensor_name, all_tensors, all_tensor_names=False):
    try:
        reader = tf.train.NewCheckpointReader(file_name)
        if all_tensors or all_tensor_names:
            var_to_shape_map = reader.get_variable_to_shape_map()
            for key in sorted(var_to_shape_map):
                print("tensor_name: ", key)
                if all_tensors:
                    print(reader.get_tensor(key))
        elif not tensor_name:
            print(reader.debug_string().decode("utf-8"))
        else:
            print("tensor_name: ", tensor_name)
            print(reader.get_tensor(tensor_name))
    except Exception as e:  # pylint: disable=broad-except
        print(str(e))
