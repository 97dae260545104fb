package dev.cowfleet.models.server;

import dev.cowfleet.models.gc.Collector;
import dev.cowfleet.models.workload.RequestProfile;

/**
 * When a worker's private memory will cross a limit (reload-on-rss/uss/pss), forecast from its
 * state now: what the process manager schedules its next memory check by.
 */
final class PrivateMemoryForecast {
    /** Requests since the last full collection needed to trust the observed garbage promotion rate. */
    private static final long MIN_REQUESTS_FOR_RATE = 10;

    private final Worker worker;
    private final Collector collector;
    private final WorkerPlan plan;

    PrivateMemoryForecast(Worker worker, Collector collector, WorkerPlan plan) {
        this.worker = worker;
        this.collector = collector;
        this.plan = plan;
    }

    /**
     * Expected requests until {@link Worker#privateBytes()} exceeds {@code bytes} (for reload-on-rss/uss/pss):
     * live growth, garbage that no collection will free, garbage promoted until the next full
     * collection, the expected random copies and a due full collection. An estimate that errs early:
     * the caller serves that many, re-checks and asks again. 0 if already above; MAX if never.
     */
    long requestsUntilExceeds(long bytes) {
        if (worker.privateBytes() > bytes) {
            return 0;
        }
        if (expectedPrivateAfter(1L << 40) <= bytes) {
            return Long.MAX_VALUE;
        }
        long lo = 0;
        long hi = 1;
        while (expectedPrivateAfter(hi) <= bytes) {
            lo = hi;
            hi *= 2;
        }
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (expectedPrivateAfter(mid) > bytes) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private double expectedPrivateAfter(long k) {
        RequestProfile r = plan.request();
        double growth = (double) r.liveGrowthBytes() * k;
        long untilFull = collector.requestsUntilNextFullCollection();
        if (!collector.automatic() && untilFull > k) {
            growth += (double) r.cyclicGarbageBytes() * k;
        } else if (collector.automatic()) {
            // promoted garbage builds up until the next full collection: at the rate seen since the
            // last one, or (too few requests to tell) every request's garbage, which errs early
            long since = collector.requestsSinceFullCollection();
            double rate = since >= MIN_REQUESTS_FOR_RATE
                    ? worker.promotedGarbageBytes(collector.promotedAllocations()) / since : r.cyclicGarbageBytes();
            growth += rate * Math.min(k, untilFull == Long.MAX_VALUE ? k : untilFull - 1);
        }
        boolean fullDue = !collector.fullSinceFork() && collector.requestsUntilNextFullCollection() <= k;
        double pages = 0;
        for (int c = 0; c < plan.master().classes().size(); c++) {
            long clean = worker.cleanPages(c);
            if (fullDue && plan.master().classes().get(c).residence().visitedByFullCollection()) {
                pages += clean;
            } else {
                double q = (1 - plan.refcountProbability(c)) * (1 - plan.mutationProbability(c));
                pages += clean * -Math.expm1(k * Math.log(Math.max(q, Double.MIN_VALUE)));
            }
        }
        return worker.privateBytes() + growth + pages * plan.master().pageBytes();
    }

}
