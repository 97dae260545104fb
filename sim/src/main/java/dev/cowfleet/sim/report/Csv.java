package dev.cowfleet.sim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 CSV table built row by row: comma separated, CRLF-free ("\n") lines, a field quoted
 * only when it holds a comma, quote or line break (policy names and descriptions are free-form).
 */
final class Csv {
    private final List<String> header;
    private final StringBuilder text = new StringBuilder();

    Csv(List<String> header) {
        this.header = List.copyOf(header);
        appendLine(this.header);
    }

    void row(List<String> fields) {
        if (fields.size() != header.size()) {
            throw new IllegalArgumentException("CSV row has " + fields.size() + " fields, header has "
                    + header.size() + ": " + fields);
        }
        appendLine(fields);
    }

    String text() {
        return text.toString();
    }

    private void appendLine(List<String> fields) {
        List<String> quoted = new ArrayList<>(fields.size());
        for (String field : fields) {
            quoted.add(quote(field));
        }
        text.append(String.join(",", quoted)).append('\n');
    }

    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
                && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
