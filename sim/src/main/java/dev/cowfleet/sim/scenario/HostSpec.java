package dev.cowfleet.sim.scenario;

/**
 * The simulated host.
 *
 * @param workers              worker processes forked by the master (at least 1)
 * @param ramBytes             host RAM
 * @param cores                CPU cores
 * @param transparentHugePages pre-5.8 kernel THP: a copy-on-write fault copies a 2 MiB page
 */
public record HostSpec(int workers, long ramBytes, int cores, boolean transparentHugePages) {
}
