package dev.cowfleet.sim.report;

import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.result.TimeSeries;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;

/**
 * Host memory over the run, stacked by what holds it (master, worker baselines, pages copied by each
 * source, heap growth): small multiples, one panel per policy on a shared time axis and one memory
 * scale, so panel heights compare directly.
 */
final class HostMemoryChart {
    private static final String CAPTION = "Each band is memory one cause holds on the host; all panels share one scale, so the "
                + "tallest panel is the policy that needs the most RAM.";
    static final String FILE_STEM = "host-memory";
    /** Per-worker means that ride along in the host series; they are not part of the host stack. */
    static final Set<String> WORKER_COLUMNS = Set.of("workerShared", "workerPrivate");

    private static final int PANEL_HEIGHT = 230;
    private static final int CHROME_HEIGHT = 150;

    private HostMemoryChart() {
    }

    static ReportChart create(RunResult result) {
        List<PolicyResult> policies = result.policies();
        Set<String> sources = new LinkedHashSet<>();
        double span = 0;
        for (PolicyResult policy : policies) {
            sources.addAll(stackColumns(policy.hostMemoryOverTime()));
            span = Math.max(span, TimeUnit.lastSample(policy.hostMemoryOverTime().seconds()));
        }
        TimeUnit unit = TimeUnit.forSpan(span);

        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new NumberAxis(unit.label("time since start of run")));
        combined.setGap(14);
        List<XYPlot> panels = new ArrayList<>();
        double top = 0;
        for (PolicyResult policy : policies) {
            boolean baseline = policy.name().equals(result.baseline());
            XYPlot panel = panel(policy, baseline, sources, unit);
            top = Math.max(top, panel.getDataRange(panel.getRangeAxis()).getUpperBound());
            panels.add(panel);
            combined.add(panel);
        }
        JFreeChart chart = new JFreeChart("Host memory over time, stacked by source",
                JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        ChartStyle.apply(chart);
        // The theme resets series paints and axis ranges, so colours and the common scale come after it.
        for (XYPlot panel : panels) {
            panel.getRangeAxis().setRange(0, Math.max(top, 1) * 1.05);
            for (int i = 0; i < panel.getDataset().getSeriesCount(); i++) {
                String source = (String) panel.getDataset().getSeriesKey(i);
                panel.getRenderer().setSeriesPaint(i, ChartStyle.source(source));
            }
        }
        // The stack starts at the first sample and ends at the last; no empty margins at the sides.
        combined.getDomainAxis().setLowerMargin(0);
        combined.getDomainAxis().setUpperMargin(0);
        LegendItemCollection legend = new LegendItemCollection();
        for (String source : sources) {
            legend.add(new LegendItem(source, ChartStyle.source(source)));
        }
        combined.setFixedLegendItems(legend);
        int height = CHROME_HEIGHT + PANEL_HEIGHT * policies.size();
        return new ReportChart(FILE_STEM, CAPTION, chart, ReportChart.WIDTH, height);
    }

    private static XYPlot panel(PolicyResult policy, boolean baseline, Set<String> sources, TimeUnit unit) {
        TimeSeries series = policy.hostMemoryOverTime();
        DefaultTableXYDataset dataset = new DefaultTableXYDataset();
        for (String source : sources) {
            if (!series.columns().contains(source)) {
                continue;
            }
            XYSeries xy = new XYSeries(source, false, false);
            double[] values = series.column(source);
            for (int i = 0; i < values.length; i++) {
                xy.add(unit.of(series.seconds()[i]), values[i]);
            }
            dataset.addSeries(xy);
        }
        NumberAxis memory = new NumberAxis("MiB");
        XYPlot panel = new XYPlot(dataset, null, memory, new StackedXYAreaRenderer2());
        TextTitle name = new TextTitle(baseline ? policy.name() + FigureTable.BASELINE_MARK : policy.name(),
                new Font(Font.SANS_SERIF, Font.BOLD, 15));
        name.setBackgroundPaint(new Color(255, 255, 255, 210));
        name.setPadding(new RectangleInsets(2, 6, 2, 6));
        panel.addAnnotation(new XYTitleAnnotation(0.01, 0.98, name, RectangleAnchor.TOP_LEFT));
        return panel;
    }

    private static List<String> stackColumns(TimeSeries series) {
        List<String> columns = new ArrayList<>();
        for (String column : series.columns()) {
            if (!WORKER_COLUMNS.contains(column)) {
                columns.add(column);
            }
        }
        return columns;
    }
}
