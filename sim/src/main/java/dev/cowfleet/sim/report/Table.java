package dev.cowfleet.sim.report;

import java.util.List;

/**
 * A table built once and rendered several ways (terminal, HTML). Cells are already formatted text;
 * renderers only lay them out.
 *
 * @param columns column headings and alignment
 * @param rows    rows in display order, each with one cell per column
 */
record Table(List<Column> columns, List<Row> rows) {

    Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (Row row : rows) {
            if (row.cells().size() != columns.size()) {
                throw new IllegalArgumentException("table row has " + row.cells().size() + " cells for "
                        + columns.size() + " columns: " + row.cells());
            }
        }
    }

    /**
     * @param heading heading lines, top to bottom; the last line names the unit where there is one
     * @param numeric numbers are right-aligned so their digits line up
     */
    record Column(List<String> heading, boolean numeric) {
        Column {
            heading = List.copyOf(heading);
        }
    }

    /** @param marked the row a reader compares the others against (the baseline policy) */
    record Row(List<String> cells, boolean marked) {
        Row {
            cells = List.copyOf(cells);
        }
    }
}
