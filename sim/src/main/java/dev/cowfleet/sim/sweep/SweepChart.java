package dev.cowfleet.sim.sweep;

import dev.cowfleet.sim.report.ChartStyle;
import dev.cowfleet.sim.result.Estimate;
import dev.cowfleet.sim.result.PolicyResult;
import java.awt.Color;
import java.util.List;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A figure against the first varied key, one line per policy with its 95% confidence band. The key's values
 * sit at even steps labelled as written (they may carry units, or not be numbers at all); any other varied
 * key is held at its first value so each line changes one thing.
 */
final class SweepChart {

    private SweepChart() {
    }

    static JFreeChart create(String title, String valueLabel, SweepGrid grid, List<PointResult> points,
                             Function<PolicyResult, Estimate> figure) {
        VaryAxis first = grid.axes().get(0);
        List<String> others = grid.points().get(0).values().subList(1, grid.axes().size());
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        List<String> policies = points.get(0).result().policies().stream().map(PolicyResult::name).toList();
        for (String policy : policies) {
            YIntervalSeries series = new YIntervalSeries(policy);
            for (PointResult point : points) {
                List<String> values = point.point().values();
                if (!values.subList(1, values.size()).equals(others)) {
                    continue;
                }
                Estimate e = figure.apply(point.result().policy(policy));
                series.add(first.values().indexOf(values.get(0)), e.mean(), e.mean() - e.drawableHalfWidth(),
                        e.mean() + e.drawableHalfWidth());
            }
            dataset.addSeries(series);
        }
        SymbolAxis x = new SymbolAxis(first.key(), first.values().toArray(new String[0]));
        x.setGridBandsVisible(false);
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        XYPlot plot = new XYPlot(dataset, x, new NumberAxis(valueLabel), renderer);
        String subtitle = grid.axes().size() == 1 ? "" : " (" + String.join(", ", heldAt(grid)) + ")";
        JFreeChart chart = new JFreeChart(title + subtitle, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        // The theme resets series paints, so the policy colours come after it.
        for (int i = 0; i < policies.size(); i++) {
            Color colour = ChartStyle.policy(i);
            renderer.setSeriesPaint(i, colour);
            renderer.setSeriesFillPaint(i, colour);
            renderer.setSeriesStroke(i, ChartStyle.LINE);
        }
        renderer.setAlpha(0.2f);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }

    private static List<String> heldAt(SweepGrid grid) {
        return grid.axes().subList(1, grid.axes().size()).stream().map(a -> a.key() + "=" + a.values().get(0)).toList();
    }
}
