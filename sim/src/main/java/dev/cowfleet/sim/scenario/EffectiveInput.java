package dev.cowfleet.sim.scenario;

/**
 * One effective scenario value and where it came from ("file line 12", "default: python 3.6 profile",
 * "--set"), shown by {@code validate --explain} and in the report.
 */
public record EffectiveInput(String key, String value, String origin) {
}
