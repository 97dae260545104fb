package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Work that cannot fit or finish is refused before simulating: exit 2, one line naming what drives it,
 * nothing written. Each case used to run out of memory, overflow an array size, or run for hours.
 */
class UnboundedWorkTest {
    private static final String SMALL = Path.of("src", "test", "resources", "cli", "small.yaml").toString();

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "run|--set host.workers=1G --set host.cores=1G|lower host.workers",
        "run|--set sampleEvery=1ns|key 'sampleEvery': 3.0e+11 samples a run (duration 5m / sampleEvery 1ns)",
        "run|--set duration=36500d|raise sampleEvery, shorten duration or lower replications",
        "compare|--set duration=36500d --set sampleEvery=30d|events (workload.requestsPerSecond x duration",
        "run|--replications 1000000|--replications must be at most 10000, got 1000000",
        "plan|--set replications=20000|key 'replications': expected at most 10000, got 20000",
    })
    void refusedBeforeSimulating(String command, String flags, String expected) {
        List<String> args = new ArrayList<>(List.of(command, command.equals("plan")
                ? Path.of("..", "scenarios", "fleet-capacity.yaml").toString() : SMALL));
        args.addAll(List.of(flags.split(" ")));
        if (!command.equals("compare")) {
            args.addAll(List.of("--out", tmp.resolve("out").toString()));
        }
        assertOneLineRefusal(CliRun.of(args), expected);
    }

    @ParameterizedTest(name = "{0} points")
    @CsvSource({"10001"})
    void aSweepGridIsBounded(int points) {
        String seeds = IntStream.rangeClosed(1, points).mapToObj(Integer::toString).collect(Collectors.joining(","));
        CliRun run = CliRun.of("sweep", SMALL, "--vary", "seed=" + seeds, "--out", tmp.resolve("out").toString());
        assertOneLineRefusal(run, "cowfleet: --vary: the grid has more than 10000 points (10001 seed); each point is a "
                + "whole experiment, vary fewer values");
    }

    private void assertOneLineRefusal(CliRun run, String expected) {
        assertEquals(2, run.status(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().contains(expected), run::toString);
        assertEquals("", run.out(), run::toString);
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "nothing written");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
