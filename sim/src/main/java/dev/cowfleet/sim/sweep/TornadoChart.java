package dev.cowfleet.sim.sweep;

import dev.cowfleet.sim.report.ChartStyle;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The tornado chart: per input, how far the followed policy's saving moves (in percentage points from its
 * value at the scenario's inputs) when the input is moved down and up; the widest input on top.
 */
final class TornadoChart {

    private TornadoChart() {
    }

    static JFreeChart create(Tornado.Result tornado) {
        String percent = String.format(Locale.ROOT, "%.0f%%", tornado.fraction() * 100);
        String low = "input -" + percent;
        String high = "input +" + percent;
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (Tornado.Bar bar : tornado.bars()) {
            dataset.addValue(bar.lowSavings() - tornado.baseSavings(), low, bar.key());
            dataset.addValue(bar.highSavings() - tornado.baseSavings(), high, bar.key());
        }
        BarRenderer renderer = new BarRenderer();
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis("input"),
                new NumberAxis("change of " + tornado.policy() + "'s saving (percentage points)"), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        String title = String.format(Locale.ROOT, "What moves the saving of %s (%.1f%% at the scenario's inputs)",
                tornado.policy(), tornado.baseSavings());
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        renderer.setSeriesPaint(0, ChartStyle.policy(0));
        renderer.setSeriesPaint(1, ChartStyle.policy(1));
        renderer.setItemMargin(0);
        return chart;
    }
}
