# The set-up the MNIST benchmarks share (bench-umap.sh, bench-tsne.sh); sourced, not run. The script
# sets `bench` (its name, for messages) and `java_opts` first; its first argument is the MNIST folder.
# Sets here, data, python, out, jar; builds the jar when the sources are newer; checks that the four
# MNIST files are there. Then the script calls bench_python (its reference's imports) and bench_lock.
# Helpers: timed NAME CMD..., wall NAME, rss NAME, file NAME, score NAME IDX-ARGS...; the array mnist.

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=$(cd "${1:-/work/data/package/data}" && pwd)
python=${PYTHON:-/usr/bin/python3}
out=${OUT:-$(mktemp -d -t "$bench.XXXXXX")}
mkdir -p "$out"
jar="$here/target/embedscope.jar"

if [[ ! -f $jar || -n $(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit 2>/dev/null) ]]; then
  echo "building $jar ..." >&2
  (cd "$here" && mvn -B -q -o -DskipTests package) >&2
fi
for f in train-images-idx3-ubyte t10k-images-idx3-ubyte train-labels-idx1-ubyte t10k-labels-idx1-ubyte; do
  [[ -f $data/$f || -f $data/$f.gz ]] || { echo "$bench: $data has no $f" >&2; exit 2; }
done

bench_python() { # IMPORTS WHAT : stops unless $python runs `import IMPORTS`
  "$python" -c "import $1" 2>/dev/null || { echo "$bench: $python cannot import $2" >&2; exit 2; }
}

bench_lock() { # holds /tmp/embedscope-bench.lock until the script ends, so concurrent benchmarks do not skew it
  exec 9>/tmp/embedscope-bench.lock
  echo "waiting for /tmp/embedscope-bench.lock ..." >&2
  flock 9
}

timed() { # NAME CMD... : runs CMD under /usr/bin/time -v, log in $out/NAME.log
  local name=$1; shift
  echo "running $name ..." >&2
  /usr/bin/time -v -o "$out/$name.time" "$@" >"$out/$name.log" 2>&1 || { echo "$bench: $name failed, see $out/$name.log" >&2; exit 1; }
}
wall() { # seconds from "Elapsed (wall clock) time (h:mm:ss or m:ss): M:SS.ss"
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out/$1.time"
}
rss() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$out/$1.time"; }
file() { if [[ -f $data/$1 ]]; then echo "$data/$1"; else echo "$data/$1.gz"; fi; }
# All 70,000 digits, train then test, as the arguments of `embedscope layout` and `quality`.
mnist=(--idx "$(file train-images-idx3-ubyte)" "$(file train-labels-idx1-ubyte)" --idx "$(file t10k-images-idx3-ubyte)" "$(file t10k-labels-idx1-ubyte)")

declare -A knn trust acc
score() { # NAME IDX-ARGS... : `embedscope quality` of $out/NAME.csv into knn[NAME], trust[NAME], acc[NAME]
  local name=$1; shift
  echo "scoring $name ..." >&2
  java $java_opts -jar "$jar" quality "$@" "$out/$name.csv" >"$out/$name.quality" 2>&1 || { echo "$bench: scoring $name failed, see $out/$name.quality" >&2; exit 1; }
  knn[$name]=$(awk '$1 == "knn15" { print $2 }' "$out/$name.quality")
  trust[$name]=$(awk '$1 == "trust15" { print $2 }' "$out/$name.quality")
  acc[$name]=$(awk '$1 == "acc2d" { print $2 }' "$out/$name.quality")
}
