package dev.cowfleet.sim.engine;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The classic hold model: N events pending; each operation fires the earliest and schedules one
 * new event at now + X, so the queue size stays N. {@link EventCalendar} is measured against
 * {@link PriorityQueue} of event objects ordered by (time, sequence), in the same run.
 *
 * <p>X is Exp(1) or U(0, 2N). Increments are drawn in advance into a ring so that both queues
 * pay the same (zero) random-number cost and only queue work is timed.
 *
 * <p>Run: {@code mvn -B -Pbench -pl sim -am verify -DskipTests} (see sim/pom.xml, profile
 * {@code bench}; pass JMH options with {@code -Djmh.args="..."}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class HoldBenchmark {
    private static final int RING = 1 << 16;

    /** Shared set-up: the pending-event count, the increment law and its pre-drawn ring. */
    @State(Scope.Thread)
    public abstract static class Hold {
        @Param({"1000", "100000", "1000000"})
        public int pending;

        @Param({"exp", "uniform"})
        public String increment;

        final double[] increments = new double[RING];
        int next;

        void drawIncrements() {
            SplittableRandom random = new SplittableRandom(12345);
            for (int i = 0; i < RING; i++) {
                increments[i] = switch (increment) {
                    case "exp" -> -Math.log(1 - random.nextDouble());
                    case "uniform" -> random.nextDouble() * 2 * pending;
                    default -> throw new IllegalArgumentException(
                            "increment '" + increment + "' is unknown: expected exp or uniform");
                };
            }
        }

        double nextIncrement() {
            double value = increments[next];
            next = (next + 1) & (RING - 1);
            return value;
        }
    }

    /** The event calendar under test, its handler doing the hold's re-schedule. */
    public static class CalendarHold extends Hold implements EventHandler {
        EventCalendar calendar;

        @Setup(Level.Trial)
        public void fill() {
            drawIncrements();
            calendar = new EventCalendar();
            for (int i = 0; i < pending; i++) {
                calendar.schedule(nextIncrement(), 0, i);
            }
        }

        @Override
        public void handle(int type, long payload) {
            calendar.schedule(calendar.now() + nextIncrement(), type, payload);
        }
    }

    /** The baseline: a PriorityQueue of event objects with the same ordering. */
    public static class PriorityQueueHold extends Hold {
        PriorityQueue<Event> queue;
        long sequence;

        @Setup(Level.Trial)
        public void fill() {
            drawIncrements();
            queue = new PriorityQueue<>();
            for (int i = 0; i < pending; i++) {
                queue.add(new Event(nextIncrement(), sequence++, 0, i));
            }
        }
    }

    /** A plain event object as a typical simulator would keep it. */
    static final class Event implements Comparable<Event> {
        final double time;
        final long sequence;
        final int type;
        final long payload;

        Event(double time, long sequence, int type, long payload) {
            this.time = time;
            this.sequence = sequence;
            this.type = type;
            this.payload = payload;
        }

        @Override
        public int compareTo(Event other) {
            int byTime = Double.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    @Benchmark
    public double eventCalendar(CalendarHold hold) {
        hold.calendar.step(hold);
        return hold.calendar.now();
    }

    @Benchmark
    public double priorityQueue(PriorityQueueHold hold) {
        Event fired = hold.queue.poll();
        hold.queue.add(new Event(fired.time + hold.nextIncrement(), hold.sequence++, fired.type, fired.payload));
        return fired.time;
    }
}
