#!/usr/bin/env python3
"""Writes the NumPy reference files for the .npz, float16 and Fortran-order readers into
src/test/resources/vectors (run once; the files are checked in). Needs only numpy."""
import os
import numpy as np

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "vectors")
xy = np.array([[0.5, -1.25], [2.0, 3.5], [-4.75, 0.125], [1e-3, 6e4], [7.0, -8.0]], dtype=np.float32)
vec = (np.arange(24).reshape(4, 6) / 7).astype(np.float32)

# .npz: two named arrays (stored), and one unnamed array (deflated).
np.savez(os.path.join(out, "arrays.npz"), emb=vec, xy=xy)
np.savez_compressed(os.path.join(out, "xy-only.npz"), xy)

# float16, and what NumPy makes of it as float32.
np.save(os.path.join(out, "xy-f2.npy"), xy.astype(np.float16))
np.save(os.path.join(out, "xy-f2-as-f4.npy"), xy.astype(np.float16).astype(np.float32))
# Every 61st float16 bit pattern and the edges (zeros, subnormals, largest, infinities, NaN), as (n, 1).
bits = np.unique(np.concatenate([np.arange(0, 65536, 61), [0x0000, 0x0001, 0x03FF, 0x0400, 0x3C00, 0x7BFF, 0x7C00,
                                                          0x7E00, 0x8000, 0x8001, 0x83FF, 0xFBFF, 0xFC00]])).astype(np.uint16)
halves = bits.view(np.float16).reshape(-1, 1)
np.save(os.path.join(out, "halves-f2.npy"), halves)
with np.errstate(invalid="ignore"):
    np.save(os.path.join(out, "halves-as-f4.npy"), halves.astype(np.float32))

# Fortran (column-major) order: float64 vectors and float16 coordinates.
np.save(os.path.join(out, "vectors-4x6-f8-fortran.npy"), np.asfortranarray(vec.astype(np.float64)))
np.save(os.path.join(out, "xy-f2-fortran.npy"), np.asfortranarray(xy.astype(np.float16)))
