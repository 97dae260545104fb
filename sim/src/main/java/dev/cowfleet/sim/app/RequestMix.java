package dev.cowfleet.sim.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The requests an application is served, read from a request file (a binding format): one request per
 * line, {@code [WEIGHT] METHOD TARGET [@BODYFILE]}. Blank lines and lines starting with {@code #} are
 * ignored, as is a trailing {@code # comment}. Body files are relative to the request file's folder.
 */
public final class RequestMix {
    public static final String FORM = "[WEIGHT] METHOD TARGET [@BODYFILE]";
    /** A request file is typed by hand; anything this large is a mistake, not a mix. */
    static final long MAX_FILE_BYTES = 1L << 20;
    static final long MAX_BODY_BYTES = 16L << 20;
    static final int MAX_WEIGHT = 1_000_000;

    private static final Pattern WEIGHT = Pattern.compile("[0-9]+");
    /** RFC 9110 methods are tokens; the ones servers route on are written in capitals. */
    private static final Pattern METHOD = Pattern.compile("[A-Z][A-Z_-]{0,31}");
    /** An origin-form target: a path, an optional query, visible ASCII only (percent-encode the rest), no fragment. */
    private static final Pattern TARGET = Pattern.compile("/[\\x21\\x22\\x24-\\x7E]*");
    private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s#.*$");

    private final Path file;
    private final List<Request> requests;

    private RequestMix(Path file, List<Request> requests) {
        this.file = file;
        this.requests = List.copyOf(requests);
    }

    public Path file() {
        return file;
    }

    /** The requests in file order. */
    public List<Request> requests() {
        return requests;
    }

    public long totalWeight() {
        return requests.stream().mapToLong(Request::weight).sum();
    }

    /** Reads and checks a request file; every problem is a {@link RequestMixException} naming file and line. */
    public static RequestMix read(Path file) {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new RequestMixException(name + ": no such request file");
        }
        if (!Files.isRegularFile(file)) {
            throw new RequestMixException(name + ": not a regular file; expected a request file with lines " + FORM);
        }
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new RequestMixException(name + ": larger than " + MAX_FILE_BYTES + " bytes; expected a request file with lines " + FORM);
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new RequestMixException(name + ": not UTF-8 text; expected a request file with lines " + FORM);
        } catch (IOException e) {
            throw new RequestMixException(name + ": cannot be read (" + e.getMessage() + ")");
        }
        Path folder = file.toAbsolutePath().getParent();
        List<Request> requests = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            parseLine(name, i + 1, lines[i], folder).ifPresent(requests::add);
        }
        if (requests.isEmpty()) {
            throw new RequestMixException(name + ": no requests; expected at least one line " + FORM);
        }
        return new RequestMix(file, requests);
    }

    private static Optional<Request> parseLine(String name, int line, String raw, Path folder) {
        String content = TRAILING_COMMENT.matcher(raw).replaceFirst("").strip();
        if (content.isEmpty() || content.startsWith("#")) {
            return Optional.empty();
        }
        List<String> fields = new ArrayList<>(List.of(content.split("\\s+")));
        String where = name + ":" + line + ": ";
        int weight = 1;
        if (WEIGHT.matcher(fields.get(0)).matches()) {
            weight = weight(where, fields.remove(0));
        }
        if (fields.size() < 2 || fields.size() > 3) {
            throw new RequestMixException(where + "expected " + FORM + ", got '" + content + "'");
        }
        String method = fields.get(0);
        if (!METHOD.matcher(method).matches()) {
            throw new RequestMixException(where + "METHOD '" + method + "': expected an HTTP method in capitals such as GET or POST ("
                    + FORM + ")");
        }
        String target = fields.get(1);
        if (!TARGET.matcher(target).matches()) {
            throw new RequestMixException(where + "TARGET '" + target
                    + "': expected a path starting with '/' and an optional ?query, visible ASCII only, no #fragment (" + FORM + ")");
        }
        Optional<Path> body = Optional.empty();
        if (fields.size() == 3) {
            body = Optional.of(bodyFile(where, fields.get(2), folder));
        }
        return Optional.of(new Request(weight, method, target, body, line));
    }

    private static int weight(String where, String text) {
        long value = text.length() > 7 ? Long.MAX_VALUE : Long.parseLong(text);
        if (value < 1 || value > MAX_WEIGHT) {
            throw new RequestMixException(where + "WEIGHT '" + text + "': expected a whole number from 1 to " + MAX_WEIGHT
                    + " (" + FORM + ")");
        }
        return (int) value;
    }

    private static Path bodyFile(String where, String field, Path folder) {
        if (!field.startsWith("@") || field.length() == 1) {
            throw new RequestMixException(where + "'" + field + "': expected @BODYFILE, a file name after '@' (" + FORM + ")");
        }
        Path body = folder.resolve(field.substring(1)).normalize();
        if (!Files.isRegularFile(body)) {
            throw new RequestMixException(where + "BODYFILE '" + field.substring(1) + "': no such regular file (looked for " + body + ")");
        }
        try {
            if (Files.size(body) > MAX_BODY_BYTES) {
                throw new RequestMixException(where + "BODYFILE '" + field.substring(1) + "': larger than " + MAX_BODY_BYTES + " bytes");
            }
        } catch (IOException e) {
            throw new RequestMixException(where + "BODYFILE '" + field.substring(1) + "': cannot be read (" + e.getMessage() + ")");
        }
        return body;
    }
}
