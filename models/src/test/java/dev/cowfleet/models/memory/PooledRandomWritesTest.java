package dev.cowfleet.models.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/**
 * Random writes drawn per {@link HotPools pool} and shared out over its classes must copy, class by
 * class, what explicit pages copy when each draw picks one hot object and the first draw on a clean
 * page copies it: mean and variance of every class's copied pages, and the mean of mutation's share.
 *
 * <p>Classes: three of one hot object per page (they differ elsewhere, e.g. by residence or free
 * slots: one pool), one of two hot objects per page, one immortal class of one per page (refcount
 * draws do not write it: a pool of its own), and one without hot objects.
 */
class PooledRandomWritesTest {
    private static final long[] PAGES = {30, 50, 20, 25, 40, 60};
    private static final double[] HOT_PER_PAGE = {1, 1, 1, 2, 1, 0};
    private static final boolean[] REFCOUNT_WRITES = {true, true, true, true, false, true};
    private static final int TRIALS = 20_000;

    private static RandomWrites writes(double refcountDraws, double mutationDraws) {
        double hot = 0;
        for (int c = 0; c < PAGES.length; c++) {
            hot += PAGES[c] * HOT_PER_PAGE[c];
        }
        double[] none = new double[PAGES.length];
        return new RandomWrites(refcountDraws, mutationDraws, hot, HOT_PER_PAGE, REFCOUNT_WRITES, none, none);
    }

    @Test
    void poolsAreClassesWithTheSameHotObjectsAndRefcountWrites() {
        HotPools pools = writes(1, 1).pools;
        assertEquals(3, pools.size());
        assertArrayEquals(new int[] {0, 1, 2}, pools.members[0]);
        assertArrayEquals(new int[] {3}, pools.members[1]);
        assertArrayEquals(new int[] {4}, pools.members[2]);
        assertArrayEquals(new double[] {1, 2, 1}, pools.hotPerPage);
        assertArrayEquals(new boolean[] {true, true, false}, pools.refcountWrites);
    }

    /** Few draws: occupancy is exact, so variances must agree closely too. */
    @Test
    void aFewDrawsCopyPerClassAsExplicitPagesDo() {
        compare(writes(40, 6), 1, 0.1);
    }

    /** Many draws over two batches: occupancy by its normal law, on pages partly copied already. */
    @Test
    void manyDrawsOverTwoBatchesCopyPerClassAsExplicitPagesDo() {
        compare(writes(90, 10), 2, 0.15);
    }

    private static void compare(RandomWrites w, int batches, double varianceTolerance) {
        int classes = PAGES.length;
        SummaryStatistics[] pooled = stats(classes + 1);
        SummaryStatistics[] explicit = stats(classes + 1);
        RandomGenerator rng = new Well19937c(11);
        for (int t = 0; t < TRIALS; t++) {
            PageLedger ledger = new PageLedger(PAGES, 1);
            double mutationBefore = 0;
            for (int b = 0; b < batches; b++) {
                ledger.beginBatch(false);
                ledger.writeRandomly(1, w, rng);
            }
            for (int c = 0; c < classes; c++) {
                pooled[c].addValue(PAGES[c] - ledger.clean(c));
            }
            pooled[classes].addValue(ledger.copied(CopySource.MUTATION) - mutationBefore);
            long[] copied = new long[classes + 1];
            explicitPages(w, batches, rng, copied);
            for (int c = 0; c <= classes; c++) {
                explicit[c].addValue(copied[c]);
            }
        }
        StringBuilder failures = new StringBuilder();
        for (int c = 0; c <= classes; c++) {
            String what = c < classes ? "class " + c : "mutation";
            double se = Math.sqrt((pooled[c].getVariance() + explicit[c].getVariance()) / TRIALS);
            if (Math.abs(pooled[c].getMean() - explicit[c].getMean()) > 4.5 * se + 1e-9) {
                failures.append(String.format("%s mean %.3f vs %.3f (se %.3f)%n", what, pooled[c].getMean(),
                        explicit[c].getMean(), se));
            }
            // mutation's share is attributed by its expectation: its variance may only be lower
            double ratio = (pooled[c].getVariance() + 1e-9) / (explicit[c].getVariance() + 1e-9);
            boolean varianceAgrees = c < classes ? Math.abs(ratio - 1) <= varianceTolerance : ratio <= 1 + varianceTolerance;
            if (!varianceAgrees) {
                failures.append(String.format("%s variance %.3f vs %.3f%n", what, pooled[c].getVariance(),
                        explicit[c].getVariance()));
            }
        }
        assertTrue(failures.length() == 0, failures.toString());
        assertTrue(pooled[5].getMax() == 0, "a class without hot objects is never written");
    }

    /**
     * The reference: every page and hot object explicit; each batch's draws (refcount and mutation
     * in random order) pick hot objects uniformly; a refcount draw on an immortal page writes nothing;
     * the first write to a clean page copies it. Fills copied pages per class, then mutation's copies.
     */
    private static void explicitPages(RandomWrites w, int batches, RandomGenerator rng, long[] copied) {
        int total = 0;
        for (int c = 0; c < PAGES.length; c++) {
            total += (int) (PAGES[c] * HOT_PER_PAGE[c]);
        }
        int[] classOfObject = new int[total];
        int[] pageOfObject = new int[total];
        int object = 0;
        int page = 0;
        for (int c = 0; c < PAGES.length; c++) {
            for (int p = 0; p < PAGES[c]; p++, page++) {
                for (int h = 0; h < HOT_PER_PAGE[c]; h++) {
                    classOfObject[object] = c;
                    pageOfObject[object++] = page;
                }
            }
        }
        boolean[] dirty = new boolean[page];
        for (int b = 0; b < batches; b++) {
            int refcount = (int) w.refcountDraws();
            int mutation = (int) w.mutationDraws();
            while (refcount + mutation > 0) {
                boolean isMutation = rng.nextInt(refcount + mutation) < mutation;
                if (isMutation) {
                    mutation--;
                } else {
                    refcount--;
                }
                int o = rng.nextInt(total);
                int c = classOfObject[o];
                if ((isMutation || REFCOUNT_WRITES[c]) && !dirty[pageOfObject[o]]) {
                    dirty[pageOfObject[o]] = true;
                    copied[c]++;
                    if (isMutation) {
                        copied[PAGES.length]++;
                    }
                }
            }
        }
    }

    private static SummaryStatistics[] stats(int n) {
        SummaryStatistics[] s = new SummaryStatistics[n];
        for (int i = 0; i < n; i++) {
            s[i] = new SummaryStatistics();
        }
        return s;
    }
}
