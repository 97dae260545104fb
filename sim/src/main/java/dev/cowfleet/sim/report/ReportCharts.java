package dev.cowfleet.sim.report;

import dev.cowfleet.sim.result.RunResult;
import java.util.ArrayList;
import java.util.List;

/** The charts of a run, in the order report.html shows them. */
final class ReportCharts {
    private ReportCharts() {
    }

    static List<ReportChart> of(RunResult result) {
        List<ReportChart> charts = new ArrayList<>();
        WaterfallChart.create(result).ifPresent(charts::add);
        charts.add(WorkerLifetimeChart.create(result));
        charts.add(HostMemoryChart.create(result));
        charts.add(CopiedBySourceChart.create(result));
        DeployChart.create(result).ifPresent(charts::add);
        HostsAndCostChart.create(result).ifPresent(charts::add);
        FleetMemoryChart.create(result).ifPresent(charts::add);
        return charts;
    }
}
