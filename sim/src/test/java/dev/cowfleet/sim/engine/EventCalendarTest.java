package dev.cowfleet.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventCalendarTest {

    /** Records (time, payload) of every fired event. */
    private static final class Recorder implements EventHandler {
        final EventCalendar calendar;
        final List<Long> payloads = new ArrayList<>();
        final List<Double> times = new ArrayList<>();

        Recorder(EventCalendar calendar) {
            this.calendar = calendar;
        }

        @Override
        public void handle(int type, long payload) {
            payloads.add(payload);
            times.add(calendar.now());
        }
    }

    @Test
    void firesInTimeOrderAndEqualTimesFirstInFirstOut() {
        EventCalendar calendar = new EventCalendar();
        calendar.schedule(2.0, 0, 1);
        calendar.schedule(1.0, 0, 2);
        calendar.schedule(2.0, 0, 3);
        calendar.schedule(1.0, 0, 4);
        calendar.schedule(0.5, 0, 5);
        calendar.schedule(2.0, 0, 6);
        Recorder recorder = new Recorder(calendar);

        calendar.runUntilEmpty(recorder);

        assertEquals(List.of(5L, 2L, 4L, 1L, 3L, 6L), recorder.payloads);
        assertEquals(List.of(0.5, 1.0, 1.0, 2.0, 2.0, 2.0), recorder.times);
        assertEquals(2.0, calendar.now());
    }

    @Test
    void eventScheduledForNowDuringDispatchFiresAfterEventsAlreadyDueThen() {
        EventCalendar calendar = new EventCalendar();
        List<Long> fired = new ArrayList<>();
        calendar.schedule(1.0, 0, 1);
        calendar.schedule(1.0, 0, 2);
        calendar.runUntilEmpty((type, payload) -> {
            fired.add(payload);
            if (payload == 1) {
                calendar.schedule(calendar.now(), 0, 3);
            }
        });
        assertEquals(List.of(1L, 2L, 3L), fired);
    }

    @Test
    void deliversTypeAndPayload() {
        EventCalendar calendar = new EventCalendar();
        calendar.schedule(1.0, 7, Long.MAX_VALUE);
        int[] type = new int[1];
        long[] payload = new long[1];
        calendar.step((t, p) -> {
            type[0] = t;
            payload[0] = p;
        });
        assertEquals(7, type[0]);
        assertEquals(Long.MAX_VALUE, payload[0]);
    }

    @Test
    void cancelRemovesOnlyThatEventAndStaleHandlesAreRecognised() {
        EventCalendar calendar = new EventCalendar();
        long a = calendar.schedule(1.0, 0, 1);
        long b = calendar.schedule(1.0, 0, 2);
        long c = calendar.schedule(3.0, 0, 3);
        long d = calendar.schedule(0.5, 0, 4);

        assertTrue(calendar.cancel(b));
        assertFalse(calendar.cancel(b), "second cancel of the same event");
        assertFalse(calendar.isPending(b));
        assertTrue(calendar.isPending(a));
        assertEquals(3, calendar.size());

        // the freed slot is reused; the old handle must not reach the new tenant
        long e = calendar.schedule(2.0, 0, 5);
        assertFalse(calendar.cancel(b));
        assertTrue(calendar.isPending(e));

        assertTrue(calendar.cancel(d));
        Recorder recorder = new Recorder(calendar);
        calendar.runUntilEmpty(recorder);
        assertEquals(List.of(1L, 5L, 3L), recorder.payloads);
        assertFalse(calendar.cancel(a), "already fired");
        assertFalse(calendar.isPending(c));
    }

    @Test
    void runUntilFiresEventsDueUpToAndIncludingTheEndThenSetsTheClock() {
        EventCalendar calendar = new EventCalendar();
        calendar.schedule(1.0, 0, 1);
        calendar.schedule(2.0, 0, 2);
        calendar.schedule(2.5, 0, 3);
        Recorder recorder = new Recorder(calendar);

        calendar.runUntil(2.0, recorder);

        assertEquals(List.of(1L, 2L), recorder.payloads);
        assertEquals(2.0, calendar.now());
        assertEquals(1, calendar.size());
        assertEquals(2.5, calendar.peekTime());
        calendar.runUntil(10.0, recorder);
        assertEquals(10.0, calendar.now());
        assertTrue(calendar.isEmpty());
        assertEquals(Double.POSITIVE_INFINITY, calendar.peekTime());
    }

    @Test
    void rejectsEventsInThePastAndInvalidTimes() {
        EventCalendar calendar = new EventCalendar(5.0);
        IllegalArgumentException past =
                assertThrows(IllegalArgumentException.class, () -> calendar.schedule(4.0, 0, 0));
        assertTrue(past.getMessage().contains("4.0") && past.getMessage().contains(">= now (5.0)"),
                past.getMessage());
        assertThrows(IllegalArgumentException.class, () -> calendar.schedule(Double.NaN, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> calendar.schedule(Double.POSITIVE_INFINITY, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> calendar.scheduleAfter(-1.0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> calendar.runUntil(1.0, (t, p) -> { }));
        assertThrows(IllegalArgumentException.class, () -> calendar.cancel(12345L));
    }

    @Test
    void scheduleAfterIsRelativeToTheClock() {
        EventCalendar calendar = new EventCalendar(10.0);
        calendar.scheduleAfter(2.5, 0, 1);
        assertEquals(12.5, calendar.peekTime());
    }

    /** Reference: a sort of (time, sequence) over the events that were not cancelled. */
    @Test
    void randomScheduleAndCancelMatchesSortedReference() {
        SplittableRandom random = new SplittableRandom(42);
        for (int round = 0; round < 20; round++) {
            EventCalendar calendar = new EventCalendar();
            int n = 1 + random.nextInt(3000);
            List<double[]> expected = new ArrayList<>(); // {time, seq}
            long[] handles = new long[n];
            double[] times = new double[n];
            for (int i = 0; i < n; i++) {
                // few distinct times, so ties are common
                times[i] = random.nextInt(50) * 0.25;
                handles[i] = calendar.schedule(times[i], 0, i);
            }
            boolean[] cancelled = new boolean[n];
            for (int i = 0; i < n / 3; i++) {
                int victim = random.nextInt(n);
                assertEquals(!cancelled[victim], calendar.cancel(handles[victim]));
                cancelled[victim] = true;
            }
            for (int i = 0; i < n; i++) {
                if (!cancelled[i]) {
                    expected.add(new double[] {times[i], i});
                }
            }
            expected.sort(Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[1]));
            assertEquals(expected.size(), calendar.size());

            Recorder recorder = new Recorder(calendar);
            calendar.runUntilEmpty(recorder);
            List<Long> expectedOrder = new ArrayList<>();
            for (double[] e : expected) {
                expectedOrder.add((long) e[1]);
            }
            assertEquals(expectedOrder, recorder.payloads, "round " + round);
        }
    }

    /**
     * Hold model with cancellations interleaved with firing, against a PriorityQueue of
     * (time, sequence) pairs with lazy deletion.
     */
    @Test
    void dynamicHoldWithCancellationsMatchesPriorityQueueReference() {
        SplittableRandom random = new SplittableRandom(7);
        EventCalendar calendar = new EventCalendar();
        PriorityQueue<long[]> reference = new PriorityQueue<>(
                Comparator.<long[]>comparingDouble(e -> Double.longBitsToDouble(e[0]))
                        .thenComparingLong(e -> e[1]));
        List<Long> handles = new ArrayList<>();
        java.util.Set<Long> cancelledIds = new java.util.HashSet<>();
        long[] nextId = {0};

        java.util.function.DoubleConsumer scheduleBoth = time -> {
            long id = nextId[0]++;
            handles.add(calendar.schedule(time, 0, id));
            reference.add(new long[] {Double.doubleToLongBits(time), id});
        };
        for (int i = 0; i < 500; i++) {
            scheduleBoth.accept(random.nextInt(100) * 0.5);
        }
        for (int step = 0; step < 20_000; step++) {
            if (random.nextInt(4) == 0) {
                long id = random.nextLong(nextId[0]);
                boolean wasPending = calendar.cancel(handles.get((int) id));
                if (wasPending) {
                    cancelledIds.add(id);
                }
            }
            while (!reference.isEmpty() && cancelledIds.contains(reference.peek()[1])) {
                reference.poll();
            }
            if (reference.isEmpty()) {
                break;
            }
            long[] expected = reference.poll();
            long[] fired = {-1};
            calendar.step((type, payload) -> fired[0] = payload);
            assertEquals(expected[1], fired[0], "step " + step);
            assertEquals(Double.longBitsToDouble(expected[0]), calendar.now());
            int births = random.nextInt(3);
            for (int b = 0; b < births; b++) {
                scheduleBoth.accept(calendar.now() + random.nextInt(20) * 0.5);
            }
        }
    }

    @Test
    void calendarsAreIndependent() {
        EventCalendar first = new EventCalendar();
        EventCalendar second = new EventCalendar();
        first.schedule(1.0, 0, 1);
        assertEquals(0, second.size());
        first.runUntilEmpty((t, p) -> { });
        assertEquals(0.0, second.now());
    }

    @Test
    void growsWellBeyondItsInitialCapacity() {
        EventCalendar calendar = new EventCalendar();
        int n = 100_000;
        for (int i = n - 1; i >= 0; i--) {
            calendar.schedule(i, 0, i);
        }
        long[] expected = {0};
        calendar.runUntilEmpty((type, payload) -> assertEquals(expected[0]++, payload));
        assertEquals(n, expected[0]);
    }
}
