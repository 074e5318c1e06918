#!/usr/bin/env bash
# Packs what scripts/bench-gpu.sh needs on a GPU machine that has no Java, no Maven and no network: a
# small Java runtime (jlink: the modules the IDX, bench and render paths use; folders of PNG/JPEG images
# would need java.desktop too), the jar, and glvnd's EGL and OpenGL libraries (Debian packages, for a
# driver that brings only its vendor library), with the million's UMAP coordinates when given (16-bit,
# scripts/xy16.py: 4 MB instead of 8). The kit and the repository's tracked files together come to about
# 66 MB. On the GPU machine, in the repository's root, with the kit in KIT:
#
#   for f in KIT/gl/*.deb; do dpkg -x "$f" /; done; ldconfig
#   python3 -c "import tarfile; tarfile.open('KIT/jre.txz').extractall('/tmp/j')"
#   python3 scripts/xy16.py unpack KIT/umap-xy16.npz /tmp/umap.npy
#   JAVA=/tmp/j/jre/bin/java JAR=KIT/embedscope.jar UMAP_XY=/tmp/umap.npy scripts/bench-gpu.sh OUT
#
# (An NVIDIA driver mounted outside the library path also wants LD_LIBRARY_PATH and
# __EGL_VENDOR_LIBRARY_FILENAMES pointed at its lib64 folder and its egl_vendor.d/10_nvidia.json.)
#
#   usage: scripts/gpu-kit.sh KIT [UMAP_CSV]   (UMAP_CSV: embedscope layout --algo umap's x,y of the million)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
kit=${1:?usage: scripts/gpu-kit.sh KIT [UMAP_CSV]}
mkdir -p "$kit/gl"
"$here/embedscope" --version >/dev/null   # builds the jar
cp "$here/target/embedscope.jar" "$kit/embedscope.jar"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
jlink --add-modules java.base,java.management,jdk.management,jdk.unsupported --strip-debug --no-man-pages \
  --no-header-files --compress=2 --output "$tmp/jre"
tar -cJf "$kit/jre.txz" -C "$tmp" jre
(cd "$kit/gl" && apt-get download libegl1 libglvnd0 libopengl0)
if [[ -n ${2:-} ]]; then python3 "$here/scripts/xy16.py" pack "$2" "$kit/umap-xy16.npz"; fi
du -sh "$kit"
