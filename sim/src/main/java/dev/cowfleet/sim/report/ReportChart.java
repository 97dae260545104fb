package dev.cowfleet.sim.report;

import org.jfree.chart.JFreeChart;

/**
 * A chart of the report before it is drawn.
 *
 * @param fileStem file name without extension, also the chart's id in report.html
 * @param caption  what the reader should look for, shown under the chart in report.html
 * @param chart    the styled chart
 * @param width    pixels
 * @param height   pixels
 */
record ReportChart(String fileStem, String caption, JFreeChart chart, int width, int height) {
    static final int WIDTH = 960;
    static final int HEIGHT = 540;

    String title() {
        return chart.getTitle().getText();
    }
}
