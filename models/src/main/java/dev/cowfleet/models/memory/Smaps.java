package dev.cowfleet.models.memory;

/**
 * One process's memory as {@code /proc/PID/smaps_rollup} reports it (PRIMER section 5), in bytes.
 *
 * @param rss          every resident page, shared ones counted in full
 * @param pss          private pages plus each shared page divided by the processes mapping it
 * @param uss          Private_Clean + Private_Dirty: what the process frees by exiting
 * @param shared       Shared_Clean + Shared_Dirty: pages mapped by more than one process
 * @param privateBytes the same pages as {@code uss} (kept for readers that use smaps' name)
 */
public record Smaps(long rss, long pss, long uss, long shared, long privateBytes) {
}
