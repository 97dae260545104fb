package dev.cowfleet.sim.exec.spark;

import dev.cowfleet.sim.exec.TaskFunction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * What an executor runs on one partition: the task function on each task of its chunk. A named class
 * rather than a lambda so that exactly the task function, and nothing of the driver, is shipped.
 * Rerunning it (a retried or speculative attempt) gives the same results, because a task is a pure
 * function of its input and its keyed random streams.
 */
final class ApplyToChunk<T extends Serializable, R extends Serializable>
        implements FlatMapFunction<ArrayList<Indexed<T>>, Indexed<R>> {
    private static final long serialVersionUID = 1L;

    private final TaskFunction<T, R> work;

    ApplyToChunk(TaskFunction<T, R> work) {
        this.work = work;
    }

    @Override
    public Iterator<Indexed<R>> call(ArrayList<Indexed<T>> chunk) {
        List<Indexed<R>> results = new ArrayList<>(chunk.size());
        for (Indexed<T> task : chunk) {
            results.add(new Indexed<>(task.index(), work.apply(task.value())));
        }
        return results.iterator();
    }
}
