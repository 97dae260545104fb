package dev.cowfleet.sim.observe;

import java.nio.file.Path;
import java.util.List;

/**
 * What the server is started with.
 *
 * @param python      the interpreter that runs the app
 * @param app         the WSGI application
 * @param pythonPath  folders put in front of PYTHONPATH so the app imports
 * @param workers     worker processes
 * @param port        the 127.0.0.1 port the server binds
 * @param maxRequests requests after which the server recycles a worker, or 0 for never
 * @param policy      the collector policy
 * @param pythonVersion the interpreter's "MAJOR.MINOR", once checked (null before)
 */
public record ServerSetup(Path python, AppRef app, List<Path> pythonPath, int workers, int port, long maxRequests,
                          ObservePolicy policy, String pythonVersion) {
    public ServerSetup {
        pythonPath = List.copyOf(pythonPath);
    }

    ServerSetup withPythonVersion(String version) {
        return new ServerSetup(python, app, pythonPath, workers, port, maxRequests, policy, version);
    }
}
