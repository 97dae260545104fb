package dev.cowfleet.sim.cli;

import dev.cowfleet.sim.run.WorkEstimate;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** Applies a {@link WorkEstimate} before a command simulates: refuse what cannot finish, warn on a terminal. */
final class WorkCheck {

    private WorkCheck() {
    }

    static void require(WorkEstimate estimate, CommonOptions options, PrintWriter err) {
        estimate.requireFeasible(Runtime.getRuntime().maxMemory());
        warnIfSlow(List.of(estimate), options, err);
    }

    static void requireSweep(List<WorkEstimate> points, CommonOptions options, PrintWriter err) {
        WorkEstimate.requireFeasibleSweep(points, Runtime.getRuntime().maxMemory());
        warnIfSlow(points, options, err);
    }

    /** Only a person at a terminal is helped by the warning; scripts and CI logs get the result alone. */
    private static void warnIfSlow(List<WorkEstimate> estimates, CommonOptions options, PrintWriter err) {
        if (options.quiet || System.console() == null) {
            return;
        }
        estimates.stream().map(WorkEstimate::slowWarning).flatMap(Optional::stream).findFirst()
                .ifPresent(err::println);
    }
}
