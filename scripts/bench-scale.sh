#!/usr/bin/env bash
# The million-item bench, side by side in ONE invocation on one machine (README, "Scale"):
#   1. `bench` on assets/mnist (70,000) and on BIG (the 1,050,000-digit bundle), alternating, REPS times;
#   2. the synthetic million, 64-px colour cells (12 GB of finest texels), with `--gpu-memory 1G`, once:
#      from $SYNTH when set (a bundle kept by `bench --synthetic 1000000 --cell 64 --colour --keep DIR`),
#      else written first (minutes; its start-up figures then include writing it);
# then one table: per phase the medians of both, their ratio, and the figures the issue names
# (pick read-back, RSS, texture high-water mark, start to first complete frame).
#
#   usage: scripts/bench-scale.sh BIG_BUNDLE [REPS=3] [OUT_DIR]
#   env: BENCH_ARGS (more options for every bench, e.g. "--size 3840x2160"); JAR and JAVA (a built jar and
#   the java to run it with, where there is no Maven: scripts/bench-gpu.sh); EMBEDSCOPE_JAVA_OPTS.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
big=${1:?usage: scripts/bench-scale.sh BIG_BUNDLE [REPS] [OUT_DIR]}
reps=${2:-3}
out=${3:-$(mktemp -d -t bench-scale.XXXXXX)}
mkdir -p "$out"
exec 9>/tmp/embedscope-bench.lock
echo "waiting for /tmp/embedscope-bench.lock ..." >&2
flock 9
if [[ -z ${JAR:-} ]]; then
  "$here/embedscope" --version >/dev/null   # builds the jar (and its class-data archive) outside the timings
fi
cp "${JAR:-$here/target/embedscope.jar}" "$out/embedscope.jar"
jvm=(-XX:+UseSerialGC -Xshare:auto)
read -r -a extra <<<"${BENCH_ARGS:-}"
es() { "${JAVA:-java}" "${jvm[@]}" ${EMBEDSCOPE_JAVA_OPTS:-} -Dembedscope.home="$here" -jar "$out/embedscope.jar" "$@"; }
echo "before: $(uptime)" >"$out/machine.txt"
for r in $(seq 1 "$reps"); do
  echo "bench assets/mnist ($r) ..." >&2
  es bench "$here/assets/mnist" "${extra[@]}" --json >"$out/mnist-$r.json"
  echo "bench $big ($r) ..." >&2
  es bench "$big" "${extra[@]}" --json >"$out/big-$r.json"
done
if [[ -n ${SYNTH:-} ]]; then
  echo "bench $SYNTH --gpu-memory 1G ..." >&2
  es bench "$SYNTH" --gpu-memory 1G "${extra[@]}" --json >"$out/synthetic.json"
else
  echo "bench --synthetic 1000000 --cell 64 --colour --gpu-memory 1G ..." >&2
  es bench --synthetic 1000000 --cell 64 --colour --gpu-memory 1G "${extra[@]}" --json >"$out/synthetic.json"
fi
echo "after: $(uptime)" >>"$out/machine.txt"
python3 - "$out" "$reps" <<'PY'
import json, os, statistics, sys
out, reps = sys.argv[1], int(sys.argv[2])
load = lambda n: [json.load(open(os.path.join(out, f"{n}-{r}.json"))) for r in range(1, reps + 1)]
small, big = load("mnist"), load("big")
synth = json.load(open(os.path.join(out, "synthetic.json")))
med = lambda runs, f: statistics.median(f(j) for j in runs)
print(open(os.path.join(out, "machine.txt")).read().strip())
print(f"{small[0]['width']}x{small[0]['height']}, drawn by {small[0].get('renderer', 'an unnamed renderer')}")
print(f"medians over {reps} runs each, alternating")
print(f"| phase (median ms per frame) | assets/mnist ({small[0]['items']:,}) | {big[0]['bundle']} ({big[0]['items']:,}) | ratio | synthetic 1M, 64-px colour, 1 GiB |")
print("| --- | --- | --- | --- | --- |")
for p in small[0]["phases"]:
    a = med(small, lambda j: j["phases"][p]["median_ms"])
    b = med(big, lambda j: j["phases"][p]["median_ms"]) if p in big[0]["phases"] else None
    s = synth["phases"].get(p, {}).get("median_ms")
    cells = [p, f"{a:.1f}", f"{b:.1f}" if b is not None else "n/a", f"{b / a:.2f}x" if b else "n/a", f"{s:.1f}" if s is not None else "n/a"]
    print("| " + " | ".join(cells) + " |")
rows = [("pick read-back, median ms", lambda j: j["pick_readback_ms"]["median"]),
        ("points load ms", lambda j: j["load_ms"]),
        ("JVM start to first complete frame ms", lambda j: j["start_to_first_frame_ms"]),
        ("RSS at the end MB", lambda j: j["rss_mb"]), ("peak RSS MB", lambda j: j["peak_rss_mb"]),
        ("texture high water MB", lambda j: j["texture"]["high_water_mb"]),
        ("texture pages uploaded / evicted", None)]
for name, f in rows:
    if f is None:
        cells = [name] + [f"{j['texture']['pages_uploaded']} / {j['texture']['pages_evicted']}" for j in (small[-1], big[-1])] + ["", f"{synth['texture']['pages_uploaded']} / {synth['texture']['pages_evicted']}"]
    else:
        cells = [name, f"{med(small, f):.1f}", f"{med(big, f):.1f}", "", f"{f(synth):.1f}"]
    print("| " + " | ".join(cells) + " |")
PY
echo "results: $out" >&2
