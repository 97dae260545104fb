package dev.cowfleet.sim.exec.spark;

import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.exec.LocalEngine;
import dev.cowfleet.sim.exec.Progress;
import dev.cowfleet.sim.exec.QueueTasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Benchmark, not a test: the same CPU-bound task list (queue simulations) on the local engine with
 * one and two threads and on a loopback Spark standalone cluster of two one-core workers, for growing
 * task counts. Each engine is warmed up first; cluster start-up is timed separately. Every run's
 * results are checked to be the local engine's bytes. Run it with {@code sim/src/test/spark-bench.sh}.
 */
public final class SparkEngineBenchmark {
    private static final long SEED = 2017;

    private SparkEngineBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int[] counts = args.length == 0 ? new int[] {8, 32, 128}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        int customers = Integer.getInteger("customers", 400_000);
        System.out.printf("task = queue simulation of %,d customers; load average before: %s%n", customers, load());

        Map<Integer, byte[]> expected = new LinkedHashMap<>();
        Map<String, double[]> seconds = new LinkedHashMap<>();
        try (LocalEngine one = new LocalEngine(1)) {
            seconds.put("local[1]", timeAll(one, counts, customers, expected));
        }
        try (LocalEngine two = new LocalEngine(2)) {
            seconds.put("local[2]", timeAll(two, counts, customers, expected));
        }
        long clusterStart = System.nanoTime();
        try (LoopbackSparkCluster cluster = LoopbackSparkCluster.start(2, Duration.ofMinutes(3), Duration.ofMinutes(30));
             SparkEngine spark = new SparkEngine(
                     SparkJobConf.create(cluster.masterUrl(), cluster.driverSettings(), Optional.empty()), 0)) {
            double daemonsUp = elapsed(clusterStart);
            long firstJob = System.nanoTime();
            spark.runAll(QueueTasks.grid(2, SEED + 1, 1000), QueueTasks::simulate, Progress.NONE);
            System.out.printf("cluster: master + 2 workers up in %.1f s, executors ready for a first job after %.1f s%n",
                    daemonsUp, elapsed(firstJob));
            seconds.put("spark 2 workers x 1 core", timeAll(spark, counts, customers, expected));
        }
        System.out.printf("load average after: %s%n%n", load());
        print(counts, seconds);
    }

    /** Times each task count on one engine (after one untimed warm-up run), checking the bytes. */
    private static double[] timeAll(ExecutionEngine engine, int[] counts, int customers, Map<Integer, byte[]> expected) {
        engine.runAll(QueueTasks.grid(4, SEED + 1, customers), QueueTasks::simulate, Progress.NONE);
        double[] times = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            List<QueueTasks.Point> tasks = QueueTasks.grid(counts[i], SEED, customers);
            long start = System.nanoTime();
            byte[] bytes = QueueTasks.bytes(engine.runAll(tasks, QueueTasks::simulate, Progress.NONE));
            times[i] = elapsed(start);
            byte[] reference = expected.putIfAbsent(counts[i], bytes);
            if (reference != null && !Arrays.equals(reference, bytes)) {
                throw new IllegalStateException(engine.describe() + " gave other results for " + counts[i] + " tasks");
            }
            System.out.printf("  %-26s %4d tasks %7.1f s%n", engine.describe(), counts[i], times[i]);
        }
        return times;
    }

    private static void print(int[] counts, Map<String, double[]> seconds) {
        System.out.printf("| %-24s |", "engine");
        for (int count : counts) {
            System.out.printf(" %3d tasks |", count);
        }
        System.out.printf(" s/task at %d |%n", counts[counts.length - 1]);
        seconds.forEach((engine, times) -> {
            System.out.printf("| %-24s |", engine);
            for (double time : times) {
                System.out.printf(" %7.1f s |", time);
            }
            System.out.printf(" %9.3f |%n", times[times.length - 1] / counts[counts.length - 1]);
        });
    }

    private static double elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String load() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? Files.readString(loadavg).trim() : "unknown";
    }
}
