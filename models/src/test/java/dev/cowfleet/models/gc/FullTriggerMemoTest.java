package dev.cowfleet.models.gc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The memo answers only for the exact epoch state it was given: any field that differs is a miss, whatever the hint. */
class FullTriggerMemoTest {
    private static final TriggerTimeline TIMELINE = new TriggerTimeline(700, 3000, 2940, 350, 12);
    private static final long[] STATE = {0, 16, 0, 0, 0, 1_102_812, 3, 0};

    private static FullTriggerMemo.EpochState state(TriggerTimeline timeline, long[] s) {
        return new FullTriggerMemo.EpochState(timeline, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
    }

    private static int find(FullTriggerMemo memo, int hint, TriggerTimeline timeline, long[] s) {
        return memo.find(hint, timeline, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
    }

    @Test
    void answersTheStateItWasGivenAndNoOther() {
        TriggerTimeline other = new TriggerTimeline(700, 3000, 2940, 350, 12);
        FullTriggerMemo memo = new FullTriggerMemo();
        int at = memo.put(state(TIMELINE, STATE), 1204);
        for (int hint = -1; hint <= 1; hint++) {
            assertEquals(at, find(memo, hint, TIMELINE, STATE));
            assertEquals(FullTriggerMemo.MISSING, find(memo, hint, other, STATE));
            for (int field = 0; field < STATE.length; field++) {
                long[] t = STATE.clone();
                t[field]++;
                assertEquals(FullTriggerMemo.MISSING, find(memo, hint, TIMELINE, t), "field " + field + " differs");
            }
        }
        assertEquals(1204, memo.fullTrigger(at));
    }

    @Test
    void aHintElsewhereStillFindsTheStatesOwnPlace() {
        FullTriggerMemo memo = new FullTriggerMemo();
        int[] places = new int[5];
        for (int i = 0; i < places.length; i++) {
            long[] s = STATE.clone();
            s[1] += i;
            places[i] = memo.put(state(TIMELINE, s), 1000 + i);
        }
        for (int i = 0; i < places.length; i++) {
            long[] s = STATE.clone();
            s[1] += i;
            for (int hint = -1; hint <= places.length; hint++) {
                int at = find(memo, hint, TIMELINE, s);
                assertEquals(places[i], at, "state " + i + " with hint " + hint);
                assertEquals(1000 + i, memo.fullTrigger(at));
            }
        }
    }
}
