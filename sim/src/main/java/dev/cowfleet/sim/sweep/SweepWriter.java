package dev.cowfleet.sim.sweep;

import dev.cowfleet.sim.report.OutputFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes a sweep's folder at once: {@code sweep.csv}, the charts against the first varied key (hosts needed
 * and annual cost for a fleet, host memory for one host) and, when asked for, the tornado chart and table.
 */
public final class SweepWriter {
    static final String MARKER = "sweep.csv";

    private SweepWriter() {
    }

    /** Fails now if {@link #write} would refuse {@code target} (see {@link OutputFolder#checkReplaceable}). */
    public static void checkTarget(Path target) throws IOException {
        new OutputFolder(target, MARKER).checkReplaceable();
    }

    public static void write(SweepGrid grid, List<PointResult> points, Optional<Tornado.Result> tornado, Path target)
            throws IOException {
        new OutputFolder(target, MARKER).write(folder -> {
            Files.writeString(folder.resolve(MARKER), SweepCsv.render(grid.keys(), points), StandardCharsets.UTF_8);
            boolean fleet = points.get(0).result().policies().get(0).capacity() != null;
            if (fleet) {
                ChartFiles.write(SweepChart.create("Hosts needed", "hosts", grid, points,
                        p -> p.capacity().hostsNeeded()), folder, "hosts-needed");
                ChartFiles.write(SweepChart.create("Annual cost", "cost per year", grid, points,
                        p -> p.capacity().annualCost()), folder, "annual-cost");
            } else {
                ChartFiles.write(SweepChart.create("Mean host memory", "MiB", grid, points,
                        p -> p.host().memoryMiB().mean()), folder, "host-memory");
            }
            if (tornado.isPresent()) {
                ChartFiles.write(TornadoChart.create(tornado.get()), folder, "tornado");
                Files.writeString(folder.resolve("tornado.csv"), tornadoCsv(tornado.get()), StandardCharsets.UTF_8);
            }
        });
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
