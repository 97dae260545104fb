package dev.cowfleet.sim.observe;

import java.nio.file.Path;
import java.util.List;

/** How one real prefork server is started with a policy applied where production applies it. */
interface ServerRecipe {
    /** The server's name as {@code --server} takes it. */
    String server();

    /** File name of the policy recipe this server loads (a config file or an entry module). */
    String recipeFile();

    /**
     * The recipe's Python text.
     *
     * @param observing adds the lines that report each worker's inherited collector counters to cowfleet
     */
    String recipe(ObservePolicy policy, AppRef app, boolean observing);

    /** The command line that starts the master, reading the recipe from {@code recipeDir}. */
    List<String> command(ServerSetup setup, Path recipeDir);

    /** The signal that stops the master gracefully (its workers finish and exit). */
    String stopSignal();

    static ServerRecipe of(String server) {
        return switch (server) {
            case "gunicorn" -> new GunicornRecipe();
            case "uwsgi" -> new UwsgiRecipe();
            default -> throw new ObserveException("--server: expected gunicorn or uwsgi, got '" + server + "'");
        };
    }

    /** Lines that write the worker's {@code gc.get_count()} to the file cowfleet names; counted before any allocation. */
    static String forkReport(String indent) {
        return indent + "# cowfleet observe only: the collector counters this worker inherited, for the simulation\n"
                + indent + "count = gc.get_count()\n"
                + indent + "path = os.environ.get(\"COWFLEET_OBSERVE_FORKS\")\n"
                + indent + "if path:\n"
                + indent + "    with open(path, \"a\") as report:\n"
                + indent + "        report.write(\"%d %d %d %d\\n\" % ((os.getpid(),) + tuple(count)))\n";
    }
}
