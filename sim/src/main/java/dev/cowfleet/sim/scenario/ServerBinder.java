package dev.cowfleet.sim.scenario;

import java.util.function.Function;

/**
 * Binds a {@code server} section, at the top level (defaults from the process-manager profile) or inside a
 * policy (defaults from the scenario's server section). Checks that each written key exists for the
 * process manager and that the limits can work together.
 */
final class ServerBinder {

    static final Keys KEYS = new Keys();
    private static final String FROM_PROFILE = "the processManager's profile (in a policy: the scenario's server)";
    private static final KeyDef<Long> MAX_REQUESTS = KEYS.derived("maxRequests", Kinds.COUNT, FROM_PROFILE,
            "Requests after which a worker is recycled (uwsgi max-requests, gunicorn max_requests); 0 is never.");
    private static final KeyDef<Long> MAX_REQUESTS_DELTA = KEYS.derived("maxRequestsDelta", Kinds.COUNT,
            FROM_PROFILE, "uwsgi max-requests-delta: staggers maxRequests by worker id.");
    private static final KeyDef<Long> MAX_REQUESTS_JITTER = KEYS.derived("maxRequestsJitter", Kinds.COUNT,
            FROM_PROFILE, "gunicorn max_requests_jitter: adds a random 0..jitter to maxRequests.");
    private static final KeyDef<Long> RELOAD_ON_RSS = KEYS.derived("reloadOnRss", Kinds.SIZE, FROM_PROFILE,
            "uwsgi reload-on-rss: recycle a worker whose RSS exceeds this; 0 is off.");
    private static final KeyDef<Long> RELOAD_ON_USS = KEYS.derived("reloadOnUss", Kinds.SIZE, FROM_PROFILE,
            "uwsgi reload-on-uss: recycle a worker whose USS exceeds this; 0 is off.");
    private static final KeyDef<Long> RELOAD_ON_PSS = KEYS.derived("reloadOnPss", Kinds.SIZE, FROM_PROFILE,
            "uwsgi reload-on-pss: recycle a worker whose PSS exceeds this; 0 is off.");
    private static final KeyDef<Double> MIN_WORKER_LIFETIME = KEYS.derived("minWorkerLifetime", Kinds.DURATION,
            FROM_PROFILE, "uwsgi min-worker-lifetime: a worker younger than this is not recycled.");
    private static final KeyDef<Double> HARAKIRI = KEYS.derived("harakiri", Kinds.DURATION, FROM_PROFILE,
            "uwsgi harakiri / gunicorn timeout: a request running longer kills its worker; 0 is off.");
    private static final KeyDef<Double> STUCK_REQUESTS = KEYS.derived("stuckRequests", Kinds.FRACTION, FROM_PROFILE,
            "Share of requests that hang until harakiri kills their worker.");

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
        for (String key : KEYS.names()) {
            if (s.has(key)) {
                manager.unsupported(key).ifPresent(reason -> {
                    throw s.fail(key, reason);
                });
            }
        }
        long maxRequests = s.optional(MAX_REQUESTS, defaults.maxRequests(), defaultOrigin.apply("maxRequests"));
        long delta = s.optional(MAX_REQUESTS_DELTA, defaults.maxRequestsDelta(),
                defaultOrigin.apply("maxRequestsDelta"));
        long jitter = s.optional(MAX_REQUESTS_JITTER, defaults.maxRequestsJitter(),
                defaultOrigin.apply("maxRequestsJitter"));
        staggersMaxRequests(s, "maxRequestsDelta", delta, maxRequests);
        staggersMaxRequests(s, "maxRequestsJitter", jitter, maxRequests);
        long rss = memoryLimit(s, RELOAD_ON_RSS, defaults.reloadOnRssBytes(), defaultOrigin, fresh.rssBytes(),
                "the RSS of a fresh worker (heap + workerBaseline)");
        long uss = memoryLimit(s, RELOAD_ON_USS, defaults.reloadOnUssBytes(), defaultOrigin, fresh.ussBytes(),
                "the USS of a fresh worker (costs.workerBaseline)");
        long pss = memoryLimit(s, RELOAD_ON_PSS, defaults.reloadOnPssBytes(), defaultOrigin, fresh.ussBytes(),
                "the PSS of a fresh worker (at least costs.workerBaseline)");
        double minLifetime = s.optional(MIN_WORKER_LIFETIME, defaults.minWorkerLifetimeSeconds(),
                defaultOrigin.apply("minWorkerLifetime"));
        double harakiri = s.optional(HARAKIRI, defaults.harakiriSeconds(),
                defaultOrigin.apply("harakiri"));
        double stuck = s.optional(STUCK_REQUESTS, defaults.stuckRequests(),
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
    private static long memoryLimit(Section s, KeyDef<Long> def, long fallback, Function<String, String> defaultOrigin,
                                    long freshBytes, String freshMeaning) {
        String key = def.name();
        long limit = s.optional(def, fallback, defaultOrigin.apply(key));
        if (limit > 0 && limit <= freshBytes) {
            throw s.fail(key, Units.formatSize(limit) + " is not above " + freshMeaning + ", "
                    + Units.formatSize(freshBytes) + ": every worker would recycle after its first request");
        }
        return limit;
    }
}
