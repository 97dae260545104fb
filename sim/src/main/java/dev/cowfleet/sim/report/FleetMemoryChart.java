package dev.cowfleet.sim.report;

import dev.cowfleet.sim.result.FleetFigures;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.RangeType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Today's fleet over the run, one line per policy: physical memory of the whole fleet on top, and
 * below it how many hosts are above the memory threshold, on a shared time axis. Deploys show as
 * steps in both at once.
 */
final class FleetMemoryChart {
    private static final String CAPTION = "Memory of today's fleet (top) and hosts above the memory threshold (bottom), "
            + "one line per policy; the two panels share the time axis.";
    static final String FILE_STEM = "fleet-memory";
    static final String MEMORY_COLUMN = "memoryTiB";
    static final String ABOVE_COLUMN = "hostsAboveThreshold";
    static final String MEMORY_AXIS = "fleet memory (TiB)";
    static final String ABOVE_AXIS = "hosts above threshold";
    private static final int HEIGHT = 720;

    private FleetMemoryChart() {
    }

    /** Empty when no policy has fleet figures. */
    static Optional<ReportChart> create(RunResult result) {
        if (!CapacityTables.anyFleet(result)) {
            return Optional.empty();
        }
        List<PolicyResult> policies = result.policies();
        double span = 0;
        for (PolicyResult policy : policies) {
            if (policy.fleet() != null) {
                span = Math.max(span, TimeUnit.lastSample(policy.fleet().overTime().seconds()));
            }
        }
        TimeUnit unit = TimeUnit.forSpan(span);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new NumberAxis(unit.label("time since start of run")));
        combined.setGap(16);
        XYPlot memory = panel(result, MEMORY_COLUMN, MEMORY_AXIS, unit);
        XYPlot above = panel(result, ABOVE_COLUMN, ABOVE_AXIS, unit);
        NumberAxis hosts = (NumberAxis) above.getRangeAxis();
        hosts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        // A fleet that stays under the threshold draws a line on the floor, not in the middle.
        hosts.setAutoRangeMinimumSize(1);
        combined.add(memory, 3);
        combined.add(above, 2);
        JFreeChart chart = new JFreeChart("Fleet memory over time", JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        ChartStyle.apply(chart);
        // The theme resets series paints, so colours come after it.
        for (XYPlot panel : List.of(memory, above)) {
            paint(result, panel);
        }
        combined.getDomainAxis().setLowerMargin(0);
        combined.getDomainAxis().setUpperMargin(0);
        // Both panels carry the same policies; one legend entry per policy is enough.
        combined.setFixedLegendItems(memory.getLegendItems());
        return Optional.of(new ReportChart(FILE_STEM, CAPTION, chart, ReportChart.WIDTH, HEIGHT));
    }

    private static XYPlot panel(RunResult result, String column, String axisLabel, TimeUnit unit) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (PolicyResult policy : result.policies()) {
            FleetFigures fleet = policy.fleet();
            if (fleet == null) {
                continue;
            }
            XYSeries series = new XYSeries(policy.name(), false, true);
            double[] values = fleet.overTime().column(column);
            for (int i = 0; i < values.length; i++) {
                series.add(unit.of(fleet.overTime().seconds()[i]), values[i]);
            }
            dataset.addSeries(series);
        }
        NumberAxis axis = new NumberAxis(axisLabel);
        axis.setAutoRangeIncludesZero(true);
        axis.setRangeType(RangeType.POSITIVE);
        return new XYPlot(dataset, null, axis, new XYLineAndShapeRenderer(true, false));
    }

    /** Colour by scenario position, not by position among the policies with fleet figures. */
    private static void paint(RunResult result, XYPlot panel) {
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) panel.getRenderer();
        for (int i = 0; i < panel.getDataset().getSeriesCount(); i++) {
            String name = (String) panel.getDataset().getSeriesKey(i);
            renderer.setSeriesPaint(i, ChartStyle.policy(result.policies().indexOf(result.policy(name))));
            renderer.setSeriesStroke(i, ChartStyle.LINE);
        }
    }
}
