package dev.cowfleet.sim.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {
    private static final int DRAWS = 256;

    private static long[] draw(StreamKey key) {
        RandomGenerator generator = RandomStreams.open(key);
        long[] values = new long[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            values[i] = generator.nextLong();
        }
        return values;
    }

    private static List<StreamKey> keys() {
        List<StreamKey> keys = new ArrayList<>();
        for (int replication = 0; replication < 3; replication++) {
            for (int host = StreamKey.NONE; host < 3; host++) {
                for (int worker = StreamKey.NONE; worker < 3; worker++) {
                    for (String purpose : List.of("arrivals", "dirtying", "recycle")) {
                        keys.add(new StreamKey(2017, replication, host, worker, purpose));
                    }
                }
            }
        }
        return keys;
    }

    @Test
    void sameKeyGivesSameSequenceWhateverThreadOrCreationOrder() throws Exception {
        List<StreamKey> keys = keys();
        List<long[]> sequential = new ArrayList<>();
        for (StreamKey key : keys) {
            sequential.add(draw(key));
        }

        List<StreamKey> shuffled = new ArrayList<>(keys);
        Collections.shuffle(shuffled, new java.util.Random(3));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (StreamKey key : shuffled) {
                futures.add(pool.submit(() -> draw(key)));
            }
            for (int i = 0; i < shuffled.size(); i++) {
                int original = keys.indexOf(shuffled.get(i));
                assertArrayEquals(sequential.get(original), futures.get(i).get(), shuffled.get(i).toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void replicationStreamsViewMatchesTheKey() {
        RandomGenerator viaStreams = new RandomStreams(9, 2).stream(4, 5, "arrivals");
        RandomGenerator viaKey = RandomStreams.open(new StreamKey(9, 2, 4, 5, "arrivals"));
        for (int i = 0; i < 100; i++) {
            assertEquals(viaKey.nextLong(), viaStreams.nextLong());
        }
    }

    /** Changing the derivation silently would change every result published for a seed. */
    @Test
    void derivationIsStableAcrossVersions() {
        // published test vectors: FNV-1a 64 of "a"; the first output of SplitMix64 seeded with 0
        assertEquals(0xaf63dc4c8601ec8cL, RandomStreams.fnv1a("a"));
        assertEquals(0xe220a8397b1dcdafL, RandomStreams.mix(0x9e3779b97f4a7c15L));
    }

    @Test
    void differentKeysGiveDistinctSeedsAndSequences() {
        List<StreamKey> keys = keys();
        Set<List<Integer>> seeds = new HashSet<>();
        Set<Long> firstValues = new HashSet<>();
        for (StreamKey key : keys) {
            List<Integer> words = new ArrayList<>();
            for (int word : RandomStreams.seedWords(key)) {
                words.add(word);
            }
            seeds.add(words);
            firstValues.add(RandomStreams.open(key).nextLong());
        }
        assertEquals(keys.size(), seeds.size());
        assertEquals(keys.size(), firstValues.size());
    }

    /**
     * Neighbouring keys (the ones a {@code baseSeed + i} scheme would correlate) must look
     * independent: sample correlation within 4 standard errors of 0 (1/sqrt(n) each).
     */
    @Test
    void neighbouringKeysAreUncorrelated() {
        int n = 20_000;
        double bound = 4 / Math.sqrt(n);
        StreamKey base = new StreamKey(1, 0, 0, 0, "arrivals");
        List<StreamKey> neighbours = List.of(
                new StreamKey(2, 0, 0, 0, "arrivals"),
                new StreamKey(1, 1, 0, 0, "arrivals"),
                new StreamKey(1, 0, 1, 0, "arrivals"),
                new StreamKey(1, 0, 0, 1, "arrivals"),
                new StreamKey(1, 0, 0, 0, "arrivalt"));
        double[] reference = uniforms(base, n);
        PearsonsCorrelation correlation = new PearsonsCorrelation();
        for (StreamKey neighbour : neighbours) {
            double[] other = uniforms(neighbour, n);
            double r = correlation.correlation(reference, other);
            assertTrue(Math.abs(r) < bound, neighbour + ": correlation " + r);
            double lagged = correlation.correlation(
                    Arrays.copyOfRange(reference, 1, n), Arrays.copyOfRange(other, 0, n - 1));
            assertTrue(Math.abs(lagged) < bound, neighbour + ": lag-1 cross correlation " + lagged);
        }
        // host and worker are not interchangeable
        assertTrue(!Arrays.equals(RandomStreams.seedWords(new StreamKey(1, 0, 1, 2, "x")),
                RandomStreams.seedWords(new StreamKey(1, 0, 2, 1, "x"))));
    }

    private static double[] uniforms(StreamKey key, int n) {
        RandomGenerator generator = RandomStreams.open(key);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = generator.nextDouble();
        }
        return values;
    }

    @Test
    void rejectsMalformedKeys() {
        IllegalArgumentException blank =
                assertThrows(IllegalArgumentException.class, () -> new StreamKey(1, 0, 0, 0, " "));
        assertTrue(blank.getMessage().contains("purpose"), blank.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StreamKey(1, -1, 0, 0, "a"));
        assertThrows(IllegalArgumentException.class, () -> new StreamKey(1, 0, -2, 0, "a"));
        assertThrows(IllegalArgumentException.class, () -> new RandomStreams(1, -1));
    }
}
