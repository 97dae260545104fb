package dev.cowfleet.sim.exec;

import java.io.Serializable;
import java.util.List;

/**
 * The seam between simulation and execution: something that applies one function to a list of
 * independent tasks (what-if point, policy, replication, host range) and hands back their results
 * in task order. Simulation code never knows whether threads or a cluster ran it; because every
 * task carries its own keyed random streams and results come back in task order, the answer is the
 * same byte for byte whatever runs it.
 */
public interface ExecutionEngine extends AutoCloseable {

    /**
     * Runs {@code work} on every task.
     *
     * @return one result per task, in the order of {@code tasks}
     */
    <T extends Serializable, R extends Serializable> List<R> runAll(List<T> tasks, TaskFunction<T, R> work,
                                                                   Progress progress);

    /** A short name for logs and run-info.json, e.g. "local[2]" or "spark(local[*])". */
    String describe();

    @Override
    void close();
}
