package dev.cowfleet.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * End-to-end check of calendar, streams and statistics: an M/M/1 queue whose steady-state mean
 * wait in queue is Wq = rho / (mu - lambda) and mean queue length Lq = rho^2 / (1 - rho).
 */
class MM1QueueTest {
    private static final double ARRIVAL_RATE = 0.5;
    private static final double SERVICE_RATE = 1.0;
    private static final int WARMUP_CUSTOMERS = 2_000;
    private static final int MEASURED_CUSTOMERS = 20_000;
    private static final int REPLICATIONS = 20;

    private static final int ARRIVAL = 0;
    private static final int DEPARTURE = 1;

    /** One replication: a FIFO single-server queue driven by the calendar. */
    private static final class Queue implements EventHandler {
        final EventCalendar calendar = new EventCalendar();
        final RandomGenerator arrivals;
        final RandomGenerator services;
        // arrival times of waiting customers, a ring buffer
        double[] waiting = new double[1024];
        int head;
        int queued;
        boolean serverBusy;
        long served;
        final Moments waits = new Moments();
        TimeWeighted queueLength;

        Queue(RandomStreams streams) {
            arrivals = streams.stream(0, StreamKey.NONE, "arrivals");
            services = streams.stream(0, StreamKey.NONE, "services");
        }

        double run() {
            calendar.scheduleAfter(exponential(arrivals, ARRIVAL_RATE), ARRIVAL, 0);
            while (served < WARMUP_CUSTOMERS + MEASURED_CUSTOMERS) {
                calendar.step(this);
            }
            return queueLength.mean(calendar.now());
        }

        @Override
        public void handle(int type, long payload) {
            double now = calendar.now();
            if (type == ARRIVAL) {
                calendar.scheduleAfter(exponential(arrivals, ARRIVAL_RATE), ARRIVAL, 0);
                if (serverBusy) {
                    enqueue(now);
                } else {
                    startService(now, now);
                }
            } else {
                served++;
                if (queued > 0) {
                    double arrivedAt = waiting[head];
                    head = (head + 1) % waiting.length;
                    queued--;
                    recordQueueLength(now);
                    startService(arrivedAt, now);
                } else {
                    serverBusy = false;
                }
            }
        }

        private void startService(double arrivedAt, double now) {
            serverBusy = true;
            if (served >= WARMUP_CUSTOMERS) {
                waits.add(now - arrivedAt);
            }
            calendar.scheduleAfter(exponential(services, SERVICE_RATE), DEPARTURE, 0);
        }

        private void enqueue(double now) {
            if (queued == waiting.length) {
                double[] grown = new double[2 * waiting.length];
                for (int i = 0; i < queued; i++) {
                    grown[i] = waiting[(head + i) % waiting.length];
                }
                waiting = grown;
                head = 0;
            }
            waiting[(head + queued) % waiting.length] = now;
            queued++;
            recordQueueLength(now);
        }

        private void recordQueueLength(double now) {
            if (served < WARMUP_CUSTOMERS) {
                return;
            }
            if (queueLength == null) {
                queueLength = new TimeWeighted(now, queued);
            } else {
                queueLength.update(now, queued);
            }
        }

        private static double exponential(RandomGenerator generator, double rate) {
            return -Math.log(1 - generator.nextDouble()) / rate;
        }
    }

    @Test
    void meanWaitMatchesTheAnalyticValueWithinItsConfidenceInterval() {
        double rho = ARRIVAL_RATE / SERVICE_RATE;
        double analyticWait = rho / (SERVICE_RATE - ARRIVAL_RATE);
        double analyticQueueLength = rho * rho / (1 - rho);

        ReplicationStats meanWait = new ReplicationStats();
        ReplicationStats meanQueueLength = new ReplicationStats();
        for (int replication = 0; replication < REPLICATIONS; replication++) {
            Queue queue = new Queue(new RandomStreams(2024, replication));
            meanQueueLength.add(queue.run());
            assertEquals(MEASURED_CUSTOMERS, queue.waits.count(), 1.0);
            meanWait.add(queue.waits.mean());
        }

        ConfidenceInterval waitInterval = meanWait.confidenceInterval(0.95);
        assertTrue(waitInterval.contains(analyticWait), "Wq = " + analyticWait + " outside " + waitInterval);
        // the interval must be tight enough to mean something (a wrong engine would not pass by luck)
        assertTrue(waitInterval.halfWidth() < 0.05 * analyticWait, waitInterval.toString());

        ConfidenceInterval lengthInterval = meanQueueLength.confidenceInterval(0.95);
        assertTrue(lengthInterval.contains(analyticQueueLength),
                "Lq = " + analyticQueueLength + " outside " + lengthInterval);
    }
}
