package dev.cowfleet.sim.host;

import dev.cowfleet.models.server.HostAccounting;
import dev.cowfleet.models.memory.Smaps;
import dev.cowfleet.models.server.Worker;
import java.util.ArrayList;
import java.util.List;

/**
 * uWSGI's memory limits (reload-on-rss / uss / pss) for one host: whether a worker is over one,
 * and when it may cross one, so that the host checks at that request rather than at every one.
 */
final class MemoryLimits {
    private final HostPlan plan;
    private final WorkerSlot[] slots;

    MemoryLimits(HostPlan plan, WorkerSlot[] slots) {
        this.plan = plan;
        this.slots = slots;
    }

    /** Requests until the slot's worker may cross a limit, at least 1; MAX without limits or with a check pending. */
    long requestsUntilLimit(WorkerSlot slot) {
        RecyclePolicy recycle = plan.recycle();
        if (!recycle.reloadsOnMemory() || slot.pendingEvent != WorkerSlot.NO_EVENT) {
            return Long.MAX_VALUE;
        }
        Worker worker = slot.worker;
        long k = Long.MAX_VALUE;
        // Private memory past (limit - what the limit also counts of shared memory) crosses the limit.
        // Copying moves bytes from shared to private, so this estimate comes early, never late;
        // the check at the milestone decides and re-estimates.
        if (recycle.reloadOnRssBytes() > 0) {
            k = Math.min(k, worker.requestsUntilPrivateExceeds(recycle.reloadOnRssBytes() - worker.sharedBytes()));
        }
        if (recycle.reloadOnUssBytes() > 0) {
            k = Math.min(k, worker.requestsUntilPrivateExceeds(recycle.reloadOnUssBytes()));
        }
        if (recycle.reloadOnPssBytes() > 0) {
            long sharers = 1 + aliveWorkers();
            k = Math.min(k, worker.requestsUntilPrivateExceeds(recycle.reloadOnPssBytes() - worker.sharedBytes() / sharers));
        }
        return Math.max(1, k);
    }

    /** Whether the slot's worker is over a limit now. */
    boolean over(WorkerSlot slot) {
        RecyclePolicy recycle = plan.recycle();
        if (!recycle.reloadsOnMemory()) {
            return false;
        }
        Worker worker = slot.worker;
        long pss = recycle.reloadOnPssBytes() > 0 ? pssOf(slot) : 0;
        return recycle.overMemoryLimit(worker.sharedBytes() + worker.privateBytes(), worker.privateBytes(), pss);
    }

    private long pssOf(WorkerSlot target) {
        List<Worker> workers = new ArrayList<>();
        int position = -1;
        for (WorkerSlot slot : slots) {
            if (slot.state != WorkerSlot.State.EMPTY) {
                if (slot == target) {
                    position = workers.size();
                }
                workers.add(slot.worker);
            }
        }
        List<Smaps> smaps = HostAccounting.smaps(plan.master(), workers);
        return smaps.get(position + 1).pss();
    }

    private int aliveWorkers() {
        int alive = 0;
        for (WorkerSlot slot : slots) {
            alive += slot.alive() ? 1 : 0;
        }
        return alive;
    }
}
