package org.opengru.test.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPostgresExtension.class)
class EmbeddedPostgresExtensionTest {

    @Test
    void givesEachTestClassItsOwnDatabaseOnARealServer(PostgresDatabase db, DataSource ds) throws Exception {
        assertThat(db.databaseName()).startsWith("embeddedpostgresextensiontest_");
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT current_database(), current_setting('server_version_num')::int")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(db.databaseName());
            assertThat(rs.getInt(2)).isGreaterThanOrEqualTo(170000);
        }
    }

    @Test
    void twoDataSourcesAreTwoIndependentNodesOnOneDatabase(PostgresDatabase db) throws Exception {
        db.execute("CREATE TABLE IF NOT EXISTS node_check (id int primary key)");
        try (Connection a = db.dataSource().getConnection();
                Connection b = db.newDataSource().getConnection()) {
            a.setAutoCommit(false);
            a.createStatement().execute("INSERT INTO node_check VALUES (1)");
            try (ResultSet rs = b.createStatement().executeQuery("SELECT count(*) FROM node_check")) {
                rs.next();
                assertThat(rs.getInt(1))
                        .as("uncommitted row invisible to the other node")
                        .isZero();
            }
            a.commit();
            try (ResultSet rs = b.createStatement().executeQuery("SELECT count(*) FROM node_check")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }
}
