package org.opengru.examples.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opengru.documents.crypto.KeyProvider;
import org.opengru.documents.crypto.StaticKeyProvider;
import org.opengru.test.postgres.EmbeddedPostgresExtension;

/** Runs the vendor's program against a real PostgreSQL, twice, as after a restart of the product. */
@ExtendWith(EmbeddedPostgresExtension.class)
class VendorExampleTest {

    /** Monday 8 June 2026, 09:00 in Paris. */
    static final Clock MONDAY_MORNING = Clock.fixed(Instant.parse("2026-06-08T07:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path blobs;

    @Test
    void filesARequestWithAStoredDocumentAndBooksASlotInPostgres(DataSource db) throws Exception {
        KeyProvider keys = StaticKeyProvider.generated("test");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        VendorExample.Outcome first = VendorExample.run(
                db, MONDAY_MORNING, blobs, keys, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(first.status()).isEqualTo("ACCEPTED");
        assertThat(first.acknowledgment()).contains(first.reference()).contains("Certificat de résidence");
        // Two hours' notice from 09:00: the first slot is 11:00 Paris time, on the first desk.
        assertThat(first.appointment()).isEqualTo(Instant.parse("2026-06-08T09:00:00Z"));
        assertThat(first.desk()).isEqualTo("guichet-1");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Stored justificatif-domicile.pdf")
                .contains("is now ACCEPTED");
        // The relay job delivered the request's and the booking's events to the back office.
        assertThat(first.backOfficeEvents()).isNotEmpty().anyMatch(t -> t.startsWith("Request"));
        assertThat(first.backOfficeEvents())
                .anyMatch(t -> t.toLowerCase(java.util.Locale.ROOT).contains("book"));

        // Everything is in PostgreSQL: the request, its events (its history), its outbox events, the booking.
        assertThat(query(db, "SELECT status FROM gru_request WHERE reference = ?", first.reference()))
                .containsExactly("ACCEPTED");
        assertThat(query(
                        db,
                        "SELECT count(*)::text FROM gru_request_event e JOIN gru_request r ON r.tenant_id = e.tenant_id"
                                + " AND r.id = e.request_id WHERE r.reference = ? AND e.details ->> 'sequence' IS NOT NULL",
                        first.reference()))
                .containsExactly("5"); // create, edit, submit, review, accept
        assertThat(query(
                        db,
                        "SELECT resource_id FROM scheduling_booking WHERE starts_at = ?::timestamptz",
                        first.appointment().toString()))
                .containsExactly("guichet-1");

        // The stored document was reused by reference, with the resident's consent, both recorded.
        assertThat(first.documentRef()).startsWith("document:").endsWith("/v1");
        String documentId = first.documentRef()
                .substring("document:".length(), first.documentRef().indexOf('/'));
        assertThat(query(
                        db,
                        "SELECT count(*)::text FROM gru_document_consent WHERE ?::uuid = ANY(document_ids)",
                        documentId))
                .containsExactly("1");
        assertThat(query(
                        db,
                        "SELECT count(*)::text FROM gru_document_attachment WHERE document_id = ?::uuid",
                        documentId))
                .containsExactly("1");

        // The document is on disk, encrypted: the plain text does not appear in any stored file.
        List<Path> files;
        try (Stream<Path> walk = Files.walk(blobs)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                    .doesNotContain("Claire Martin");
        }

        // A restart of the product on the same database: migrations are idempotent, the same desk is now
        // taken at 11:00, so the next resident gets the other desk at the same time.
        VendorExample.Outcome second =
                VendorExample.run(db, MONDAY_MORNING, blobs, keys, new PrintStream(new ByteArrayOutputStream()));
        assertThat(second.reference()).isNotEqualTo(first.reference());
        assertThat(second.appointment()).isEqualTo(first.appointment());
        assertThat(second.desk()).isEqualTo("guichet-2");
        // The residents and the catalogue are in PostgreSQL too; declaring the démarche again changed nothing.
        assertThat(query(db, "SELECT count(*)::text FROM gru_usager WHERE tenant_id = ?", "commune-45000"))
                .containsExactly("2");
        assertThat(query(db, "SELECT count(*)::text FROM gru_procedure WHERE code = ?", "certificat-residence"))
                .containsExactly("1");
    }

    private static List<String> query(DataSource db, String sql, String parameter) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                List<String> rows = new java.util.ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
                return rows;
            }
        }
    }
}
