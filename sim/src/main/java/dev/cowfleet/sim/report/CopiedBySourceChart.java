package dev.cowfleet.sim.report;

import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import java.awt.Font;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SubCategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.GroupedStackedBarRenderer;
import org.jfree.data.KeyToGroupMap;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Inherited memory one worker copies, by the source that first wrote each page: two bars per policy.
 * The first stacks what a worker copies over its lifetime (refcount, gc, allocator, mutation); the
 * second is what it copies once, at exit (shutdown). Stacking the exit copy on the lifetime copies
 * would make a policy that only stopped gc copying look as heavy as the default one.
 */
final class CopiedBySourceChart {
    private static final String CAPTION = "Every inherited page a worker copied, by the first write that hit it. "
            + "Bar 'life' of each policy: per worker lifetime, stacked by source; bar 'exit': shutdown, once per exiting worker.";
    static final String FILE_STEM = "copied-by-source";
    static final String PER_LIFETIME = "per lifetime";
    static final String PER_EXIT = "per exit";
    /**
     * The labels under the two bars of a policy: short, because each gets half a policy's slot, which
     * with eight policies is narrower than "per lifetime" (the labels ran into each other).
     */
    static final String LIFETIME_LABEL = "life";
    static final String EXIT_LABEL = "exit";
    static final Font BAR_LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final double CATEGORY_MARGIN = 0.25;

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
                "policy", "copied per worker (MiB)", dataset, PlotOrientation.VERTICAL,
                true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        GroupedStackedBarRenderer renderer = new GroupedStackedBarRenderer();
        renderer.setSeriesToGroupMap(groups());
        plot.setRenderer(renderer);
        // Names the two bars of each policy under them; the policy name goes below.
        SubCategoryAxis policies = new SubCategoryAxis("policy");
        policies.addSubCategory(LIFETIME_LABEL);
        policies.addSubCategory(EXIT_LABEL);
        policies.setCategoryMargin(CATEGORY_MARGIN);
        plot.setDomainAxis(policies);
        ChartStyle.apply(chart);
        CopySource[] sources = CopySource.values();
        for (int i = 0; i < sources.length; i++) {
            renderer.setSeriesPaint(i, ChartStyle.source(sources[i].key()));
        }
        renderer.setItemMargin(0.08);
        renderer.setDrawBarOutline(false);
        ChartStyle.labelPolicies(policies, result.policies().size());
        policies.setSubLabelFont(BAR_LABEL_FONT); // after the theme, which resets axis fonts
        return new ReportChart(FILE_STEM, CAPTION, chart, ReportChart.WIDTH, ReportChart.HEIGHT);
    }

    /** Shutdown happens once per exiting worker, every other source over the worker's lifetime. */
    static String group(CopySource source) {
        return source == CopySource.SHUTDOWN ? PER_EXIT : PER_LIFETIME;
    }

    private static KeyToGroupMap groups() {
        KeyToGroupMap groups = new KeyToGroupMap(PER_LIFETIME);
        for (CopySource source : CopySource.values()) {
            groups.mapKeyToGroup(source.key(), group(source));
        }
        return groups;
    }
}
