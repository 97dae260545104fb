package dev.cowfleet.sim.cli;

/**
 * The one line cowfleet prints for an error. Messages quote user input (file names, {@code --set}
 * values, YAML keys) that may hold newlines or terminal escape sequences; those are shown escaped, so
 * an error stays one line and cannot repaint the user's terminal.
 */
final class ErrorLine {

    private ErrorLine() {
    }

    static String of(String message) {
        String text = message == null ? "" : message;
        StringBuilder line = new StringBuilder(text.length() + 10);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        line.append(String.format("\\u%04x", c));
                    } else {
                        line.appendCodePoint(c);
                    }
                }
            }
        });
        return "cowfleet: " + line;
    }
}
