package dev.cowfleet.sim.calibrate;

import java.util.List;
import java.util.Locale;

/**
 * The calibration cells as an aligned text table, one row per policy and phase, followed by each
 * missed cell's gap split by mechanism ({@link GapExplanation}).
 */
public final class CalibrationTable {
    private static final String FORMAT = "%-16s %-9s %10s %10s %8s  %s%n";
    private static final String MECHANISM_FORMAT = "    %-14s %10s %10s %11s %9s%n";

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
                    c.within(report.tolerance()) ? "ok"
                            : "MISS (beyond ±" + Math.round(100 * report.tolerance()) + "%)"));
        }
        List<CalibrationCell> misses = report.misses();
        if (!misses.isEmpty()) {
            out.append(String.format(Locale.ROOT, "%nOutside ±%d%%, mechanism by mechanism (measured growth split in"
                    + " the model's proportions: the probe measures one figure per phase):%n",
                    Math.round(100 * report.tolerance())));
        }
        for (CalibrationCell c : misses) {
            GapExplanation e = report.explanation(c).orElseThrow();
            out.append(String.format(Locale.ROOT, "%n%s%n", e.summary()));
            out.append(String.format(Locale.ROOT, MECHANISM_FORMAT, "mechanism", "predicted", "pages", "measured",
                    "gap"));
            out.append(String.format(Locale.ROOT, MECHANISM_FORMAT, "", "MiB", "", "MiB", "MiB"));
            for (GapExplanation.MechanismGap m : e.mechanisms()) {
                if (m.predictedMiB() == 0 && m.measuredMiB() == 0) {
                    continue;  // a mechanism the phase neither predicts nor measures adds nothing to read
                }
                out.append(String.format(Locale.ROOT, MECHANISM_FORMAT, m.mechanism(),
                        String.format(Locale.ROOT, "%.1f", m.predictedMiB()),
                        m.predictedPages() > 0 ? String.format(Locale.ROOT, "%,d", m.predictedPages()) : "",
                        String.format(Locale.ROOT, "%.1f", m.measuredMiB()),
                        String.format(Locale.ROOT, "%+.1f", m.gapMiB())));
            }
        }
        return out.toString();
    }
}
