package dev.cowfleet.models.gc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The memo answers only for the exact epoch state it was given: any field that differs is a miss. */
class FullTriggerMemoTest {
    @Test
    void answersTheStateItWasGivenAndNoOther() {
        TriggerTimeline timeline = new TriggerTimeline(700, 3000, 2940, 350, 12);
        TriggerTimeline other = new TriggerTimeline(700, 3000, 2940, 350, 12);
        long[] s = {0, 16, 0, 0, 0, 1_102_812, 3, 0};
        FullTriggerMemo memo = new FullTriggerMemo();
        memo.put(new FullTriggerMemo.EpochState(timeline, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]), 1204);
        assertEquals(1204, memo.find(timeline, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]));
        assertEquals(FullTriggerMemo.UNKNOWN, memo.find(other, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]));
        for (int field = 0; field < s.length; field++) {
            long[] t = s.clone();
            t[field]++;
            assertEquals(FullTriggerMemo.UNKNOWN, memo.find(timeline, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]),
                    "field " + field + " differs");
        }
    }
}
