package dev.cowfleet.sim.exec.spark;

import java.io.Serializable;

/** A task or result with its position in the caller's task list, so results go back in task order. */
record Indexed<V extends Serializable>(int index, V value) implements Serializable {
}
