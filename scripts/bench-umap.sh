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
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=$(cd "${1:-/work/data/package/data}" && pwd)
python=${PYTHON:-/usr/bin/python3}
java_opts=${JAVA_OPTS:--Xmx1200m}
out=${OUT:-$(mktemp -d -t bench-umap.XXXXXX)}
mkdir -p "$out"
jar="$here/target/embedscope.jar"

if [[ ! -f $jar || -n $(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit 2>/dev/null) ]]; then
  echo "building $jar ..." >&2
  (cd "$here" && mvn -B -q -o -DskipTests package) >&2
fi
for f in train-images-idx3-ubyte t10k-images-idx3-ubyte train-labels-idx1-ubyte t10k-labels-idx1-ubyte; do
  [[ -f $data/$f || -f $data/$f.gz ]] || { echo "bench-umap: $data has no $f" >&2; exit 2; }
done
"$python" -c 'import umap, numpy' 2>/dev/null || { echo "bench-umap: $python cannot import umap-learn" >&2; exit 2; }

exec 9>/tmp/embedscope-bench.lock
echo "waiting for /tmp/embedscope-bench.lock ..." >&2
flock 9

timed() { # NAME CMD... : runs CMD under /usr/bin/time -v, log in $out/NAME.log
  local name=$1; shift
  echo "running $name ..." >&2
  /usr/bin/time -v -o "$out/$name.time" "$@" >"$out/$name.log" 2>&1 || { echo "bench-umap: $name failed, see $out/$name.log" >&2; exit 1; }
}
wall() { # seconds from "Elapsed (wall clock) time (h:mm:ss or m:ss): M:SS.ss"
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out/$1.time"
}
rss() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$out/$1.time"; }

file() { if [[ -f $data/$1 ]]; then echo "$data/$1"; else echo "$data/$1.gz"; fi; }
idx=(--idx "$(file train-images-idx3-ubyte)" "$(file train-labels-idx1-ubyte)" --idx "$(file t10k-images-idx3-ubyte)" "$(file t10k-labels-idx1-ubyte)")

timed ours java $java_opts -jar "$jar" layout "${idx[@]}" --algo umap -o "$out/ours.csv"

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

declare -A knn trust acc
for name in ours umap-learn; do
  echo "scoring $name ..." >&2
  java $java_opts -jar "$jar" quality "${idx[@]}" "$out/$name.csv" >"$out/$name.quality" 2>&1
  knn[$name]=$(awk '$1 == "knn15" { print $2 }' "$out/$name.quality")
  trust[$name]=$(awk '$1 == "trust15" { print $2 }' "$out/$name.quality")
  acc[$name]=$(awk '$1 == "acc2d" { print $2 }' "$out/$name.quality")
done

w_ours=$(wall ours); w_ref=$(wall umap-learn)
r_ours=$(rss ours); r_ref=$(rss umap-learn)
printf '\nUMAP, full MNIST (70,000 x 784), %s, %s cores\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)"
printf '%-12s %9s %12s %8s %8s %8s\n' engine "wall (s)" "peak RSS MB" knn15 trust15 acc2d
printf '%-12s %9.1f %12s %8s %8s %8s\n' embedscope "$w_ours" "$r_ours" "${knn[ours]}" "${trust[ours]}" "${acc[ours]}"
printf '%-12s %9.1f %12s %8s %8s %8s\n' umap-learn "$w_ref" "$r_ref" "${knn[umap-learn]}" "${trust[umap-learn]}" "${acc[umap-learn]}"
awk -v a="$w_ours" -v b="$w_ref" -v c="$r_ours" -v d="$r_ref" 'BEGIN { printf "ratio ours/umap-learn: wall %.2f, peak RSS %.2f\n", a / b, c / d }'
echo "targets: knn15 >= 0.115, trust15 >= 0.950, acc2d >= 0.965, wall ratio <= 0.5, peak RSS <= 1536 MB"
echo "logs and coordinates: $out"
