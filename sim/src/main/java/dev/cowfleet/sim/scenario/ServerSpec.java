package dev.cowfleet.sim.scenario;

/**
 * Process-manager settings; zero means off for every limit.
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
}
