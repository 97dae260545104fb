package dev.cowfleet.sim.observe;

import java.util.List;

/**
 * A collector policy as production applies it to a real prefork server: what the master does after
 * the app is preloaded, and what each worker does right after fork.
 *
 * @param name binding policy name, also the name looked up in a {@code --scenario} file
 * @param gc   the collector change: default, disable, threshold0 or freeze
 * @param exit whether workers end with {@code os._exit(0)} instead of interpreter teardown
 */
public record ObservePolicy(String name, String gc, boolean exit) {
    private static final List<String> GC_MODES = List.of("default", "disable", "threshold0", "freeze");

    /** The eight names {@code --policy} accepts. */
    public static List<String> names() {
        return GC_MODES.stream().flatMap(gc -> java.util.stream.Stream.of(gc, gc + "-exit")).toList();
    }

    public static ObservePolicy parse(String name) {
        boolean exit = name.endsWith("-exit");
        String gc = exit ? name.substring(0, name.length() - "-exit".length()) : name;
        if (!GC_MODES.contains(gc)) {
            throw new ObserveException("--policy: unknown policy '" + name + "', expected one of " + String.join(", ", names()));
        }
        return new ObservePolicy(name, gc, exit);
    }

    /** {@code gc.freeze()} arrived in CPython 3.7. */
    public boolean needsFreeze() {
        return gc.equals("freeze");
    }

    /** Python statements the master runs once the app is imported, before any fork; empty for default. */
    List<String> masterLines() {
        return switch (gc) {
            case "disable" -> List.of("gc.disable()  # no automatic collection in the master or, inherited, in any worker");
            case "threshold0" -> List.of("gc.set_threshold(0)  # automatic collection off for good: a library's gc.enable() cannot undo it");
            case "freeze" -> List.of("gc.freeze()  # every object so far goes to the permanent generation: collections skip it");
            default -> List.of();
        };
    }

    /** Python statements each worker runs right after fork; empty for default. */
    List<String> workerLines() {
        if (exit) {
            return List.of("atexit.register(os._exit, 0)  # skip interpreter teardown, which writes to every inherited object");
        }
        return List.of();
    }
}
