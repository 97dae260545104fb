package dev.cowfleet.sim.sweep;

import dev.cowfleet.sim.report.OutputFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;

/**
 * Writes a sweep's folder at once: {@code sweep.csv}, the charts against the first varied key (hosts needed
 * and annual cost for a fleet, host memory for one host), when asked for the tornado chart and table,
 * and {@code sweep.html}, which shows all of it.
 */
public final class SweepWriter {
    static final String MARKER = "sweep.csv";

    private SweepWriter() {
    }

    /** Fails now if {@link #write} would refuse {@code target} (see {@link OutputFolder#checkReplaceable}). */
    public static void checkTarget(Path target) throws IOException {
        new OutputFolder(target, "sweep", MARKER).checkReplaceable();
    }

    public static void write(SweepGrid grid, List<PointResult> points, Optional<Tornado.Result> tornado, Path target)
            throws IOException {
        new OutputFolder(target, "sweep", MARKER).write(folder -> {
            Files.writeString(folder.resolve(MARKER), SweepCsv.render(grid.keys(), points), StandardCharsets.UTF_8);
            String axis = grid.keys().get(0);
            String band = " per policy against " + axis + ", with its 95% confidence band across replications"
                    + (grid.keys().size() > 1 ? "; the other keys at their first values (in the title), "
                    + "every combination in the table above." : ".");
            List<SweepPage.Chart> charts = new ArrayList<>();
            if (SweepFigures.plansFleet(points)) {
                charts.add(chart(SweepChart.create("Hosts needed", "hosts", grid, points,
                        p -> p.capacity().hostsNeeded()), folder, "hosts-needed", "Hosts needed",
                        "Hosts for next year's peak" + band));
                charts.add(chart(SweepChart.create("Annual cost", "cost per year", grid, points,
                        p -> p.capacity().annualCost()), folder, "annual-cost", "Annual cost",
                        "What those hosts cost a year" + band));
            } else {
                charts.add(chart(SweepChart.create("Mean host memory", "MiB", grid, points,
                        p -> p.host().memoryMiB().mean()), folder, "host-memory", "Mean host memory",
                        "Mean host memory" + band));
            }
            if (tornado.isPresent()) {
                charts.add(chart(TornadoChart.create(tornado.get()), folder, "tornado", "Tornado",
                        "How far " + tornado.get().policy() + "'s saving moves when each input goes down and up;"
                                + " the longest bars are the inputs worth measuring best."));
                Files.writeString(folder.resolve("tornado.csv"), tornadoCsv(tornado.get()), StandardCharsets.UTF_8);
            }
            Files.writeString(folder.resolve(SweepPage.FILE_NAME), SweepPage.render(grid, points, tornado, charts),
                    StandardCharsets.UTF_8);
        });
    }

    private static SweepPage.Chart chart(JFreeChart chart, Path folder, String stem, String title, String caption)
            throws IOException {
        return new SweepPage.Chart(stem, title, caption, ChartFiles.write(chart, folder, stem));
    }

    private static String tornadoCsv(Tornado.Result tornado) {
        StringBuilder text = new StringBuilder("key,lowValue,highValue,policy,baseSavingsPercent,"
                + "lowSavingsPercent,highSavingsPercent,swing\n");
        for (Tornado.Bar bar : tornado.bars()) {
            text.append(String.join(",", bar.key(), bar.lowValue(), bar.highValue(), tornado.policy(),
                    SweepCsv.number(tornado.baseSavings()), SweepCsv.number(bar.lowSavings()),
                    SweepCsv.number(bar.highSavings()), SweepCsv.number(bar.swing()))).append('\n');
        }
        return text.toString();
    }
}
