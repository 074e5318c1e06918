#!/usr/bin/env bash
# t-SNE on MNIST (IDX order: train then test, pixels scaled to [0, 1]), as issue 4 measures it:
#  1. embedscope's engine on all 70,000 digits: wall time and peak RSS of the whole process
#     (/usr/bin/time -v: start-up, reading, the layout, writing), then `embedscope quality`
#     (knn15, trust15, acc2d);
#  2. side by side with scikit-learn 1.2's Barnes-Hut t-SNE (Debian /usr/bin/python3; perplexity 30,
#     init pca, learning rate auto, n_jobs 2) on the first N training digits for each N in SUBSETS
#     (default 10000): wall time, peak RSS and quality of both, and the ratio ours/scikit-learn.
#     scikit-learn needs ~34 min for all 70,000; SKLEARN_FULL=1 adds that run.
#
# Usage: scripts/bench-tsne.sh [MNIST_DIR]   (default /work/data/package/data; MNIST-named IDX files, raw or .gz)
# Environment: PYTHON (default /usr/bin/python3, which has scikit-learn), JAVA_OPTS for our JVM
# (default -Xmx1500m), SUBSETS, SKLEARN_FULL, OUT (a folder to keep coordinates and logs; default a
# temporary one). Holds /tmp/embedscope-bench.lock for the whole run, so concurrent benchmarks do not skew it.
set -euo pipefail
bench=bench-tsne java_opts=${JAVA_OPTS:--Xmx1500m}
subsets=${SUBSETS:-10000}
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench_python 'sklearn.manifold, numpy' scikit-learn
bench_lock

row() { printf '%-12s %7s %9.1f %12s %8s %8s %8s\n' "$1" "$2" "$(wall "$3")" "$(rss "$3")" "${knn[$3]}" "${trust[$3]}" "${acc[$3]}"; }

# 1. All 70,000 digits.
timed ours-70000 java $java_opts -jar "$jar" layout "${mnist[@]}" --algo tsne -o "$out/ours-70000.csv"
score ours-70000 "${mnist[@]}"
if [[ -n ${SKLEARN_FULL:-} ]]; then
  timed sklearn-70000 "$python" "$here/scripts/sklearn-tsne.py" "$out/sklearn-70000.csv" "$(file train-images-idx3-ubyte)" "$(file t10k-images-idx3-ubyte)"
  score sklearn-70000 "${mnist[@]}"
fi

# 2. Subsets: the first N training digits, as IDX files of their own.
for n in $subsets; do
  "$python" - "$(file train-images-idx3-ubyte)" "$(file train-labels-idx1-ubyte)" "$n" "$out/images-$n" "$out/labels-$n" <<'PY'
import gzip, sys
images, labels, n, out_images, out_labels = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
def raw(p):
    return (gzip.open if p.endswith('.gz') else open)(p, 'rb').read()
im, lb = raw(images), raw(labels)
open(out_images, 'wb').write(im[:4] + n.to_bytes(4, 'big') + im[8:16] + im[16:16 + n * 784])
open(out_labels, 'wb').write(lb[:4] + n.to_bytes(4, 'big') + lb[8:8 + n])
PY
  sub=(--idx "$out/images-$n" "$out/labels-$n")
  timed "ours-$n" java $java_opts -jar "$jar" layout "${sub[@]}" --algo tsne -o "$out/ours-$n.csv"
  score "ours-$n" "${sub[@]}"
  timed "sklearn-$n" "$python" "$here/scripts/sklearn-tsne.py" "$out/sklearn-$n.csv" "$out/images-$n"
  score "sklearn-$n" "${sub[@]}"
done

printf '\nt-SNE on MNIST, %s, %s cores (quality: knn15 and trust15 on 5,000 sampled points; acc2d: 10-NN\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)"
printf 'fit on the first 60,000 rows (6/7 of a subset), scored on the rest)\n'
printf '%-12s %7s %9s %12s %8s %8s %8s\n' engine n "wall (s)" "peak RSS MB" knn15 trust15 acc2d
row embedscope 70000 ours-70000
[[ -n ${SKLEARN_FULL:-} ]] && row scikit-learn 70000 sklearn-70000
for n in $subsets; do
  row embedscope "$n" "ours-$n"
  row scikit-learn "$n" "sklearn-$n"
done
[[ -n ${SKLEARN_FULL:-} ]] && awk -v a="$(wall ours-70000)" -v b="$(wall sklearn-70000)" 'BEGIN { printf "ratio ours/scikit-learn at 70000: wall %.3f\n", a / b }'
for n in $subsets; do
  awk -v n="$n" -v a="$(wall "ours-$n")" -v b="$(wall "sklearn-$n")" 'BEGIN { printf "ratio ours/scikit-learn at %d: wall %.3f\n", n, a / b }'
done
awk -v a="$(wall ours-70000)" 'BEGIN { printf "ours at 70000 against scikit-learn'"'"'s 34 min 28 s measured for issue 4: %.3f\n", a / 2068 }'
echo "coordinates and logs in $out"
