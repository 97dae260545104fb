package dev.cowfleet.sim.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * A small deterministic simulation to hand to any engine: customers' waiting times in a single-server
 * queue with exponential gaps and service times (Lindley's recursion). Each task draws only from a
 * Well19937c seeded by its own key, the way cowfleet's runs use keyed streams, so its figures depend on
 * the task alone, never on which thread, executor or attempt ran it.
 */
public final class QueueTasks {
    private static final double[] LOADS = {0.5, 0.7, 0.9};

    /** One task: a stream key and the queue to simulate. */
    public record Point(long key, double arrivalRate, double serviceRate, int customers) implements Serializable {
    }

    /** What one task returns: statistics of the waiting times. */
    public record Figures(long key, double meanWait, double waitDeviation, double p95Wait, double maxWait)
            implements Serializable {
    }

    private QueueTasks() {
    }

    /** {@code count} tasks with distinct keys derived from {@code seed}, cycling through three loads. */
    public static List<Point> grid(int count, long seed, int customers) {
        List<Point> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            points.add(new Point(seed * 1_000_003L + i, LOADS[i % LOADS.length], 1.0, customers));
        }
        return points;
    }

    public static Figures simulate(Point point) {
        RandomGenerator random = new Well19937c(new int[] {(int) (point.key() >>> 32), (int) point.key()});
        DescriptiveStatistics waits = new DescriptiveStatistics(point.customers());
        double wait = 0;
        for (int customer = 0; customer < point.customers(); customer++) {
            waits.addValue(wait);
            double service = exponential(random, point.serviceRate());
            double gap = exponential(random, point.arrivalRate());
            wait = Math.max(0, wait + service - gap);
        }
        return new Figures(point.key(), waits.getMean(), waits.getStandardDeviation(), waits.getPercentile(95),
                waits.getMax());
    }

    private static double exponential(RandomGenerator random, double rate) {
        return -Math.log1p(-random.nextDouble()) / rate;
    }

    /** Java serialization of a result list: "identical results" means identical bytes. */
    public static byte[] bytes(List<? extends Serializable> results) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
            out.writeObject(new ArrayList<>(results));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
