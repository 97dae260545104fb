package dev.cowfleet.sim.report;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link Table} as aligned plain text for a terminal; headings bottom-aligned above a rule. */
final class TextTable {
    private static final String GAP = "  ";

    private TextTable() {
    }

    static String render(Table table) {
        int columns = table.columns().size();
        int[] widths = new int[columns];
        int headingLines = 0;
        for (int j = 0; j < columns; j++) {
            Table.Column column = table.columns().get(j);
            headingLines = Math.max(headingLines, column.heading().size());
            for (String line : column.heading()) {
                widths[j] = Math.max(widths[j], line.length());
            }
            for (Table.Row row : table.rows()) {
                widths[j] = Math.max(widths[j], row.cells().get(j).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int line = 0; line < headingLines; line++) {
            List<String> cells = new ArrayList<>(columns);
            for (Table.Column column : table.columns()) {
                // Bottom-align so the unit lines share the last heading line.
                int index = line - (headingLines - column.heading().size());
                cells.add(index < 0 ? "" : column.heading().get(index));
            }
            appendLine(out, table, widths, cells);
        }
        int total = 0;
        for (int width : widths) {
            total += width;
        }
        out.append("-".repeat(total + GAP.length() * (columns - 1))).append('\n');
        for (Table.Row row : table.rows()) {
            appendLine(out, table, widths, row.cells());
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, Table table, int[] widths, List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int j = 0; j < cells.size(); j++) {
            if (j > 0) {
                line.append(GAP);
            }
            String cell = cells.get(j);
            String padding = " ".repeat(widths[j] - cell.length());
            line.append(table.columns().get(j).numeric() ? padding + cell : cell + padding);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
