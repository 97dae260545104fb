package dev.cowfleet.sim.exec.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.exec.Engines;
import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.exec.LocalEngine;
import dev.cowfleet.sim.exec.Progress;
import dev.cowfleet.sim.exec.QueueTasks;
import dev.cowfleet.sim.exec.TaskFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Spark engine in local mode (executors are threads of this JVM) against the local engine. */
@Tag("spark")
class SparkEngineTest {
    private static final List<QueueTasks.Point> TASKS = QueueTasks.grid(20, 7, 400);
    private static final TaskFunction<QueueTasks.Point, QueueTasks.Figures> SIMULATE = QueueTasks::simulate;
    private static byte[] localBytes;

    @BeforeAll
    static void runOnTheLocalEngine() {
        try (LocalEngine local = new LocalEngine(2)) {
            List<QueueTasks.Figures> figures = local.runAll(TASKS, SIMULATE, Progress.NONE);
            // Distinct results per task, so that a result put back in the wrong place would show.
            assertEquals(TASKS.size(), new HashSet<>(figures).size());
            localBytes = QueueTasks.bytes(figures);
        }
    }

    private static SparkEngine engine(String master, int partitions) {
        return new SparkEngine(SparkJobConf.create(master, Map.of(), Optional.empty()), partitions);
    }

    @ParameterizedTest(name = "{0} in {1} partitions")
    @CsvSource({"local[1], 1", "local[2], 3", "local[2], 7", "local[2], 0"})
    void sameBytesAsTheLocalEngineWhateverThePartitioning(String master, int partitions) {
        try (SparkEngine spark = engine(master, partitions)) {
            assertArrayEquals(localBytes, QueueTasks.bytes(spark.runAll(TASKS, SIMULATE, Progress.NONE)));
        }
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndTheAnswerDoesNotChange(@TempDir Path dir) {
        Path marker = dir.resolve("failed-once");
        FirstAttemptFails flaky = new FirstAttemptFails(TASKS.get(5).key(), marker.toString(), false);
        // local[N,F]: N threads, each task tried up to F times.
        try (SparkEngine spark = engine("local[2,3]", 4)) {
            assertArrayEquals(localBytes, QueueTasks.bytes(spark.runAll(TASKS, flaky, Progress.NONE)));
        }
        assertTrue(Files.exists(marker), "the first attempt should have failed");
    }

    @Test
    void withoutRetriesTheTaskFailureReachesTheCallerAsItself(@TempDir Path dir) {
        FirstAttemptFails flaky = new FirstAttemptFails(TASKS.get(5).key(), dir.resolve("m").toString(), false);
        try (SparkEngine spark = engine("local[2]", 0)) {
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> spark.runAll(TASKS, flaky, Progress.NONE));
            assertEquals(FirstAttemptFails.MESSAGE + " of task " + TASKS.get(5).key(), error.getMessage());
        }
    }

    @Test
    void progressCountsTasksOfFinishedPartitions() {
        // Four partitions of 2, 2, 2 and 3 tasks run one after the other; each takes long enough
        // (sleeps) for Spark's listener thread to report it before the next one ends.
        List<Integer> tasks = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8);
        TaskFunction<Integer, Integer> slow = task -> {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return task * task;
        };
        List<long[]> reports = new CopyOnWriteArrayList<>();
        try (SparkEngine spark = engine("local[1]", 4)) {
            List<Integer> squares = spark.runAll(tasks, slow, (done, total) -> reports.add(new long[] {done, total}));
            assertEquals(List.of(0, 1, 4, 9, 16, 25, 36, 49, 64), squares);
        }
        List<Long> done = new ArrayList<>();
        for (long[] report : reports) {
            assertEquals(9, report[1]);
            done.add(report[0]);
        }
        assertEquals(List.of(2L, 4L, 6L, 9L), done);
    }

    @Test
    void anEmptyTaskListRunsNoJob() {
        try (SparkEngine spark = engine("local[1]", 0)) {
            assertTrue(spark.runAll(List.<Integer>of(), task -> task, Progress.NONE).isEmpty());
            assertEquals("spark(local[1])", spark.describe());
        }
    }

    @Test
    void aMasterSparkCannotParseIsBadInput() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> engine("local[two]", 0));
        assertTrue(error.getMessage().startsWith("--spark-master 'local[two]' is not a master URL"), error.getMessage());
    }

    @Test
    void theFactoryLoadsTheSparkEngineByName() {
        try (ExecutionEngine spark = Engines.create("spark", 2, "local[1]")) {
            assertEquals("spark(local[1])", spark.describe());
            assertEquals(List.of(2, 4), spark.runAll(List.of(1, 2), task -> 2 * task, Progress.NONE));
        }
        // The engine's own bad-input errors come through the reflective call unchanged.
        assertThrows(IllegalArgumentException.class, () -> Engines.create("spark", 2, "local[two]"));
    }

    @Test
    void aClusterMasterWithoutAnApplicationJarIsBadInput() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SparkJobConf.create("spark://127.0.0.1:7077", Map.of(), Optional.empty()));
        assertTrue(error.getMessage().contains("need cowfleet's classes in a jar"), error.getMessage());
        assertFalse(SparkJobConf.runsInThisJvm("local-cluster[2,1,1024]"));
        assertEquals("/x/cowfleet.jar", SparkJobConf.create("spark://127.0.0.1:7077", Map.of(),
                Optional.of(Path.of("/x/cowfleet.jar"))).get("spark.jars"));
    }
}
