#!/usr/bin/env bash
# Checks the Linux app image (target/app/embedscope, built with `mvn -B -Papp-image -DskipTests package`
# when missing): --version, prepare on a few test images (WebP and CMYK JPEG among them: the ImageIO
# plug-ins and the runtime's modules are there), a headless render of the shipped MNIST bundle, and the
# explorer window under a virtual X server (Xvfb, xdotool), which must map its window and keep running.
# With ImageMagick's `import` it also saves the screen to target/app-check.png.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
app="$here/target/app/embedscope/bin/embedscope"
[[ -x $app ]] || (cd "$here" && mvn -B -q -Papp-image -DskipTests package)
if [[ ${1:-} != --in-x ]]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" --in-x
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "version: $("$app" --version)"
mkdir -p "$tmp/images/a"
cp "$here"/src/test/resources/images/{lossless.webp,lossy.webp,cmyk.jpg,oriented-6.tif,rgba.png} "$tmp/images/a/"
"$app" prepare --images "$tmp/images" -o "$tmp/bundle" 2>"$tmp/prepare.log" || { echo "FAIL: prepare"; cat "$tmp/prepare.log"; exit 1; }
echo "prepare: $(grep -o '"count" : [0-9]*' "$tmp/bundle/bundle.json") images"
"$app" render "$here/target/app/embedscope/lib/app/assets/mnist" --size 320x200 --out "$tmp/frame.png" 2>/dev/null
[[ -s $tmp/frame.png ]] && echo "render: $(wc -c <"$tmp/frame.png") bytes of PNG"
"$app" explore --size 800x500 >"$tmp/explore.log" 2>&1 &
pid=$!
wid=
for _ in $(seq 1 120); do
  wid=$(xdotool search --onlyvisible --name '^embedscope' 2>/dev/null | head -1) && [[ -n $wid ]] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if [[ -z $wid ]]; then echo "FAIL: no explorer window"; cat "$tmp/explore.log"; kill "$pid" 2>/dev/null; exit 1; fi
sleep 3
kill -0 "$pid" || { echo "FAIL: the explorer exited"; cat "$tmp/explore.log"; exit 1; }
echo "window: $(xdotool getwindowname "$wid"), $(xdotool getwindowgeometry "$wid" | grep Geometry | xargs)"
command -v import >/dev/null && import -window root "$here/target/app-check.png" && echo "screen: target/app-check.png"
kill "$pid"
wait "$pid" 2>/dev/null || true
echo PASS
