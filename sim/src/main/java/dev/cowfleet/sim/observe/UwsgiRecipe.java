package dev.cowfleet.sim.observe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * uWSGI with {@code --master}, preforked and not lazy: the policy lives in the entry module the master
 * imports. Its top level runs in the master after the app is imported and before any fork; the
 * {@code uwsgi.post_fork_hook} function (what {@code uwsgidecorators.postfork} registers, without
 * needing that module, which Debian does not ship) runs in each new worker.
 */
final class UwsgiRecipe implements ServerRecipe {
    static final String MODULE = "cowfleet_uwsgi_app";

    @Override
    public String server() {
        return "uwsgi";
    }

    @Override
    public String recipeFile() {
        return MODULE + ".py";
    }

    @Override
    public String recipe(ObservePolicy policy, AppRef app, boolean observing) {
        StringBuilder text = new StringBuilder();
        text.append("# uWSGI entry module for the '").append(policy.name()).append("' policy: uwsgi --master --module ")
                .append(MODULE).append(":application\n");
        text.append("import atexit\nimport gc\nimport os\n\nimport uwsgi\n\n");
        text.append("from ").append(app.module()).append(" import ").append(app.callable())
                .append(" as application  # imported once, in the master\n");
        if (!policy.masterLines().isEmpty()) {
            text.append("\n# master, after the app is imported, before the first fork\n");
            policy.masterLines().forEach(line -> text.append(line).append('\n'));
        }
        if (!policy.workerLines().isEmpty() || observing) {
            text.append("\n\ndef worker_started():\n    # the new worker, right after fork\n");
            if (observing) {
                text.append(ServerRecipe.forkReport("    "));
            }
            policy.workerLines().forEach(line -> text.append("    ").append(line).append('\n'));
            text.append("\n\nuwsgi.post_fork_hook = worker_started\n");
        }
        return text.toString();
    }

    @Override
    public List<String> command(ServerSetup setup, Path recipeDir) {
        List<String> command = new ArrayList<>(List.of("uwsgi", "--plugin", plugin(setup.pythonVersion()), "--master",
                "--workers", Integer.toString(setup.workers()),
                "--http-socket", "127.0.0.1:" + setup.port(),
                "--module", MODULE + ":application", "--pythonpath", recipeDir.toString(),
                "--need-app", "--die-on-term", "--disable-logging", "--listen", "1024"));
        for (Path folder : setup.pythonPath()) {
            command.addAll(List.of("--pythonpath", folder.toString()));
        }
        if (setup.maxRequests() > 0) {
            command.addAll(List.of("--max-requests", Long.toString(setup.maxRequests())));
        }
        return command;
    }

    /** Debian's plugin for one interpreter version, e.g. python311 for 3.11; it embeds that libpython. */
    static String plugin(String pythonVersion) {
        return "python" + pythonVersion.replace(".", "");
    }

    @Override
    public String stopSignal() {
        return "TERM"; // with --die-on-term; without it uWSGI's master reloads on TERM
    }
}
