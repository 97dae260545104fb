package dev.cowfleet.sim.host;

/** The high-resolution memory trace around the first deploy: its resolution and extent. */
final class DeployTrace {
    static final double STEP_SECONDS = 1.0;
    private static final double BEFORE_SECONDS = 10.0;
    private static final double AFTER_SECONDS = 170.0;

    private DeployTrace() {
    }

    /** Points of the trace: none without deploys. */
    static int samples(HostPlan plan) {
        return plan.deploys().isEmpty() ? 0
                : (int) ((BEFORE_SECONDS + AFTER_SECONDS + plan.deploys().spanSeconds(plan.workers())) / STEP_SECONDS);
    }

    static double startSeconds(HostPlan plan) {
        return plan.deploys().isEmpty() ? 0 : Math.max(0, plan.deploys().first() - BEFORE_SECONDS);
    }
}
