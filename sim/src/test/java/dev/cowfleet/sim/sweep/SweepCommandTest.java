package dev.cowfleet.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

    @TempDir
    Path temp;

    @Test
    void twoKeysOfTwoValuesGiveOneRowPerPointAndPolicy() throws IOException {
        Path out = temp.resolve("grid");
        Fixture.CliResult run = Fixture.cli("sweep", Fixture.TINY.toString(), "--vary", "host.workers=2,4",
                "--vary", "workload.requestsPerSecond=20/s,40/s", "--out", out.toString(), "--quiet", "--threads", "2");
        assertEquals(0, run.status(), run.err());
        List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
        assertTrue(lines.get(0).startsWith("host.workers,workload.requestsPerSecond,policy,hostMemoryMiBMean,"),
                lines.get(0));
        assertEquals(1 + 2 * 2 * 2, lines.size(), String.join("\n", lines));
        // Last key fastest, every policy at every point.
        assertTrue(lines.get(1).startsWith("2,20/s,default,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("2,20/s,threshold0,"), lines.get(2));
        assertTrue(lines.get(8).startsWith("4,40/s,threshold0,"), lines.get(8));
        for (String chart : List.of("host-memory.png", "host-memory.svg")) {
            assertTrue(Files.size(out.resolve(chart)) > 0, chart);
        }
        String page = Files.readString(out.resolve("sweep.html"));
        String grid = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
        assertEquals(2 * 2 * 2, grid.split("<tr>", -1).length - 1, "a row per point and policy");
        assertTrue(grid.contains("<td>4</td><td>40/s</td><td>threshold0</td>"), grid);
        assertTrue(page.contains("src=\"data:image/svg+xml;base64,"), "the chart is inside the page");
    }

    @Test
    void anUnknownVaryKeyIsABadInputNamingTheKeyBeforeAnySimulation() {
        Path out = temp.resolve("bad-key");
        Fixture.CliResult run = Fixture.cli("sweep", Fixture.TINY.toString(), "--vary", "host.wrkers=2,4",
                "--out", out.toString(), "--quiet");
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().contains("--vary host.wrkers"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aBadVaryValueIsABadInputNamingTheKeyEvenWhenItIsTheLastPoint() {
        Path out = temp.resolve("bad-value");
        Fixture.CliResult run = Fixture.cli("sweep", Fixture.TINY.toString(), "--vary", "host.workers=2,4",
                "--vary", "host.ram=8GiB,lots", "--out", out.toString(), "--quiet");
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().contains("--vary host.ram=lots"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aMalformedVaryFlagIsABadInput() {
        Fixture.CliResult run = Fixture.cli("sweep", Fixture.TINY.toString(), "--vary", "host.workers",
                "--out", temp.resolve("x").toString(), "--quiet");
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().contains("host.workers"), run.err());
    }
}
