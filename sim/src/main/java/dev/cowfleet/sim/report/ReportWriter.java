package dev.cowfleet.sim.report;

import dev.cowfleet.sim.result.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every output of a run into one folder, atomically: summary.json, run-info.json,
 * timeseries.csv, policies.csv, each chart as PNG and SVG, and report.html.
 */
public final class ReportWriter {

    static {
        // Charts are drawn on servers and in CI; never try to reach a display, even if DISPLAY is set.
        // Set before any chart class touches AWT, and only if the launcher has not decided otherwise.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ReportWriter() {
    }

    /** Fails now if {@link #write} would refuse {@code outDir} (see {@link OutputFolder#checkReplaceable}). */
    public static void checkTarget(Path outDir) throws IOException {
        new OutputFolder(outDir, "run", SummaryJson.FILE_NAME).checkReplaceable();
    }

    /**
     * @param command the command writing it ("run" or "plan"), recorded in the folder's ownership marker
     * @return the report.html inside the final folder, for the command line to point the user at
     * @throws IllegalArgumentException if outDir exists but is not an earlier output folder
     */
    public static Path write(RunResult result, RunInfo info, Path outDir, String command) throws IOException {
        OutputFolder folder = new OutputFolder(outDir, command, SummaryJson.FILE_NAME);
        // Charts are drawn before the folder is touched: the slow, failure-prone part happens first.
        List<RenderedChart> charts = new ArrayList<>();
        for (ReportChart chart : ReportCharts.of(result)) {
            charts.add(RenderedChart.draw(chart));
        }
        folder.write(dir -> {
            text(dir.resolve(SummaryJson.FILE_NAME), SummaryJson.render(result));
            text(dir.resolve(RunInfoJson.FILE_NAME), RunInfoJson.render(info, folder.target()));
            text(dir.resolve(TimeSeriesCsv.FILE_NAME), TimeSeriesCsv.render(result));
            text(dir.resolve(PoliciesCsv.FILE_NAME), PoliciesCsv.render(result));
            for (RenderedChart chart : charts) {
                Files.write(dir.resolve(chart.fileStem() + ".png"), chart.png());
                text(dir.resolve(chart.fileStem() + ".svg"), chart.svg());
            }
            text(dir.resolve(HtmlReport.FILE_NAME), HtmlReport.render(result, charts));
        });
        return folder.target().resolve(HtmlReport.FILE_NAME);
    }

    private static void text(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
