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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine on a real multi-process cluster: a standalone master and two one-core workers on
 * 127.0.0.1, started from the Maven-resolved Spark jars, each executor its own JVM that gets cowfleet's
 * classes only from the jars the driver ships. One cluster serves all tests of the class (starting one
 * takes tens of seconds) and is always stopped after them.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoopbackClusterTest {
    private static final List<QueueTasks.Point> TASKS = QueueTasks.grid(24, 11, 2000);

    private LoopbackSparkCluster cluster;

    @BeforeAll
    void startCluster() throws IOException {
        cluster = LoopbackSparkCluster.start(2, Duration.ofMinutes(3), Duration.ofMinutes(10));
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

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
            attachClusterLogs(e);
            throw e;
        }
    }

    /**
     * The command line's own path to a cluster ({@code --engine spark --spark-master spark://...}) on a
     * real sweep. The CLI ships the jar its classes came from; run from target/classes there is none,
     * so the cluster's application jars go in as the {@code spark.*} system properties that
     * spark-submit would set and that the CLI's Spark configuration reads.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // ~1 minute on a busy 2-core machine
    void theSweepCommandWritesTheLocalEnginesSweepCsvOnTheCluster(@TempDir Path dir) {
        Path local = CliCommand.run(CliCommand.SMALL_SWEEP, dir.resolve("local"), "--engine", "local",
                "--threads", "2");
        Map<String, String> previous = setSystemProperties(cluster.driverSettings());
        try {
            Path spark = CliCommand.run(CliCommand.SMALL_SWEEP, dir.resolve("spark"), "--engine", "spark",
                    "--spark-master", cluster.masterUrl());
            assertArrayEquals(CliCommand.bytes(local, "sweep.csv"), CliCommand.bytes(spark, "sweep.csv"),
                    "sweep.csv differs between the local engine and the cluster");
        } catch (RuntimeException | AssertionError e) {
            attachClusterLogs(e);
            throw e;
        } finally {
            setSystemProperties(previous);
        }
    }

    /** Sets (or, for a null value, clears) system properties; returns the values they had before. */
    private static Map<String, String> setSystemProperties(Map<String, String> values) {
        Map<String, String> before = new HashMap<>();
        values.forEach((key, value) -> {
            before.put(key, System.getProperty(key));
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
        return before;
    }

    private void attachClusterLogs(Throwable failure) {
        failure.addSuppressed(new IllegalStateException("cluster logs:\n" + cluster.logs()));
    }
}
