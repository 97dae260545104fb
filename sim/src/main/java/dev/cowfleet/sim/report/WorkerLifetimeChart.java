package dev.cowfleet.sim.report;

import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.result.TimeSeries;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One worker's shared and private memory against its age, every policy in one chart: the policy's
 * colour, private solid and shared dashed, so the moment a policy's private line crosses its shared
 * line (copy-on-write ate the inheritance) stands out.
 */
final class WorkerLifetimeChart {
    private static final String CAPTION = "Where private (solid) rises past shared (dashed), copy-on-write has taken the worker's "
                + "inheritance; the policies that keep private flat are the ones that save memory.";
    static final String FILE_STEM = "worker-lifetime";
    private static final Shape LEGEND_LINE = new Line2D.Double(-14, 0, 14, 0);

    private WorkerLifetimeChart() {
    }

    static ReportChart create(RunResult result) {
        List<PolicyResult> policies = result.policies();
        // The axis reaches the longest lifetime, not just the last age grid point a worker reached, so a
        // worker recycled at 8 minutes is not drawn as if nothing lived past the 5-minute point.
        double span = 0;
        for (PolicyResult policy : policies) {
            span = Math.max(span, Math.max(TimeUnit.lastSample(policy.workerLifetime().seconds()),
                    policy.worker().longestLifetimeSeconds()));
        }
        TimeUnit unit = TimeUnit.forSpan(span);

        XYSeriesCollection dataset = new XYSeriesCollection();
        for (PolicyResult policy : policies) {
            TimeSeries lifetime = policy.workerLifetime();
            dataset.addSeries(series(policy.name() + " private", unit, lifetime, "private"));
            dataset.addSeries(series(policy.name() + " shared", unit, lifetime, "shared"));
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
                "Worker memory over its lifetime: shared (dashed) vs private (solid)",
                unit.label("worker age"), "memory per worker (MiB)", dataset, PlotOrientation.VERTICAL,
                true, false, false);
        ChartStyle.apply(chart);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < policies.size(); i++) {
            renderer.setSeriesPaint(2 * i, ChartStyle.policy(i));
            renderer.setSeriesStroke(2 * i, ChartStyle.LINE);
            renderer.setSeriesPaint(2 * i + 1, ChartStyle.policy(i));
            renderer.setSeriesStroke(2 * i + 1, ChartStyle.DASHED_LINE);
        }
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(renderer);
        plot.setFixedLegendItems(legend(policies));
        chart.getXYPlot().getDomainAxis().setRange(0, Math.max(unit.of(span), Double.MIN_NORMAL));
        return new ReportChart(FILE_STEM, CAPTION, chart, ReportChart.WIDTH, ReportChart.HEIGHT);
    }

    /**
     * One entry per policy in its colour, then what solid and dashed mean: half as many entries as
     * series, which keeps the legend readable with eight policies.
     */
    private static LegendItemCollection legend(List<PolicyResult> policies) {
        LegendItemCollection items = new LegendItemCollection();
        for (int i = 0; i < policies.size(); i++) {
            items.add(lineItem(policies.get(i).name(), ChartStyle.LINE, ChartStyle.policy(i)));
        }
        items.add(lineItem("private", ChartStyle.LINE, Color.DARK_GRAY));
        items.add(lineItem("shared", ChartStyle.DASHED_LINE, Color.DARK_GRAY));
        return items;
    }

    private static LegendItem lineItem(String label, Stroke stroke, Color colour) {
        return new LegendItem(label, null, null, null, LEGEND_LINE, stroke, colour);
    }

    private static XYSeries series(String key, TimeUnit unit, TimeSeries lifetime, String column) {
        XYSeries series = new XYSeries(key, false, true);
        double[] values = lifetime.column(column);
        for (int i = 0; i < values.length; i++) {
            series.add(unit.of(lifetime.seconds()[i]), values[i]);
        }
        return series;
    }
}
