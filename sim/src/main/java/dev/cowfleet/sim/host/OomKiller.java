package dev.cowfleet.sim.host;

import java.util.function.Consumer;

/** The kernel's out-of-memory killer for one host: it only chooses; the host kills (SIGKILL, respawn). */
final class OomKiller {
    private final HostPlan plan;
    private final WorkerSlot[] slots;
    private final HostRecorder recorder;
    private final PrivateMemoryTally memory;
    private final Consumer<WorkerSlot> killer;

    OomKiller(HostPlan plan, WorkerSlot[] slots, HostRecorder recorder, PrivateMemoryTally memory,
              Consumer<WorkerSlot> killer) {
        this.plan = plan;
        this.slots = slots;
        this.recorder = recorder;
        this.memory = memory;
        this.killer = killer;
    }

    /**
     * The kernel's out-of-memory killer: while the host needs more than its RAM, kill the process
     * with the most private memory. At an exit it looks at the peak the shutdown copies will reach.
     *
     * @return host memory once the killer is done (at the exit peak when {@code atExitPeak})
     */
    double check(double now, boolean atExitPeak) {
        double host = hostBytes(now, atExitPeak);
        for (int guard = 0; plan.ramBytes() > 0 && guard < slots.length && host > plan.ramBytes(); guard++) {
            WorkerSlot victim = null;
            double largest = -1;
            for (WorkerSlot slot : slots) {
                double bytes = recorder.privateBytes(slot, atExitPeak ? Double.POSITIVE_INFINITY : now);
                if (slot.state != WorkerSlot.State.EMPTY && bytes > largest) {
                    largest = bytes;
                    victim = slot;
                }
            }
            if (victim == null) {
                return host;
            }
            recorder.oomKill();
            killer.accept(victim);
            host = hostBytes(now, atExitPeak);
        }
        return host;
    }

    private double hostBytes(double now, boolean atExitPeak) {
        return atExitPeak ? memory.atExitPeak() : recorder.hostBytes(now, slots);
    }
}
