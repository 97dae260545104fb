package dev.cowfleet.models.heap;

/** Splits a whole number of pages by weights so that the parts sum exactly to the whole. */
final class Apportion {
    private Apportion() {
    }

    /** Largest-remainder split of {@code total} proportional to {@code weights} (non-negative). */
    static long[] largestRemainder(long total, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        long[] parts = new long[weights.length];
        if (sum <= 0 || total == 0) {
            return parts;
        }
        double[] remainder = new double[weights.length];
        long assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * (weights[i] / sum);
            parts[i] = (long) Math.floor(exact);
            remainder[i] = exact - parts[i];
            assigned += parts[i];
        }
        for (long left = total - assigned; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            parts[best]++;
            remainder[best] = -1;
        }
        return parts;
    }
}
