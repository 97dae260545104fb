package dev.cowfleet.sim.observe;

import dev.cowfleet.sim.report.ChartStyle;
import dev.cowfleet.sim.result.TimeSeries;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The two overlay charts: measured samples as dots, simulated lines dashed, in the report's style.
 * Worker memory is drawn against worker age (so recycled workers line up with the first ones), host
 * memory against time.
 */
final class ObserveCharts {
    static final String WORKER_STEM = "observed-worker-memory";
    static final String HOST_STEM = "observed-host-memory";
    static final int WIDTH = 960;
    static final int HEIGHT = 540;
    private static final Color PRIVATE = ChartStyle.policy(1);
    private static final Color SHARED = ChartStyle.policy(0);
    private static final Color HOST = ChartStyle.policy(2);

    /** A chart, its file stem and caption. */
    record Chart(String stem, String caption, JFreeChart chart) {
    }

    private ObserveCharts() {
    }

    static List<Chart> create(ObserveResult result) {
        return List.of(workerMemory(result), hostMemory(result));
    }

    static Chart workerMemory(ObserveResult result) {
        XYSeries privateMeasured = new XYSeries("private, measured", false, true);
        XYSeries sharedMeasured = new XYSeries("shared, measured", false, true);
        for (ProcSample s : result.observation().samples()) {
            if (s.role().equals("worker")) {
                privateMeasured.add(s.ageSeconds(), s.privateKiB() / ObservedFigures.KIB_PER_MIB);
                sharedMeasured.add(s.ageSeconds(), s.sharedKiB() / ObservedFigures.KIB_PER_MIB);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(privateMeasured);
        data.addSeries(sharedMeasured);
        if (result.simulation() != null) {
            TimeSeries lifetime = result.simulation().workerLifetime();
            data.addSeries(line("private, simulated", lifetime.seconds(), lifetime.column("private")));
            data.addSeries(line("shared, simulated", lifetime.seconds(), lifetime.column("shared")));
        }
        String title = "Worker memory by age: " + result.observation().server() + ", " + result.observation().policy();
        return new Chart(WORKER_STEM, "Each dot is one worker at one sample; dashed lines are the simulated worker of the "
                + "same setup. Shared falls and private rises as the worker copies inherited pages.",
                chart(title, "worker age (s)", data, new Color[] {PRIVATE, SHARED, PRIVATE, SHARED}));
    }

    static Chart hostMemory(ObserveResult result) {
        XYSeries measured = new XYSeries("host, measured (sum of PSS)", false, true);
        for (Map.Entry<Double, Long> e : ObservedFigures.hostKiB(result.observation().samples()).entrySet()) {
            measured.add(e.getKey().doubleValue(), e.getValue() / ObservedFigures.KIB_PER_MIB);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(measured);
        if (result.simulation() != null) {
            TimeSeries host = result.simulation().hostMemoryOverTime();
            double[] total = new double[host.size()];
            for (String column : host.columns()) {
                if (!column.equals("workerShared") && !column.equals("workerPrivate")) {
                    double[] values = host.column(column);
                    for (int i = 0; i < total.length; i++) {
                        total[i] += values[i];
                    }
                }
            }
            data.addSeries(line("host, simulated", host.seconds(), total));
        }
        String title = "Host memory over time: " + result.observation().server() + ", " + result.observation().policy();
        return new Chart(HOST_STEM, "Master and workers together; the dashed line is the simulation of the same setup.",
                chart(title, "time since the server was ready (s)", data, new Color[] {HOST, HOST}));
    }

    private static XYSeries line(String name, double[] x, double[] y) {
        XYSeries series = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            series.add(x[i], y[i]);
        }
        return series;
    }

    /** The first series of each colour are measured dots; series beyond the measured ones are dashed simulated lines. */
    private static JFreeChart chart(String title, String xLabel, XYSeriesCollection data, Color[] colours) {
        int measured = (int) data.getSeries().stream().filter(s -> ((XYSeries) s).getKey().toString().contains("measured")).count();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            boolean dots = i < measured;
            renderer.setSeriesLinesVisible(i, !dots);
            renderer.setSeriesShapesVisible(i, dots);
            renderer.setSeriesShape(i, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            renderer.setSeriesStroke(i, dots ? ChartStyle.LINE : ChartStyle.DASHED_LINE);
        }
        NumberAxis y = new NumberAxis("MiB");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, new NumberAxis(xLabel), y, renderer);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        // The theme resets series paints, so the colours come after it.
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, colours[i]);
        }
        return chart;
    }
}
