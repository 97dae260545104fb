package dev.cowfleet.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.result.Estimate;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import java.awt.Canvas;
import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

/** The headline sentence, the waterfall from baseline to best, and the chart fixes of issue 15. */
class ReportAnswersFirstTest {

    @Test
    void headlineNamesTheBestPolicyItsSavingWithIntervalAndSize() {
        // default: 250 + 70 * 221.23456 MiB; threshold0-exit: 250 + 70 * 80.370368 MiB; saving 42% +- 2.
        assertEquals("threshold0-exit saves 42.0% ± 2.0 of host memory (9.6 GiB of 15.4 GiB per host) against "
                + "default.", Headline.of(Fixtures.run()));
    }

    @Test
    void headlineAddsHostsAndMoneyWithAFleet() {
        assertEquals("threshold0-exit saves 42.0% ± 2.0 of host memory (9.6 GiB of 15.4 GiB per host) against "
                + "default; across the fleet 1800 ±40 fewer hosts and $14,191,200 ±$250,000 a year.",
                Headline.of(Fixtures.planned()));
    }

    @Test
    void headlineSaysSoWhenNothingSavesOrTheSavingIsNoise() {
        RunResult worse = run(List.of(Fixtures.policy("default", "d", 1.0, new Estimate(0, 0, 0)),
                Fixtures.policy("bigger", "b", 1.01, new Estimate(-0.9, -1.2, -0.6))));
        assertEquals("No policy saves host memory against default; the closest, bigger, changes it by -0.9% ± 0.3 "
                + "(141 MiB per host more).", Headline.of(worse));
        RunResult noise = run(List.of(Fixtures.policy("default", "d", 1.0, new Estimate(0, 0, 0)),
                Fixtures.policy("same", "s", 0.999, new Estimate(0.1, -0.2, 0.4))));
        assertTrue(Headline.of(noise).endsWith("against default, within the noise of 5 replications."),
                Headline.of(noise));
    }

    @Test
    void reportShowsTheHeadlineRightUnderTheQuestion() {
        String html = HtmlReport.render(Fixtures.run(), List.of());
        int question = html.indexOf("<p class=\"question\">");
        int headline = html.indexOf("<p class=\"headline\" id=\"headline\">threshold0-exit saves 42.0%");
        assertTrue(question > 0 && headline > question && headline < html.indexOf("id=\"key-figures\""), html);
    }

    @Test
    void waterfallStepsFromBaselineTotalToBestTotalBySource() {
        RunResult run = Fixtures.run();
        ReportChart waterfall = WaterfallChart.create(run).orElseThrow();
        CategoryDataset data = waterfall.chart().getCategoryPlot().getDataset();
        List<?> categories = data.getColumnKeys();
        assertEquals("default", categories.get(0));
        assertEquals("threshold0-exit", categories.get(categories.size() - 1));
        double from = sum(WaterfallChart.sourceMeans(run.policy("default").hostMemoryOverTime()));
        double to = sum(WaterfallChart.sourceMeans(run.policy("threshold0-exit").hostMemoryOverTime()));
        assertEquals(from, data.getValue(1, 0).doubleValue(), 1e-9);
        assertEquals(to, data.getValue(1, categories.size() - 1).doubleValue(), 1e-9);
        // gc is the big step down: its bar spans from the lower running total up by the change.
        int gc = categories.indexOf("gc");
        Map<String, Double> before = WaterfallChart.sourceMeans(run.policy("default").hostMemoryOverTime());
        Map<String, Double> after = WaterfallChart.sourceMeans(run.policy("threshold0-exit").hostMemoryOverTime());
        assertEquals(before.get("gc") - after.get("gc"), data.getValue(1, gc).doubleValue(), 1e-9);
        assertEquals(ChartStyle.source("gc"), waterfall.chart().getCategoryPlot().getRenderer().getItemPaint(1, gc));
        // master and baseline are the same under both policies: no step is drawn for them.
        assertTrue(!categories.contains("master") && !categories.contains("baseline"), categories.toString());
        // Each step starts where the previous ended: the running total after the last step is the best total.
        double running = from;
        for (int c = 1; c < categories.size() - 1; c++) {
            String source = (String) categories.get(c);
            running += after.get(source) - before.get(source);
        }
        assertEquals(to, running, 0.5 * categories.size());
    }

    @Test
    void copiedBySourceBarLabelsFitUnderTheirBarsWithEightPolicies() {
        List<PolicyResult> policies = new ArrayList<>();
        policies.add(Fixtures.policy("default", "d", 1.0, new Estimate(0, 0, 0)));
        for (int i = 1; i < 8; i++) {
            policies.add(Fixtures.policy("policy-" + i, "p", 1.0 - i / 10.0, new Estimate(i, i, i)));
        }
        ReportChart chart = CopiedBySourceChart.create(run(policies));
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.chart().createBufferedImage(chart.width(), chart.height(), info);
        double slot = info.getPlotInfo().getDataArea().getWidth() * (1 - CopiedBySourceChart.CATEGORY_MARGIN)
                / policies.size() / 2;
        FontMetrics metrics = new Canvas().getFontMetrics(CopiedBySourceChart.BAR_LABEL_FONT);
        for (String label : List.of(CopiedBySourceChart.LIFETIME_LABEL, CopiedBySourceChart.EXIT_LABEL)) {
            assertTrue(metrics.stringWidth(label) < slot, label + " is wider than its bar's slot " + slot);
        }
        assertTrue(metrics.stringWidth("per lifetime") > slot, "the old label would not fit: the check can fail");
    }

    @Test
    void deployChartMarksWhereTheDeployStarts() {
        XYPlot plot = DeployChart.create(Fixtures.run()).orElseThrow().chart().getXYPlot();
        ValueMarker start = (ValueMarker) plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next();
        assertEquals(DeployChart.MARKER_LABEL, start.getLabel());
        // The window spans 3540-3720 s, drawn in minutes: the deploy starts at 60 min.
        assertEquals(60.0, start.getValue(), 1e-9);
    }

    @Test
    void lifetimeChartAxisReachesTheLongestLifetimeNotTheLastAgePoint() {
        XYPlot plot = WorkerLifetimeChart.create(Fixtures.run()).chart().getXYPlot();
        TimeUnit unit = TimeUnit.forSpan(Fixtures.LONGEST_LIFETIME_SECONDS);
        assertEquals(unit.of(Fixtures.LONGEST_LIFETIME_SECONDS), plot.getDomainAxis().getUpperBound(), 1e-9);
        assertTrue(plot.getDomainAxis().getUpperBound() > unit.of(7200), "beyond the last age point");
    }

    private static RunResult run(List<PolicyResult> policies) {
        RunResult base = Fixtures.run();
        return new RunResult(base.scenario(), base.question(), base.seed(), base.replications(), "default", policies,
                base.inputs());
    }

    private static double sum(Map<String, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
