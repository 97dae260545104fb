package dev.cowfleet.sim.observe;

import dev.cowfleet.sim.report.ChartImages;
import dev.cowfleet.sim.report.OutputFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an observation's folder: observed.csv, observe.json, the charts as PNG and SVG, report.html,
 * and the policy recipe the server ran; all at once, through {@link OutputFolder}, so a failed
 * observation leaves nothing half-written.
 */
public final class ObservationWriter {
    static final String REPORT = "report.html";
    private final OutputFolder folder;

    public ObservationWriter(Path target) {
        this.folder = new OutputFolder(target, "observe", ObserveJson.FILE);
    }

    /** Refuses a folder cowfleet may not replace, before any server starts. */
    public void checkTarget() throws IOException {
        folder.checkReplaceable();
    }

    public Path report() {
        return folder.target().resolve(REPORT);
    }

    public void write(ObserveResult result) throws IOException {
        folder.write(dir -> {
            Files.writeString(dir.resolve(ObservedCsv.FILE), ObservedCsv.render(result.observation()), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(ObserveJson.FILE), ObserveJson.render(result), StandardCharsets.UTF_8);
            StringBuilder figures = new StringBuilder();
            for (ObserveCharts.Chart chart : ObserveCharts.create(result)) {
                Files.write(dir.resolve(chart.stem() + ".png"),
                        ChartImages.png(chart.chart(), ObserveCharts.WIDTH, ObserveCharts.HEIGHT, chart.stem()));
                String svg = ChartImages.svg(chart.chart(), ObserveCharts.WIDTH, ObserveCharts.HEIGHT, chart.stem());
                Files.writeString(dir.resolve(chart.stem() + ".svg"), svg, StandardCharsets.UTF_8);
                figures.append(ObserveTable.figure(chart, svg));
            }
            if (result.observation().recipe() != null) {
                Files.writeString(dir.resolve(recipeName(result)), result.observation().recipe(), StandardCharsets.UTF_8);
            }
            Files.writeString(dir.resolve(REPORT), ObserveTable.page(result, figures.toString(), recipeName(result)),
                    StandardCharsets.UTF_8);
        });
    }

    /** The recipe file the server ran, as the user would name it. */
    static String recipeName(ObserveResult result) {
        String server = result.observation().server();
        return server.equals("gunicorn") || server.equals("uwsgi") ? ServerRecipe.of(server).recipeFile() : null;
    }

    /** The measured (and simulated) figures as a terminal table. */
    public String table(ObserveResult result) {
        return ObserveTable.text(result);
    }
}
