package dev.cowfleet.sim.sweep;

import dev.cowfleet.sim.report.ChartImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;

/** Writes a chart as PNG and SVG, like the run report's charts, and hands back the SVG for sweep.html. */
final class ChartFiles {
    static final int WIDTH = 960;
    static final int HEIGHT = 540;

    private ChartFiles() {
    }

    static String write(JFreeChart chart, Path folder, String fileStem) throws IOException {
        Files.write(folder.resolve(fileStem + ".png"), ChartImages.png(chart, WIDTH, HEIGHT, fileStem));
        String svg = ChartImages.svg(chart, WIDTH, HEIGHT, fileStem);
        Files.writeString(folder.resolve(fileStem + ".svg"), svg, StandardCharsets.UTF_8);
        return svg;
    }
}
