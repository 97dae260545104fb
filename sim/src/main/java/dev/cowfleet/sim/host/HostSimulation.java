package dev.cowfleet.sim.host;

import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.models.memory.PoissonVariate;
import dev.cowfleet.models.server.ExitKind;
import dev.cowfleet.models.server.ShutdownOutcome;
import dev.cowfleet.models.server.Worker;
import dev.cowfleet.models.server.WorkerPlan;
import dev.cowfleet.sim.engine.EventCalendar;
import dev.cowfleet.sim.engine.EventHandler;
import dev.cowfleet.sim.engine.RandomStreams;
import java.util.List;

/**
 * One host for one replication of one policy: the master and its worker slots driven by an event
 * calendar.
 *
 * <p>Requests are counted, not scheduled: each arrival interval ({@value #INTERVAL_SECONDS} s,
 * whatever the sampling grid) draws every slot's arrivals at once, and only milestones that make
 * the process manager act ({@code max-requests}, a memory limit, a hanging request) become events,
 * placed at the request where they fall ({@link ArrivalWindow}). Collections are not events:
 * {@link Worker#serve} applies every collection inside a batch of requests exactly.
 *
 * <p>Observation never changes draws. A worker is served only at points the model defines:
 * interval ends, milestones and lifecycle events (fork, exit, respawn, deploy waves, harakiri, the
 * out-of-memory killer, which looks at interval ends and exits). Samples, worker ages and the
 * deploy trace read a copy served up to the instant with draws of their own, keyed by the lifetime
 * and the instant. So adding an age point, a trace or samples leaves every other figure as it was.
 * A run is a pure function of its plan and its random streams.
 *
 * <p>Worker ages are observed on every lifetime when workers live long, and on every
 * {@link LifetimeSampling#stride stride}-th lifetime of a slot when they recycle often: reading a
 * lifetime costs a copy at about ten ages in its first minutes.
 */
public final class HostSimulation implements EventHandler {
    /** What a calendar entry stands for; its ordinal is the calendar's event type. */
    private enum Event { INTERVAL, SAMPLE, MILESTONE, AGE, EXIT_END, HARAKIRI, DEPLOY_WAVE, DEPLOY_SAMPLE, RELOAD_CHECK }
    private static final Event[] EVENTS = Event.values();

    /**
     * The model's arrival interval: each slot's arrivals are drawn per interval of this length,
     * whatever the sampling grid, so that {@code sampleEvery} is an observation and not physics.
     */
    static final double INTERVAL_SECONDS = 60.0;

    private final HostPlan plan;
    private final WorkerPlan workerPlan;
    private final EventCalendar calendar = new EventCalendar();
    private final WorkerSlot[] slots;
    private final List<DeploySchedule.Wave> waves;
    private final HostRecorder recorder;
    private final int samples;
    private final double[] ages;
    private final int ageStride;
    private final Worker[] readings;
    private final MemoryLimits limits;
    private final PrivateMemoryTally memory;
    private final OomKiller oomKiller;
    private final ArrivalInterval arrivalInterval;

    private HostSimulation(HostPlan plan, RandomStreams streams, int host) {
        this.plan = plan;
        this.workerPlan = WorkerPlan.of(plan.master(), plan.request(), plan.costs());
        this.samples = plan.samples();
        this.slots = new WorkerSlot[plan.workers()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = WorkerSlot.open(streams, host, i);
        }
        this.readings = new Worker[slots.length];
        this.waves = plan.deploys().waves(plan.workers());
        this.ages = WorkerAges.grid(plan.durationSeconds(), plan.settleSeconds());
        this.ageStride = LifetimeSampling.stride(plan);
        HostRunResult result = new HostRunResult(samples, plan.sampleEverySeconds(), ages,
                DeployTrace.samples(plan), DeployTrace.startSeconds(plan),
                plan.deploys().isEmpty() ? 0 : plan.deploys().first());
        this.recorder = new HostRecorder(result, plan.master().masterBytes(), plan.costs().workerBaselineBytes());
        this.limits = new MemoryLimits(plan, slots);
        this.memory = new PrivateMemoryTally(plan.master().masterBytes(), slots.length);
        this.oomKiller = new OomKiller(plan, slots, recorder, memory, this::kill);
        this.arrivalInterval = new ArrivalInterval(plan.traffic());
    }

    /** Runs host {@code host} of a replication whose streams are {@code streams}. */
    public static HostRunResult run(HostPlan plan, RandomStreams streams, int host) {
        return new HostSimulation(plan, streams, host).run(false);
    }

    /** {@link #run}, then the server's graceful stop at the end: every running worker exits as its policy has it. */
    public static HostRunResult runToFinalStop(HostPlan plan, RandomStreams streams, int host) {
        return new HostSimulation(plan, streams, host).run(true);
    }

    private HostRunResult run(boolean serverStops) {
        // Interval ends are scheduled first, so that at any instant they fire before every other
        // event (ties fire in insertion order): a sample on an interval end then reads workers that
        // are up to date, and no event's order depends on which observations exist.
        int intervals = (int) Math.ceil(plan.durationSeconds() / INTERVAL_SECONDS - 1e-9);
        for (int k = 0; k <= intervals; k++) {
            calendar.schedule(Math.min(k * INTERVAL_SECONDS, plan.durationSeconds()), Event.INTERVAL.ordinal(), k);
        }
        for (WorkerSlot slot : slots) {
            fork(slot);
        }
        calendar.schedule(0.0, Event.SAMPLE.ordinal(), 0);
        for (int w = 0; w < waves.size(); w++) {
            if (waves.get(w).time() < plan.durationSeconds()) {
                calendar.schedule(waves.get(w).time(), Event.DEPLOY_WAVE.ordinal(), w);
            }
        }
        HostRunResult result = recorder.result();
        for (int j = 0; j < result.deployWindow.length; j++) {
            calendar.schedule(result.deployWindowStartSeconds + j * DeployTrace.STEP_SECONDS, Event.DEPLOY_SAMPLE.ordinal(), j);
        }
        calendar.runUntil(plan.durationSeconds(), this);
        recorder.runEnded(slots, plan.durationSeconds(), serverStops);
        return result;
    }

    @Override
    public void handle(int type, long payload) {
        switch (EVENTS[type]) {
            case INTERVAL -> interval((int) payload);
            case SAMPLE -> sample((int) payload);
            case MILESTONE -> milestone(slots[(int) payload]);
            case AGE -> age(slots[(int) payload]);
            case EXIT_END -> exitEnded(slots[(int) payload]);
            case HARAKIRI -> harakiri(slots[(int) payload]);
            case DEPLOY_WAVE -> deployWave(waves.get((int) payload));
            case DEPLOY_SAMPLE -> deploySample((int) payload);
            case RELOAD_CHECK -> reloadCheck(slots[(int) payload]);
        }
    }

    // ---- arrival intervals, requests and readings ----

    /** The end of arrival interval {@code index - 1} and the start of interval {@code index}. */
    private void interval(int index) {
        double now = calendar.now();
        for (WorkerSlot slot : slots) {
            if (slot.milestoneEvent != WorkerSlot.NO_EVENT) {
                // A milestone drawn at the interval's very end fires before the interval closes.
                calendar.cancel(slot.milestoneEvent);
                milestone(slot);
            }
        }
        for (WorkerSlot slot : slots) {
            serveUntil(slot, now);
        }
        // The kernel kills as memory crosses the RAM, so no sample can see a host above it.
        if (plan.ramBytes() > 0) {
            oomKiller.check(calendar.now(), false);
        }
        if (now < plan.durationSeconds()) {
            openInterval(now, Math.min((index + 1) * INTERVAL_SECONDS, plan.durationSeconds()));
        }
    }

    private void sample(int index) {
        double now = calendar.now();
        recorder.sample(index, now, slots, readAll(now, Reading.Purpose.SAMPLES));
        if (index + 1 < samples) {
            calendar.schedule((index + 1) * plan.sampleEverySeconds(), Event.SAMPLE.ordinal(), index + 1);
        }
    }

    /** One point of the 1-second trace around the first deploy. */
    private void deploySample(int index) {
        double now = calendar.now();
        recorder.deploySample(index, now, slots, readAll(now, Reading.Purpose.DEPLOY_TRACE));
    }

    private Worker[] readAll(double now, Reading.Purpose purpose) {
        for (int i = 0; i < slots.length; i++) {
            readings[i] = slots[i].reading(purpose).at(slots[i], arrivalInterval.positionAt(now), now);
        }
        return readings;
    }

    private void openInterval(double start, double end) {
        PoissonVariate arrivals = new PoissonVariate(arrivalInterval.open(start, end) / slots.length);
        for (WorkerSlot slot : slots) {
            slot.window.open(arrivals.sample(slot.arrivals));
            if (slot.state == WorkerSlot.State.RUNNING) {
                scheduleMilestone(slot);
            }
        }
    }

    /** Serves the slot's requests that arrived up to {@code now} (dropping them if no worker is up). */
    private void serveUntil(WorkerSlot slot, double now) {
        long arrived = slot.window.advanceTo(arrivalInterval.positionAt(now));
        if (slot.state == WorkerSlot.State.RUNNING && arrived > 0) {
            memory.serve(slot, arrived);
        }
    }

    private void scheduleMilestone(WorkerSlot slot) {
        long served = slot.worker.requestsServed();
        long k = Math.min(slot.maxRequests - served, slot.stuckAtRequest - served);
        k = Math.min(k, limits.requestsUntilLimit(slot));
        if (k >= 1 && slot.window.placeMilestone(k)) {
            double at = arrivalInterval.timeAt(slot.window.milestonePosition());
            slot.milestoneEvent = calendar.schedule(Math.max(calendar.now(), at), Event.MILESTONE.ordinal(), slot.index);
        }
    }

    private void milestone(WorkerSlot slot) {
        slot.milestoneEvent = WorkerSlot.NO_EVENT;
        memory.serve(slot, slot.window.reachMilestone());
        afterRequests(slot);
    }

    /** What the process manager checks at the end of a request. */
    private void afterRequests(WorkerSlot slot) {
        long served = slot.worker.requestsServed();
        if (served < slot.maxRequests && served >= slot.stuckAtRequest) {
            slot.state = WorkerSlot.State.STUCK;
            slot.pendingEvent = calendar.scheduleAfter(plan.recycle().harakiriSeconds(), Event.HARAKIRI.ordinal(), slot.index);
        } else if (slot.dueForRecycling(limits)) {
            double oldEnough = slot.forkTime + plan.recycle().minWorkerLifetimeSeconds();
            if (calendar.now() >= oldEnough) {
                startExit(slot, ExitKind.NORMAL);
            } else if (slot.pendingEvent == WorkerSlot.NO_EVENT) {
                slot.pendingEvent = calendar.schedule(oldEnough, Event.RELOAD_CHECK.ordinal(), slot.index);
            }
        } else {
            scheduleMilestone(slot);
        }
    }

    private void reloadCheck(WorkerSlot slot) {
        slot.pendingEvent = WorkerSlot.NO_EVENT;
        if (slot.state != WorkerSlot.State.RUNNING) {
            return;
        }
        bringUpToDate(slot);
        if (slot.dueForRecycling(limits)) {
            startExit(slot, ExitKind.NORMAL);
        } else {
            scheduleMilestone(slot);
        }
    }

    // ---- lifecycle ----

    private void fork(WorkerSlot slot) {
        double now = calendar.now();
        serveUntil(slot, now);
        slot.worker = memory.fork(slot, workerPlan);
        slot.state = WorkerSlot.State.RUNNING;
        slot.forkTime = now;
        slot.maxRequests = plan.recycle().maxRequestsFor(slot.index, slot.lifecycle);
        slot.stuckAtRequest = plan.recycle().requestsUntilStuck(slot.lifecycle);
        slot.nextAge = 0;
        slot.ageEvent = (slot.lifetimes++ + slot.index) % ageStride == 0
                ? calendar.schedule(now + ages[0], Event.AGE.ordinal(), slot.index) : WorkerSlot.NO_EVENT;
        if (slot.window.remaining() > 0) {
            scheduleMilestone(slot);
        }
    }

    private void age(WorkerSlot slot) {
        int a = slot.nextAge++;
        double now = calendar.now();
        Worker read = slot.reading(Reading.Purpose.AGES).at(slot, arrivalInterval.positionAt(now), now);
        recorder.age(a, read, ages[a] == plan.settleSeconds());
        slot.ageEvent = slot.nextAge < ages.length
                ? calendar.schedule(slot.forkTime + ages[slot.nextAge], Event.AGE.ordinal(), slot.index)
                : WorkerSlot.NO_EVENT;
    }

    private void bringUpToDate(WorkerSlot slot) {
        serveUntil(slot, calendar.now());
    }

    private void startExit(WorkerSlot slot, ExitKind kind) {
        cancelEvents(slot);
        ShutdownOutcome shutdown = memory.exit(slot, kind);
        recorder.lifetimeEnded(slot.worker, true, calendar.now() - slot.forkTime);
        slot.state = WorkerSlot.State.EXITING;
        slot.exitStart = calendar.now();
        slot.exitBytes = slot.worker.copiedBytes(CopySource.SHUTDOWN);
        slot.exitDuration = shutdown.durationSeconds();
        slot.pendingEvent = calendar.scheduleAfter(slot.exitDuration, Event.EXIT_END.ordinal(), slot.index);
        recorder.exitPeak(oomKiller.check(calendar.now(), true));
    }

    private void exitEnded(WorkerSlot slot) {
        slot.pendingEvent = WorkerSlot.NO_EVENT;
        slot.state = WorkerSlot.State.EMPTY;
        fork(slot);
    }

    private void harakiri(WorkerSlot slot) {
        slot.pendingEvent = WorkerSlot.NO_EVENT;
        recorder.harakiriKill();
        kill(slot);
    }

    /** SIGKILL: no finalization, so no copying; the process manager forks a replacement at once. */
    private void kill(WorkerSlot slot) {
        cancelEvents(slot);
        if (slot.alive()) {
            bringUpToDate(slot);
            memory.exit(slot, ExitKind.SIGKILL);
            recorder.lifetimeEnded(slot.worker, false, calendar.now() - slot.forkTime);
        }
        slot.state = WorkerSlot.State.EMPTY;
        fork(slot);
    }

    private void deployWave(DeploySchedule.Wave wave) {
        for (int i = wave.fromSlot(); i < wave.toSlot(); i++) {
            WorkerSlot slot = slots[i];
            switch (slot.state) {
                case RUNNING -> {
                    bringUpToDate(slot);
                    startExit(slot, ExitKind.NORMAL);
                }
                case STUCK -> kill(slot);
                case EXITING, EMPTY -> { }
            }
        }
    }

    private void cancelEvents(WorkerSlot slot) {
        if (slot.milestoneEvent != WorkerSlot.NO_EVENT) {
            calendar.cancel(slot.milestoneEvent);
            slot.milestoneEvent = WorkerSlot.NO_EVENT;
            slot.window.dropMilestone();
        }
        if (slot.ageEvent != WorkerSlot.NO_EVENT) {
            calendar.cancel(slot.ageEvent);
            slot.ageEvent = WorkerSlot.NO_EVENT;
        }
        if (slot.pendingEvent != WorkerSlot.NO_EVENT) {
            calendar.cancel(slot.pendingEvent);
            slot.pendingEvent = WorkerSlot.NO_EVENT;
        }
    }
}
