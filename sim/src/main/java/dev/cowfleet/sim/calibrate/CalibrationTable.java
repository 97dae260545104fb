package dev.cowfleet.sim.calibrate;

import java.util.Locale;

/** The calibration cells as an aligned text table, one row per policy and phase. */
public final class CalibrationTable {
    private static final String FORMAT = "%-16s %-9s %10s %10s %8s  %s%n";

    private CalibrationTable() {
    }

    public static String render(CalibrationReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Python %s, preload %s: worker private memory (USS), mean of %d workers"
                        + " after %d requests%n", report.python(), report.probe().preload(),
                report.probe().experiment().workers(), report.probe().experiment().requests()));
        out.append(String.format(Locale.ROOT, FORMAT, "policy", "phase", "measured", "predicted", "error", ""));
        out.append(String.format(Locale.ROOT, FORMAT, "", "", "MiB", "MiB", "", ""));
        for (CalibrationCell c : report.cells()) {
            out.append(String.format(Locale.ROOT, FORMAT, c.policy(), c.phase(),
                    String.format(Locale.ROOT, "%.1f", c.measuredPrivateMiB()),
                    String.format(Locale.ROOT, "%.1f", c.predictedPrivateMiB()),
                    String.format(Locale.ROOT, "%+.0f%%", 100 * c.relativeError()),
                    c.within(report.tolerance()) ? "ok" : "MISS (beyond ±" + Math.round(100 * report.tolerance()) + "%)"));
        }
        return out.toString();
    }
}
