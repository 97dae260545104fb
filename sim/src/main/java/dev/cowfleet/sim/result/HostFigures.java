package dev.cowfleet.sim.result;

/**
 * One host of a policy: its physical memory (master + the sum of worker private memory,
 * which equals the sum of PSS) and the CPU the policy spends beyond serving requests.
 *
 * @param workers            workers per host
 * @param memoryMiB          host physical memory over time
 * @param cpuOverheadPercent CPU by overhead source as a percentage of request CPU
 */
public record HostFigures(int workers, MemoryFigures memoryMiB, CpuOverhead cpuOverheadPercent) {

    /** Overheads in percent of the CPU spent serving requests. */
    public record CpuOverhead(double gc, double cow, double shutdown) {
    }
}
