package dev.cowfleet.sim.report;

import dev.cowfleet.sim.result.Estimate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How every writer turns a double into text, so the same figure reads the same in JSON, CSV, HTML
 * and the terminal, and two runs with the same seed produce byte-identical files.
 */
public final class Numbers {
    /** Machine-readable outputs keep 3 decimals: 0.001 MiB is 1 KiB, finer than any input. */
    static final int MACHINE_DECIMALS = 3;

    private Numbers() {
    }

    /** A mean with the half-width of its 95% confidence interval: "128.8 ±0.2". */
    public static String withInterval(Estimate estimate, int decimals) {
        return fixed(estimate.mean(), decimals) + " ±" + fixed(halfWidth(estimate), decimals);
    }

    /** Whole dollars with thousands separators; the sign before the symbol ("-$1,200"). */
    public static String money(double amount) {
        if (!Double.isFinite(amount)) {
            return "n/a";
        }
        String digits = String.format(Locale.ROOT, "$%,.0f", Math.abs(amount));
        return Math.round(amount) < 0 ? "-" + digits : digits;
    }

    /** As {@link #withInterval} in whole dollars: "$34,757,052 ±$0". */
    public static String moneyWithInterval(Estimate estimate) {
        return money(estimate.mean()) + " ±" + money(halfWidth(estimate));
    }

    private static double halfWidth(Estimate estimate) {
        return (estimate.ci95High() - estimate.ci95Low()) / 2;
    }

    /**
     * The value rounded half-up to {@link #MACHINE_DECIMALS} places, or null when it is not finite
     * (JSON has no NaN or infinity; a missing figure is more honest than a made-up one).
     */
    static BigDecimal machine(double value) {
        if (!Double.isFinite(value)) {
            return null;
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(MACHINE_DECIMALS, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        // stripTrailingZeros turns 100.000 into 1E+2; a scale of 0 keeps integers integral.
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    /** {@link #machine} as CSV text: plain notation, empty when not finite. */
    static String machineText(double value) {
        BigDecimal rounded = machine(value);
        return rounded == null ? "" : rounded.toPlainString();
    }

    /** Human-readable fixed-point text for tables, locale-independent; "n/a" when not finite. */
    static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        // "-0.0" reads as a sign error in a savings column.
        return text.matches("-0\\.?0*") ? text.substring(1) : text;
    }
}
