package dev.cowfleet.sim.observe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Gunicorn with sync workers and {@code --preload}: the policy lives in a config file with server hooks.
 * {@code when_ready} runs in the master after the app is imported and before the first fork;
 * {@code pre_fork} runs in the master before every fork, so a worker that replaces a recycled one
 * also forks from a frozen heap; {@code post_fork} runs in the new worker.
 */
final class GunicornRecipe implements ServerRecipe {
    @Override
    public String server() {
        return "gunicorn";
    }

    @Override
    public String recipeFile() {
        return "gunicorn.conf.py";
    }

    @Override
    public String recipe(ObservePolicy policy, AppRef app, boolean observing) {
        StringBuilder text = new StringBuilder();
        text.append("# Gunicorn config for the '").append(policy.name()).append("' policy: gunicorn --preload -c gunicorn.conf.py ")
                .append(app).append('\n');
        text.append("import atexit\nimport gc\nimport os\n\npreload_app = True\nworker_class = \"sync\"\n");
        if (!policy.masterLines().isEmpty()) {
            text.append("\n\ndef when_ready(server):\n    # master, after --preload imported the app, before the first fork\n");
            policy.masterLines().forEach(line -> text.append("    ").append(line).append('\n'));
        }
        if (policy.needsFreeze()) {
            text.append("\n\ndef pre_fork(server, worker):\n    # master, before every fork: objects the master made since are frozen too\n")
                    .append("    gc.freeze()\n");
        }
        if (!policy.workerLines().isEmpty() || observing) {
            text.append("\n\ndef post_fork(server, worker):\n    # the new worker, right after fork\n");
            if (observing) {
                text.append(ServerRecipe.forkReport("    "));
            }
            policy.workerLines().forEach(line -> text.append("    ").append(line).append('\n'));
        }
        return text.toString();
    }

    @Override
    public List<String> command(ServerSetup setup, Path recipeDir) {
        List<String> command = new ArrayList<>(List.of(setup.python().toString(), "-m", "gunicorn",
                "--config", recipeDir.resolve(recipeFile()).toString(),
                "--bind", "127.0.0.1:" + setup.port(),
                "--workers", Integer.toString(setup.workers()),
                "--worker-class", "sync", "--preload",
                "--graceful-timeout", "20", "--log-level", "info", "--error-logfile", "-"));
        if (setup.maxRequests() > 0) {
            command.addAll(List.of("--max-requests", Long.toString(setup.maxRequests()), "--max-requests-jitter", "0"));
        }
        command.add(setup.app().toString());
        return command;
    }

    @Override
    public String stopSignal() {
        return "TERM";
    }
}
