package org.embedscope.prepare;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embedscope.TestData;
import org.embedscope.layout.LayoutAlgorithm;
import org.embedscope.layout.LayoutRows;
import org.embedscope.layout.knn.Metric;
import org.embedscope.progress.Progress;
import org.embedscope.source.IdxSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pixels go to the last engine that reads them, for it to let go; never earlier, never when the neighbours still need them. */
class FeatureReleaseTest {
    @TempDir Path dir;

    /** A layout that notes whether its rows outlive {@link LayoutRows#release}, and offers a graph of {@code offers} neighbours (0: none). */
    static final class Probe implements LayoutAlgorithm {
        final int offers;
        final List<Boolean> released = new ArrayList<>();

        Probe(int offers) { this.offers = offers; }

        @Override public float[] fit(float[] data, int n, int dim, Progress progress) { return coords(data, n, dim); }

        @Override
        public Fit fitWithNeighbors(LayoutRows rows, int n, int dim, Progress progress) {
            float[] xy = coords(rows.get(), n, dim);
            org.embedscope.layout.knn.KnnGraph g = offers == 0 ? null
                    : new org.embedscope.layout.knn.ExactNearestNeighbors().build(rows.get(), n, dim, offers, Metric.EUCLIDEAN, progress);
            rows.release();
            boolean gone;
            try {
                rows.get();
                gone = false;
            } catch (IllegalStateException e) {
                gone = true;
            }
            released.add(gone);
            return new Fit(xy, g);
        }

        @Override public int graphNeighbors(int n) { return offers; }

        static float[] coords(float[] data, int n, int dim) {
            float[] xy = new float[2 * n];
            for (int i = 0; i < n; i++) {
                xy[2 * i] = i;
                for (int d = 0; d < dim; d++) xy[2 * i + 1] += data[i * dim + d];
            }
            return xy;
        }
    }

    private void prepare(int neighbours, Probe... engines) throws Exception {
        Path[] f = TestData.mnistSubset(dir, "train", 0, 60);
        IdxSource source = IdxSource.open(List.of(new IdxSource.Pair(f[0], f[1])), null);
        List<PreparePipeline.ComputedLayout> layouts = new ArrayList<>();
        for (int e = 0; e < engines.length; e++) layouts.add(new PreparePipeline.ComputedLayout("l" + e, "L" + e, engines[e], Map.of()));
        PreparePipeline.Spec spec = new PreparePipeline.Spec(source, dir.resolve("out" + neighbours + engines.length), null, null, Map.of(),
                layouts, 0, 2048, 16, null, 6, false, null, new LinkedHashMap<>(), new PreparePipeline.Neighbors(neighbours, Metric.EUCLIDEAN, 1));
        PreparePipeline.run(spec, Progress.NONE, null, new PrintWriter(new StringWriter()));
    }

    @Test
    void onlyTheLastEngineMayLetThePixelsGo() throws Exception {
        Probe a = new Probe(0), b = new Probe(0);
        prepare(0, a, b);
        assertEquals(List.of(false), a.released, "a later engine still reads them");
        assertEquals(List.of(true), b.released);
    }

    @Test
    void notWhenTheNeighboursMustStillBeSearchedOnThem() throws Exception {
        Probe noGraph = new Probe(0);
        prepare(5, noGraph);
        assertEquals(List.of(false), noGraph.released, "no engine offers 5 neighbours: the search reads the pixels after it");
        Probe graph = new Probe(8);
        prepare(5, graph);
        assertEquals(List.of(true), graph.released, "its own graph holds them");
        Probe first = new Probe(8), last = new Probe(0);
        prepare(5, first, last);
        assertEquals(List.of(true), last.released, "an earlier engine's graph holds them");
    }
}
