package dev.cowfleet.sim.observe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Checks before any server starts that the interpreter, the server and the policy fit together. */
final class PythonCheck {
    static final Path UWSGI_PLUGINS = Path.of("/usr/lib/uwsgi/plugins");

    private PythonCheck() {
    }

    /** Returns the interpreter's "MAJOR.MINOR"; anything that cannot work is an {@link ObserveException}. */
    static String require(ServerSetup setup, ServerRecipe recipe) throws InterruptedException {
        Path python = setup.python();
        if (!Files.isRegularFile(python) || !Files.isExecutable(python)) {
            throw new ObserveException("--python " + python + ": not an executable file");
        }
        String version = ask(python, "import sys; print('%d.%d' % sys.version_info[:2])", "a CPython interpreter");
        String[] parts = version.split("\\.");
        if (setup.policy().needsFreeze() && Integer.parseInt(parts[0]) == 3 && Integer.parseInt(parts[1]) < 7) {
            throw new ObserveException("--policy " + setup.policy().name() + ": gc.freeze() needs CPython 3.7 or later, "
                    + python + " is " + version);
        }
        if (recipe.server().equals("gunicorn")) {
            ask(python, "import gunicorn", "an interpreter with gunicorn installed (Debian: apt-get install gunicorn)");
        } else if (!Files.exists(UWSGI_PLUGINS.resolve(UwsgiRecipe.plugin(version) + "_plugin.so"))) {
            throw new ObserveException("--python " + python + " is CPython " + version + " but uWSGI has no plugin for it ("
                    + UWSGI_PLUGINS.resolve(UwsgiRecipe.plugin(version) + "_plugin.so") + "); use the interpreter uWSGI embeds");
        }
        return version;
    }

    private static String ask(Path python, String code, String expected) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(python.toString(), "-c", code).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ObserveException("--python " + python + ": did not answer within 30 s; expected " + expected);
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                String[] lines = out.split("\n");
                throw new ObserveException("--python " + python + ": expected " + expected + " (" + lines[lines.length - 1] + ")");
            }
            return out;
        } catch (IOException e) {
            throw new ObserveException("--python " + python + ": cannot run it (" + e.getMessage() + ")");
        }
    }
}
