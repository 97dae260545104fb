package dev.cowfleet.sim.calibrate;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Measured vs predicted worker private memory per policy and phase, as grouped bars. */
public final class CalibrationChart {
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 600;

    private CalibrationChart() {
    }

    public static JFreeChart chart(CalibrationReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (CalibrationCell c : report.cells()) {
            String category = c.policy() + " " + c.phase();
            data.addValue(c.measuredPrivateMiB(), "measured", category);
            data.addValue(c.predictedPrivateMiB(), "predicted", category);
        }
        JFreeChart chart = ChartFactory.createBarChart(
                "Worker private memory: measured on Python " + report.python() + " vs model",
                null, "private memory per worker (MiB)", data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        chart.getCategoryPlot().getRenderer().setSeriesPaint(0, new Color(0x44, 0x44, 0x44));
        chart.getCategoryPlot().getRenderer().setSeriesPaint(1, new Color(0x1F, 0x77, 0xB4));
        return chart;
    }

    public static byte[] png(CalibrationReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart(report), WIDTH, HEIGHT);
        return out.toByteArray();
    }
}
