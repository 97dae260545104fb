package dev.cowfleet.sim.scenario;

import java.util.List;
import java.util.Map;

/**
 * The daily shape of traffic: a {@code diurnal} section (in {@code workload} and in {@code fleet}).
 * {@code requestsPerSecond} is the peak; a sine shape falls to peak / peakToTrough twelve hours after
 * {@code peakHour}.
 *
 * @param peakToTrough    1 for flat traffic
 * @param peakHourSeconds time of day of the peak, 0 for flat traffic
 */
public record DiurnalSpec(Shape shape, double peakToTrough, double peakHourSeconds) {

    public static final DiurnalSpec FLAT = new DiurnalSpec(Shape.FLAT, 1, 0);

    public enum Shape { FLAT, SINE }

    private static final double DAY_SECONDS = 86_400;
    private static final ValueKind<Shape> SHAPE_KIND = Kinds.oneOf(List.of(
            Map.entry("flat", Shape.FLAT),
            Map.entry("sine", Shape.SINE)));

    static final Keys KEYS = new Keys();
    private static final Key.Value<Shape> SHAPE = KEYS.optional("shape", SHAPE_KIND, Shape.FLAT,
            "Traffic over the day: flat, or a sine wave between trough and peak.");
    private static final Key.Value<Double> PEAK_TO_TROUGH = KEYS.derived("peakToTrough", Kinds.RATIO,
            "required with shape: sine", "Peak traffic over trough traffic (shape: sine only).");
    private static final Key.Value<Double> PEAK_HOUR = KEYS.derived("peakHour", Kinds.DURATION,
            "required with shape: sine", "Time of day of the peak, like 20h (shape: sine only).");

    static DiurnalSpec read(Section s) {
        Shape shape = s.optional(SHAPE);
        if (shape == Shape.FLAT) {
            for (Key.Value<Double> key : List.of(PEAK_TO_TROUGH, PEAK_HOUR)) {
                if (s.has(key)) {
                    throw s.fail(key, "only meaningful with shape: sine (traffic here is flat)");
                }
            }
            return FLAT;
        }
        double ratio = s.required(PEAK_TO_TROUGH);
        double peakHour = s.required(PEAK_HOUR);
        if (peakHour >= DAY_SECONDS) {
            throw s.fail(PEAK_HOUR, "expected a time of day below 24h like 20h, got " + Units.formatDuration(peakHour));
        }
        return new DiurnalSpec(shape, ratio, peakHour);
    }
}
