package org.embedscope.layout.knn;

import java.util.stream.IntStream;
import org.embedscope.progress.Progress;

/** Exact k-NN by brute force, O(n² · dim); for small inputs and as the reference in tests. */
public final class ExactNearestNeighbors implements NearestNeighbors {

    @Override
    public KnnGraph build(float[] data, int n, int dim, int k, Metric metric, Progress progress) {
        int[] indices = new int[n * k];
        float[] distances = new float[n * k];
        java.util.Arrays.fill(indices, -1);
        java.util.Arrays.fill(distances, Float.POSITIVE_INFINITY);
        progress.stage("exact neighbours", n);
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        IntStream.range(0, n).parallel().forEach(i -> {
            int base = i * k;
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                float d = metric.distance(data, i, j, dim);
                // Insertion into the sorted row; ties keep the lower index first.
                if (d >= distances[base + k - 1]) continue;
                int p = k - 1;
                while (p > 0 && distances[base + p - 1] > d) {
                    distances[base + p] = distances[base + p - 1];
                    indices[base + p] = indices[base + p - 1];
                    p--;
                }
                distances[base + p] = d;
                indices[base + p] = j;
            }
            int c = done.incrementAndGet();
            if ((c & 255) == 0) {
                progress.advance(c);
                progress.checkCancelled();
            }
        });
        progress.advance(n);
        return new KnnGraph(n, k, indices, distances);
    }
}
