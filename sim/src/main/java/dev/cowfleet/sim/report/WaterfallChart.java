package dev.cowfleet.sim.report;

import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.result.TimeSeries;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * From the baseline's host memory to the best policy's, one step per source: each floating bar is how
 * much more (up) or less (down) that source holds on the host under the best policy, in the source's
 * colour, so the reader sees at a glance which copying the policy removed. Figures are time averages
 * of the host-memory stack ({@link HostMemoryChart}'s bands), so the steps add up exactly.
 */
final class WaterfallChart {
    static final String FILE_STEM = "waterfall";
    private static final String CAPTION = "Start at the baseline's mean host memory, take each source's change "
            + "under the best policy, arrive at the best policy's: the longest step down is the copying it removed.";
    /** The base of each floating bar, drawn invisible. */
    private static final String BASE = "base";
    private static final String STEP = "step";
    private static final Color TOTAL = new Color(0x55, 0x55, 0x55);
    /** Below half a MiB a step would print as "0 MiB". */
    private static final double NEGLIGIBLE_MIB = 0.5;

    private WaterfallChart() {
    }

    /** Empty when there is no policy besides the baseline. */
    static Optional<ReportChart> create(RunResult result) {
        return Headline.best(result).map(best -> create(result.policy(result.baseline()), best));
    }

    private static ReportChart create(PolicyResult baseline, PolicyResult best) {
        Map<String, Double> from = sourceMeans(baseline.hostMemoryOverTime());
        Map<String, Double> to = sourceMeans(best.hostMemoryOverTime());
        List<String> sources = new ArrayList<>(from.keySet());
        to.keySet().stream().filter(s -> !sources.contains(s)).forEach(sources::add);

        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<Paint> paints = new ArrayList<>();
        Map<Integer, Double> changes = new LinkedHashMap<>();
        double total = from.values().stream().mapToDouble(Double::doubleValue).sum();
        addBar(dataset, paints, total(baseline.name(), sources), 0, total, TOTAL);
        for (String source : sources) {
            double change = to.getOrDefault(source, 0.0) - from.getOrDefault(source, 0.0);
            // A step too small to draw or label (master, baseline: the same under every policy) is left
            // out but still counted, so the last bar is the best policy's total.
            if (Math.abs(change) >= NEGLIGIBLE_MIB) {
                changes.put(paints.size(), change);
                addBar(dataset, paints, source, Math.min(total, total + change), Math.abs(change),
                        ChartStyle.source(source));
            }
            total += change;
        }
        addBar(dataset, paints, total(best.name(), sources), 0, total, TOTAL);

        JFreeChart chart = ChartFactory.createStackedBarChart(
                "Host memory from " + baseline.name() + " to " + best.name() + ", by source",
                "source", "host memory, time average (MiB)", dataset, PlotOrientation.VERTICAL, false, false, false);
        ChartStyle.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        StackedBarRenderer renderer = new StackedBarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return row == 0 ? new Color(0, 0, 0, 0) : paints.get(column);
            }
        };
        renderer.setDrawBarOutline(false);
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(CategoryDataset data, int row, int column) {
                if (row == 0) {
                    return null;
                }
                Double change = changes.get(column);
                return change == null ? Headline.size(data.getValue(row, column).doubleValue())
                        : (change > 0 ? "+" : "−") + Headline.size(Math.abs(change));
            }
        });
        renderer.setSeriesItemLabelsVisible(1, true);
        renderer.setSeriesPositiveItemLabelPosition(1, new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                TextAnchor.BOTTOM_CENTER));
        plot.setRenderer(renderer);
        ChartStyle.labelPolicies(plot.getDomainAxis(), paints.size());
        return new ReportChart(FILE_STEM, CAPTION, chart, ReportChart.WIDTH, ReportChart.HEIGHT);
    }

    private static void addBar(DefaultCategoryDataset dataset, List<Paint> paints, String category, double base,
                               double height, Paint paint) {
        dataset.addValue(base, BASE, category);
        dataset.addValue(height, STEP, category);
        paints.add(paint);
    }

    /** A policy's total bar, named apart from a source of the same name. */
    private static String total(String policy, List<String> sources) {
        return sources.contains(policy) ? policy + " (total)" : policy;
    }

    /** Time-average MiB of each stacked source column (master, baseline, refcount, gc, ...), in column order. */
    static Map<String, Double> sourceMeans(TimeSeries series) {
        Map<String, Double> means = new LinkedHashMap<>();
        for (String column : series.columns()) {
            if (!HostMemoryChart.WORKER_COLUMNS.contains(column)) {
                double[] values = series.column(column);
                double sum = 0;
                for (double v : values) {
                    sum += v;
                }
                means.put(column, values.length == 0 ? 0 : sum / values.length);
            }
        }
        return means;
    }
}
