package dev.cowfleet.sim.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy recipes: valid Python, each policy's lines in the hook where production puts them. */
class RecipeTest {
    private static final AppRef APP = AppRef.parse("shop.wsgi:application");

    @TempDir
    Path dir;

    @Test
    void everyRecipeIsValidPython() throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("/usr/bin/python3", "-m", "py_compile"));
        for (String server : new String[] {"gunicorn", "uwsgi"}) {
            ServerRecipe recipe = ServerRecipe.of(server);
            for (String name : ObservePolicy.names()) {
                for (boolean observing : new boolean[] {false, true}) {
                    Path file = dir.resolve(server + "-" + name + "-" + observing + ".py");
                    Files.writeString(file, recipe.recipe(ObservePolicy.parse(name), APP, observing));
                    command.add(file.toString());
                }
            }
        }
        assertEquals(2 * 8 * 2 + 3, command.size());
        Process compile = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(compile.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, compile.exitValue(), () -> read(compile));
    }

    @Test
    void gunicornAppliesInTheMasterAfterPreloadAndInTheWorkerAfterFork() {
        String freezeExit = new GunicornRecipe().recipe(ObservePolicy.parse("freeze-exit"), APP, false);
        assertTrue(freezeExit.contains("def when_ready(server):\n    # master, after --preload imported the app, before the first fork\n    gc.freeze()"));
        assertTrue(freezeExit.contains("def pre_fork(server, worker):"));
        assertTrue(freezeExit.contains("def post_fork(server, worker):\n    # the new worker, right after fork\n    atexit.register(os._exit, 0)"));
        String threshold0 = new GunicornRecipe().recipe(ObservePolicy.parse("threshold0"), APP, false);
        assertTrue(threshold0.contains("gc.set_threshold(0)"));
        assertFalse(threshold0.contains("post_fork"), "no worker hook without -exit or observation");
        assertFalse(new GunicornRecipe().recipe(ObservePolicy.parse("default"), APP, false).contains("gc."));
    }

    @Test
    void uwsgiImportsTheAppThenAppliesThePolicyAndHooksEachFork() {
        String text = new UwsgiRecipe().recipe(ObservePolicy.parse("disable-exit"), APP, true);
        int imported = text.indexOf("from shop.wsgi import application as application");
        int disabled = text.indexOf("gc.disable()");
        assertTrue(imported > 0 && disabled > imported, text);
        assertTrue(text.contains("uwsgi.post_fork_hook = worker_started"));
        assertTrue(text.contains("COWFLEET_OBSERVE_FORKS"));
        assertTrue(text.indexOf("count = gc.get_count()") < text.indexOf("os.environ.get"), "counters read before anything allocates");
    }

    @Test
    void uwsgiPluginMatchesTheInterpreter() {
        ServerSetup setup = new ServerSetup(Path.of("/usr/bin/python3"), APP, java.util.List.of(), 4, 8000, 0,
                ObservePolicy.parse("default"), "3.11");
        assertTrue(String.join(" ", new UwsgiRecipe().command(setup, dir)).contains("--plugin python311 --master"));
        assertTrue(String.join(" ", new UwsgiRecipe().command(setup, dir)).contains("--http-socket 127.0.0.1:8000"));
    }

    @Test
    void unknownPolicyAndBadAppAreOneLine() {
        ObserveException policy = assertThrows(ObserveException.class, () -> ObservePolicy.parse("freezer"));
        assertTrue(policy.getMessage().startsWith("--policy: unknown policy 'freezer', expected one of default, default-exit,"));
        assertThrows(ObserveException.class, () -> AppRef.parse("shop.wsgi:app:x"));
        assertEquals(new AppRef("shop.wsgi", "application"), AppRef.parse("shop.wsgi"));
    }

    private static String read(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes());
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
