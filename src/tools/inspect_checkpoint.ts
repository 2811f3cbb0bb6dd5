/**
 * `tensorflow.python.tools.inspect_checkpoint`: printing what a checkpoint holds.
 *
 * The output is TF 1.x's, as the book shows it (`tensor_name:  bias` and then the value as numpy
 * prints it); TF 2 changed it to `tensor: bias (float32) [1]` and a parameter count.
 */
import {NewCheckpointReader} from '../train/checkpoint_reader';

/**
 * `print_tensors_in_checkpoint_file(file_name, tensor_name, all_tensors, all_tensor_names)`:
 * every tensor (all_tensors), every name (all_tensor_names), one tensor (tensor_name), or the
 * reader's summary of names, dtypes and shapes. Errors are printed, not thrown, as TF does.
 */
export function print_tensors_in_checkpoint_file(
  file_name: string,
  tensor_name: string | null,
  all_tensors: boolean,
  all_tensor_names = false,
): void {
  try {
    const reader = NewCheckpointReader(file_name);
    if (all_tensors || all_tensor_names) {
      for (const key of Object.keys(reader.get_variable_to_shape_map()).sort()) {
        console.log('tensor_name: ', key);
        if (all_tensors) console.log(reader.get_tensor(key));
      }
    } else if (!tensor_name) {
      console.log(reader.debug_string());
    } else {
      console.log('tensor_name: ', tensor_name);
      console.log(reader.get_tensor(tensor_name));
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    console.log(message);
    if (message.includes('corrupted compressed block contents')) {
      console.log("It's likely that your checkpoint file has been compressed with SNAPPY.");
    }
    if (/Data loss|DataLoss|sstable/.test(message) && ['.index', '.meta', '.data'].some((s) => file_name.includes(s))) {
      const proposed = file_name.split('.').slice(0, -1).join('.');
      console.log(
        `\nIt's likely that this is a V2 checkpoint and you need to provide the filename\n*prefix*.  Try removing the '.' and extension.  Try:\ninspect checkpoint --file_name = ${proposed}`,
      );
    }
  }
}
