package dev.cowfleet.sim.host;

import java.io.Serializable;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * When the process manager replaces a worker (PRIMER section 4): after a number of requests
 * ({@code max-requests}, staggered by uWSGI's per-worker delta or Gunicorn's random jitter) or past a
 * memory limit checked after each request ({@code reload-on-rss/uss/pss}), either not before uWSGI's
 * {@code min-worker-lifetime}, or by SIGKILL when a request hangs longer than {@code harakiri}.
 *
 * @param maxRequests        0 = never
 * @param maxRequestsDelta   uWSGI: worker slot i recycles after maxRequests + i * delta
 * @param maxRequestsJitter  Gunicorn: each lifetime adds a uniform 0..jitter
 * @param reloadOnRssBytes   0 = off
 * @param reloadOnUssBytes   0 = off
 * @param reloadOnPssBytes   0 = off
 * @param stuckRequestFraction probability that a request hangs until harakiri kills the worker
 */
public record RecyclePolicy(long maxRequests, long maxRequestsDelta, long maxRequestsJitter,
                            long reloadOnRssBytes, long reloadOnUssBytes, long reloadOnPssBytes,
                            double minWorkerLifetimeSeconds, double harakiriSeconds,
                            double stuckRequestFraction) implements Serializable {

    /** Requests this lifetime of worker slot {@code slot} may serve; Long.MAX_VALUE when unlimited. */
    long maxRequestsFor(int slot, RandomGenerator rng) {
        if (maxRequests <= 0) {
            return Long.MAX_VALUE;
        }
        long jitter = maxRequestsJitter > 0 ? (long) (rng.nextDouble() * (maxRequestsJitter + 1)) : 0;
        return maxRequests + slot * maxRequestsDelta + jitter;
    }

    boolean reloadsOnMemory() {
        return reloadOnRssBytes > 0 || reloadOnUssBytes > 0 || reloadOnPssBytes > 0;
    }

    /** Whether a worker with these sizes is past any memory limit. */
    boolean overMemoryLimit(long rss, long uss, long pss) {
        return (reloadOnRssBytes > 0 && rss > reloadOnRssBytes)
                || (reloadOnUssBytes > 0 && uss > reloadOnUssBytes)
                || (reloadOnPssBytes > 0 && pss > reloadOnPssBytes);
    }

    /**
     * Requests until the first one that hangs, or Long.MAX_VALUE when requests never hang or nothing
     * would kill the worker: a geometric draw, so the hang is a milestone rather than a per-request coin.
     */
    long requestsUntilStuck(RandomGenerator rng) {
        if (stuckRequestFraction <= 0 || harakiriSeconds <= 0) {
            return Long.MAX_VALUE;
        }
        double u = 1.0 - rng.nextDouble();
        double k = Math.ceil(Math.log(u) / Math.log1p(-stuckRequestFraction));
        return k >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1L, (long) k);
    }
}
