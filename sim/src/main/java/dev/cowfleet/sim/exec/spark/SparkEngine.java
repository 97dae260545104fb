package dev.cowfleet.sim.exec.spark;

import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.exec.Progress;
import dev.cowfleet.sim.exec.TaskFunction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs a task list as one Spark job: the tasks, numbered, are cut into contiguous chunks (one
 * partition each), executors apply the task function, and the driver puts the collected results back
 * in task order. The answer therefore does not depend on the master, the partitioning or on which
 * attempts Spark retried: every task is a pure function of its input and keyed random streams.
 */
public final class SparkEngine implements ExecutionEngine {
    /** The local property that tags the jobs of one {@link #runAll} call for its progress listener. */
    static final String RUN_PROPERTY = "cowfleet.run";

    private final JavaSparkContext spark;
    private final int partitions;
    private final AtomicLong runs = new AtomicLong();

    /**
     * @param conf       a complete Spark configuration (master, jars, ...)
     * @param partitions how many partitions a task list is cut into, at most one per task; 0 means one
     *                   per task, which suits cowfleet's coarse tasks (seconds each): Spark's per-task
     *                   cost (tens of milliseconds) is small beside them, the load balances best, and a
     *                   lost executor reruns least
     */
    SparkEngine(SparkConf conf, int partitions) {
        if (partitions < 0) {
            throw new IllegalArgumentException("partitions must be 0 (one per task) or more, got " + partitions);
        }
        this.partitions = partitions;
        this.spark = startContext(conf);
    }

    /**
     * The engine behind {@code --engine spark [--spark-master URL]}; called reflectively by
     * {@code Engines} so that nothing loads Spark classes unless this engine is asked for.
     *
     * @param master a master URL, or null for the one spark-submit set, else {@code local[*]}
     */
    public static SparkEngine start(String master) {
        return new SparkEngine(SparkJobConf.create(master, Map.of(), SparkJobConf.applicationJar()), 0);
    }

    @Override
    public <T extends Serializable, R extends Serializable> List<R> runAll(List<T> tasks, TaskFunction<T, R> work,
                                                                          Progress progress) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        int chunkCount = partitions == 0 ? tasks.size() : Math.min(partitions, tasks.size());
        List<ArrayList<Indexed<T>>> chunks = Chunks.split(tasks, chunkCount);
        int[] chunkSizes = chunks.stream().mapToInt(List::size).toArray();
        String runId = "run-" + runs.incrementAndGet();
        ChunkProgress listener = new ChunkProgress(runId, chunkSizes, progress);
        spark.sc().addSparkListener(listener);
        spark.setLocalProperty(RUN_PROPERTY, runId);
        try {
            List<Indexed<R>> collected = spark.parallelize(chunks, chunks.size())
                    .flatMap(new ApplyToChunk<>(work))
                    .collect();
            listener.allFinished();
            return inTaskOrder(collected, tasks.size());
        } catch (Exception e) { // Spark's Scala code throws the checked SparkException undeclared
            throw asTaskFailure(e);
        } finally {
            spark.setLocalProperty(RUN_PROPERTY, null);
            spark.sc().removeSparkListener(listener);
        }
    }

    private static <R extends Serializable> List<R> inTaskOrder(List<Indexed<R>> collected, int taskCount) {
        List<R> results = new ArrayList<>(Collections.nCopies(taskCount, null));
        boolean[] seen = new boolean[taskCount];
        for (Indexed<R> result : collected) {
            if (seen[result.index()]) {
                throw new IllegalStateException("Spark returned task " + result.index() + " twice");
            }
            seen[result.index()] = true;
            results.set(result.index(), result.value());
        }
        if (collected.size() != taskCount) {
            throw new IllegalStateException("Spark returned " + collected.size() + " results for " + taskCount
                    + " tasks");
        }
        return results;
    }

    /**
     * A job aborts with a SparkException whose cause is the failing task's own exception (shipped back
     * from the executor); rethrowing that cause lets a bad input read the same as with the local engine.
     */
    private static RuntimeException asTaskFailure(Exception failure) {
        if (failure instanceof SparkException && failure.getCause() instanceof RuntimeException taskFailure) {
            return taskFailure;
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException("the Spark job failed: " + failure.getMessage(), failure);
    }

    @Override
    public String describe() {
        return "spark(" + spark.master() + ")";
    }

    @Override
    public void close() {
        spark.stop();
    }

    private static JavaSparkContext startContext(SparkConf conf) {
        String master = conf.get("spark.master");
        try {
            return new JavaSparkContext(conf);
        } catch (Exception e) { // SparkException, undeclared
            if (e instanceof SparkException && String.valueOf(e.getMessage()).startsWith("Could not parse Master URL")) {
                throw new IllegalArgumentException("--spark-master '" + master + "' is not a master URL Spark "
                        + "accepts, e.g. local[*], local[4], spark://HOST:7077, yarn, k8s://HOST:PORT", e);
            }
            throw new IllegalStateException("could not start Spark with master " + master + ": " + e.getMessage(), e);
        }
    }
}
