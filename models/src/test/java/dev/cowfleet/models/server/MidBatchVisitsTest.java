package dev.cowfleet.models.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Who writes a page first when a first visit writes its class inside a batch: the sums of
 * {@link MidBatchVisits#firstWriters} against pages simulated one by one (random writes' first hit,
 * the allocator's and the scan's requests drawn, the order within a request applied), and the
 * allocator's timing against a hand-worked batch. That the whole batch then attributes as requests
 * served one at a time do is {@link PageClassModelAgreesWithReferenceTest}'s per-source check, which
 * fails with the settling left out.
 */
class MidBatchVisitsTest {
    private static final int PAGES = 200_000;

    /**
     * Holes filled from 0: request 1's peak 0.2, 0.6 by request 2, 1.0 by request 10. Shares: peak
     * 0.2 at request 1; 0.4 over requests 1-2; 0.4 over requests 3-10.
     */
    private static AllocatorTiming handWorked() {
        AllocatorTiming t = new AllocatorTiming();
        t.clear();
        t.reached(2, 0.6);
        t.spread(10, 0, 1.0, 0.2);
        return t;
    }

    @Test
    void allocatorTimingFollowsTheFilling() {
        AllocatorTiming t = handWorked();
        assertEquals(0.2, t.peak(), 1e-12);
        assertEquals(0.4, t.at(1), 1e-12);
        assertEquals(0.2, t.at(2), 1e-12);
        assertEquals(0.05, t.at(3), 1e-12);
        assertEquals(0.05, t.at(10), 1e-12);
        assertEquals(0, t.before(1), 1e-12);
        assertEquals(0.4, t.before(2), 1e-12);
        assertEquals(0.6, t.before(3), 1e-12);
        assertEquals(0.2 * 1 + 0.4 * 1.5 + 0.4 * 6.5, t.meanRequest(), 1e-12);
        double q = 0.7;
        double direct = 0;
        for (int s = 1; s <= 10; s++) {
            direct += t.at(s) * (Math.pow(q, s) - Math.pow(q, 10)); // J > s and J <= 10
        }
        assertEquals(direct / (1 - Math.pow(q, 10)), t.firstBefore(q), 1e-12);
    }

    @Test
    void firstWritersAgreeWithPagesSimulatedOneByOne() {
        AllocatorTiming t = handWorked();
        double[][] cases = {
            // q, e, reachA, reachG
            {0.7, 1, 0.5, 0},
            {0.7, 4, 0.5, 0},
            {0.95, 6, 0.8, 0.3},
            {0.5, 9, 0.3, 0.6},
            {1.0, 3, 0.9, 0},
        };
        RandomGenerator rng = new Well19937c(11);
        MidBatchVisits visits = new MidBatchVisits(1);
        for (double[] c : cases) {
            double q = c[0];
            long e = (long) c[1];
            visits.time(t, e);
            visits.firstWriters(q, e, 10, c[2], c[3]);
            int random = 0;
            int allocator = 0;
            for (int p = 0; p < PAGES; p++) {
                long j = firstHit(q, rng);
                long a = rng.nextDouble() < c[2] ? allocatorRequest(t, rng) : Long.MAX_VALUE;
                long g = rng.nextDouble() < c[3] ? 1 + rng.nextInt(10) : Long.MAX_VALUE;
                // within a request: random writes, the allocator, the scan; the first visit ends request e
                if (j <= e && j <= a && j <= g) {
                    random++;
                } else if (a <= e && a < j && a <= g) {
                    allocator++;
                }
            }
            check("random " + java.util.Arrays.toString(c), visits.randomFirst, random);
            check("allocator " + java.util.Arrays.toString(c), visits.allocatorFirst, allocator);
        }
    }

    private static void check(String what, double p, int count) {
        double se = Math.sqrt(p * (1 - p) / PAGES);
        assertTrue(Math.abs(count / (double) PAGES - p) <= 4.5 * se + 1e-9,
                what + ": simulated " + count / (double) PAGES + " vs " + p);
    }

    private static long firstHit(double q, RandomGenerator rng) {
        long j = 1;
        while (rng.nextDouble() < q) {
            j++;
            if (j > 1_000) {
                return Long.MAX_VALUE;
            }
        }
        return j;
    }

    private static long allocatorRequest(AllocatorTiming t, RandomGenerator rng) {
        double u = rng.nextDouble();
        for (long s = 1; s <= 10; s++) {
            u -= t.at(s);
            if (u < 0) {
                return s;
            }
        }
        return 10;
    }
}
