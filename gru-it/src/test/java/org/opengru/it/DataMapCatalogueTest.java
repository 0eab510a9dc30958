package org.opengru.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.rgpd.DataMap;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * The data map lists every table of every module and every column a person's data could hide in (text,
 * JSON, arrays, binary), read from PostgreSQL's catalogue after every module's migrations; and
 * docs/rgpd.md shows exactly that map. A new table or column fails here until the map says what it holds
 * and what purge, erasure and export do to it.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class DataMapCatalogueTest {

    private static final String BEGIN = "<!-- data-map:begin (generated from the modules' DataMap by"
            + " DataMapCatalogueTest: -Dopengru.docs.write=true rewrites it) -->\n";
    private static final String END = "<!-- data-map:end -->";

    /** The collectivité's code is in every table and names no person. */
    private static final String TENANT = "tenant_id";

    private final DataSource dataSource;
    private final DataMap map = AllModules.dataMap();

    DataMapCatalogueTest(PostgresDatabase db) {
        this.dataSource = db.dataSource();
        AllModules.migrate(dataSource);
    }

    @Test
    void everyTableOfEveryModuleIsInTheMap() throws SQLException {
        List<String> missing = new ArrayList<>();
        for (String table : AllModules.tables(dataSource)) {
            if (map.table(table).isEmpty()) {
                missing.add(table);
            }
        }
        assertThat(missing).as("tables the data map does not list").isEmpty();
    }

    @Test
    void everyTextJsonArrayOrBinaryColumnIsInTheMap() throws SQLException {
        List<String> missing = new ArrayList<>();
        for (AllModules.TextColumn c : AllModules.textColumns(dataSource)) {
            if (c.column().equals(TENANT)) {
                continue;
            }
            boolean listed =
                    map.table(c.table()).flatMap(t -> t.column(c.column())).isPresent();
            if (!listed) {
                missing.add(c.table() + "." + c.column() + " (" + c.type() + ")");
            }
        }
        assertThat(missing).as("columns the data map does not list").isEmpty();
    }

    @Test
    void theMapListsNothingThatDoesNotExist() throws SQLException {
        List<String> tables = AllModules.tables(dataSource);
        assertThat(map.tables()).extracting(DataMap.Table::name).allMatch(tables::contains);
    }

    @Test
    void theMapListsNoColumnThatDoesNotExist() throws SQLException {
        List<String> columns = AllModules.columns(dataSource);
        List<String> unknown = new ArrayList<>();
        for (DataMap.Table t : map.tables()) {
            for (DataMap.Column c : t.columns()) {
                if (!columns.contains(t.name() + "." + c.name())) {
                    unknown.add(t.name() + "." + c.name());
                }
            }
        }
        assertThat(unknown)
                .as("columns the map lists that the catalogue does not have")
                .isEmpty();
    }

    @Test
    void docsRgpdShowsTheMap() throws IOException {
        Path doc = docs().resolve("rgpd.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String expected = BEGIN + map.markdown() + END;
        if (Boolean.getBoolean("opengru.docs.write") && begin >= 0 && end > begin) {
            Files.writeString(doc, text.substring(0, begin) + expected + text.substring(end + END.length()));
            return;
        }
        assertThat(begin).as("docs/rgpd.md has the data-map markers").isNotNegative();
        assertThat(text.substring(begin, end + END.length()))
                .as("docs/rgpd.md's data map (run this test with -Dopengru.docs.write=true to regenerate)")
                .isEqualTo(expected);
    }

    /** The repository's docs folder, wherever the test runs from. */
    static Path docs() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("docs") : dir.resolve("docs");
    }
}
