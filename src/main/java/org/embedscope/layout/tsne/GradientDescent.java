package org.embedscope.layout.tsne;

import org.embedscope.layout.MortonOrder;
import org.embedscope.layout.SparseGraph;
import org.embedscope.util.Parallel;
import org.embedscope.progress.Progress;

/**
 * Minimises the t-SNE objective {@code KL(P ‖ Q)} by batch gradient descent with momentum and
 * per-parameter adaptive gains (Jacobs 1988, as in van der Maaten's t-SNE and openTSNE).
 *
 * <p>The gradient is taken without the constant factor 4, as in openTSNE, which is what the learning
 * rate {@code n/12} of Belkina et al. (2019) is meant for:
 * {@code ∂C/∂y_i = α Σ_j p_ij w_ij (y_i − y_j) − (1/Z) Σ_j w_ij² (y_i − y_j)} with
 * {@code w_ij = 1/(1 + |y_i − y_j|²)}, exaggeration α. The attractive sum runs over the sparse
 * {@code P}; the repulsive one comes from a {@link RepulsiveForces}. Each step is clipped to length 5
 * per point (openTSNE's guard against points shooting off) and the layout is re-centred.
 *
 * <p>Gains and the layout persist across calls to {@link #run}, the momentum buffer does not.
 */
public final class GradientDescent {
    private static final int CHUNK = 2048;
    private static final double MIN_GAIN = 0.01, MAX_STEP = 5;

    private SparseGraph p;
    /** {@code original[r]}: the caller's index of the point this instance numbers r (null: the same). */
    private int[] original;
    private final RepulsiveForces repulsion;
    private final Parallel par;
    private final int n;
    private final double[] gains, update, grad, rep;
    private final float[] yf;
    private double lastKl = Double.NaN;

    public GradientDescent(SparseGraph p, RepulsiveForces repulsion, Parallel par) {
        this.p = p;
        this.repulsion = repulsion;
        this.par = par;
        this.n = p.n();
        gains = new double[2 * n];
        java.util.Arrays.fill(gains, 1.0);
        update = new double[2 * n];
        grad = new double[2 * n];
        rep = new double[2 * n];
        yf = new float[2 * n];
    }

    /**
     * Renumbers the points in the Z-order of the layout {@code y} (permuted in place), with this
     * instance's affinities and gains: points near each other in the layout then sit near each other
     * in memory, so the attractive pass over {@code P} reads its neighbours' coordinates from cache.
     * Only the order of the points changes, not the forces on any of them (up to the order in which
     * floating-point sums are taken). {@link #restoreOrder} puts a layout back into the caller's numbering.
     */
    public void reorder(double[] y) {
        int[] order = MortonOrder.of(y, n);
        p = p.permuted(order);
        permute(y, order);
        permute(gains, order);
        permute(update, order);
        int[] composed = new int[n];
        for (int r = 0; r < n; r++) composed[r] = original == null ? order[r] : original[order[r]];
        original = composed;
    }

    /** Puts the layout {@code y}, numbered as this instance numbers its points, back into the caller's order. */
    public void restoreOrder(double[] y) {
        if (original == null) return;
        double[] copy = y.clone();
        for (int r = 0; r < n; r++) {
            y[2 * original[r]] = copy[2 * r];
            y[2 * original[r] + 1] = copy[2 * r + 1];
        }
    }

    /** {@code v} (2 values per point) rearranged so that position r holds what point order[r] held. */
    private void permute(double[] v, int[] order) {
        double[] copy = v.clone();
        for (int r = 0; r < n; r++) {
            v[2 * r] = copy[2 * order[r]];
            v[2 * r + 1] = copy[2 * order[r] + 1];
        }
    }

    /** The KL divergence last evaluated (every {@code reportEvery} iterations), or NaN. */
    public double lastKlDivergence() { return lastKl; }

    /**
     * Runs {@code iterations} steps on the layout {@code y} (x0, y0, x1, y1, …, changed in place).
     *
     * @param done        iterations already run before this call (for progress and KL reporting)
     * @param reportEvery evaluate the KL divergence and report it every this many iterations (≤ 0: never)
     */
    public void run(double[] y, int iterations, double exaggeration, double momentum, double learningRate,
                    int done, int reportEvery, Progress progress) {
        java.util.Arrays.fill(update, 0.0);
        for (int it = 0; it < iterations; it++) {
            progress.checkCancelled();
            int global = done + it + 1;
            boolean evaluate = reportEvery > 0 && global % reportEvery == 0;
            double kl = step(y, exaggeration, momentum, learningRate, evaluate);
            if (evaluate) {
                lastKl = kl;
                progress.info(String.format(java.util.Locale.ROOT, "iteration %d, KL divergence %.4f", global, kl));
            }
            progress.advance(global);
        }
    }

    /** One step; returns the KL divergence of the layout before the step when asked, else NaN. */
    double step(double[] y, double exaggeration, double momentum, double learningRate, boolean evaluate) {
        double kl = gradient(y, exaggeration, evaluate, grad);
        // Gains, momentum, clipped step; sums for re-centring.
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[] sums = new double[2 * chunks];
        par.forRange(n, CHUNK, (w, from, to) -> {
            double sx = 0, sy = 0;
            for (int i = from; i < to; i++) {
                for (int d = 2 * i; d < 2 * i + 2; d++) {
                    double g = grad[d], u = update[d];
                    // The last step still goes down the gradient: grow the gain; it overshot: shrink it.
                    gains[d] = Math.signum(u) != Math.signum(g) ? gains[d] + 0.2 : gains[d] * 0.8 + MIN_GAIN;
                    update[d] = momentum * u - learningRate * gains[d] * g;
                }
                double ux = update[2 * i], uy = update[2 * i + 1], len = Math.sqrt(ux * ux + uy * uy);
                if (len > MAX_STEP) {
                    update[2 * i] = ux * MAX_STEP / len;
                    update[2 * i + 1] = uy * MAX_STEP / len;
                }
                y[2 * i] += update[2 * i];
                y[2 * i + 1] += update[2 * i + 1];
                sx += y[2 * i];
                sy += y[2 * i + 1];
            }
            sums[2 * (from / CHUNK)] = sx;
            sums[2 * (from / CHUNK) + 1] = sy;
        });
        double sx = 0, sy = 0;
        for (int c = 0; c < chunks; c++) {
            sx += sums[2 * c];
            sy += sums[2 * c + 1];
        }
        double mx = sx / n, my = sy / n;
        par.forRange(n, CHUNK, (w, from, to) -> {
            for (int i = from; i < to; i++) {
                y[2 * i] -= mx;
                y[2 * i + 1] -= my;
            }
        });
        return kl;
    }

    /**
     * The gradient of {@code KL(P‖Q)} at {@code y} without the factor 4 (into {@code out}, 2n values),
     * attraction scaled by {@code exaggeration}; returns the KL divergence if {@code evaluate}, else NaN.
     */
    double gradient(double[] y, double exaggeration, boolean evaluate, double[] out) {
        double z = repulsion.compute(y, n, rep, par);
        double invZ = 1 / z;
        if (!evaluate) {
            // Coordinates in single precision for the attraction pass: half the memory traffic of its
            // random reads, and cheaper divisions; the sums and the layout itself stay in double.
            par.forRange(2 * n, 8192, (w, from, to) -> {
                for (int d = from; d < to; d++) yf[d] = (float) y[d];
            });
            attraction(exaggeration, invZ, out);
            return Double.NaN;
        }
        int[] rowStart = p.rowStart(), cols = p.col();
        float[] vals = p.weight();
        // Attraction along the edges of P, and Σ p·log(p/w), which is the KL divergence less Σp·log Z;
        // in double (every 50 iterations), so that the KL divergence is exact.
        double klPart = ChunkSums.sum(par, n, CHUNK, (from, to) -> {
            double acc = 0;
            for (int i = from; i < to; i++) {
                double xi = y[2 * i], yi = y[2 * i + 1], fx = 0, fy = 0;
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                    int j = cols[k];
                    double dx = xi - y[2 * j], dy = yi - y[2 * j + 1];
                    double w = 1.0 / (1.0 + dx * dx + dy * dy);
                    fx += vals[k] * w * dx;
                    fy += vals[k] * w * dy;
                    if (vals[k] > 0) acc += vals[k] * Math.log(vals[k] / w);
                }
                out[2 * i] = exaggeration * fx - rep[2 * i] * invZ;
                out[2 * i + 1] = exaggeration * fy - rep[2 * i + 1] * invZ;
            }
            return acc;
        });
        double sumP = 0;
        for (float v : vals) sumP += v;
        return klPart + sumP * Math.log(z);
    }

    /**
     * The attractive forces (times {@code exaggeration}) less the repulsive ones, into {@code out}, in
     * single precision from {@code yf}. The pass streams P (8 bytes an entry), which bounds its speed
     * more than its arithmetic does: evaluating each symmetric edge once where both ends lie in the same
     * chunk, and applying it to both, saved no time.
     */
    private void attraction(double exaggeration, double invZ, double[] out) {
        int[] rowStart = p.rowStart(), cols = p.col();
        float[] vals = p.weight();
        par.forRange(n, CHUNK, (worker, from, to) -> {
            for (int i = from; i < to; i++) {
                float xi = yf[2 * i], yi = yf[2 * i + 1];
                double fx = 0, fy = 0;
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                    int j = cols[k];
                    float dx = xi - yf[2 * j], dy = yi - yf[2 * j + 1];
                    float pw = vals[k] / (1f + dx * dx + dy * dy);
                    fx += pw * dx;
                    fy += pw * dy;
                }
                out[2 * i] = exaggeration * fx - rep[2 * i] * invZ;
                out[2 * i + 1] = exaggeration * fy - rep[2 * i + 1] * invZ;
            }
        });
    }
}
