package org.embedscope.layout.umap;

/**
 * UMAP's low-dimensional similarity curve {@code 1 / (1 + a·d^(2b))}, fitted by least squares to the
 * target {@code 1} for {@code d < min_dist} and {@code exp(−(d − min_dist)/spread)} beyond, sampled at
 * 300 points on [0, 3·spread] (as umap-learn does). The two parameters come from Levenberg–Marquardt
 * iterations on the 2×2 normal equations.
 */
public final class CurveFit {
    private CurveFit() {}

    /** The fitted {@code {a, b}} for the given {@code minDist} and {@code spread}. */
    public static double[] fitAB(double minDist, double spread) {
        if (!(spread > 0)) throw new IllegalArgumentException("spread must be positive, was " + spread);
        if (!(minDist >= 0) || minDist > spread) {
            throw new IllegalArgumentException("min_dist must be in [0, spread], was " + minDist);
        }
        int m = 300;
        double[] xs = new double[m], ys = new double[m];
        for (int i = 0; i < m; i++) {
            xs[i] = 3 * spread * i / (m - 1);
            ys[i] = xs[i] < minDist ? 1 : Math.exp(-(xs[i] - minDist) / spread);
        }
        double a = 1, b = 1, lambda = 1e-3;
        double cost = cost(xs, ys, a, b);
        for (int it = 0; it < 500; it++) {
            // Jacobian of the residual r = f(x; a, b) − y with f = 1/(1 + a·x^(2b)).
            double jtj00 = 0, jtj01 = 0, jtj11 = 0, jtr0 = 0, jtr1 = 0;
            for (int i = 0; i < m; i++) {
                double x = xs[i];
                double p = x > 0 ? Math.pow(x, 2 * b) : 0;
                double den = 1 + a * p;
                double f = 1 / den;
                double r = f - ys[i];
                double da = -p / (den * den);
                double db = x > 0 ? -a * p * 2 * Math.log(x) / (den * den) : 0;
                jtj00 += da * da;
                jtj01 += da * db;
                jtj11 += db * db;
                jtr0 += da * r;
                jtr1 += db * r;
            }
            boolean improved = false;
            while (lambda < 1e12) {
                double h00 = jtj00 * (1 + lambda), h11 = jtj11 * (1 + lambda), h01 = jtj01;
                double det = h00 * h11 - h01 * h01;
                double stepA = -(h11 * jtr0 - h01 * jtr1) / det;
                double stepB = -(h00 * jtr1 - h01 * jtr0) / det;
                double na = a + stepA, nb = b + stepB;
                double c = na > 0 && nb > 0 ? cost(xs, ys, na, nb) : Double.POSITIVE_INFINITY;
                if (c < cost) {
                    boolean small = Math.abs(stepA) <= 1e-12 * (1 + Math.abs(a)) && Math.abs(stepB) <= 1e-12 * (1 + Math.abs(b));
                    a = na;
                    b = nb;
                    lambda = Math.max(lambda / 10, 1e-12);
                    improved = !small && cost - c > 1e-16 * cost;
                    cost = c;
                    break;
                }
                lambda *= 10;
            }
            if (!improved) break;
        }
        return new double[] {a, b};
    }

    private static double cost(double[] xs, double[] ys, double a, double b) {
        double s = 0;
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            double f = 1 / (1 + a * (x > 0 ? Math.pow(x, 2 * b) : 0));
            s += (f - ys[i]) * (f - ys[i]);
        }
        return s;
    }
}
