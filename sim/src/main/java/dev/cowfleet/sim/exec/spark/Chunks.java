package dev.cowfleet.sim.exec.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a task list into contiguous chunks, one per Spark partition. Doing it here rather than
 * letting Spark slice the list means the engine knows how many tasks each partition holds, which is
 * what turns finished Spark tasks into a progress count of cowfleet tasks.
 */
final class Chunks {
    private Chunks() {
    }

    /** Chunk i holds tasks [i*n/count, (i+1)*n/count): sizes differ by at most one, none empty. */
    static <T extends Serializable> List<ArrayList<Indexed<T>>> split(List<T> tasks, int count) {
        if (count < 1 || count > tasks.size()) {
            throw new IllegalArgumentException("chunk count must be between 1 and the " + tasks.size()
                    + " tasks, got " + count);
        }
        List<ArrayList<Indexed<T>>> chunks = new ArrayList<>(count);
        for (int chunk = 0; chunk < count; chunk++) {
            int from = (int) ((long) chunk * tasks.size() / count);
            int to = (int) ((long) (chunk + 1) * tasks.size() / count);
            ArrayList<Indexed<T>> members = new ArrayList<>(to - from);
            for (int index = from; index < to; index++) {
                members.add(new Indexed<>(index, tasks.get(index)));
            }
            chunks.add(members);
        }
        return chunks;
    }
}
