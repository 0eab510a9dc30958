package org.opengru.core.rgpd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opengru.core.internal.Checks;

/**
 * The data map (cartographie des données personnelles): every table the modules create, what each of
 * its text-like columns holds, why the table is kept and for how long, and what the end of a request's
 * retention (purge, anonymisation), erasure and the subject-access export do to it. Each module publishes
 * its share ({@link CoreDataMap#map()}, and the documents, scheduling and FranceConnect modules theirs);
 * {@link #plus} puts them together. A test reads the database catalogue and fails when a table or a
 * text, JSON, array or binary column exists that the map does not list, and {@code docs/rgpd.md}'s table
 * is {@link #markdown()}, checked against it: a new table cannot escape the lifecycle unnoticed.
 *
 * @param tables every table of the modules put together
 */
public record DataMap(List<Table> tables) {

    /**
     * Checks that no table is listed twice.
     *
     * @param tables every table of the modules put together
     * @throws org.opengru.core.error.ValidationException naming {@code dataMap.tables} and the table listed twice
     */
    public DataMap {
        tables = List.copyOf(tables);
        Map<String, Table> seen = new LinkedHashMap<>();
        for (Table t : tables) {
            if (seen.put(t.name(), t) != null) {
                throw new IllegalArgumentException("data map: table " + t.name() + " is listed twice");
            }
        }
    }

    /** What a column holds. */
    public enum Content {
        /** Personal data in clear (names, free text, form data, file names, provider answers). */
        PERSONAL,
        /** Identifies a person only through another table (an usager id, a principal such as {@code usager:<id>}, a hash). */
        PSEUDONYMOUS,
        /** No personal data (codes, states, keys, protocol values). */
        TECHNICAL
    }

    /**
     * One column of a table.
     *
     * @param holds what it holds, in a few words
     * @param name the column's name
     * @param content personal, pseudonymous or technical
     */
    public record Column(String name, Content content, String holds) {
        /**
         * Checks the name and description.
         *
         * @param name the column's name
         * @param content personal, pseudonymous or technical
         * @param holds what it holds, in a few words
         * @throws org.opengru.core.error.ValidationException naming the column
         */
        public Column {
            Checks.required("dataMap.column.name", name);
            Objects.requireNonNull(content, "content");
            Checks.required("dataMap.column.holds", holds);
        }
    }

    /**
     * One table.
     *
     * @param purpose why it exists (the processing it serves)
     * @param keptFor how long rows are kept, and on what legal basis
     * @param endOfRequest what the end of a request's retention does (purge; anonymisation)
     * @param erasure what the erasure of an usager does (art. 17 RGPD), and what stays with the article that requires
     *     it
     * @param export the section of the subject-access export that shows it, or why it is not shown
     * @param columns every text, JSON, array and binary column, and the identifiers that point to a person
     * @param module the module that creates it, such as {@code core}
     * @param name the table's name
     */
    public record Table(
            String module,
            String name,
            String purpose,
            String keptFor,
            String endOfRequest,
            String erasure,
            String export,
            List<Column> columns) {
        /**
         * Checks every part and that no column is listed twice.
         *
         * @param module the module that creates it, such as {@code core}
         * @param name the table's name
         * @param purpose why it exists (the processing it serves)
         * @param keptFor how long rows are kept, and on what legal basis
         * @param endOfRequest what the end of a request's retention does (purge; anonymisation)
         * @param erasure what the erasure of an usager does (art. 17 RGPD), and what stays with the article that
         *     requires it
         * @param export the section of the subject-access export that shows it, or why it is not shown
         * @param columns every text, JSON, array and binary column, and the identifiers that point to a person
         * @throws org.opengru.core.error.ValidationException naming the table and the bad part
         */
        public Table {
            Checks.required("dataMap.table.module", module);
            Checks.required("dataMap.table.name", name);
            Checks.required("dataMap.table.purpose", purpose);
            Checks.required("dataMap.table.keptFor", keptFor);
            Checks.required("dataMap.table.endOfRequest", endOfRequest);
            Checks.required("dataMap.table.erasure", erasure);
            Checks.required("dataMap.table.export", export);
            columns = List.copyOf(columns);
        }

        /**
         * Looks up a column.
         *
         * @param columnName the column's name
         * @return the column, or empty
         */
        public Optional<Column> column(String columnName) {
            return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
        }

        /**
         * Whether any column holds personal data in clear.
         *
         * @return {@code true} when a column is {@link Content#PERSONAL}
         */
        public boolean personal() {
            return columns.stream().anyMatch(c -> c.content() == Content.PERSONAL);
        }
    }

    /**
     * A column, for the modules' maps.
     *
     * @param name the column's name
     * @param content personal, pseudonymous or technical
     * @param holds what it holds
     * @return the column
     */
    public static Column column(String name, Content content, String holds) {
        return new Column(name, content, holds);
    }

    /**
     * A table, for the modules' maps.
     *
     * @param module the module
     * @param name the table's name
     * @param purpose why it exists
     * @param keptFor how long, on what legal basis
     * @param endOfRequest what the end of a request's retention does
     * @param erasure what erasure does
     * @param export the export section that shows it
     * @param columns its columns
     * @return the table
     */
    public static Table table(
            String module,
            String name,
            String purpose,
            String keptFor,
            String endOfRequest,
            String erasure,
            String export,
            Column... columns) {
        return new Table(module, name, purpose, keptFor, endOfRequest, erasure, export, List.of(columns));
    }

    /**
     * The tables of both maps (a table in both is an error).
     *
     * @param other another module's map
     * @return the map of both
     * @throws org.opengru.core.error.ValidationException naming a table listed in both
     */
    public DataMap plus(DataMap other) {
        List<Table> all = new ArrayList<>(tables);
        all.addAll(other.tables);
        return new DataMap(all);
    }

    /**
     * Looks up a table.
     *
     * @param name the table's name
     * @return the table, or empty
     */
    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * The map as the Markdown table of {@code docs/rgpd.md}, one row per table, in module then table order.
     *
     * @return the Markdown table
     */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| module | table | holds (P personal, Ps pseudonymous) | why | kept for |")
                .append(" end of a request's retention | erasure (art. 17) | export (art. 15, 20) |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        List<Table> sorted = new ArrayList<>(tables);
        sorted.sort(Comparator.comparing(Table::module).thenComparing(Table::name));
        for (Table t : sorted) {
            StringBuilder cols = new StringBuilder();
            for (Column c : t.columns()) {
                if (c.content() == Content.TECHNICAL) {
                    continue;
                }
                if (cols.length() > 0) {
                    cols.append("; ");
                }
                cols.append('`')
                        .append(c.name())
                        .append("` (")
                        .append(c.content() == Content.PERSONAL ? "P" : "Ps")
                        .append(") ")
                        .append(c.holds());
            }
            if (cols.length() == 0) {
                cols.append("no personal data");
            }
            out.append("| ")
                    .append(String.join(
                            " | ",
                            t.module(),
                            "`" + t.name() + "`",
                            cell(cols.toString()),
                            cell(t.purpose()),
                            cell(t.keptFor()),
                            cell(t.endOfRequest()),
                            cell(t.erasure()),
                            cell(t.export())))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
