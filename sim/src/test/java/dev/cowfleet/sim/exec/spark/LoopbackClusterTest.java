package dev.cowfleet.sim.exec.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.exec.LocalEngine;
import dev.cowfleet.sim.exec.Progress;
import dev.cowfleet.sim.exec.QueueTasks;
import dev.cowfleet.sim.exec.TaskFunction;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine on a real multi-process cluster: a standalone master and two one-core workers on
 * 127.0.0.1, started from the Maven-resolved Spark jars, each executor its own JVM that gets cowfleet's
 * classes only from the jars the driver ships.
 */
@Tag("integration")
class LoopbackClusterTest {
    private static final List<QueueTasks.Point> TASKS = QueueTasks.grid(24, 11, 2000);

    /** Where a task ran: the process, and the location its class was loaded from. */
    record Placement(long pid, String classSource) implements Serializable {
    }

    /** Reports the executor process and class source of each task (tasks are just numbers). */
    record WhereAmI() implements TaskFunction<Integer, Placement> {
        @Override
        public Placement apply(Integer task) {
            return new Placement(ProcessHandle.current().pid(),
                    getClass().getProtectionDomain().getCodeSource().getLocation().toString());
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES) // ~1 minute on a quiet 2-core machine
    void twoWorkersGiveTheLocalEnginesBytesEvenWhenAnExecutorDies(@TempDir Path dir) throws IOException {
        byte[] expected;
        try (LocalEngine local = new LocalEngine(2)) {
            expected = QueueTasks.bytes(local.runAll(TASKS, QueueTasks::simulate, Progress.NONE));
        }
        try (LoopbackSparkCluster cluster =
                     LoopbackSparkCluster.start(2, Duration.ofMinutes(3), Duration.ofMinutes(10))) {
            try (SparkEngine spark = new SparkEngine(
                    SparkJobConf.create(cluster.masterUrl(), cluster.driverSettings(), Optional.empty()), 0)) {
                for (Placement placement : spark.runAll(List.of(1, 2, 3, 4), new WhereAmI(), Progress.NONE)) {
                    assertNotEquals(ProcessHandle.current().pid(), placement.pid(), "ran in the driver");
                    assertTrue(placement.classSource().endsWith("-test-classes.jar"),
                            "test classes should come from the shipped jar, came from " + placement.classSource());
                }

                assertArrayEquals(expected,
                        QueueTasks.bytes(spark.runAll(TASKS, QueueTasks::simulate, Progress.NONE)));

                // The first attempt of one task halts its executor JVM: Spark loses the executor, the
                // worker starts another, the lost tasks run again, and the answer is the same.
                Path marker = dir.resolve("executor-halted");
                FirstAttemptFails executorLoss = new FirstAttemptFails(TASKS.get(3).key(), marker.toString(), true);
                assertArrayEquals(expected, QueueTasks.bytes(spark.runAll(TASKS, executorLoss, Progress.NONE)));
                assertTrue(Files.exists(marker), "an executor should have died");
            } catch (RuntimeException | AssertionError e) {
                e.addSuppressed(new IllegalStateException("cluster logs:\n" + cluster.logs()));
                throw e;
            }
        }
    }
}
