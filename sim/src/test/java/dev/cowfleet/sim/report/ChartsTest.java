package dev.cowfleet.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.sim.result.PolicyResult;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.data.statistics.StatisticalCategoryDataset;
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
    void shutdownIsItsOwnBarBesideThePerLifetimeStack() {
        ReportChart copied = CopiedBySourceChart.create(Fixtures.run());
        ChartRenderingInfo info = new ChartRenderingInfo();
        copied.chart().createBufferedImage(copied.width(), copied.height(), info);
        Map<String, Rectangle2D> bars = new HashMap<>();
        for (Object entity : info.getEntityCollection().getEntities()) {
            if (entity instanceof CategoryItemEntity item && item.getColumnKey().equals("default")) {
                bars.put((String) item.getRowKey(), item.getArea().getBounds2D());
            }
        }
        Rectangle2D refcount = bars.get("refcount");
        Rectangle2D gc = bars.get("gc");
        Rectangle2D shutdown = bars.get("shutdown");
        // Lifetime sources stack in one bar: gc sits on refcount.
        assertEquals(refcount.getCenterX(), gc.getCenterX(), 0.5);
        assertEquals(refcount.getMinY(), gc.getMaxY(), 0.5);
        // Shutdown is a bar of its own, right of the stack and standing on the axis like refcount.
        assertTrue(shutdown.getMinX() >= refcount.getMaxX(), shutdown + " overlaps " + refcount);
        assertEquals(refcount.getMaxY(), shutdown.getMaxY(), 0.5);
        assertEquals(CopiedBySourceChart.PER_EXIT, CopiedBySourceChart.group(CopySource.SHUTDOWN));
        assertEquals(CopiedBySourceChart.PER_LIFETIME, CopiedBySourceChart.group(CopySource.GC));
        assertTrue(copied.caption().contains("shutdown, once per exiting worker"), copied.caption());
    }

    @Test
    void planChartsColourEachPolicyAsEverywhereElse() {
        var run = Fixtures.planned();
        CombinedDomainCategoryPlot bars = (CombinedDomainCategoryPlot) HostsAndCostChart.create(run).orElseThrow()
                .chart().getPlot();
        CategoryPlot hosts = (CategoryPlot) bars.getSubplots().get(0);
        assertEquals(HostsAndCostChart.HOSTS_AXIS, hosts.getRangeAxis().getLabel());
        assertEquals(ChartStyle.policy(2), hosts.getRenderer().getItemPaint(0, 2));
        // Whiskers are the confidence interval: its half-width sits where the renderer reads a deviation.
        var data = (StatisticalCategoryDataset) hosts.getDataset();
        assertEquals(9000, data.getMeanValue(0, 0).doubleValue());
        assertEquals(40, data.getStdDevValue(0, 0).doubleValue());
        CategoryPlot cost = (CategoryPlot) bars.getSubplots().get(1);
        assertEquals(9000 * 8760 * 0.9 / 1e6, cost.getDataset().getValue(0, 0).doubleValue(), 1e-9);

        CombinedDomainXYPlot fleet = (CombinedDomainXYPlot) FleetMemoryChart.create(run).orElseThrow().chart().getPlot();
        List<XYPlot> panels = fleet.getSubplots();
        assertEquals(FleetMemoryChart.MEMORY_AXIS, panels.get(0).getRangeAxis().getLabel());
        assertEquals(FleetMemoryChart.ABOVE_AXIS, panels.get(1).getRangeAxis().getLabel());
        for (XYPlot panel : panels) {
            assertEquals("threshold0", panel.getDataset().getSeriesKey(1));
            assertEquals(ChartStyle.policy(1), panel.getRenderer().getSeriesPaint(1));
        }
        assertEquals(300.0 * 0.8, panels.get(1).getDataset().getYValue(1, 2));
        assertEquals(3, fleet.getLegendItems().getItemCount());
    }

    @Test
    void aPolicyKeepsItsColourEvenWhenAnEarlierOneHasNoDeployWindow() {
        var run = ReportWriterTest.withPolicies(Fixtures.run(), p -> p.name().equals("default")
                ? new PolicyResult(p.name(), p.description(), p.worker(), p.host(), p.copiedPagesBySource(),
                        p.hostMemoryOverTime(), p.workerLifetime(), null, p.savingsVsBaselineHostMemoryPercent(),
                        p.kills())
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
        // a source the model may add later gets a fallback colour, distinct from the known ones
        assertEquals(ChartStyle.source("page-cache"), ChartStyle.source("page-cache"));
        assertFalse(colours.contains(ChartStyle.source("page-cache")), "fallback colours are not source colours");
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
