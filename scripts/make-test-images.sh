#!/usr/bin/env bash
# Writes the image reference files of src/test/resources/images with ImageMagick 6 (convert), run once;
# the files are checked in. Each is a few hundred bytes.
set -euo pipefail
out="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/src/test/resources/images"
mkdir -p "$out"
cd "$out"
# 8×6, colour with alpha: from opaque red at the top to blue at 20% alpha at the bottom, one opaque white pixel.
convert -size 8x6 gradient:'rgba(255,0,0,1)-rgba(0,0,255,0.2)' -fill white -draw 'point 1,1' PNG32:rgba.png
convert rgba.png -define webp:lossless=true lossless.webp
convert -size 16x12 xc:'rgb(200,40,30)' -fill 'rgb(20,60,220)' -draw 'rectangle 8,0 15,11' -quality 90 lossy.webp
# CMYK JPEG: left half red, right half blue, as print workflows save them.
convert -size 16x8 xc:red -fill blue -draw 'rectangle 8,0 15,7' -colorspace CMYK -quality 95 cmyk.jpg
# A TIFF whose Orientation tag says RightTop (6: rotate 90° clockwise to show), and how ImageMagick shows it.
convert -size 8x4 xc:red -fill blue -draw 'rectangle 4,0 7,3' -fill white -draw 'point 0,0' -orient RightTop -depth 8 -compress none oriented-6.tif
convert oriented-6.tif -auto-orient PNG24:oriented-6-shown.png
