package org.embedscope.query;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.embedscope.bundle.Bundle;
import org.embedscope.select.ItemSet;
import org.embedscope.select.Polygon;

/**
 * Measures column typing, queries and lassos on an in-memory table of N items (default 1,000,000):
 * ten Gaussian clusters, a label (10 values), a unique numeric {@code score}, a text {@code split}
 * and unique text {@code file}. Not a test: it prints medians (wall and this thread's CPU time), it
 * asserts nothing. Everything measured runs on one thread.
 *
 * <pre>
 * mvn -B -q -Pjmh package -DskipTests      # as scripts/bench-jmh.sh builds it
 * flock /tmp/embedscope-bench.lock java -cp target/jmh/embedscope.jar org.embedscope.query.SelectionBench [N] [RUNS]
 * </pre>
 */
public final class SelectionBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        SplittableRandom rnd = new SplittableRandom(1);
        float[] xy = new float[2 * n];
        float[] centres = new float[20];
        for (int k = 0; k < 20; k++) centres[k] = (float) rnd.nextDouble(-10, 10);
        String[] label = new String[n], score = new String[n], split = new String[n], file = new String[n];
        String[] digits = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
        for (int i = 0; i < n; i++) {
            // cluster 0 holds a fifth of the items: the densest
            int c = rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(10);
            xy[2 * i] = centres[2 * c] + (float) rnd.nextGaussian();
            xy[2 * i + 1] = centres[2 * c + 1] + (float) rnd.nextGaussian();
            label[i] = digits[c];
            score[i] = Float.toString((float) rnd.nextDouble());
            split[i] = rnd.nextInt(7) == 0 ? "test" : "train";
            file[i] = "img-" + i + ".png";
        }
        LinkedHashMap<String, String[]> cols = new LinkedHashMap<>();
        cols.put("label", label);
        cols.put("score", score);
        cols.put("split", split);
        cols.put("file", file);
        Bundle b = MemoryBundle.of(xy, cols, "label", Map.of("3", "three"));
        System.out.printf(Locale.ROOT, "%,d items, %d cores, %d runs each (medians)%n", n,
                Runtime.getRuntime().availableProcessors(), runs);

        ColumnTable[] table = new ColumnTable[1];
        time("ColumnTable.of (7 columns)", runs / 3 + 1, () -> table[0] = ColumnTable.of(b));
        ColumnTable t = table[0];
        String[] queries = {
                "label = 3",
                "label = 'three' and split = 'test'",
                "score > 0.9",
                "index < 500000 and not (score < 0.5)",
                "label in (1, 2, 7) or split = 'test'",
                "umap_x > 0 and L_y < 0",
                "file ~ '99'",
        };
        for (String q : queries) {
            String text = q.replace("umap_x", "L_x");
            Query parsed = Query.parse(text);
            int[] matched = new int[1];
            time(String.format(Locale.ROOT, "query %-40s", text), runs, () -> matched[0] = parsed.evaluate(t).cardinality());
            System.out.printf(Locale.ROOT, "    matched %,d (%.1f%%)%n", matched[0], 100.0 * matched[0] / n);
        }

        // A 100-vertex lasso around the densest cluster, radius 1.5 with a wobble
        float[] lasso = new float[200];
        for (int v = 0; v < 100; v++) {
            double a = 2 * Math.PI * v / 100, r = 1.5 + 0.3 * Math.sin(7 * a);
            lasso[2 * v] = centres[0] + (float) (r * Math.cos(a));
            lasso[2 * v + 1] = centres[1] + (float) (r * Math.sin(a));
        }
        Polygon poly = new Polygon(lasso);
        int[] inside = new int[1];
        time("lasso, 100 vertices (bands)", runs, () -> inside[0] = poly.select(xy).cardinality());
        System.out.printf(Locale.ROOT, "    selected %,d%n", inside[0]);
        int[] brute = new int[1];
        time("lasso, 100 vertices (every edge, bbox)", runs, () -> brute[0] = everyEdge(lasso, xy).cardinality());
        if (brute[0] != inside[0]) throw new AssertionError("brute force selected " + brute[0]);
    }

    /** The same rule over every edge for points in the bounding box: what the bands save. */
    static ItemSet everyEdge(float[] o, float[] xy) {
        int n = xy.length / 2, nv = o.length / 2;
        float x0 = Float.MAX_VALUE, x1 = -Float.MAX_VALUE, y0 = Float.MAX_VALUE, y1 = -Float.MAX_VALUE;
        for (int v = 0; v < nv; v++) {
            x0 = Math.min(x0, o[2 * v]);
            x1 = Math.max(x1, o[2 * v]);
            y0 = Math.min(y0, o[2 * v + 1]);
            y1 = Math.max(y1, o[2 * v + 1]);
        }
        ItemSet s = new ItemSet(n);
        for (int i = 0; i < n; i++) {
            double x = xy[2 * i], y = xy[2 * i + 1];
            if (x < x0 || x > x1 || y < y0 || y > y1) continue;
            boolean in = false;
            for (int v = 0; v < nv; v++) {
                int w = (v + 1) % nv;
                double ax = o[2 * v], ay = o[2 * v + 1], bx = o[2 * w], by = o[2 * w + 1];
                if (ay == by) continue;
                double lx = by > ay ? ax : bx, ly = Math.min(ay, by), ux = by > ay ? bx : ax, uy = Math.max(ay, by);
                if (y >= ly && y < uy && (ux - lx) * (y - ly) - (x - lx) * (uy - ly) > 0) in = !in;
            }
            if (in) s.add(i);
        }
        return s;
    }

    interface Work {
        void run() throws Exception;
    }

    /** Prints the median wall time and the median CPU time of this thread (less disturbed by other work on the machine). */
    static void time(String what, int runs, Work w) throws Exception {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (int k = 0; k < 3; k++) w.run(); // warm-up
        double[] ms = new double[runs], cpu = new double[runs];
        for (int r = 0; r < runs; r++) {
            long c0 = bean.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            w.run();
            ms[r] = (System.nanoTime() - t0) / 1e6;
            cpu[r] = (bean.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-52s wall %8.2f ms  cpu %8.2f ms%n", what, ms[runs / 2], cpu[runs / 2]);
    }
}
