"""The part of tensorflow/models' tutorials/image/cifar10/cifar10.py that listing 8-4 uses:
`maybe_download_and_extract()` into FLAGS.data_dir (default /tmp/cifar10_data; --data DIR).

These machines have no network: where the original downloads cifar-10-binary.tar.gz, this one
says where to put it. An archive already there is extracted as the original does.
"""
import os
import tarfile
from types import SimpleNamespace

from flags import data_dir

FLAGS = SimpleNamespace(data_dir=data_dir('/tmp/cifar10_data'))

DATA_URL = 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz'


def maybe_download_and_extract():
    """Extracts cifar-10-binary.tar.gz in FLAGS.data_dir unless cifar-10-batches-bin is there."""
    dest_directory = FLAGS.data_dir
    filename = DATA_URL.split('/')[-1]
    filepath = os.path.join(dest_directory, filename)
    extracted_dir_path = os.path.join(dest_directory, 'cifar-10-batches-bin')
    if os.path.exists(extracted_dir_path):
        return
    if not os.path.exists(filepath):
        print('%s is not in %s, and this machine does not download.' % (filename, dest_directory))
        print('Download it from %s and put it in %s (run this again to extract it there),' % (DATA_URL, dest_directory))
        print('or put the extracted folder there: %s/{data_batch_1..5,test_batch}.bin' % extracted_dir_path)
        return
    tarfile.open(filepath, 'r:gz').extractall(dest_directory)
