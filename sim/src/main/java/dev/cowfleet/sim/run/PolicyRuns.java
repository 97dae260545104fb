package dev.cowfleet.sim.run;

import dev.cowfleet.sim.host.HostRunResult;
import java.util.List;

/**
 * The replications of one policy's host run, with what the assembler needs to name and scale them.
 *
 * @param pageBytes bytes per page of the inherited heap (4 KiB, or 2 MiB with huge pages)
 */
record PolicyRuns(String name, String description, int workers, long pageBytes, List<HostRunResult> replications) {
}
