#!/usr/bin/env bash
# The scale bench (scripts/bench-scale.sh) on a machine with a GPU and no display, at each of SIZES: the
# explorer's hidden context is then EGL's, on the GPU's own EGL device (render/EglHeadless). It makes what
# the bench needs first, timing each step: the 1,050,000 digits from the shipped bundle (million-digits),
# their bundle (prepare: UMAP, or the coordinates in $UMAP_XY imported, and PCA for the transition; no
# neighbour lists, which bench does not use), and the synthetic million of 64-px colour cells.
#
#   usage: scripts/bench-gpu.sh OUT_DIR [SIZES="1280x800 3840x2160"] [REPS=1]
#   env: JAR, JAVA (as for bench-scale.sh: a built jar where there is no Maven); UMAP_XY (an .npy of shape
#   (1050000, 2)); WORK (scratch space, default OUT_DIR/work: about 6 GB); COPIES and SYNTH_N (15 and
#   1000000: smaller for a quick check of the script itself)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:?usage: scripts/bench-gpu.sh OUT_DIR [SIZES] [REPS]}
sizes=${2:-1280x800 3840x2160}
reps=${3:-1}
work=${WORK:-$out/work}
mkdir -p "$out" "$work"
jar=${JAR:-$here/target/embedscope.jar}
es() { "${JAVA:-java}" -XX:+UseSerialGC ${EMBEDSCOPE_JAVA_OPTS:-} -Dembedscope.home="$here" -jar "$jar" "$@"; }
step() { # NAME CMD... : runs CMD, its output in OUT_DIR/NAME.log, and says how long it took
  local t0=$SECONDS
  echo "$1 ..." >&2
  if ! "${@:2}" >"$out/$1.log" 2>&1; then
    tail -n 20 "$out/$1.log" >&2
    echo "bench-gpu: $1 failed (log: $out/$1.log)" >&2
    exit 1
  fi
  echo "$1: $((SECONDS - t0)) s" | tee -a "$out/steps.txt" >&2
}

# What draws, before anything long: a picture of the shipped bundle, and the renderer bench names.
step render es render "$here/assets/mnist" --size 1280x800 -o "$out/mnist.png"
step probe es bench "$here/assets/mnist" --size 320x200 --json
grep '"renderer"' "$out/probe.log" | tee -a "$out/steps.txt" >&2

m=$work/million
step million-digits es million-digits --mnist "$here/assets/mnist" --copies "${COPIES:-15}" -o "$m"
if [[ -n ${UMAP_XY:-} ]]; then layouts=(--import-layout "umap=$UMAP_XY" --layout pca); else layouts=(--layout umap,pca); fi
step prepare es prepare --idx "$m/train-images-idx3-ubyte" "$m/train-labels-idx1-ubyte" \
  --idx "$m/t10k-images-idx3-ubyte" "$m/t10k-labels-idx1-ubyte" --metadata "$m/transforms.csv" \
  --label-names mnist --name "1,050,000 MNIST digits" "${layouts[@]}" --neighbors 0 -o "$work/million-bundle"
# The first opening writes the points cache: not inside a timed run.
step open-once es render "$work/million-bundle" --size 64x64 -o "$work/million.png"
step synthetic es bench --synthetic "${SYNTH_N:-1000000}" --cell 64 --colour --gpu-memory 1G --keep "$work/synthetic" --size 64x64 --no-overlay --json

for size in $sizes; do
  t0=$SECONDS
  JAR=$jar BENCH_ARGS="--size $size" SYNTH="$work/synthetic" "$here/scripts/bench-scale.sh" "$work/million-bundle" "$reps" "$out/$size" \
    >"$out/table-$size.md" 2>"$out/bench-$size.log" || { tail -n 20 "$out/bench-$size.log" >&2; exit 1; }
  echo "bench at $size: $((SECONDS - t0)) s" | tee -a "$out/steps.txt" >&2
  cat "$out/table-$size.md"
done
