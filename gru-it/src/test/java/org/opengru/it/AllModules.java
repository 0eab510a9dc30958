package org.opengru.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.opengru.core.jdbc.Migrations;
import org.opengru.core.rgpd.CoreDataMap;
import org.opengru.core.rgpd.DataMap;
import org.opengru.documents.store.DocumentStore;
import org.opengru.documents.store.DocumentsDataMap;
import org.opengru.franceconnect.FranceConnectDataMap;
import org.opengru.franceconnect.FranceConnectSchema;
import org.opengru.payments.postgres.PaymentsDataMap;
import org.opengru.payments.postgres.PaymentsSchema;
import org.opengru.reports.postgres.ReportsDataMap;
import org.opengru.reports.postgres.ReportsSchema;
import org.opengru.scheduling.postgres.SchedulingDataMap;
import org.opengru.scheduling.postgres.SchedulingSchema;

/** Every module's schema in one database, every module's data map, and the catalogue's text-like columns. */
final class AllModules {

    private AllModules() {}

    /** Every module's migrations, in dependency order, as the starter runs them. */
    static List<Migrations> migrations() {
        return List.of(
                Migrations.core(),
                DocumentStore.migrations(),
                SchedulingSchema.migrations(),
                FranceConnectSchema.migrations(),
                PaymentsSchema.migrations(),
                ReportsSchema.migrations());
    }

    static void migrate(DataSource dataSource) {
        for (Migrations m : migrations()) {
            m.migrate(dataSource);
        }
    }

    static DataMap dataMap() {
        return CoreDataMap.map()
                .plus(DocumentsDataMap.map())
                .plus(SchedulingDataMap.map())
                .plus(FranceConnectDataMap.map())
                .plus(PaymentsDataMap.map())
                .plus(ReportsDataMap.map());
    }

    /** A column whose values are text once cast: what a name, a sentence or a file name can hide in. */
    record TextColumn(String table, String column, String type) {}

    static List<String> tables(DataSource dataSource) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Every column of every table, as {@code table.column}. */
    static List<String> columns(DataSource dataSource) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT table_name || '.' || column_name"
                        + " FROM information_schema.columns WHERE table_schema = current_schema()");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static List<TextColumn> textColumns(DataSource dataSource) throws SQLException {
        List<TextColumn> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT c.table_name, c.column_name, c.data_type"
                        + " FROM information_schema.columns c JOIN information_schema.tables t"
                        + " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                        + " WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
                        + " AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb',"
                        + " 'ARRAY', 'bytea', 'USER-DEFINED', 'xml') ORDER BY 1, 2");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new TextColumn(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }
}
