package dev.cowfleet.models.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/**
 * A batch whose random writes leave a clean hot page with a chance below 2^-53 takes every hot page
 * without drawing, attributing mutation its share of the draws that can write each page; a batch
 * short of that certainty draws as before. Pages as in {@link PooledRandomWritesTest}: 30, 50, 20
 * pages of one hot object, 25 of two, 40 immortal ones of one (mutation only), 60 without any.
 */
class SaturatedRandomWritesTest {
    private static final long[] PAGES = {30, 50, 20, 25, 40, 60};
    private static final double[] HOT_PER_PAGE = {1, 1, 1, 2, 1, 0};
    private static final boolean[] REFCOUNT_WRITES = {true, true, true, true, false, true};
    /** 30 + 50 + 20 + 50 + 40 hot objects. */
    private static final double HOT = 190;

    private static RandomWrites writes() {
        double[] none = new double[PAGES.length];
        return new RandomWrites(40, 10, HOT, HOT_PER_PAGE, REFCOUNT_WRITES, none, none);
    }

    /** A generator that counts its outputs. */
    private static final class Counting extends MersenneTwister {
        long outputs;

        Counting() {
            super(7);
        }

        @Override
        protected int next(int bits) {
            outputs++;
            return super.next(bits);
        }
    }

    @Test
    void enoughRequestsTakeEveryHotPageWithoutDrawing() {
        PageLedger ledger = new PageLedger(PAGES, 1);
        Counting rng = new Counting();
        // the immortal class is the slowest: 10 mutation draws a request, each missing a page with
        // chance 189/190; 2^-53 over 165 pages needs about 42 / ln(190/189) / 10 = 790 requests
        long copied = ledger.writeRandomly(1_000, writes(), rng);
        assertEquals(0, rng.outputs, "no draw");
        assertEquals(165, copied);
        for (int c = 0; c < 5; c++) {
            assertEquals(0, ledger.clean(c), "class " + c);
        }
        assertEquals(60, ledger.clean(5));
        // refcount-writable pages: mutation's share 10 / 50; immortal ones: all mutation
        assertEquals(125 * 0.2 + 40, ledger.copied(CopySource.MUTATION), 1e-9);
        assertEquals(125 * 0.8, ledger.copied(CopySource.REFCOUNT), 1e-9);
    }

    @Test
    void fewerRequestsStillDraw() {
        PageLedger ledger = new PageLedger(PAGES, 1);
        Counting rng = new Counting();
        // 600 requests leave an immortal page clean with chance (189/190)^6000 = 2e-14 each: not certain
        ledger.writeRandomly(600, writes(), rng);
        assertTrue(rng.outputs > 0, "drawn");
    }
}
