package dev.cowfleet.sim.report;

import dev.cowfleet.sim.result.Estimate;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * The capacity plan's bottom line: hosts needed and annual cost per policy, two panels on one policy
 * axis, each bar labelled with its mean and whiskered with its 95% confidence interval, in the
 * policy's colour.
 */
final class HostsAndCostChart {
    private static final String CAPTION = "Hosts and money the planned fleet needs at peak traffic after growth; "
            + "whiskers span the 95% confidence interval over replications. Fewer hosts than the baseline is the saving.";
    static final String FILE_STEM = "hosts-and-cost";
    static final String HOSTS_AXIS = "hosts needed";
    static final String COST_AXIS = "annual cost (million $)";
    private static final double MILLION = 1e6;
    private static final int HEIGHT = 680;

    private HostsAndCostChart() {
    }

    /** Empty when no policy has a capacity plan. */
    static Optional<ReportChart> create(RunResult result) {
        if (!CapacityTables.anyPlan(result)) {
            return Optional.empty();
        }
        // Scenario positions of the planned policies, so each keeps its colour from the other charts.
        List<Integer> planned = new ArrayList<>();
        for (int i = 0; i < result.policies().size(); i++) {
            if (result.policies().get(i).capacity() != null) {
                planned.add(i);
            }
        }
        CategoryAxis policyAxis = new CategoryAxis("policy");
        CombinedDomainCategoryPlot combined = new CombinedDomainCategoryPlot(policyAxis);
        combined.setGap(16);
        CategoryPlot hosts = panel(result, planned, p -> p.capacity().hostsNeeded(), 1, HOSTS_AXIS,
                new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        CategoryPlot cost = panel(result, planned, p -> p.capacity().annualCost(), MILLION, COST_AXIS,
                new DecimalFormat("$#,##0.0M", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        combined.add(hosts);
        combined.add(cost);
        JFreeChart chart = new JFreeChart("Hosts needed and annual cost per policy", JFreeChart.DEFAULT_TITLE_FONT,
                combined, false);
        ChartStyle.apply(chart);
        // The theme resets label fonts and whisker paint, so they come after it.
        for (CategoryPlot panel : List.of(hosts, cost)) {
            StatisticalBarRenderer renderer = (StatisticalBarRenderer) panel.getRenderer();
            renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
            renderer.setErrorIndicatorStroke(new BasicStroke(2f));
            renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            renderer.setDefaultItemLabelPaint(Color.WHITE);
        }
        ChartStyle.labelPolicies(policyAxis, planned.size());
        return Optional.of(new ReportChart(FILE_STEM, CAPTION, chart, ReportChart.WIDTH, HEIGHT));
    }

    /** @param unit the figure is divided by this before plotting (dollars to millions) */
    private static CategoryPlot panel(RunResult result, List<Integer> planned, Function<PolicyResult, Estimate> figure,
                                      double unit, String axisLabel, DecimalFormat labelFormat) {
        // The whisker of a statistical bar is mean ± "standard deviation"; the half-width of the
        // (symmetric, Student t) confidence interval goes there, so the whisker is the interval.
        DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
        for (int index : planned) {
            PolicyResult policy = result.policies().get(index);
            Estimate e = figure.apply(policy);
            String name = policy.name().equals(result.baseline()) ? policy.name() + FigureTable.BASELINE_MARK
                    : policy.name();
            dataset.add(e.mean() / unit, e.drawableHalfWidth() / unit, axisLabel, name);
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return ChartStyle.policy(planned.get(column));
            }
        };
        renderer.setMaximumBarWidth(0.14);
        renderer.setDrawBarOutline(false);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", labelFormat));
        renderer.setDefaultItemLabelsVisible(true);
        // Inside the bar near its foot, where the whisker at the top cannot cover it.
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.INSIDE6,
                TextAnchor.BOTTOM_CENTER));
        NumberAxis axis = new NumberAxis(axisLabel);
        axis.setAutoRangeIncludesZero(true);
        return new CategoryPlot(dataset, null, axis, renderer);
    }
}
