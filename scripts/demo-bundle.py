#!/usr/bin/env python3
"""Rebuilds the 2019 three.js UMAP explorer demo's own data as an embedscope bundle, so that
`embedscope bench` draws exactly what the demo draws (its coordinates, its labels, its atlases).

    usage: scripts/demo-bundle.py [DEMO_SITE_DIR] OUT_DIR
      DEMO_SITE_DIR  the demo's folder, default ../shared/demo-bench/site/umap-explorer
      OUT_DIR        the bundle to write (must not exist, or be a bundle this script wrote)

The demo keeps 70,000 MNIST digits as JSON lists of [x, y] (mnist_embeddings.json: UMAP;
tsne_mnist_embeddings.json: t-SNE; md08_umap_mnist_embeddings.json: UMAP with min_dist 0.8),
labels as a JSON list of floats, and 14 RGBA atlases of 2048x2048 holding 73x73 cells of
28 px (mnist_tile_solid_N.png, item i in page i // 5329, cell i % 5329, row-major from the top left:
the bundle format's own rule). The pages are copied as they are: one level, RGB(A) pixels that are
grey, as a bundle written by another tool would be. Standard library only; written to a temporary
folder beside OUT_DIR and moved into place when complete.
"""
import json
import os
import shutil
import sys
import tempfile

PAGES = 14
COLUMNS = ROWS = 73
CELL = 28
LAYOUTS = [("umap", "UMAP", "mnist_embeddings.json"),
           ("tsne", "t-SNE", "tsne_mnist_embeddings.json"),
           ("umap_md08", "UMAP (min_dist 0.8)", "md08_umap_mnist_embeddings.json")]
NAMES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def fail(msg):
    print("demo-bundle: " + msg, file=sys.stderr)
    sys.exit(2)


def load_list(path, what):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        fail(f"{path}: cannot read {what}: {e}")


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    if len(argv) == 2:
        site, out = argv
    elif len(argv) == 1:
        site, out = os.path.join(here, "..", "..", "shared", "demo-bench", "site", "umap-explorer"), argv[0]
    else:
        fail("usage: scripts/demo-bundle.py [DEMO_SITE_DIR] OUT_DIR")
    site, out = os.path.abspath(site), os.path.abspath(out)
    if os.path.exists(out) and not os.path.isfile(os.path.join(out, ".demo-bundle")):
        fail(f"{out}: exists and was not written by this script; expected a new folder")
    labels = load_list(os.path.join(site, "mnist_labels.json"), "labels")
    n = len(labels)
    if n > PAGES * COLUMNS * ROWS:
        fail(f"{site}/mnist_labels.json: {n} labels, more than the {PAGES} atlases hold")
    coords = []
    for name, title, file in LAYOUTS:
        xy = load_list(os.path.join(site, file), name + " coordinates")
        if len(xy) != n:
            fail(f"{site}/{file}: {len(xy)} points, expected {n} (one per label)")
        for i, p in enumerate(xy):
            if not (isinstance(p, list) and len(p) == 2 and all(isinstance(v, (int, float)) for v in p)):
                fail(f"{site}/{file}: point {i} is {p!r}; expected [x, y]")
        coords.append(xy)
    parent = os.path.dirname(out)
    os.makedirs(parent, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".demo-bundle-", dir=parent)
    try:
        os.chmod(tmp, 0o755)
        os.makedirs(os.path.join(tmp, "atlas"))
        pages = []
        for p in range(PAGES):
            src = os.path.join(site, f"mnist_tile_solid_{p}.png")
            if not os.path.isfile(src):
                fail(f"{src}: missing; expected the demo's atlas page {p}")
            pages.append(f"atlas/mnist_tile_solid_{p}.png")
            shutil.copyfile(src, os.path.join(tmp, pages[-1]))
        with open(os.path.join(tmp, "points.csv"), "w", newline="\n") as f:
            f.write(",".join(f"{name}_x,{name}_y" for name, _, _ in LAYOUTS) + ",label\n")
            for i in range(n):
                row = []
                for xy in coords:
                    row += [repr(float(xy[i][0])), repr(float(xy[i][1]))]
                row.append(str(int(labels[i])))
                f.write(",".join(row) + "\n")
        manifest = {
            "format": 1, "name": "MNIST (the 2019 demo's data)", "count": n, "points": "points.csv",
            "layouts": [{"name": name, "title": title} for name, title, _ in LAYOUTS],
            "label": {"column": "label", "names": {str(d): NAMES[d] for d in range(10)}},
            "atlas": {"alpha": "luminance",
                      "levels": [{"cell": CELL, "columns": COLUMNS, "rows": ROWS, "pages": pages}]},
            "provenance": {"tool": "scripts/demo-bundle.py", "source": "umap-explorer (2019 three.js demo, MIT)"},
        }
        with open(os.path.join(tmp, "bundle.json"), "w") as f:
            json.dump(manifest, f, indent=1)
        open(os.path.join(tmp, ".demo-bundle"), "w").close()
        if os.path.exists(out):
            shutil.rmtree(out)
        os.rename(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    print(f"wrote {out}: {n} items, {len(LAYOUTS)} layouts, {PAGES} pages of {CELL}-px cells")


if __name__ == "__main__":
    main(sys.argv[1:])
