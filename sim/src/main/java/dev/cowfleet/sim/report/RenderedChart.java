package dev.cowfleet.sim.report;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.svg.SVGGraphics2D;

/**
 * A chart drawn both ways the report needs: PNG for viewers and documents, SVG for crisp scaling and
 * for embedding into report.html.
 *
 * @param fileStem file name without extension
 * @param title    the chart's title, used as alternative text
 * @param caption  one or two sentences telling the reader what to look for
 * @param png      PNG file content
 * @param svg      standalone SVG document
 */
record RenderedChart(String fileStem, String title, String caption, byte[] png, String svg) {

    static RenderedChart draw(ReportChart chart) {
        return new RenderedChart(chart.fileStem(), chart.title(), chart.caption(), png(chart), svg(chart));
    }

    private static byte[] png(ReportChart chart) {
        BufferedImage image = chart.chart().createBufferedImage(chart.width(), chart.height());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ChartUtils.writeBufferedImageAsPNG(bytes, image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart " + chart.fileStem() + " as PNG", e);
        }
        return bytes.toByteArray();
    }

    private static String svg(ReportChart chart) {
        SVGGraphics2D g2 = new SVGGraphics2D(chart.width(), chart.height());
        chart.chart().draw(g2, new Rectangle(0, 0, chart.width(), chart.height()));
        return g2.getSVGDocument();
    }
}
