package dev.cowfleet.sim.report;

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
        return new RenderedChart(chart.fileStem(), chart.title(), chart.caption(),
                ChartImages.png(chart.chart(), chart.width(), chart.height(), chart.fileStem()),
                ChartImages.svg(chart.chart(), chart.width(), chart.height(), chart.fileStem()));
    }
}
