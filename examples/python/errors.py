"""How the Python forms of the listings that end in an error (the book's multi-layer RNN
mistakes, 9-11…9-13) print it, so that the port can print the same: the exception's class and
TF's message as TF 1.x words it. TF 2 describes the failing node as
`'{{node NAME}} = OP[attrs](inputs)'` where TF 1 wrote `'NAME' (op: 'OP')`, and Python objects
print with their module paths and addresses (`<…rnn_cell_impl.MultiRNNCell object at 0x7f…>`):
both are put in a form that does not depend on the TF version or the run (`<MultiRNNCell object>`).
"""
import re


def tf1_message(e):
    text = str(e)
    text = re.sub(r"'\{\{node ([^}]*)\}\} = (\w+)(?:\[[^\]]*\])?\([^)]*\)'", r"'\1' (op: '\2')", text)
    text = re.sub(r"<(?:[\w.]+\.)?(\w+) object at 0x[0-9a-f]+>", r"<\1 object>", text)
    return text


def print_error(e):
    print(type(e).__name__ + ":", tf1_message(e))
