package dev.cowfleet.sim.report;

import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.result.TimeSeries;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Host memory around the first deploy, one line per policy: the spike when exiting workers copy
 * their heap at shutdown while their replacements fork is what os._exit removes.
 */
final class DeployChart {
    private static final String CAPTION = "When a deploy restarts workers, exiting workers copy pages at interpreter teardown while "
                + "their replacements fork; the height of the spike is what the host must have room for.";
    static final String FILE_STEM = "deploy";
    static final String HOST_COLUMN = "host";
    static final String SINCE_START_COLUMN = "sinceDeployStart";
    static final String MARKER_LABEL = "deploy starts";

    private DeployChart() {
    }

    /** Empty when the scenario has no deploy, since then no policy has a deploy window. */
    static Optional<ReportChart> create(RunResult result) {
        List<PolicyResult> policies = result.policies();
        double span = 0;
        TimeSeries any = null;
        for (PolicyResult policy : policies) {
            if (policy.deployWindow() != null) {
                any = policy.deployWindow();
                span = Math.max(span, TimeUnit.lastSample(policy.deployWindow().seconds()));
            }
        }
        if (any == null) {
            return Optional.empty();
        }
        double deployStart = any.seconds()[0] - any.column(SINCE_START_COLUMN)[0];
        TimeUnit unit = TimeUnit.forSpan(span);
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < policies.size(); i++) {
            TimeSeries window = policies.get(i).deployWindow();
            if (window == null) {
                continue;
            }
            XYSeries series = new XYSeries(policies.get(i).name(), false, true);
            double[] host = window.column(HOST_COLUMN);
            for (int k = 0; k < host.length; k++) {
                series.add(unit.of(window.seconds()[k]), host[k]);
            }
            // Colour by scenario position, not by position among policies with a window.
            renderer.setSeriesPaint(dataset.getSeriesCount(), ChartStyle.policy(i));
            renderer.setSeriesStroke(dataset.getSeriesCount(), ChartStyle.LINE);
            dataset.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Host memory during a deploy",
                unit.label("time since start of run"), "host memory (MiB)", dataset,
                PlotOrientation.VERTICAL, true, false, false);
        ChartStyle.apply(chart);
        chart.getXYPlot().setRenderer(renderer);
        ValueMarker start = new ValueMarker(unit.of(deployStart), Color.DARK_GRAY, ChartStyle.DASHED_LINE);
        start.setLabel(MARKER_LABEL);
        start.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        start.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        start.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        chart.getXYPlot().addDomainMarker(start);
        chart.getXYPlot().getDomainAxis().setLowerMargin(0);
        chart.getXYPlot().getDomainAxis().setUpperMargin(0);
        return Optional.of(new ReportChart(FILE_STEM, CAPTION, chart, ReportChart.WIDTH, ReportChart.HEIGHT));
    }
}
