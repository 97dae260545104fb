package dev.cowfleet.sim.engine;

import org.apache.commons.math3.random.BitsStreamGenerator;

/**
 * A SplitMix64 generator (Steele, Lea and Flood, 2014): a 64-bit counter stepped by the golden-ratio
 * increment and passed through {@link RandomStreams#mix}. Its whole state is one word, so a
 * generator keyed by a point of the model (a worker lifetime and an instant) costs nothing to open;
 * a host opens one per reading of a worker.
 */
public final class SplitMix64 extends BitsStreamGenerator {
    private static final long GAMMA = 0x9e3779b97f4a7c15L;
    private long state;

    public SplitMix64(long seed) {
        setSeed(seed);
    }

    @Override
    public void setSeed(int seed) {
        setSeed((long) seed);
    }

    @Override
    public void setSeed(int[] seed) {
        long s = 0;
        for (int word : seed) {
            s = RandomStreams.mix(s ^ (word & 0xffffffffL) + GAMMA);
        }
        setSeed(s);
    }

    @Override
    public void setSeed(long seed) {
        state = seed;
        clear();
    }

    @Override
    protected int next(int bits) {
        return (int) (nextLong() >>> (64 - bits));
    }

    @Override
    public long nextLong() {
        state += GAMMA;
        return RandomStreams.mix(state);
    }
}
