package dev.cowfleet.models.runtime;

/** How a worker leaves when it is recycled or restarted. */
public enum ExitMode {
    /** Interpreter finalization: atexit, the final collection, module teardown. */
    NORMAL,
    /** {@code atexit.register(os._exit, 0)}: leaves before finalization, writes nothing. */
    OS_EXIT
}
