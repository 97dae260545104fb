package dev.cowfleet.sim.sweep;

import dev.cowfleet.sim.report.Numbers;
import dev.cowfleet.sim.result.Estimate;
import dev.cowfleet.sim.result.PolicyResult;
import java.util.List;
import java.util.function.Function;

/**
 * What a sweep reports per point and policy: the capacity plan (hosts, cost, saving) when the scenario
 * plans a fleet, else host memory and its saving. sweep.csv and sweep.html read the same list.
 *
 * @param column  CSV column stem
 * @param heading heading on sweep.html
 * @param value   how to read it off a policy
 * @param text    how sweep.html shows it, with its confidence interval
 */
record SweepFigures(String column, String heading, Function<PolicyResult, Estimate> value,
                    Function<Estimate, String> text) {

    private static final List<SweepFigures> FLEET = List.of(
            new SweepFigures("hostsNeeded", "hosts needed", p -> p.capacity().hostsNeeded(),
                    e -> Numbers.withInterval(e, 0)),
            new SweepFigures("annualCost", "annual cost", p -> p.capacity().annualCost(), Numbers::moneyWithInterval),
            new SweepFigures("savingsPercent", "cost saved %", p -> p.capacity().savingsPercent(),
                    e -> Numbers.withInterval(e, 1)));
    private static final List<SweepFigures> HOST = List.of(
            new SweepFigures("hostMemoryMiB", "host memory MiB", p -> p.host().memoryMiB().mean(),
                    e -> Numbers.withInterval(e, 0)),
            new SweepFigures("hostMemorySavingsPercent", "host memory saved %",
                    PolicyResult::savingsVsBaselineHostMemoryPercent, e -> Numbers.withInterval(e, 1)));

    /** Whether the sweep's points are capacity plans (the scenario has a fleet section). */
    static boolean plansFleet(List<PointResult> points) {
        return points.get(0).result().policies().get(0).capacity() != null;
    }

    static List<SweepFigures> of(List<PointResult> points) {
        return plansFleet(points) ? FLEET : HOST;
    }
}
