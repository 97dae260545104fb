package dev.cowfleet.sim.exec.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engines' promise at the command line: for a seed, {@code --engine spark} writes the same
 * {@code sweep.csv} and {@code summary.json} bytes as {@code --engine local}. SparkEngineTest shows
 * the engine itself is order- and partition-independent; this pins the wiring of sweep and plan to it.
 */
@Tag("spark")
class CliEngineIdentityTest {
    private static final String[] LOCAL = {"--engine", "local", "--threads", "2"};
    private static final String[] SPARK = {"--engine", "spark", "--spark-master", "local[2]"};

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aSweepWritesTheSameSweepCsvOnSparkAsOnTheLocalEngine() {
        Path local = CliCommand.run(CliCommand.SMALL_SWEEP, tmp.resolve("local"), LOCAL);
        Path spark = CliCommand.run(CliCommand.SMALL_SWEEP, tmp.resolve("spark"), SPARK);

        byte[] expected = CliCommand.bytes(local, "sweep.csv");
        // two points x two policies under a header: the comparison is not between two empty files
        assertEquals(5, new String(expected).lines().count(), new String(expected));
        assertArrayEquals(expected, CliCommand.bytes(spark, "sweep.csv"), "sweep.csv differs between engines");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aFleetPlanWritesTheSameSummaryOnSparkAsOnTheLocalEngine() {
        Path local = CliCommand.run(CliCommand.SMALL_PLAN, tmp.resolve("local"), LOCAL);
        Path spark = CliCommand.run(CliCommand.SMALL_PLAN, tmp.resolve("spark"), SPARK);

        for (String file : new String[] {"summary.json", "policies.csv", "timeseries.csv"}) {
            assertArrayEquals(CliCommand.bytes(local, file), CliCommand.bytes(spark, file),
                    file + " differs between engines");
        }
    }
}
