package dev.cowfleet.sim.scenario;

/**
 * The daily shape of traffic. {@code requestsPerSecond} is the peak; a sine shape falls to
 * peak / peakToTrough twelve hours after {@code peakHour}.
 *
 * @param peakToTrough    1 for flat traffic
 * @param peakHourSeconds time of day of the peak, 0 for flat traffic
 */
public record DiurnalSpec(Shape shape, double peakToTrough, double peakHourSeconds) {

    public static final DiurnalSpec FLAT = new DiurnalSpec(Shape.FLAT, 1, 0);

    public enum Shape { FLAT, SINE }
}
