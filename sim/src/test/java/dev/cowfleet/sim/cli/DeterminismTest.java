package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.json is a pure function of scenario, seed and replications: not of --threads, not of the clock. */
class DeterminismTest {
    @TempDir
    Path tmp;

    @Test
    void sameSummaryWhateverTheThreadsAndAnotherForAnotherSeed() throws IOException {
        byte[] oneThread = summary("one-thread", "--threads", "1");
        byte[] twoThreads = summary("two-threads", "--threads", "2");
        byte[] otherSeed = summary("other-seed", "--threads", "2", "--seed", "7");

        assertArrayEquals(oneThread, twoThreads, "--threads 1 and --threads 2 must write the same bytes");
        // every file but run-info.json (wall time, threads): CSVs, charts (SVG ids included) and the page
        try (var files = Files.list(tmp.resolve("one-thread"))) {
            List<Path> written = files.toList();
            assertTrue(written.stream().anyMatch(f -> f.toString().endsWith(".svg")), "the run draws charts: " + written);
            for (Path file : written) {
                String name = file.getFileName().toString();
                if (!name.equals("run-info.json")) {
                    assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(tmp.resolve("two-threads").resolve(name)),
                            name + " differs between --threads 1 and --threads 2");
                }
            }
        }
        assertFalse(new String(oneThread).equals(new String(otherSeed)), "another seed draws other traffic");
        assertEquals(7, ShippedRun.readJson(tmp.resolve("other-seed").resolve("summary.json")).get("seed").asInt());
    }

    /** Four policies x two replications, so two threads really interleave tasks. */
    private byte[] summary(String folder, String... flags) throws IOException {
        Path out = tmp.resolve(folder);
        List<String> args = new ArrayList<>(List.of("run", ShippedRun.scenario("instagram-2017").toString(),
                "--out", out.toString(), "--quiet", "--replications", "2", "--set", "host.workers=4",
                "--set", "workload.requestsPerSecond=40/s", "--set", "duration=10m"));
        args.addAll(List.of(flags));
        CliRun run = CliRun.of(args);
        assertEquals(0, run.status(), run::toString);
        return Files.readAllBytes(out.resolve("summary.json"));
    }
}
