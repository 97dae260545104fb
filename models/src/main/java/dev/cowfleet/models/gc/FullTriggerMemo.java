package dev.cowfleet.models.gc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The next full collection's trigger for epoch states already searched, shared by every worker of
 * one {@link GcPlan}. The collector is deterministic: every lifetime of a recycling fleet passes
 * through the same few epochs (the same full collections at the same request numbers), so each
 * search ({@link GenerationalEpoch#fullTrigger}) is done once per plan instead of once per lifetime.
 * The answer is a function of the key alone, so a hit returns exactly what a search would.
 * Thread-safe; holds at most {@value #CAPACITY} states, so a long-lived worker's endless epochs
 * cannot grow it without bound (past that, states are searched as before).
 */
final class FullTriggerMemo {
    private static final int CAPACITY = 4096;

    /** An epoch's whole state as far as the search reads it (the thresholds are the plan's). */
    record EpochState(TriggerTimeline timeline, long timelineStart, long base, long count1, long count2,
                      long pending, long total, long reference, long extra) {
    }

    private final Map<EpochState, Long> answers = new ConcurrentHashMap<>();

    /** The trigger recorded for {@code state}, or null if it has not been searched. */
    Long get(EpochState state) {
        return answers.get(state);
    }

    void put(EpochState state, long fullTrigger) {
        if (answers.size() < CAPACITY) {
            answers.put(state, fullTrigger);
        }
    }
}
