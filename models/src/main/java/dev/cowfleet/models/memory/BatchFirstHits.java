package dev.cowfleet.models.memory;

import java.util.Arrays;

/**
 * Pages each source was first to write in the current batch (expected counts), per source and
 * class: what a sweep processed later in the batch needs to claim the pages it actually reached
 * first. It remembers which entries the batch wrote, so that starting the next batch clears only
 * those: after a worker's first minutes a batch writes a class or two, not the whole table, and
 * a sweep finds the entries of classes it no longer tells apart from that list.
 */
final class BatchFirstHits {
    private static final CopySource[] SOURCES = CopySource.values();
    private static final int SOURCE_COUNT = SOURCES.length;
    private final double[] hits;
    private final int[] written;
    private final boolean[] isWritten;
    private int writtenCount;

    BatchFirstHits(int classes) {
        this.hits = new double[SOURCE_COUNT * classes];
        this.written = new int[hits.length];
        this.isWritten = new boolean[hits.length];
    }

    BatchFirstHits(BatchFirstHits o) {
        this.hits = o.hits.clone();
        this.written = o.written.clone();
        this.isWritten = o.isWritten.clone();
        this.writtenCount = o.writtenCount;
    }

    /** Takes {@code o}'s state without allocating (same shape). */
    void copyFrom(BatchFirstHits o) {
        System.arraycopy(o.hits, 0, hits, 0, hits.length);
        System.arraycopy(o.written, 0, written, 0, o.writtenCount);
        System.arraycopy(o.isWritten, 0, isWritten, 0, isWritten.length);
        writtenCount = o.writtenCount;
    }

    /** Starts a batch: every entry back to 0, at the cost of the entries the last batch wrote. */
    void clear() {
        for (int i = 0; i < writtenCount; i++) {
            hits[written[i]] = 0;
            isWritten[written[i]] = false;
        }
        writtenCount = 0;
    }

    /** Clears every entry, whatever was written (for a ledger reset to its fork state). */
    void clearAll() {
        Arrays.fill(hits, 0);
        Arrays.fill(isWritten, false);
        writtenCount = 0;
    }

    /** Source {@code s} first wrote {@code n} more pages of class {@code c} (negative to take them back). */
    void add(CopySource s, int c, double n) {
        int at = c * SOURCE_COUNT + s.ordinal();
        if (n != 0 && !isWritten[at]) {
            isWritten[at] = true;
            written[writtenCount++] = at;
        }
        hits[at] += n;
    }

    double get(CopySource s, int c) {
        return hits[c * SOURCE_COUNT + s.ordinal()];
    }

    /** Entries written in this batch so far, each a (source, class) pair; see {@link #writtenClass}. */
    int writtenCount() {
        return writtenCount;
    }

    /** The class of the {@code i}-th entry written in this batch. */
    int writtenClass(int i) {
        return written[i] / SOURCE_COUNT;
    }

    /** The source of the {@code i}-th entry written in this batch. */
    CopySource writtenSource(int i) {
        return SOURCES[written[i] % SOURCE_COUNT];
    }
}
