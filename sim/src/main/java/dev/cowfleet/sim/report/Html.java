package dev.cowfleet.sim.report;

/** Small HTML building blocks with escaping, so no scenario text can break or script the page. */
final class Html {
    private Html() {
    }

    /** Escapes text for element content and quoted attribute values alike. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A {@link Table} as an HTML table; heading lines break inside one cell, the marked row gets a class. */
    static String table(Table table, String cssClass) {
        StringBuilder out = new StringBuilder();
        out.append("<table class=\"").append(escape(cssClass)).append("\">\n<thead><tr>");
        for (Table.Column column : table.columns()) {
            out.append(column.numeric() ? "<th class=\"num\">" : "<th>")
                    .append(String.join("<br>", column.heading().stream().map(Html::escape).toList()))
                    .append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (Table.Row row : table.rows()) {
            out.append(row.marked() ? "<tr class=\"marked\">" : "<tr>");
            for (int j = 0; j < row.cells().size(); j++) {
                out.append(table.columns().get(j).numeric() ? "<td class=\"num\">" : "<td>")
                        .append(escape(row.cells().get(j))).append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table>\n").toString();
    }
}
