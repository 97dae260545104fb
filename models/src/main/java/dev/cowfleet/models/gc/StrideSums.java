package dev.cowfleet.models.gc;

/**
 * Sums of a periodic sequence taken every {@code stride} elements, in O(1).
 *
 * <p>Positions {@code p, p + s, p + 2s, ...} (mod the period) run through one coset of
 * gcd(s, period) before repeating; storing each coset in traversal order with prefix sums turns
 * any such sum into whole laps plus one slice.
 */
final class StrideSums {
    private final long stride;
    private final int period;
    private final int step;
    private final int cosets;
    private final int cosetLength;
    private final int[] orderIndex;   // position -> index within its coset's traversal
    private final long[] prefix;      // per coset: cosetLength + 1 prefix sums, concatenated

    StrideSums(long[] values, long stride) {
        this.stride = stride;
        this.period = values.length;
        int s = (int) (stride % period);
        int g = gcd(s, period);
        this.step = s;
        this.cosets = g;
        this.cosetLength = period / g;
        this.orderIndex = new int[period];
        this.prefix = new long[g * (cosetLength + 1)];
        for (int c = 0; c < g; c++) {
            int p = c;
            int base = c * (cosetLength + 1);
            for (int k = 0; k < cosetLength; k++) {
                orderIndex[p] = k;
                prefix[base + k + 1] = prefix[base + k] + values[p];
                p = (p + step) % period;
            }
        }
    }

    long stride() {
        return stride;
    }

    /** Sum of {@code n} values starting at position {@code start}, stepping by the stride. */
    long sum(long start, long n) {
        int coset = (int) (start % cosets);
        int base = coset * (cosetLength + 1);
        int k0 = orderIndex[(int) start];
        long lap = prefix[base + cosetLength];
        long total = (n / cosetLength) * lap;
        int rest = (int) (n % cosetLength);
        int end = k0 + rest;
        if (end <= cosetLength) {
            total += prefix[base + end] - prefix[base + k0];
        } else {
            total += lap - prefix[base + k0] + prefix[base + end - cosetLength];
        }
        return total;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
