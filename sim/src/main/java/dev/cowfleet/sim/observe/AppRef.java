package dev.cowfleet.sim.observe;

import java.util.regex.Pattern;

/** A WSGI application as {@code MODULE:CALLABLE}; the callable defaults to {@code application}. */
public record AppRef(String module, String callable) {
    private static final Pattern MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern CALLABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public static AppRef parse(String text) {
        int colon = text.indexOf(':');
        String module = colon < 0 ? text : text.substring(0, colon);
        String callable = colon < 0 ? "application" : text.substring(colon + 1);
        if (!MODULE.matcher(module).matches() || !CALLABLE.matcher(callable).matches()) {
            throw new ObserveException("--app: expected MODULE:CALLABLE such as myapp.wsgi:application, got '" + text + "'");
        }
        return new AppRef(module, callable);
    }

    @Override
    public String toString() {
        return module + ":" + callable;
    }
}
