#!/usr/bin/env bash
# The t-SNE benchmark of issue 4, reproducible:
#  1. our t-SNE on full MNIST (70,000 images in IDX order: train, then t10k): wall time and peak RSS
#     from /usr/bin/time -v, quality (knn15, trust15, acc2d) from `embedscope quality`;
#  2. side by side on the first N images (SUBSETS, default "10000 20000"): ours and scikit-learn 1.2's
#     Barnes-Hut t-SNE (Debian /usr/bin/python3: perplexity 30, init pca, learning rate auto, n_jobs 2),
#     wall time of each and the ratio. scikit-learn needs ~34 min on the full set; SKLEARN_FULL=1 runs
#     it there too.
# Every timed run holds /tmp/embedscope-bench.lock so that runs of other benchmarks do not overlap.
#
# usage: scripts/bench-tsne.sh [IDX_DIR]      (default /work/data/package/data)
# env:   OUT (target/bench-tsne), SUBSETS, SKLEARN_FULL, EMBEDSCOPE_JAVA_OPTS (JVM options)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
idx=${1:-/work/data/package/data}
out=${OUT:-target/bench-tsne}
subsets=${SUBSETS:-"10000 20000"}
lock=/tmp/embedscope-bench.lock
mkdir -p "$out"
mvn -B -q -DskipTests package >&2
jar=target/embedscope.jar

# timed LOG CMD…: runs CMD under the lock and /usr/bin/time -v; prints "WALL_SECONDS PEAK_RSS_KB".
timed() {
  local log=$1; shift
  flock "$lock" /usr/bin/time -v "$@" >"$log" 2>&1 || { cat "$log" >&2; return 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; w = s }
              /Maximum resident set size/ { r = $2 }
              END { printf "%.1f %d\n", w, r }' "$log"
}

ours() {  # ours N|all → CSV path; prints timing
  local n=$1 csv="$out/ours-$1.csv" limit=()
  [[ $n != all ]] && limit=(--limit "$n")
  read -r wall rss < <(timed "$out/ours-$n.log" java ${EMBEDSCOPE_JAVA_OPTS:-} -jar "$jar" tsne --idx "$idx" "${limit[@]}" --out "$csv")
  echo "$wall $rss"
}

sklearn() {  # sklearn N → timing
  local n=$1
  read -r wall rss < <(timed "$out/sklearn-$n.log" /usr/bin/python3 scripts/sklearn-tsne.py "$idx" "$n" "$out/sklearn-$n.csv")
  echo "$wall $rss"
}

quality() {  # quality CSV N → "knn15 trust15 acc2d" of the layout (first N images)
  java -jar "$jar" quality --layout-csv "$1" --idx "$idx" --limit "$2" --json \
    | /usr/bin/python3 -c 'import json,sys; q=json.load(sys.stdin); print("%.3f %.3f %s" % (q["knn15"], q["trust15"], "%.3f" % q["acc2d"] if q.get("acc2d") is not None else "-"))'
}

printf '%-8s %-7s %9s %9s %7s %8s %6s\n' engine n wall_s rss_MB knn15 trust15 acc2d
report() {  # report ENGINE N WALL RSS CSV
  read -r k t a < <(quality "$5" "$2")
  printf '%-8s %-7s %9.1f %9.0f %7s %8s %6s\n' "$1" "$2" "$3" "$(($4 / 1024))" "$k" "$t" "$a"
}

read -r w r < <(ours all)
report ours 70000 "$w" "$r" "$out/ours-all.csv"
if [[ -n ${SKLEARN_FULL:-} ]]; then
  read -r sw sr < <(sklearn 70000)
  report sklearn 70000 "$sw" "$sr" "$out/sklearn-70000.csv"
  echo "ratio ours/sklearn at 70000: $(awk -v a="$w" -v b="$sw" 'BEGIN { printf "%.3f", a / b }')"
fi
for n in $subsets; do
  read -r w r < <(ours "$n")
  report ours "$n" "$w" "$r" "$out/ours-$n.csv"
  read -r sw sr < <(sklearn "$n")
  report sklearn "$n" "$sw" "$sr" "$out/sklearn-$n.csv"
  echo "ratio ours/sklearn at $n: $(awk -v a="$w" -v b="$sw" 'BEGIN { printf "%.3f", a / b }')"
done
