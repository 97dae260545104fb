package dev.cowfleet.sim.scenario;

import java.util.Map;
import java.util.Optional;

/**
 * The process manager and its defaults (PRIMER §4). Settings the other manager has no equivalent for are
 * errors when written, so a Gunicorn scenario cannot silently carry a uWSGI-only knob.
 */
public enum ProcessManager {
    /** uWSGI: min-worker-lifetime 10 s, harakiri off, max-requests 0 (never), delta 0. */
    UWSGI("uwsgi", new ServerSpec(0, 0, 0, 0, 0, 0, 10, 0, 0), Map.of(
            "maxRequestsJitter", "a gunicorn setting (max_requests_jitter); uwsgi staggers recycling with "
                    + "maxRequestsDelta")),
    /** Gunicorn: timeout 30 s, max_requests 0 (never), jitter 0, no minimum lifetime, no memory limits. */
    GUNICORN("gunicorn", new ServerSpec(0, 0, 0, 0, 0, 0, 0, 30, 0), Map.of(
            "maxRequestsDelta", "a uwsgi setting (max-requests-delta); gunicorn staggers recycling with "
                    + "maxRequestsJitter",
            "reloadOnRss", "a uwsgi setting (reload-on-rss); gunicorn has no memory-based recycling",
            "reloadOnUss", "a uwsgi setting (reload-on-uss); gunicorn has no memory-based recycling",
            "reloadOnPss", "a uwsgi setting (reload-on-pss); gunicorn has no memory-based recycling",
            "minWorkerLifetime", "a uwsgi setting (min-worker-lifetime); gunicorn has no minimum lifetime"));

    private final String key;
    private final ServerSpec defaults;
    private final Map<String, String> unsupported;

    ProcessManager(String key, ServerSpec defaults, Map<String, String> unsupported) {
        this.key = key;
        this.defaults = defaults;
        this.unsupported = unsupported;
    }

    /** The name used in scenario files. */
    public String key() {
        return key;
    }

    public ServerSpec defaults() {
        return defaults;
    }

    /** Why a {@code server} key cannot be set under this manager, if it cannot. */
    Optional<String> unsupported(String serverKey) {
        return Optional.ofNullable(unsupported.get(serverKey));
    }

    /** Origin of a value taken from this profile, e.g. "default (uwsgi profile)". */
    String profileOrigin() {
        return "default (" + key + " profile)";
    }
}
