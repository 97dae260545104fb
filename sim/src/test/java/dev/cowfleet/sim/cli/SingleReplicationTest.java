package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One replication has no spread to measure: its intervals are "n/a" and null, and the output says why. */
class SingleReplicationTest {
    private static final String SMALL = Path.of("src", "test", "resources", "cli", "small.yaml").toString();

    @TempDir
    Path tmp;

    @Test
    void intervalsAreNotAvailableAndTheReasonIsPrinted() throws IOException {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("run", SMALL, "--replications", "1", "--set", "duration=2m", "--threads", "1",
                "--out", out.toString());
        assertEquals(0, run.status(), run::toString);
        assertTrue(run.out().contains("±n/a"), run::toString);
        assertFalse(run.out().contains("±0.0"), run::toString);
        assertTrue(run.out().contains("intervals are n/a: one replication has no spread to measure; use "
                + "--replications 2 or more for 95% confidence intervals"), run::toString);
        JsonNode summary = JsonMapper.builder().build().readTree(Files.readString(out.resolve("summary.json")));
        JsonNode ci95 = summary.get("policies").properties().iterator().next().getValue().get("host").get("memoryMiB").get("ci95");
        assertEquals(2, ci95.size(), "the key and its two bounds stay");
        assertTrue(ci95.get(0).isNull() && ci95.get(1).isNull(), ci95::toString);
        assertTrue(Files.readString(out.resolve("report.html")).contains("no confidence interval (n/a)"));
    }
}
