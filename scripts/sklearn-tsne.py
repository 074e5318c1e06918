#!/usr/bin/python3
"""scikit-learn's Barnes-Hut t-SNE, the reference of scripts/bench-tsne.sh: perplexity 30, init 'pca',
learning rate 'auto', n_jobs 2, on IDX images (raw or .gz, concatenated in order, pixels / 255).

usage: sklearn-tsne.py OUT.csv IMAGES.idx [IMAGES.idx ...]
Writes x,y rows (one per image) and prints 'fit seconds S' (the fit alone).
"""
import gzip, os, sys, time
import numpy as np
from sklearn.manifold import TSNE


def read_idx(path):
    with open(path, 'rb') as f:
        gz = f.read(2) == b'\x1f\x8b'
    with (gzip.open if gz else open)(path, 'rb') as f:
        data = f.read()
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], 'big') for i in range(ndim)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * ndim).reshape(dims[0], -1)


out, files = sys.argv[1], sys.argv[2:]
x = np.vstack([read_idx(f) for f in files]).astype(np.float32) / 255
t0 = time.time()
y = TSNE(n_components=2, perplexity=30, init='pca', learning_rate='auto', n_jobs=2, random_state=42).fit_transform(x)
print('fit seconds %.1f' % (time.time() - t0))
np.savetxt(out + '.part', y, delimiter=',', header='x,y', comments='', fmt='%.7g')
os.replace(out + '.part', out)
