#!/usr/bin/env bash
# UMAP on full MNIST (70,000 digits, IDX order: train then test, pixels scaled to [0, 1]), side by side:
# embedscope's own engine and umap-learn (default parameters) in the same run, on the same machine.
# For each: wall time and peak RSS of the whole process (/usr/bin/time -v: start-up, reading the data,
# the layout, writing it), then the three quality numbers of `embedscope quality` (knn15, trust15,
# acc2d), and the ratios ours/theirs.
#
# Usage: scripts/bench-umap.sh [MNIST_DIR]   (default /work/data/package/data; MNIST-named IDX files, raw or .gz)
# Environment: PYTHON (default /usr/bin/python3, which has umap-learn), JAVA_OPTS for our JVM
# (default -Xmx1200m), OUT (a folder to keep the coordinates and logs; default a temporary one).
# Holds /tmp/embedscope-bench.lock for the whole run, so concurrent benchmarks do not skew it.
set -euo pipefail
bench=bench-umap java_opts=${JAVA_OPTS:--Xmx1200m}
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench_python 'umap, numpy' umap-learn
bench_lock

timed ours java $java_opts -jar "$jar" layout "${mnist[@]}" --algo umap -o "$out/ours.csv"

timed umap-learn "$python" - "$data" "$out/umap-learn.csv" <<'PY'
import gzip, os, sys
import numpy as np

def idx(path):
    path = path if os.path.exists(path) else path + ".gz"
    raw = (gzip.open if path.endswith(".gz") else open)(path, "rb").read()
    return np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(-1, 784)

data, out = sys.argv[1], sys.argv[2]
x = np.vstack([idx(os.path.join(data, "train-images-idx3-ubyte")), idx(os.path.join(data, "t10k-images-idx3-ubyte"))]).astype(np.float32) / 255
import umap
y = umap.UMAP().fit_transform(x)
np.savetxt(out, y, delimiter=",", header="x,y", comments="", fmt="%.7g")
PY

for name in ours umap-learn; do score "$name" "${mnist[@]}"; done

w_ours=$(wall ours); w_ref=$(wall umap-learn)
r_ours=$(rss ours); r_ref=$(rss umap-learn)
printf '\nUMAP, full MNIST (70,000 x 784), %s, %s cores\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)"
printf '%-12s %9s %12s %8s %8s %8s\n' engine "wall (s)" "peak RSS MB" knn15 trust15 acc2d
printf '%-12s %9.1f %12s %8s %8s %8s\n' embedscope "$w_ours" "$r_ours" "${knn[ours]}" "${trust[ours]}" "${acc[ours]}"
printf '%-12s %9.1f %12s %8s %8s %8s\n' umap-learn "$w_ref" "$r_ref" "${knn[umap-learn]}" "${trust[umap-learn]}" "${acc[umap-learn]}"
awk -v a="$w_ours" -v b="$w_ref" -v c="$r_ours" -v d="$r_ref" 'BEGIN { printf "ratio ours/umap-learn: wall %.2f, peak RSS %.2f\n", a / b, c / d }'
echo "targets: knn15 >= 0.115, trust15 >= 0.950, acc2d >= 0.965, wall ratio <= 0.5, peak RSS <= 1536 MB"
echo "logs and coordinates: $out"
