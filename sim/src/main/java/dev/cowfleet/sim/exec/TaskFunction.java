package dev.cowfleet.sim.exec;

import java.io.Serializable;

/** The work applied to one task; serializable so that a cluster engine can ship it to executors. */
@FunctionalInterface
public interface TaskFunction<T, R> extends Serializable {
    R apply(T task);
}
