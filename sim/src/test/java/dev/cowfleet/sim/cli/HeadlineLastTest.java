package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terminal's last line answers the question; report origins show the scenario path as the user typed it. */
class HeadlineLastTest {

    private static final String SMALL = "src/test/resources/cli/small.yaml";
    private static final String HEADLINE = "\\S+ saves -?\\d+\\.\\d% ± \\d+\\.\\d of host memory \\(.+ per host\\) against "
            + "default(, within the noise of \\d+ replications?)?\\.";

    @TempDir
    Path tmp;

    @Test
    void compareAndRunEndWithTheHeadlineAndTheReportShowsGivenPaths() throws Exception {
        CliRun compare = CliRun.of("compare", SMALL, "--replications", "2", "--quiet");
        assertEquals(0, compare.status(), compare.toString());
        List<String> lines = compare.out().lines().toList();
        assertTrue(lines.get(lines.size() - 1).matches(HEADLINE), lines.get(lines.size() - 1));

        Path out = tmp.resolve("small");
        CliRun run = CliRun.of("run", SMALL, "--replications", "2", "--quiet", "--out", out.toString());
        assertEquals(0, run.status(), run.toString());
        List<String> runLines = run.out().lines().toList();
        assertEquals(lines.get(lines.size() - 1), runLines.get(runLines.size() - 1), "same headline as compare");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<p class=\"headline\" id=\"headline\">" + runLines.get(runLines.size() - 1)),
                "headline on the page");
        assertTrue(html.contains("<td>" + SMALL + ":"), "origins are the path as given, not absolute");
        assertTrue(!html.contains(Path.of(SMALL).toAbsolutePath().toString()), "no absolute scenario path");
    }
}
