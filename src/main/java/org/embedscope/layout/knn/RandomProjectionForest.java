package org.embedscope.layout.knn;

import org.embedscope.util.Parallel;
import java.util.SplittableRandom;
import org.embedscope.progress.Progress;

/**
 * A forest of random projection trees, used to seed NN-descent with good first guesses. Each tree
 * splits its points recursively by the hyperplane halfway between two random points of the node
 * (normal {@code x_a − x_b}) until a node holds at most {@code leafSize} points; points of a leaf
 * are likely near each other. Each tree has its own random stream derived from the seed, so the
 * forest is the same on any number of threads.
 */
final class RandomProjectionForest {
    private RandomProjectionForest() {}

    /** All leaves of all trees: leaf {@code l} holds the points {@code members[start[l] .. start[l+1])}. */
    record Leaves(int[] members, int[] start) {
        int count() { return start.length - 1; }
    }

    static Leaves build(PreparedRows rows, int trees, int leafSize, long seed, Parallel par, Progress progress) {
        int n = rows.n;
        int[][] perms = new int[trees][];
        int[][] bounds = new int[trees][];
        progress.stage("neighbours: random projection trees", trees);
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        par.forRange(trees, 1, (w, from, to) -> {
            for (int t = from; t < to; t++) {
                SplittableRandom rnd = new SplittableRandom(NnDescent.mix(seed * 0x9E3779B97F4A7C15L + t));
                int[] perm = new int[n];
                for (int i = 0; i < n; i++) perm[i] = i;
                bounds[t] = buildTree(rows, perm, leafSize, rnd, progress);
                perms[t] = perm;
                progress.advance(done.incrementAndGet());
            }
        });
        int leaves = 0;
        for (int[] b : bounds) leaves += b.length - 1;
        int[] members = new int[trees * n];
        int[] start = new int[leaves + 1];
        int l = 0;
        for (int t = 0; t < trees; t++) {
            System.arraycopy(perms[t], 0, members, t * n, n);
            for (int j = 0; j + 1 < bounds[t].length; j++) start[l++] = t * n + bounds[t][j];
        }
        start[leaves] = trees * n;
        return new Leaves(members, start);
    }

    /** Splits {@code perm} in place into leaves; returns the leaf boundaries (first 0, last n). */
    private static int[] buildTree(PreparedRows rows, int[] perm, int leafSize, SplittableRandom rnd, Progress progress) {
        int n = perm.length;
        float[] normal = new float[rows.dim];
        byte[] side = new byte[n];
        int[] stack = new int[128];
        int top = 0;
        stack[top++] = 0;
        stack[top++] = n;
        // Leaves come out of the stack in depth-first order; collect boundaries then sort them.
        int[] cuts = new int[16];
        int nCuts = 0;
        while (top > 0) {
            int hi = stack[--top], lo = stack[--top];
            int size = hi - lo;
            if (size <= leafSize) {
                if (nCuts == cuts.length) cuts = java.util.Arrays.copyOf(cuts, nCuts * 2);
                cuts[nCuts++] = lo;
                continue;
            }
            int mid = split(rows, perm, lo, hi, normal, side, rnd);
            if (top + 4 > stack.length) stack = java.util.Arrays.copyOf(stack, stack.length * 2);
            stack[top++] = lo;
            stack[top++] = mid;
            stack[top++] = mid;
            stack[top++] = hi;
            progress.checkCancelled();
        }
        int[] out = java.util.Arrays.copyOf(cuts, nCuts + 1);
        out[nCuts] = n;
        java.util.Arrays.sort(out, 0, nCuts);
        return out;
    }

    /**
     * Partitions {@code perm[lo, hi)} by a random hyperplane and returns the first index of the
     * second half. Falls back to a random halving when the hyperplane leaves one side empty
     * (duplicate points).
     */
    private static int split(PreparedRows rows, int[] perm, int lo, int hi, float[] normal, byte[] side, SplittableRandom rnd) {
        int size = hi - lo, dim = rows.dim, stride = rows.stride;
        float[] x = rows.x;
        int a = perm[lo + rnd.nextInt(size)];
        int b = perm[lo + rnd.nextInt(size)];
        for (int tries = 0; b == a && tries < 8; tries++) b = perm[lo + rnd.nextInt(size)];
        double offset = 0;
        boolean flat = true;
        int oa = a * stride, ob = b * stride;
        for (int d = 0; d < dim; d++) {
            float nd = x[oa + d] - x[ob + d];
            normal[d] = nd;
            if (nd != 0) flat = false;
            offset += nd * 0.5 * ((double) x[oa + d] + x[ob + d]);
        }
        int left = 0;
        if (!flat) {
            float off = (float) offset;
            for (int i = lo; i < hi; i++) {
                float m = rows.dot(perm[i], normal) - off;
                byte s = m > 0 ? (byte) 0 : m < 0 ? (byte) 1 : (byte) rnd.nextInt(2);
                side[i] = s;
                if (s == 0) left++;
            }
        }
        if (left == 0 || left == size) {
            // Degenerate: shuffle and halve.
            for (int i = hi - 1; i > lo; i--) {
                int j = lo + rnd.nextInt(i - lo + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            return lo + size / 2;
        }
        // Stable-enough in-place partition: left side first.
        int i = lo, j = hi - 1;
        while (i <= j) {
            if (side[i] == 0) {
                i++;
            } else {
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
                byte s = side[i];
                side[i] = side[j];
                side[j] = s;
                j--;
            }
        }
        return lo + left;
    }
}
