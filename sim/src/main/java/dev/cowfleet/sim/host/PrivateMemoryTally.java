package dev.cowfleet.sim.host;

import dev.cowfleet.models.server.ExitKind;
import dev.cowfleet.models.server.ShutdownOutcome;
import dev.cowfleet.models.server.Worker;
import dev.cowfleet.models.server.WorkerPlan;

/**
 * The private bytes of every slot's worker, summed as workers change rather than over every slot
 * at each look: the out-of-memory killer looks at the host's exit peak at every worker exit, a
 * dozen times a minute on a recycling fleet. Every change to a slot's worker goes through here.
 *
 * <p>At the exit peak every exiting worker counts its whole shutdown copy, so each slot contributes
 * its worker's whole private bytes: whole numbers, whose sum in a long is exact and far below
 * 2<sup>53</sup>, so it equals, as a double, the sum over slots the recorder would add up. A slot is
 * empty only between an exit's end or a kill and the fork that follows at once, which no look sees,
 * so its last worker's bytes stand in for the 0 an empty slot has.
 */
final class PrivateMemoryTally {
    private final long masterBytes;
    private final long[] bySlot;
    private long workersTotal;

    PrivateMemoryTally(long masterBytes, int slots) {
        this.masterBytes = masterBytes;
        this.bySlot = new long[slots];
    }

    /** Forks the slot's next worker, in the storage of its last one. */
    Worker fork(WorkerSlot slot, WorkerPlan plan) {
        Worker worker = Worker.fork(plan, slot.worker); // the last process has exited: reuse its storage
        count(slot, worker);
        return worker;
    }

    /** Serves {@code requests} requests to the slot's worker. */
    void serve(WorkerSlot slot, long requests) {
        slot.worker.serve(requests, slot.pages);
        count(slot, slot.worker);
    }

    /** Ends the slot's worker. */
    ShutdownOutcome exit(WorkerSlot slot, ExitKind kind) {
        ShutdownOutcome shutdown = slot.worker.exit(kind, slot.lifecycle);
        count(slot, slot.worker);
        return shutdown;
    }

    /** Host physical memory once the exits under way have copied everything they still share. */
    double atExitPeak() {
        return masterBytes + workersTotal;
    }

    private void count(WorkerSlot slot, Worker worker) {
        long bytes = worker.privateBytes();
        workersTotal += bytes - bySlot[slot.index];
        bySlot[slot.index] = bytes;
    }
}
