package dev.cowfleet.sim.sweep;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Writes a chart as PNG (for viewers) and SVG (crisp at any size), like the run report's charts. */
final class ChartFiles {
    static final int WIDTH = 960;
    static final int HEIGHT = 540;

    private ChartFiles() {
    }

    static void write(JFreeChart chart, Path folder, String fileStem) throws IOException {
        ChartUtils.saveChartAsPNG(folder.resolve(fileStem + ".png").toFile(), chart, WIDTH, HEIGHT);
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        Files.writeString(folder.resolve(fileStem + ".svg"), g2.getSVGDocument(), StandardCharsets.UTF_8);
    }
}
