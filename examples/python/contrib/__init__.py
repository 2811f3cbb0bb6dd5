"""tf.contrib for the Python forms of the listings: gone from TF 2, so the parts the book uses are
rebuilt here from their TF 1.15 definitions. A listing installs it with `tf.contrib = contrib`."""
from contrib import layers  # noqa: F401
