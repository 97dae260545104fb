package dev.cowfleet.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.sim.result.PolicyResult;
import java.awt.Paint;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** Colours are the charts' shared vocabulary: a source or a policy must look the same everywhere. */
class ChartsTest {

    @Test
    void hostMemoryPanelsPaintEachSourceInItsColourDespiteTheTheme() {
        ReportChart chart = HostMemoryChart.create(Fixtures.run());
        CombinedDomainXYPlot combined = (CombinedDomainXYPlot) chart.chart().getPlot();
        List<XYPlot> panels = combined.getSubplots();
        assertEquals(3, panels.size());
        for (XYPlot panel : panels) {
            XYDataset data = panel.getDataset();
            // The per-worker columns are not part of the host stack.
            assertEquals(Fixtures.HOST_COLUMNS.size() - 2, data.getSeriesCount());
            for (int i = 0; i < data.getSeriesCount(); i++) {
                assertEquals(ChartStyle.source((String) data.getSeriesKey(i)), panel.getRenderer().getSeriesPaint(i));
            }
            // One scale for every panel, so heights compare.
            assertEquals(panels.get(0).getRangeAxis().getRange(), panel.getRangeAxis().getRange());
        }
        assertEquals(Fixtures.HOST_COLUMNS.size() - 2, combined.getLegendItems().getItemCount());
    }

    @Test
    void copiedBarsUseTheSourceColours() {
        CategoryPlot plot = CopiedBySourceChart.create(Fixtures.run()).chart().getCategoryPlot();
        for (int i = 0; i < CopySource.values().length; i++) {
            assertEquals(CopySource.values()[i].key(), plot.getDataset().getRowKey(i));
            assertEquals(ChartStyle.source(CopySource.values()[i].key()), plot.getRenderer().getSeriesPaint(i));
        }
    }

    @Test
    void aPolicyKeepsItsColourEvenWhenAnEarlierOneHasNoDeployWindow() {
        var run = ReportWriterTest.withPolicies(Fixtures.run(), p -> p.name().equals("default")
                ? new PolicyResult(p.name(), p.description(), p.worker(), p.host(), p.copiedPagesBySource(),
                        p.hostMemoryOverTime(), p.workerLifetime(), null, p.savingsVsBaselineHostMemoryPercent(),
                        p.extra())
                : p);
        XYPlot plot = DeployChart.create(run).orElseThrow().chart().getXYPlot();
        assertEquals("threshold0", plot.getDataset().getSeriesKey(0));
        assertEquals(ChartStyle.policy(1), plot.getRenderer().getSeriesPaint(0));
        assertEquals(ChartStyle.policy(2), plot.getRenderer().getSeriesPaint(1));
    }

    @Test
    void workerLifetimeDrawsPrivateSolidAndSharedDashedInThePolicyColour() {
        XYPlot plot = WorkerLifetimeChart.create(Fixtures.run()).chart().getXYPlot();
        assertEquals("threshold0 private", plot.getDataset().getSeriesKey(2));
        assertEquals(ChartStyle.policy(1), plot.getRenderer().getSeriesPaint(2));
        assertEquals(ChartStyle.policy(1), plot.getRenderer().getSeriesPaint(3));
        assertEquals(ChartStyle.LINE, plot.getRenderer().getSeriesStroke(2));
        assertEquals(ChartStyle.DASHED_LINE, plot.getRenderer().getSeriesStroke(3));
        assertTrue(plot.getDomainAxis().getLabel().endsWith("(h)"), plot.getDomainAxis().getLabel());
        // Legend: one entry per policy, then what solid and dashed mean.
        var legend = plot.getLegendItems();
        assertEquals(3 + 2, legend.getItemCount());
        assertEquals("threshold0", legend.get(1).getLabel());
        assertEquals(ChartStyle.policy(1), legend.get(1).getLinePaint());
        assertEquals(ChartStyle.DASHED_LINE, legend.get(4).getLineStroke());
    }

    @Test
    void everyKnownSourceHasItsOwnColour() {
        Set<Paint> colours = new HashSet<>();
        for (String source : Fixtures.HOST_COLUMNS.subList(0, 8)) {
            colours.add(ChartStyle.source(source));
        }
        assertEquals(8, colours.size());
        assertEquals(ChartStyle.source("page-cache"), ChartStyle.source("page-cache"));
        assertNotEquals(ChartStyle.policy(0), ChartStyle.policy(1));
    }

    @Test
    void everyChartHasATitleAndAxesInUnits() {
        for (ReportChart chart : ReportCharts.of(Fixtures.run())) {
            assertTrue(!chart.title().isBlank() && !chart.caption().isBlank(), chart.fileStem());
            var plot = chart.chart().getPlot();
            String range = plot instanceof CategoryPlot c ? c.getRangeAxis().getLabel()
                    : plot instanceof CombinedDomainXYPlot cd ? cd.getSubplots().get(0).getRangeAxis().getLabel()
                    : ((XYPlot) plot).getRangeAxis().getLabel();
            assertTrue(range.contains("MiB"), chart.fileStem() + ": " + range);
        }
    }
}
