package org.embedscope.query;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.LabelValues;
import org.embedscope.bundle.Manifest;

/**
 * A bundle built in memory, as the loader would build it from a points file whose header is
 * {@code L_x, L_y} then {@code columns} in order (one of which may be the label), without an atlas:
 * for querying data that is not on disk (from Java, or the column tests and the selection benchmark,
 * which need many random tables).
 */
public final class MemoryBundle {
    private MemoryBundle() {}

    /** One layout {@code L} at {@code xy} (interleaved), then {@code columns} by name; {@code labelColumn} may be null. */
    public static Bundle of(float[] xy, LinkedHashMap<String, String[]> columns, String labelColumn, Map<String, String> labelNames) {
        int n = xy.length / 2;
        Manifest.Label label = labelColumn == null ? null : new Manifest.Label(labelColumn, labelNames);
        Manifest m = new Manifest("memory", n, "points.csv", List.of(new Manifest.Layout("L", "L")), label,
                new Manifest.Atlas(AlphaMode.OPAQUE, List.of(new Manifest.Level(1, n, 1, List.of("atlas/0-00.png")))), Map.of());
        List<String> header = new ArrayList<>(List.of("L_x", "L_y"));
        List<String> metaNames = new ArrayList<>();
        List<String[]> meta = new ArrayList<>();
        int[] codes = null;
        List<String> labelValues = null;
        for (Map.Entry<String, String[]> e : columns.entrySet()) {
            header.add(e.getKey());
            if (e.getKey().equals(labelColumn)) {
                // as PointsReader: first-seen codes, renumbered in display order
                Map<String, Integer> ids = new HashMap<>();
                List<String> firstSeen = new ArrayList<>();
                codes = new int[n];
                for (int i = 0; i < n; i++) {
                    codes[i] = ids.computeIfAbsent(e.getValue()[i], v -> {
                        firstSeen.add(v);
                        return firstSeen.size() - 1;
                    });
                }
                int[] rank = LabelValues.rank(firstSeen);
                for (int i = 0; i < n; i++) codes[i] = rank[codes[i]];
                labelValues = LabelValues.sorted(firstSeen, rank);
            } else {
                metaNames.add(e.getKey());
                meta.add(e.getValue());
            }
        }
        return new Bundle(Path.of("memory"), m, List.of(), new float[][] {xy}, codes, labelValues, metaNames,
                meta.toArray(new String[0][]), header, (Bundle.NeighborSource) null);
    }
}
