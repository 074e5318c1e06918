#!/usr/bin/python3
"""scikit-learn's Barnes-Hut t-SNE on the first N MNIST images (IDX order: train, then t10k), for the
side-by-side timing in bench-tsne.sh. Perplexity 30, init 'pca', learning rate 'auto', n_jobs 2.

usage: sklearn-tsne.py IDX_DIR N OUT.csv
Prints 'seconds S' (the fit alone, without loading) and writes tsne_x,tsne_y rows.
"""
import gzip, os, sys, time
import numpy as np
from sklearn.manifold import TSNE


def read_idx(path):
    opener = gzip.open if open(path, 'rb').read(2) == b'\x1f\x8b' else open
    with opener(path, 'rb') as f:
        data = f.read()
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], 'big') for i in range(ndim)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * ndim).reshape(dims)


def find(folder, name):
    for candidate in (name, name + '.gz'):
        if os.path.exists(os.path.join(folder, candidate)):
            return os.path.join(folder, candidate)
    return None


folder, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
parts = [read_idx(p) for p in (find(folder, 'train-images-idx3-ubyte'), find(folder, 't10k-images-idx3-ubyte')) if p]
x = np.vstack([p.reshape(len(p), -1) for p in parts])[:n].astype(np.float32) / 255
t0 = time.time()
y = TSNE(n_components=2, perplexity=30, init='pca', learning_rate='auto', n_jobs=2, random_state=42).fit_transform(x)
print('seconds %.1f' % (time.time() - t0))
with open(out + '.part', 'w') as f:
    f.write('tsne_x,tsne_y\n')
    for a, b in y:
        f.write('%r,%r\n' % (float(a), float(b)))
os.replace(out + '.part', out)
