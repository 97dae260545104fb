package dev.cowfleet.sim.scenario;

import java.util.List;
import java.util.function.Function;

/**
 * Binds a {@code server} section, at the top level (defaults from the process-manager profile) or inside a
 * policy (defaults from the scenario's server section). Checks that each written key exists for the
 * process manager and that the limits can work together.
 */
final class ServerBinder {

    static final List<String> KEYS = List.of("maxRequests", "maxRequestsDelta", "maxRequestsJitter", "reloadOnRss",
            "reloadOnUss", "reloadOnPss", "minWorkerLifetime", "harakiri", "stuckRequests");

    /** What a freshly forked worker already uses, which a memory limit must exceed to ever let it live. */
    record FreshWorker(long rssBytes, long ussBytes) {
    }

    private ServerBinder() {
    }

    /**
     * @param defaults      values for absent keys
     * @param defaultOrigin origin of a defaulted key, by key
     */
    static ServerSpec bind(Section s, ProcessManager manager, ServerSpec defaults,
                           Function<String, String> defaultOrigin, FreshWorker fresh) {
        for (String key : KEYS) {
            if (s.has(key)) {
                manager.unsupported(key).ifPresent(reason -> {
                    throw s.fail(key, reason);
                });
            }
        }
        long maxRequests = s.optional("maxRequests", Kinds.COUNT, defaults.maxRequests(), defaultOrigin.apply("maxRequests"));
        long delta = s.optional("maxRequestsDelta", Kinds.COUNT, defaults.maxRequestsDelta(),
                defaultOrigin.apply("maxRequestsDelta"));
        long jitter = s.optional("maxRequestsJitter", Kinds.COUNT, defaults.maxRequestsJitter(),
                defaultOrigin.apply("maxRequestsJitter"));
        staggersMaxRequests(s, "maxRequestsDelta", delta, maxRequests);
        staggersMaxRequests(s, "maxRequestsJitter", jitter, maxRequests);
        long rss = memoryLimit(s, "reloadOnRss", defaults.reloadOnRssBytes(), defaultOrigin, fresh.rssBytes(),
                "the RSS of a fresh worker (heap + workerBaseline)");
        long uss = memoryLimit(s, "reloadOnUss", defaults.reloadOnUssBytes(), defaultOrigin, fresh.ussBytes(),
                "the USS of a fresh worker (costs.workerBaseline)");
        long pss = memoryLimit(s, "reloadOnPss", defaults.reloadOnPssBytes(), defaultOrigin, fresh.ussBytes(),
                "the PSS of a fresh worker (at least costs.workerBaseline)");
        double minLifetime = s.optional("minWorkerLifetime", Kinds.DURATION, defaults.minWorkerLifetimeSeconds(),
                defaultOrigin.apply("minWorkerLifetime"));
        double harakiri = s.optional("harakiri", Kinds.DURATION, defaults.harakiriSeconds(),
                defaultOrigin.apply("harakiri"));
        double stuck = s.optional("stuckRequests", Kinds.FRACTION, defaults.stuckRequests(),
                defaultOrigin.apply("stuckRequests"));
        if (stuck > 0 && harakiri == 0) {
            throw s.fail("stuckRequests", "stuck requests never end without a harakiri (uwsgi harakiri / gunicorn "
                    + "timeout); set server.harakiri too");
        }
        return new ServerSpec(maxRequests, delta, jitter, rss, uss, pss, minLifetime, harakiri, stuck);
    }

    private static void staggersMaxRequests(Section s, String key, long stagger, long maxRequests) {
        if (stagger > 0 && maxRequests == 0) {
            throw s.fail(key, "staggers maxRequests, which is 0 (never recycle); set maxRequests too");
        }
    }

    /** A reload-on-* limit; below what a fresh worker uses, every worker would recycle after one request. */
    private static long memoryLimit(Section s, String key, long fallback, Function<String, String> defaultOrigin,
                                    long freshBytes, String freshMeaning) {
        long limit = s.optional(key, Kinds.SIZE, fallback, defaultOrigin.apply(key));
        if (limit > 0 && limit <= freshBytes) {
            throw s.fail(key, Units.formatSize(limit) + " is not above " + freshMeaning + ", "
                    + Units.formatSize(freshBytes) + ": every worker would recycle after its first request");
        }
        return limit;
    }
}
