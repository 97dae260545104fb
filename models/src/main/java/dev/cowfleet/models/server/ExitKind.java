package dev.cowfleet.models.server;

/** How a worker process ends. */
public enum ExitKind {
    /** A graceful stop (recycle, deploy): the policy's {@link dev.cowfleet.models.runtime.ExitMode} applies. */
    NORMAL,
    /** Killed (harakiri, timeout, OOM): no finalization, nothing copied. */
    SIGKILL
}
