package dev.cowfleet.sim.scenario;

/**
 * The master's collector state at fork, which every worker inherits and which decides when its first full
 * collection comes (PRIMER §3, long-lived rule).
 */
public record GcCountersSpec(long count0, long count1, long count2, long longLivedTotal, long longLivedPending) {
}
