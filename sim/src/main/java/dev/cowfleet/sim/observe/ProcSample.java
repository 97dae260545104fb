package dev.cowfleet.sim.observe;

/**
 * One process at one sampling instant, memory in KiB as the kernel reports it.
 *
 * @param seconds      since the observation started
 * @param pid          process id
 * @param role         "master" or "worker"
 * @param ageSeconds   since the process started
 * @param rssKiB       resident set
 * @param pssKiB       proportional set: shared pages divided among their sharers
 * @param sharedKiB    Shared_Clean + Shared_Dirty: pages another process maps too
 * @param privateKiB   Private_Clean + Private_Dirty: pages only this process maps (USS)
 * @param privateDirtyKiB the written part of private
 * @param minorFaults  minor page faults so far (each copy-on-write copy is one)
 */
public record ProcSample(double seconds, long pid, String role, double ageSeconds, long rssKiB, long pssKiB,
                         long sharedKiB, long privateKiB, long privateDirtyKiB, long minorFaults) {
}
