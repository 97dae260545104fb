package dev.cowfleet.sim.report;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** A chart as PNG (for viewers and documents) and as SVG (crisp at any size, for embedding in a page). */
public final class ChartImages {
    private ChartImages() {
    }

    public static byte[] png(JFreeChart chart, int width, int height, String name) {
        BufferedImage image = chart.createBufferedImage(width, height);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ChartUtils.writeBufferedImageAsPNG(bytes, image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart " + name + " as PNG", e);
        }
        return bytes.toByteArray();
    }

    /**
     * A standalone SVG document. Its clip-path ids start with {@code name} rather than JFreeSVG's
     * default, a clock reading, so that a seed gives the same file byte for byte on every run.
     */
    public static String svg(JFreeChart chart, int width, int height, String name) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(name + "-");
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGDocument();
    }
}
