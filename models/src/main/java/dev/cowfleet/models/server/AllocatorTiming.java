package dev.cowfleet.models.server;

/**
 * When within a batch the allocator reaches the hole pages it reaches: request 1's peak (a fresh
 * worker's first batch) at request 1, and its growth spread evenly over the requests of each stretch
 * between the batch's first visits, in proportion to how much the holes filled over that stretch.
 * The filling is known at each first visit (it follows the collector's high-water marks), and it is
 * front-loaded: a worker's garbage high-water mark is reached in its first requests, so an even spread
 * over a long batch would put the allocator too late. Mutable; one per batch being served.
 */
final class AllocatorTiming {
    /** At most this many stretches: the three first visits and the batch's end, with room to spare. */
    static final int MOST_STRETCHES = 8;
    /** {@link #firstBefore} answers kept per batch: the classes of one hot pool share a miss chance. */
    private static final int KEPT_ANSWERS = 8;

    private long requests;
    private double peak;
    private int stretches;
    /** Each stretch's last request (the first starts after request 0). */
    private final long[] ends = new long[MOST_STRETCHES];
    /** The filling reached at each stretch's end, then (see {@link #spread}) each stretch's share of the batch's growth. */
    private final double[] shares = new double[MOST_STRETCHES];
    private final double[] answeredQ = new double[KEPT_ANSWERS];
    private final double[] answers = new double[KEPT_ANSWERS];
    private int answered;

    /** Starts a batch's stretches. */
    void clear() {
        stretches = 0;
        requests = 0;
        peak = 0;
        answered = 0;
    }

    /** Whether another stretch fits before the batch's last. */
    boolean full() {
        return stretches == MOST_STRETCHES - 1;
    }

    /** The holes were filled to {@code fill} by the end of request {@code end}, before the batch's last. */
    void reached(long end, double fill) {
        ends[stretches] = end;
        shares[stretches] = fill;
        stretches++;
    }

    /**
     * Ends the batch at request {@code k} with the holes filled to {@code after}, and turns the
     * fillings into shares, given the filling {@code before} the batch and request 1's
     * {@code peakPart} of it.
     */
    void spread(long k, double before, double after, double peakPart) {
        ends[stretches] = k;
        shares[stretches] = after;
        stretches++;
        requests = k;
        answered = 0;
        double total = after - before;
        peak = total > 0 ? peakPart / total : 0;
        double previous = before + peakPart;
        for (int m = 0; m < stretches; m++) {
            double fill = Math.max(previous, shares[m]);
            shares[m] = total > 0 ? (fill - previous) / total : 0;
            previous = fill;
        }
    }

    /** The batch's requests. */
    long requests() {
        return requests;
    }

    /** Request 1's peak's share of the batch's reach. */
    double peak() {
        return peak;
    }

    /** The chance that the allocator reached a page it reaches in this batch before request {@code j}. */
    double before(long j) {
        double p = j > 1 ? peak : 0;
        long start = 0;
        for (int m = 0; m < stretches && start < j - 1; m++) {
            long length = ends[m] - start;
            p += shares[m] * Math.min(length, j - 1 - start) / length;
            start = ends[m];
        }
        return p;
    }

    /** The chance that it reached such a page at request {@code j}. */
    double at(long j) {
        long start = 0;
        for (int m = 0; m < stretches; m++) {
            if (j <= ends[m]) {
                return (j == 1 ? peak : 0) + shares[m] / (ends[m] - start);
            }
            start = ends[m];
        }
        return 0;
    }

    /**
     * The chance that the allocator reached such a page before random writes first hit it, given they
     * hit it in this batch at a geometric request J (miss chance {@code q} per request, J <= k);
     * within a request random writes come first, so the allocator wins at a request S < J.
     */
    double firstBefore(double q) {
        if (q <= 0 || requests <= 1) {
            return 0;
        }
        for (int i = 0; i < answered; i++) {
            if (answeredQ[i] == q) {
                return answers[i];
            }
        }
        double answer = firstBeforeAfresh(q);
        if (answered < KEPT_ANSWERS) {
            answeredQ[answered] = q;
            answers[answered++] = answer;
        }
        return answer;
    }

    private double firstBeforeAfresh(double q) {
        double qk = Math.pow(q, requests);
        double hitInBatch = 1 - qk;
        // P(J > s, J <= k) = q^s - q^k for the allocator at request s
        double p = peak * (q - qk);
        long start = 0;
        for (int m = 0; m < stretches; m++) {
            long length = ends[m] - start;
            if (shares[m] > 0) {
                double sumQ = Math.pow(q, start + 1) * geometricSum(q, length); // sum of q^s over the stretch
                p += shares[m] / length * (sumQ - length * qk);
            }
            start = ends[m];
        }
        return Math.max(0, p / hitInBatch);
    }

    /** The mean request at which it reached such a page. */
    double meanRequest() {
        double mean = peak;
        long start = 0;
        for (int m = 0; m < stretches; m++) {
            mean += shares[m] * (start + 1 + ends[m]) / 2.0;
            start = ends[m];
        }
        return mean;
    }

    /** 1 + q + ... + q^(n-1). */
    private static double geometricSum(double q, long n) {
        if (q >= 1) {
            return n;
        }
        return -Math.expm1(n * Math.log(q)) / (1 - q);
    }
}
