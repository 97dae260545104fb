package dev.cowfleet.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void handComputedMoments() {
        Tally tally = new Tally();
        for (double v : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            tally.add(v);
        }
        assertEquals(8, tally.count());
        assertEquals(5.0, tally.mean(), 1e-15);
        assertEquals(32.0 / 7, tally.variance(), 1e-14); // squared deviations sum to 32
        assertEquals(2.0, tally.min());
        assertEquals(9.0, tally.max());
    }

    @Test
    void emptyTallyReportsNaN() {
        Tally tally = new Tally();
        assertEquals(0, tally.count());
        assertTrue(Double.isNaN(tally.mean()));
        assertTrue(Double.isNaN(tally.variance()));
        assertTrue(Double.isNaN(tally.min()));
        assertTrue(Double.isNaN(tally.quantile(0.5)));
    }

    @Test
    void exactQuantilesInterpolateBetweenOrderStatistics() {
        Tally tally = new Tally(100);
        for (int v = 10; v >= 1; v--) {
            tally.add(v);
        }
        assertTrue(tally.quantilesExact());
        assertEquals(5.5, tally.quantile(0.5), 1e-12); // rank 4.5 between 5 and 6
        assertEquals(9.1, tally.quantile(0.9), 1e-12); // rank 8.1 between 9 and 10
    }

    @Test
    void largeSamplesSwitchToBoundedEstimatesThatStayAccurate() {
        Tally tally = new Tally(1000);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            tally.add(random.nextDouble());
        }
        assertFalse(tally.quantilesExact());
        assertEquals(0.5, tally.quantile(0.5), 0.01);
        assertEquals(0.99, tally.quantile(0.99), 0.005);
        assertEquals(1.0 / 12, tally.variance(), 0.001);
    }

    @Test
    void mergeOfPartsEqualsTheWhole() {
        SplittableRandom random = new SplittableRandom(5);
        Tally whole = new Tally(1000);
        Tally left = new Tally(1000);
        Tally right = new Tally(1000);
        for (int i = 0; i < 700; i++) {
            double v = 1e6 + random.nextGaussian() * 3; // a large offset tests the pairwise formula
            whole.add(v);
            (i < 300 ? left : right).add(v);
        }
        left.merge(right);
        assertEquals(whole.count(), left.count());
        assertEquals(whole.mean(), left.mean(), 1e-9);
        assertEquals(whole.variance(), left.variance(), 1e-9);
        assertEquals(whole.min(), left.min());
        assertEquals(whole.max(), left.max());
        assertTrue(left.quantilesExact());
        assertEquals(whole.quantile(0.5), left.quantile(0.5), 1e-9);
        assertEquals(whole.quantile(0.9), left.quantile(0.9), 1e-9);
    }

    @Test
    void largeMergedTalliesAnswerAsTheWhole() {
        SplittableRandom random = new SplittableRandom(9);
        Tally whole = new Tally(100);
        Tally left = new Tally(100);
        Tally right = new Tally(100);
        for (int i = 0; i < 5_000; i++) {
            double v = 2e8 + 1e7 * random.nextGaussian();
            whole.add(v);
            (i < 60 ? left : right).add(v); // one side still exact, the other not
        }
        left.merge(right);
        assertFalse(left.quantilesExact());
        assertEquals(whole.quantile(0.5), left.quantile(0.5), 0.0);
        assertEquals(whole.quantile(0.99), left.quantile(0.99), 0.0);
    }

    @Test
    void mergeOfLargeTalliesKeepsQuantilesCloseAndIsNotAffectedByLaterAdds() {
        SplittableRandom random = new SplittableRandom(8);
        Tally a = new Tally(100);
        Tally b = new Tally(100);
        Tally small = new Tally(100);
        for (int i = 0; i < 50_000; i++) {
            a.add(random.nextDouble());
            b.add(random.nextDouble());
        }
        for (int i = 0; i < 50; i++) {
            small.add(random.nextDouble());
        }
        small.merge(a); // exact side into an estimated one
        a.merge(b);     // two estimated sides
        assertEquals(100_000, a.count());
        assertEquals(50_050, small.count());
        assertEquals(0.5, a.quantile(0.5), 0.01);
        assertEquals(0.9, a.quantile(0.9), 0.01);
        assertEquals(0.5, small.quantile(0.5), 0.01);

        double before = a.quantile(0.9);
        for (int i = 0; i < 10_000; i++) {
            b.add(5.0);
        }
        assertEquals(before, a.quantile(0.9), 0.0, "merged tally must not share state with its source");
    }

    @Test
    void anEmptyLikeTallyKeepsTheExactLimit() {
        Tally source = new Tally(3);
        Tally like = source.emptyLike();
        for (int i = 1; i <= 3; i++) {
            like.add(i);
        }
        assertTrue(like.quantilesExact());
        like.add(4);
        assertFalse(like.quantilesExact(), "the exact limit is the source's");
    }

    @Test
    void mergingATallyIntoItselfCountsEveryValueTwice() {
        for (int n : new int[] {10, 30}) { // stays exact; crosses the exact limit while merging
            Tally tally = new Tally(20);
            for (int i = 1; i <= n; i++) {
                tally.add(i);
            }
            tally.merge(tally);
            assertEquals(2L * n, tally.count());
            assertEquals((n + 1) / 2.0, tally.mean(), 1e-12);
            assertEquals((n + 1) / 2.0, tally.quantile(0.5), n > 20 ? 1.0 : 1e-12);
        }
    }

    @Test
    void answersAnyLevelAndRejectsLevelsOutsideZeroToOneAndMismatchedMerges() {
        Tally tally = new Tally(10);
        for (int i = 1; i <= 5; i++) {
            tally.add(i);
        }
        assertEquals(4.0, tally.quantile(0.75), 0.0);
        assertEquals(1.0, tally.quantile(0), 0.0);
        assertEquals(5.0, tally.quantile(1), 0.0);
        IllegalArgumentException outside =
                assertThrows(IllegalArgumentException.class, () -> tally.quantile(1.5));
        assertTrue(outside.getMessage().contains("1.5"), outside.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tally.merge(new Tally(11)));
        assertThrows(IllegalArgumentException.class, () -> tally.add(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> tally.add(Double.POSITIVE_INFINITY));
    }

    @Test
    void survivesSerializationInBothModes() throws Exception {
        Tally small = new Tally(50);
        Tally large = new Tally(50);
        for (int i = 0; i < 40; i++) {
            small.add(i);
        }
        for (int i = 0; i < 4000; i++) {
            large.add(i % 97);
        }
        for (Tally original : new Tally[] {small, large}) {
            Tally copy = roundTrip(original);
            assertEquals(original.count(), copy.count());
            assertEquals(original.mean(), copy.mean());
            assertEquals(original.variance(), copy.variance());
            assertEquals(original.quantile(0.5), copy.quantile(0.5));
            copy.add(1000);
            assertEquals(original.count() + 1, copy.count());
        }
    }

    static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            @SuppressWarnings("unchecked")
            T copy = (T) in.readObject();
            return copy;
        }
    }
}
