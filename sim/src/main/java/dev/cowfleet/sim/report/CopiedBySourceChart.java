package dev.cowfleet.sim.report;

import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Inherited memory one worker copies, by the source that first wrote each page: a stacked bar per
 * policy. The shutdown share is what one exiting worker copies, the rest is per lifetime, so the bar
 * is everything a worker copies from fork to exit.
 */
final class CopiedBySourceChart {
    private static final String CAPTION = "Every inherited page a worker copied, by the first write that hit it; shutdown is per "
                + "exiting worker, the rest per lifetime.";
    static final String FILE_STEM = "copied-by-source";
    /** Beyond this many policies, names are tilted so they do not overlap. */
    private static final int UPRIGHT_LABELS_MAX = 4;

    private CopiedBySourceChart() {
    }

    static ReportChart create(RunResult result) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (CopySource source : CopySource.values()) {
            for (PolicyResult policy : result.policies()) {
                dataset.addValue(policy.worker().copiedMiBBySource().getOrDefault(source, 0.0),
                        source.key(), policy.name());
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(
                "Inherited memory copied per worker, by source",
                "policy", "copied per worker lifetime incl. exit (MiB)", dataset, PlotOrientation.VERTICAL,
                true, false, false);
        ChartStyle.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        StackedBarRenderer renderer = (StackedBarRenderer) plot.getRenderer();
        CopySource[] sources = CopySource.values();
        for (int i = 0; i < sources.length; i++) {
            renderer.setSeriesPaint(i, ChartStyle.source(sources[i].key()));
        }
        renderer.setMaximumBarWidth(0.12);
        renderer.setDrawBarOutline(false);
        CategoryAxis policies = plot.getDomainAxis();
        if (result.policies().size() > UPRIGHT_LABELS_MAX) {
            policies.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return new ReportChart(FILE_STEM, CAPTION, chart, ReportChart.WIDTH, ReportChart.HEIGHT);
    }
}
