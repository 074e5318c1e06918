package org.embedscope.bench;

import java.util.Arrays;

/** Frame times of one benchmark phase: count, median and 95th percentile, in milliseconds. */
public final class FrameStats {
    private double[] ms = new double[16];
    private int n;
    private double cpuMs = Double.NaN;

    /** Records the process CPU time (all threads, the rasteriser's included) the phase used. */
    public void setCpuMs(double cpuMs) { this.cpuMs = cpuMs; }

    /** Process CPU time per frame: less disturbed than wall time by other work on a shared machine. */
    public double cpuPerFrame() { return n == 0 ? Double.NaN : cpuMs / n; }

    public void add(double millis) {
        if (n == ms.length) ms = Arrays.copyOf(ms, n * 2);
        ms[n++] = millis;
    }

    public int count() { return n; }

    public double median() { return percentile(50); }

    public double p95() { return percentile(95); }

    /** Nearest-rank percentile; NaN when empty. */
    public double percentile(double p) {
        if (n == 0) return Double.NaN;
        double[] s = Arrays.copyOf(ms, n);
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return s[Math.max(0, Math.min(n - 1, rank - 1))];
    }
}
