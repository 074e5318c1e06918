#!/usr/bin/env bash
# The 2019 three.js demo and embedscope, side by side in ONE invocation on one machine (same Mesa
# llvmpipe, 1280x800), back to back:
#   1. ../shared/demo-bench/run.sh llvmpipe REPS   (the demo in Chromium; its per-phase frame work)
#   2. embedscope bench --match-demo  (the demo's sprite sizes and phases) on assets/mnist and on the
#      demo's own data rebuilt as a bundle (scripts/demo-bundle.py: one level of RGBA pages)
#   3. embedscope bench (default sizes and session) on both
# and prints one table: per phase the demo's median work per frame, ours, and the ratio.
#
#   usage: scripts/bench-demo.sh [REPS=1] [OUT_DIR]
# Needs: apt chromium xvfb; npm (run.sh installs playwright-core into a scratch folder).
# The demo bundle's levels are made by a first `render` (its time is reported as the cold load), so
# the benches read them from the cache, as every load after the first does; a first `render` of
# assets/mnist likewise writes its parsed-points cache (a bundle's first load parses points.csv).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
reps=${1:-1}
out=${2:-$(mktemp -d -t bench-demo.XXXXXX)}
mkdir -p "$out"
demo_site=${DEMO_SITE:-$here/../shared/demo-bench}
[[ -x $demo_site/run.sh ]] || { echo "bench-demo: no $demo_site/run.sh" >&2; exit 2; }
exec 9>/tmp/embedscope-bench.lock
echo "waiting for /tmp/embedscope-bench.lock ..." >&2
flock 9
"$here/embedscope" --version >/dev/null   # builds the jar (and its class-data archive) first, outside the timings
# A copy of the build and of the shaders, so that editing the sources meanwhile changes nothing mid-run.
cp "$here/target/embedscope.jar" "$out/embedscope.jar"
mkdir -p "$out/home"
rm -rf "$out/home/shaders"   # an output folder used before: its copy would be nested, not replaced
cp -r "$here/shaders" "$out/home/shaders"
ln -sfn "$here/assets" "$out/home/assets"
# Its own class-data archive, recorded as the launcher records one (an archive names its jar's path).
java -XX:ArchiveClassesAtExit="$out/embedscope.jsa" -Dembedscope.home="$out/home" -jar "$out/embedscope.jar" render \
    "$here/assets/mnist" --size 320x200 --overlay --hover 160,100 --out "$out/jsa-frame.png" >/dev/null 2>&1 || rm -f "$out/embedscope.jsa"
jvm=(-XX:+UseSerialGC -Xshare:auto)
[[ -f $out/embedscope.jsa ]] && jvm+=(-XX:SharedArchiveFile="$out/embedscope.jsa")
es() { java "${jvm[@]}" -Dembedscope.home="$out/home" -jar "$out/embedscope.jar" "$@"; }
{ echo "before: $(uptime)"; nproc; } >"$out/machine.txt"
python3 "$here/scripts/demo-bundle.py" "$demo_site/site/umap-explorer" "$out/demo-bundle" >&2
export EMBEDSCOPE_CACHE=$out/cache
/usr/bin/time -f "%e" -o "$out/cold-render.time" java "${jvm[@]}" -Dembedscope.home="$out/home" -jar "$out/embedscope.jar" render "$out/demo-bundle" --out "$out/demo-bundle-cold.png" >&2
/usr/bin/time -f "%e" -o "$out/cold-mnist.time" java "${jvm[@]}" -Dembedscope.home="$out/home" -jar "$out/embedscope.jar" render "$here/assets/mnist" --out "$out/mnist-cold.png" >&2

echo "running the demo ..." >&2
"$demo_site/run.sh" llvmpipe "$reps" "$out/demo" >"$out/demo.jsonl" 2>"$out/demo.log" || { echo "bench-demo: run.sh failed, see $out/demo.log" >&2; exit 1; }
echo "after demo: $(uptime)" >>"$out/machine.txt"
for b in mnist demo; do
  dir=$here/assets/mnist; [[ $b == demo ]] && dir=$out/demo-bundle
  for r in $(seq 1 "$reps"); do
    echo "bench --match-demo $b ($r) ..." >&2
    es bench "$dir" --json --match-demo >"$out/$b-match-$r.json"
    echo "bench $b ($r) ..." >&2
    es bench "$dir" --json >"$out/$b-default-$r.json"
  done
done
echo "after: $(uptime)" >>"$out/machine.txt"
python3 - "$out" "$reps" <<'PY'
import json, sys, statistics, os
out, reps = sys.argv[1], int(sys.argv[2])
demo = {}
for line in open(os.path.join(out, "demo.jsonl")):
    line = line.strip()
    if line.startswith("{"):
        o = json.loads(line)
        demo[o["phase"]] = o
def dmed(phase):
    o = demo.get(phase)
    if not o: return None
    if phase == "load": return o["nav_to_all_sprites_frame_ms"]["median"]
    return o["work_ms"]["median"]
def ours(b, kind, phase):
    vals = []
    for r in range(1, reps + 1):
        j = json.load(open(os.path.join(out, f"{b}-{kind}-{r}.json")))
        vals.append(j["start_to_first_frame_ms"] if phase == "start" else j["phases"][phase]["median_ms"])
    return statistics.median(vals), j
# fit and zoomed: redraws after a change of colours (recoloured from the scene's record); the -full
# rows: every sprite drawn each frame, what a change of the view's geometry costs (the demo draws every
# sprite in every frame of every phase).
rows = [("fit", "fit_static", "fit"), ("fit, every sprite drawn", "fit_static", "fit-full"),
        ("hover (pick included)", "hover_sweep", "hover"),
        ("zoomed 8x", "zoom8_static", "zoomed"), ("zoomed 8x, every sprite drawn", "zoom8_static", "zoomed-full"),
        ("transition", "umap_to_tsne", "transition"),
        ("start to first complete frame", "load", "start")]
print(open(os.path.join(out, "machine.txt")).read().strip())
print(f"cold load of the demo bundle (levels made): {open(os.path.join(out, 'cold-render.time')).read().strip()} s (a whole render); "
      f"of assets/mnist (points parsed and cached): {open(os.path.join(out, 'cold-mnist.time')).read().strip()} s")
print("| phase (median ms per frame) | demo | mnist --match-demo | ratio | demo bundle --match-demo | ratio | mnist default | ratio | demo bundle default | ratio |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for name, dphase, ophase in rows:
    d = dmed(dphase)
    cells = [name, f"{d:.1f}" if d is not None else "n/a"]
    for b, kind in (("mnist", "match"), ("demo", "match"), ("mnist", "default"), ("demo", "default")):
        v, j = ours(b, kind, ophase)
        px = "" if ophase == "start" else f" ({j['phases'][ophase]['sprite_px']:.0f} px)"
        cells += [f"{v:.1f}{px}", f"{d / v:.1f}x" if d else "n/a"]
    print("| " + " | ".join(cells) + " |")
PY
echo "results: $out" >&2
