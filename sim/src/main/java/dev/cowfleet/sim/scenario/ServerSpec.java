package dev.cowfleet.sim.scenario;

import java.util.function.Function;

/**
 * Process-manager settings; zero means off for every limit. A {@code server} section, at the top level
 * (defaults from the process-manager profile) or inside a policy (defaults from the scenario's server
 * section); reading it checks that each written key exists for the process manager and that the limits can
 * work together.
 *
 * @param maxRequests       recycle a worker after this many requests
 * @param maxRequestsDelta  uWSGI: worker i recycles at maxRequests + i * delta
 * @param maxRequestsJitter Gunicorn: plus a uniform 0..jitter per worker lifetime
 * @param reloadOnRssBytes  uWSGI: recycle when RSS exceeds this after a request
 * @param reloadOnUssBytes  uWSGI: same for USS
 * @param reloadOnPssBytes  uWSGI: same for PSS
 * @param minWorkerLifetimeSeconds uWSGI: no recycling before this age
 * @param harakiriSeconds   uWSGI harakiri / Gunicorn timeout: SIGKILL a request running this long
 * @param stuckRequests     fraction of requests that hang until harakiri kills the worker
 */
public record ServerSpec(long maxRequests, long maxRequestsDelta, long maxRequestsJitter, long reloadOnRssBytes,
                         long reloadOnUssBytes, long reloadOnPssBytes, double minWorkerLifetimeSeconds,
                         double harakiriSeconds, double stuckRequests) {

    static final Keys KEYS = new Keys();
    private static final String FROM_PROFILE = "the processManager's profile (in a policy: the scenario's server)";
    private static final Key.Value<Long> MAX_REQUESTS = KEYS.derived("maxRequests", Kinds.COUNT, FROM_PROFILE,
            "Requests after which a worker is recycled (uwsgi max-requests, gunicorn max_requests); 0 is never.");
    private static final Key.Value<Long> MAX_REQUESTS_DELTA = KEYS.derived("maxRequestsDelta", Kinds.COUNT,
            FROM_PROFILE, "uwsgi max-requests-delta: staggers maxRequests by worker id.");
    private static final Key.Value<Long> MAX_REQUESTS_JITTER = KEYS.derived("maxRequestsJitter", Kinds.COUNT,
            FROM_PROFILE, "gunicorn max_requests_jitter: adds a random 0..jitter to maxRequests.");
    private static final Key.Value<Long> RELOAD_ON_RSS = KEYS.derived("reloadOnRss", Kinds.SIZE, FROM_PROFILE,
            "uwsgi reload-on-rss: recycle a worker whose RSS exceeds this; 0 is off.");
    private static final Key.Value<Long> RELOAD_ON_USS = KEYS.derived("reloadOnUss", Kinds.SIZE, FROM_PROFILE,
            "uwsgi reload-on-uss: recycle a worker whose USS exceeds this; 0 is off.");
    private static final Key.Value<Long> RELOAD_ON_PSS = KEYS.derived("reloadOnPss", Kinds.SIZE, FROM_PROFILE,
            "uwsgi reload-on-pss: recycle a worker whose PSS exceeds this; 0 is off.");
    private static final Key.Value<Double> MIN_WORKER_LIFETIME = KEYS.derived("minWorkerLifetime", Kinds.DURATION,
            FROM_PROFILE, "uwsgi min-worker-lifetime: a worker younger than this is not recycled.");
    private static final Key.Value<Double> HARAKIRI = KEYS.derived("harakiri", Kinds.DURATION, FROM_PROFILE,
            "uwsgi harakiri / gunicorn timeout: a request running longer kills its worker; 0 is off.");
    private static final Key.Value<Double> STUCK_REQUESTS = KEYS.derived("stuckRequests", Kinds.FRACTION, FROM_PROFILE,
            "Share of requests that hang until harakiri kills their worker.");

    /** What a freshly forked worker already uses, which a memory limit must exceed to ever let it live. */
    record FreshWorker(long rssBytes, long ussBytes) {
    }

    /**
     * @param defaults      values for absent keys
     * @param defaultOrigin origin of a defaulted key, by key
     */
    static ServerSpec read(Section s, ProcessManager manager, ServerSpec defaults,
                           Function<String, String> defaultOrigin, FreshWorker fresh) {
        for (Key key : KEYS.all()) {
            if (s.has(key)) {
                manager.unsupported(key.name()).ifPresent(reason -> {
                    throw s.fail(key, reason);
                });
            }
        }
        long maxRequests = s.optional(MAX_REQUESTS, defaults.maxRequests(), defaultOrigin.apply("maxRequests"));
        long delta = s.optional(MAX_REQUESTS_DELTA, defaults.maxRequestsDelta(),
                defaultOrigin.apply("maxRequestsDelta"));
        long jitter = s.optional(MAX_REQUESTS_JITTER, defaults.maxRequestsJitter(),
                defaultOrigin.apply("maxRequestsJitter"));
        staggersMaxRequests(s, MAX_REQUESTS_DELTA, delta, maxRequests);
        staggersMaxRequests(s, MAX_REQUESTS_JITTER, jitter, maxRequests);
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
            throw s.fail(STUCK_REQUESTS, "stuck requests never end without a harakiri (uwsgi harakiri / gunicorn "
                    + "timeout); set server.harakiri too");
        }
        return new ServerSpec(maxRequests, delta, jitter, rss, uss, pss, minLifetime, harakiri, stuck);
    }

    private static void staggersMaxRequests(Section s, Key key, long stagger, long maxRequests) {
        if (stagger > 0 && maxRequests == 0) {
            throw s.fail(key, "staggers maxRequests, which is 0 (never recycle); set maxRequests too");
        }
    }

    /** A reload-on-* limit; below what a fresh worker uses, every worker would recycle after one request. */
    private static long memoryLimit(Section s, Key.Value<Long> def, long fallback,
                                    Function<String, String> defaultOrigin,
                                    long freshBytes, String freshMeaning) {
        long limit = s.optional(def, fallback, defaultOrigin.apply(def.name()));
        if (limit > 0 && limit <= freshBytes) {
            throw s.fail(def, Units.formatSize(limit) + " is not above " + freshMeaning + ", "
                    + Units.formatSize(freshBytes) + ": every worker would recycle after its first request");
        }
        return limit;
    }
}
