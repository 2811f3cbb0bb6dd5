# Listing 8-4: download and extract CIFAR-10 (tensorflow/models' cifar10 module, next to the script).
# No network here: the local cifar10.py says where to put the archive, and extracts one put there.
# fixture-args: --data /nonexistent/cifar10_data
import cifar10
cifar10.maybe_download_and_extract()
