package dev.cowfleet.sim.host;

import dev.cowfleet.models.server.Worker;
import dev.cowfleet.sim.engine.SplitMix64;

/**
 * Reads a slot's worker at instants between the points where the model serves it, without
 * changing what the model draws: a copy of the worker and of its arrival window is served the
 * requests that arrived so far, with draws keyed by the lifetime, the instant and the purpose.
 *
 * <p>Successive readings of one purpose continue the same copy while the slot's own worker and
 * window stay as they were (a lifetime's first ages fall within one interval), so each reading
 * serves only the requests since the last one; any change of the slot starts a fresh copy.
 */
final class Reading {
    /** The kinds of observation: each keeps its own copy and draws, so adding one kind never moves another. */
    enum Purpose { SAMPLES, AGES, DEPLOY_TRACE }

    private final Purpose purpose;
    private final SplitMix64 draws = new SplitMix64(0);
    private final ArrivalWindow window = new ArrivalWindow(draws);
    private Worker base;
    private long baseVersion = -1;
    private Worker copy;
    /** A copy no longer read, whose storage the next copy reuses. */
    private Worker spare;

    Reading(Purpose purpose) {
        this.purpose = purpose;
    }

    /** The slot's worker as it is at {@code now}, the fraction {@code position} of the current interval. */
    Worker at(WorkerSlot slot, double position, double now) {
        if (slot.state != WorkerSlot.State.RUNNING) {
            return slot.worker;
        }
        if (base != slot.worker || baseVersion != slot.window.version()) {
            if (position <= slot.window.position()) {
                // Nothing arrived since the model last served the worker (a sample on an interval
                // end): a fresh copy would serve nothing, so the worker itself is read, and the next
                // reading that has requests to serve starts the copy as this one would have.
                return slot.worker;
            }
            base = slot.worker;
            baseVersion = slot.window.version();
            window.copyFrom(slot.window);
            spare = copy == null ? spare : copy;
            copy = null;
        }
        draws.setSeed(slot.readingSeed(purpose, now));
        long arrived = window.advanceTo(position);
        if (arrived > 0) {
            if (copy == null) {
                copy = slot.worker.copy(spare);
                spare = null;
            }
            copy.serve(arrived, draws);
        }
        return copy == null ? slot.worker : copy;
    }
}
