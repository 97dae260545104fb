package dev.cowfleet.sim.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One line of a request file: an HTTP request the application is served, and how often relative to
 * the others.
 *
 * @param weight the line's relative share of the requests drawn, at least 1
 * @param method the HTTP method, in capitals
 * @param target the path with an optional query, as it appears on the request line
 * @param body   the file whose bytes are the request body, resolved against the request file's folder
 * @param line   the 1-based line of the request file, to name it in messages
 */
public record Request(int weight, String method, String target, Optional<Path> body, int line) {

    /** The target's path, without the query. */
    public String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /** The target's query string without the '?', empty when there is none. */
    public String query() {
        int query = target.indexOf('?');
        return query < 0 ? "" : target.substring(query + 1);
    }

    /** The line as the user wrote it, without the weight: "POST /api/orders/ @order.json". */
    public String describe() {
        return method + " " + target + body.map(file -> " @" + file.getFileName()).orElse("");
    }
}
