#!/usr/bin/env python3
"""Layout coordinates in half the bytes, for carrying them where space is short (scripts/gpu-kit.sh).

  xy16.py pack COORDS.csv OUT.npz     x,y columns -> 16-bit steps between each axis's min and max
  xy16.py unpack IN.npz OUT.npy       back to float32 (n, 2), as prepare --import-layout reads it

A step is (max - min) / 65535 of the axis; the error is at most half a step (2e-4 of the extent at a
million UMAP points: a quarter of a pixel at 8x zoom on a 3840-px screen).
"""
import sys

import numpy as np


def main(argv):
    if len(argv) != 4 or argv[1] not in ("pack", "unpack"):
        sys.exit(__doc__)
    if argv[1] == "pack":
        xy = np.loadtxt(argv[2], delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
        if xy.shape[1] != 2:
            sys.exit(f"xy16: {argv[2]}: {xy.shape[1]} columns; expected x,y")
        lo, hi = xy.min(axis=0), xy.max(axis=0)
        span = np.where(hi > lo, hi - lo, 1.0)
        q = np.round((xy - lo) / span * 65535).astype(np.uint16)
        np.savez_compressed(argv[3], q=q, lo=lo, hi=hi)
    else:
        z = np.load(argv[2])
        lo, hi = z["lo"], z["hi"]
        span = np.where(hi > lo, hi - lo, 1.0)
        np.save(argv[3], (lo + z["q"].astype(np.float64) / 65535.0 * span).astype(np.float32))


if __name__ == "__main__":
    main(sys.argv)
