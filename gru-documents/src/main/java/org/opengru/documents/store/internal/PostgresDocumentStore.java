package org.opengru.documents.store.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.proof.DataProof;
import org.opengru.core.tenancy.TenantId;
import org.opengru.documents.crypto.WrappedKey;
import org.opengru.documents.ingest.SanitizedFileName;
import org.opengru.documents.ingest.Sha256;
import org.opengru.documents.reuse.Attachment;
import org.opengru.documents.reuse.ProofAttachment;
import org.opengru.documents.reuse.ReuseConsent;
import org.opengru.documents.sniff.AllowedMediaType;
import org.opengru.documents.storage.BlobKey;
import org.opengru.documents.store.DocumentStore;
import org.opengru.documents.store.StoredKey;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.vault.Document;
import org.opengru.documents.vault.DocumentId;
import org.opengru.documents.vault.DocumentVersion;
import org.opengru.documents.vault.Verification;

/**
 * Document metadata in PostgreSQL, plain JDBC; tables from {@code V1__documents.sql} to {@code
 * V4__ended_requests.sql}.
 */
public final class PostgresDocumentStore implements DocumentStore {
    private static final String UNIQUE_VIOLATION = "23505";

    private final JdbcTransactions tx;

    public PostgresDocumentStore(DataSource dataSource) {
        this.tx = JdbcTransactions.of(dataSource);
    }

    @Override
    public void insert(Document d, WrappedKey key) {
        if (d.versions().size() != 1) {
            throw new IllegalArgumentException("a new document has exactly one version, got "
                    + d.versions().size());
        }
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gru_document (tenant_id, document_id, owner_id,"
                    + " type_code, created_at, filed_with) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, d.tenant().value());
                ps.setObject(2, d.id().value());
                ps.setObject(3, d.owner().value());
                ps.setString(4, d.type().value());
                ps.setTimestamp(5, Timestamp.from(d.createdAt()));
                ps.setObject(6, d.filedWith() == null ? null : d.filedWith().value(), Types.OTHER);
                if (ps.executeUpdate() == 0) {
                    throw new AlreadyExistsException("document", d.id().toString());
                }
            }
            insertVersion(c, d.tenant(), d.id(), d.current(), key);
        });
    }

    @Override
    public void addVersion(TenantId tenant, DocumentId id, DocumentVersion v, WrappedKey key) {
        tx.run(c -> {
            // Lock the document row first; the count is a separate statement so that, under READ
            // COMMITTED, it sees the versions committed by whoever held the lock before us.
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM gru_document WHERE tenant_id = ? AND document_id = ? FOR UPDATE")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("document", id.toString());
                    }
                }
            }
            int count;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM gru_document_version WHERE tenant_id = ? AND document_id = ?")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count = rs.getInt(1);
                }
            }
            if (v.number() != count + 1) {
                throw new ConcurrentUpdateException("document", id.toString(), v.number() - 1, count);
            }
            insertVersion(c, tenant, id, v, key);
        });
    }

    private static void insertVersion(Connection c, TenantId tenant, DocumentId id, DocumentVersion v, WrappedKey key)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gru_document_version (tenant_id, document_id,"
                + " version, blob_key, file_name, media_type, size_bytes, sha256, channel, uploaded_by, uploaded_at,"
                + " issue_date, expiry_date, holder_birth_date, verification, verified_by, verified_at,"
                + " rejection_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, tenant.value());
            ps.setObject(2, id.value());
            ps.setInt(3, v.number());
            ps.setString(4, v.blobKey().value());
            ps.setString(5, v.fileName().value());
            ps.setString(6, v.mediaType().mediaType());
            ps.setLong(7, v.size());
            ps.setString(8, v.sha256().hex());
            ps.setString(9, v.channel().name());
            ps.setString(10, v.uploadedBy().toString());
            ps.setTimestamp(11, Timestamp.from(v.uploadedAt()));
            setDate(ps, 12, v.facts().issueDate());
            setDate(ps, 13, v.facts().expiryDate());
            setDate(ps, 14, v.facts().holderBirthDate());
            setVerification(ps, 15, v.verification());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gru_document_key (tenant_id, document_id, version,"
                + " key_id, wrapped_key) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, tenant.value());
            ps.setObject(2, id.value());
            ps.setInt(3, v.number());
            ps.setString(4, key.keyId());
            ps.setBytes(5, key.ciphertext());
            ps.executeUpdate();
        }
    }

    private static void setVerification(PreparedStatement ps, int from, Verification v) throws SQLException {
        ps.setString(from, v.state());
        if (v instanceof Verification.Verified ok) {
            ps.setString(from + 1, ok.by().value());
            ps.setTimestamp(from + 2, Timestamp.from(ok.at()));
            ps.setNull(from + 3, Types.VARCHAR);
        } else if (v instanceof Verification.Rejected no) {
            ps.setString(from + 1, no.by().value());
            ps.setTimestamp(from + 2, Timestamp.from(no.at()));
            ps.setString(from + 3, no.reason());
        } else {
            ps.setNull(from + 1, Types.VARCHAR);
            ps.setNull(from + 2, Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setNull(from + 3, Types.VARCHAR);
        }
    }

    private static void setDate(PreparedStatement ps, int i, @Nullable LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setObject(i, d);
        }
    }

    @Override
    public void setVerification(TenantId tenant, DocumentId id, int version, Verification verification) {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE gru_document_version SET verification = ?,"
                    + " verified_by = ?, verified_at = ?, rejection_reason = ?"
                    + " WHERE tenant_id = ? AND document_id = ? AND version = ?")) {
                setVerification(ps, 1, verification);
                ps.setString(5, tenant.value());
                ps.setObject(6, id.value());
                ps.setInt(7, version);
                if (ps.executeUpdate() == 0) {
                    throw new NotFoundException("documentVersion", id + "/v" + version);
                }
            }
        });
    }

    @Override
    public Optional<Document> find(TenantId tenant, DocumentId id) {
        List<Document> found = select(tenant, "d.document_id = ?", id.value());
        return found.stream().findFirst();
    }

    @Override
    public List<Document> byOwner(TenantId tenant, UsagerId owner) {
        return select(tenant, "d.owner_id = ?", owner.value());
    }

    private List<Document> select(TenantId tenant, String where, UUID param) {
        return tx.inTransaction(c -> {
            Map<UUID, Object[]> heads = new LinkedHashMap<>();
            Map<UUID, List<DocumentVersion>> versions = new LinkedHashMap<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT d.document_id, d.owner_id, d.type_code, d.created_at, d.filed_with,"
                            + " v.version, v.blob_key, v.file_name, v.media_type, v.size_bytes, v.sha256, v.channel,"
                            + " v.uploaded_by, v.uploaded_at, v.issue_date, v.expiry_date, v.holder_birth_date,"
                            + " v.verification, v.verified_by, v.verified_at, v.rejection_reason"
                            + " FROM gru_document d JOIN gru_document_version v"
                            + " ON v.tenant_id = d.tenant_id AND v.document_id = d.document_id"
                            + " WHERE d.tenant_id = ? AND " + where
                            + " ORDER BY d.created_at, d.document_id, v.version")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, param);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID docId = rs.getObject(1, UUID.class);
                        heads.computeIfAbsent(docId, k -> {
                            try {
                                return new Object[] {
                                    rs.getObject(2, UUID.class),
                                    rs.getString(3),
                                    rs.getTimestamp(4).toInstant(),
                                    rs.getObject(5, UUID.class)
                                };
                            } catch (SQLException e) {
                                throw org.opengru.core.jdbc.DataAccessException.translate("reading documents", e);
                            }
                        });
                        versions.computeIfAbsent(docId, k -> new ArrayList<>()).add(version(rs));
                    }
                }
            }
            List<Document> out = new ArrayList<>();
            heads.forEach((docId, h) -> out.add(new Document(
                    DocumentId.of(docId),
                    tenant,
                    UsagerId.of((UUID) h[0]),
                    DocumentTypeCode.of((String) h[1]),
                    versions.get(docId),
                    (Instant) h[2],
                    h[3] == null ? null : RequestId.of((UUID) h[3]))));
            return out;
        });
    }

    private static DocumentVersion version(ResultSet rs) throws SQLException {
        String state = rs.getString(18);
        Verification verification = switch (state) {
            case "VERIFIED" ->
                new Verification.Verified(
                        AgentId.of(rs.getString(19)), rs.getTimestamp(20).toInstant());
            case "REJECTED" ->
                new Verification.Rejected(
                        AgentId.of(rs.getString(19)), rs.getTimestamp(20).toInstant(), rs.getString(21));
            default -> new Verification.Unverified();
        };
        return new DocumentVersion(
                rs.getInt(6),
                new BlobKey(rs.getString(7)),
                new SanitizedFileName(rs.getString(8)),
                AllowedMediaType.ofMediaType(rs.getString(9)).orElseThrow(),
                rs.getLong(10),
                new Sha256(rs.getString(11)),
                Channel.valueOf(rs.getString(12)),
                ActorRef.parse(rs.getString(13)),
                rs.getTimestamp(14).toInstant(),
                new DocumentFacts(
                        rs.getObject(15, LocalDate.class),
                        rs.getObject(16, LocalDate.class),
                        rs.getObject(17, LocalDate.class)),
                verification);
    }

    @Override
    public Optional<WrappedKey> wrappedKey(TenantId tenant, DocumentId id, int version) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT key_id, wrapped_key FROM gru_document_key"
                    + " WHERE tenant_id = ? AND document_id = ? AND version = ?")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, id.value());
                ps.setInt(3, version);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new WrappedKey(rs.getString(1), rs.getBytes(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<BlobKey> erase(TenantId tenant, DocumentId id) {
        return tx.inTransaction(c -> {
            List<BlobKey> blobs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM gru_document_version"
                    + " WHERE tenant_id = ? AND document_id = ? RETURNING blob_key")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        blobs.add(new BlobKey(rs.getString(1)));
                    }
                }
            }
            // Keys go with their versions (ON DELETE CASCADE); the document row last.
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM gru_document WHERE tenant_id = ? AND document_id = ?")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, id.value());
                ps.executeUpdate();
            }
            return blobs;
        });
    }

    @Override
    public List<StoredKey> keysNotWrappedWith(TenantId tenant, String keyId, int limit) {
        return tx.inTransaction(c -> {
            List<StoredKey> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT k.document_id, k.version, v.blob_key, k.key_id,"
                    + " k.wrapped_key FROM gru_document_key k JOIN gru_document_version v"
                    + " USING (tenant_id, document_id, version)"
                    + " WHERE k.tenant_id = ? AND k.key_id <> ? ORDER BY k.document_id, k.version LIMIT ?")) {
                ps.setString(1, tenant.value());
                ps.setString(2, keyId);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredKey(
                                DocumentId.of(rs.getObject(1, UUID.class)),
                                rs.getInt(2),
                                new BlobKey(rs.getString(3)),
                                new WrappedKey(rs.getString(4), rs.getBytes(5))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean replaceKey(
            TenantId tenant, DocumentId id, int version, WrappedKey expected, WrappedKey replacement) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE gru_document_key SET key_id = ?, wrapped_key = ?"
                    + " WHERE tenant_id = ? AND document_id = ? AND version = ? AND key_id = ? AND wrapped_key = ?")) {
                ps.setString(1, replacement.keyId());
                ps.setBytes(2, replacement.ciphertext());
                ps.setString(3, tenant.value());
                ps.setObject(4, id.value());
                ps.setInt(5, version);
                ps.setString(6, expected.keyId());
                ps.setBytes(7, expected.ciphertext());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void recordConsent(ReuseConsent consent) {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gru_document_consent (tenant_id, usager_id,"
                    + " request_id, procedure, document_ids, granted_by, granted_at, channel)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, consent.tenant().value());
                ps.setObject(2, consent.usager().value());
                ps.setObject(3, consent.request().value());
                ps.setString(4, consent.procedure().value());
                Array ids = c.createArrayOf(
                        "uuid",
                        consent.documents().stream().map(DocumentId::value).toArray());
                ps.setArray(5, ids);
                ps.setString(6, consent.grantedBy().toString());
                ps.setTimestamp(7, Timestamp.from(consent.grantedAt()));
                ps.setString(8, consent.channel().name());
                ps.executeUpdate();
            }
        });
    }

    @Override
    public List<ReuseConsent> consents(TenantId tenant, RequestId request) {
        return consentsWhere(tenant, "request_id", request.value());
    }

    @Override
    public List<ReuseConsent> consentsOf(TenantId tenant, UsagerId usager) {
        return consentsWhere(tenant, "usager_id", usager.value());
    }

    /** The consents of that collectivité whose {@code column} (a fixed column name, never input) is {@code value}. */
    private List<ReuseConsent> consentsWhere(TenantId tenant, String column, UUID value) {
        return tx.inTransaction(c -> {
            List<ReuseConsent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT usager_id, request_id, procedure, document_ids,"
                    + " granted_by, granted_at, channel FROM gru_document_consent WHERE tenant_id = ? AND " + column
                    + " = ? ORDER BY id")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, value);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Set<DocumentId> docs = new HashSet<>();
                        for (Object o : (Object[]) rs.getArray(4).getArray()) {
                            docs.add(DocumentId.of((UUID) o));
                        }
                        out.add(new ReuseConsent(
                                tenant,
                                UsagerId.of(rs.getObject(1, UUID.class)),
                                RequestId.of(rs.getObject(2, UUID.class)),
                                ProcedureCode.of(rs.getString(3)),
                                docs,
                                ActorRef.parse(rs.getString(5)),
                                rs.getTimestamp(6).toInstant(),
                                Channel.valueOf(rs.getString(7))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void attach(Attachment a) {
        try {
            tx.run(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO gru_document_attachment (tenant_id,"
                        + " request_id, piece, document_id, version, attached_by, attached_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                    ps.setString(1, a.tenant().value());
                    ps.setObject(2, a.request().value());
                    ps.setString(3, a.piece().value());
                    ps.setObject(4, a.document().value());
                    ps.setInt(5, a.version());
                    ps.setString(6, a.attachedBy().toString());
                    ps.setTimestamp(7, Timestamp.from(a.attachedAt()));
                    if (ps.executeUpdate() == 0) {
                        throw new AlreadyExistsException(
                                "attachment", a.request() + "/" + a.piece() + "/" + a.document());
                    }
                }
            });
        } catch (org.opengru.core.jdbc.DataAccessException e) {
            if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw new AlreadyExistsException("attachment", a.request() + "/" + a.piece() + "/" + a.document());
            }
            throw e;
        }
    }

    @Override
    public List<Attachment> attachments(TenantId tenant, RequestId request) {
        return attachmentsWhere(tenant, "request_id", request.value());
    }

    @Override
    public List<Attachment> attachmentsOf(TenantId tenant, DocumentId document) {
        return attachmentsWhere(tenant, "document_id", document.value());
    }

    /** The attachments of that collectivité whose {@code column} (a fixed column name, never input) is {@code value}. */
    private List<Attachment> attachmentsWhere(TenantId tenant, String column, UUID value) {
        return tx.inTransaction(c -> {
            List<Attachment> out = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT request_id, piece, document_id, version, attached_by,"
                            + " attached_at FROM gru_document_attachment WHERE tenant_id = ? AND " + column
                            + " = ? ORDER BY id")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, value);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Attachment(
                                tenant,
                                RequestId.of(rs.getObject(1, UUID.class)),
                                DocumentTypeCode.of(rs.getString(2)),
                                DocumentId.of(rs.getObject(3, UUID.class)),
                                rs.getInt(4),
                                ActorRef.parse(rs.getString(5)),
                                rs.getTimestamp(6).toInstant()));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void attachProof(ProofAttachment a) {
        List<String> names = new ArrayList<>(a.proof().attributes().keySet());
        List<String> values = names.stream().map(a.proof().attributes()::get).toList();
        try {
            tx.run(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO gru_document_proof (tenant_id, id,"
                        + " request_id, usager_id, piece, source, description, obtained_at, valid_until,"
                        + " attribute_names, attribute_values, attached_by, attached_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, a.tenant().value());
                    ps.setObject(2, a.id());
                    ps.setObject(3, a.request().value());
                    ps.setObject(4, a.usager().value());
                    ps.setString(5, a.piece().value());
                    ps.setString(6, a.proof().source());
                    ps.setString(7, a.proof().description());
                    ps.setTimestamp(8, Timestamp.from(a.proof().obtainedAt()));
                    ps.setObject(9, a.proof().validUntil(), Types.DATE);
                    ps.setArray(10, c.createArrayOf("text", names.toArray()));
                    ps.setArray(11, c.createArrayOf("text", values.toArray()));
                    ps.setString(12, a.attachedBy().toString());
                    ps.setTimestamp(13, Timestamp.from(a.attachedAt()));
                    ps.executeUpdate();
                }
            });
        } catch (org.opengru.core.jdbc.DataAccessException e) {
            if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw new AlreadyExistsException("proof", a.id().toString());
            }
            throw e;
        }
    }

    @Override
    public List<ProofAttachment> proofs(TenantId tenant, RequestId request) {
        return proofsWhere(tenant, "request_id", request.value());
    }

    @Override
    public List<ProofAttachment> proofsAbout(TenantId tenant, UsagerId usager) {
        return proofsWhere(tenant, "usager_id", usager.value());
    }

    /** The proofs of that collectivité whose {@code column} (a fixed column name, never input) is {@code value}. */
    private List<ProofAttachment> proofsWhere(TenantId tenant, String column, UUID value) {
        return tx.inTransaction(c -> {
            List<ProofAttachment> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, request_id, usager_id, piece, source,"
                    + " description, obtained_at, valid_until, attribute_names, attribute_values, attached_by,"
                    + " attached_at FROM gru_document_proof WHERE tenant_id = ? AND " + column + " = ?"
                    + " ORDER BY attached_at, id")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, value);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Object[] names = (Object[]) rs.getArray(9).getArray();
                        Object[] values = (Object[]) rs.getArray(10).getArray();
                        Map<String, String> attributes = new LinkedHashMap<>();
                        for (int i = 0; i < names.length; i++) {
                            attributes.put((String) names[i], (String) values[i]);
                        }
                        DataProof proof = new DataProof(
                                DocumentTypeCode.of(rs.getString(4)),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getTimestamp(7).toInstant(),
                                rs.getObject(8, LocalDate.class),
                                attributes);
                        out.add(new ProofAttachment(
                                tenant,
                                RequestId.of(rs.getObject(2, UUID.class)),
                                UsagerId.of(rs.getObject(3, UUID.class)),
                                rs.getObject(1, UUID.class),
                                proof,
                                ActorRef.parse(rs.getString(11)),
                                rs.getTimestamp(12).toInstant()));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<Document> filedWith(TenantId tenant, RequestId request) {
        return select(tenant, "d.filed_with = ?", request.value());
    }

    @Override
    public List<RequestId> referencedRequests(TenantId tenant, @Nullable RequestId after, int limit) {
        // Each branch walks its index in order and stops after `limit` distinct ids, so a batch costs the
        // same at the end of the walk as at its start. uuid compares as bytes, unsigned: as RequestId does.
        String from = after == null ? "" : " AND %s > ?";
        String sql = "SELECT r FROM ("
                + branch("request_id", "gru_document_attachment", from) + " UNION "
                + branch("request_id", "gru_document_proof", from) + " UNION "
                + branch("filed_with", "gru_document", from + " AND filed_with IS NOT NULL")
                + ") refs ORDER BY r LIMIT ?";
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (int branch = 0; branch < 3; branch++) {
                    ps.setString(i++, tenant.value());
                    if (after != null) {
                        ps.setObject(i++, after.value());
                    }
                    ps.setInt(i++, limit);
                }
                ps.setInt(i, limit);
                List<RequestId> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(RequestId.of(rs.getObject(1, UUID.class)));
                    }
                }
                return out;
            }
        });
    }

    /** One sub-query of {@link #referencedRequests}: {@code column} and {@code table} are fixed names, never input. */
    private static String branch(String column, String table, String condition) {
        return "(SELECT DISTINCT " + column + " AS r FROM " + table + " WHERE tenant_id = ?"
                + condition.formatted(column) + " ORDER BY " + column + " LIMIT ?)";
    }

    @Override
    public int removeAttachments(TenantId tenant, RequestId request) {
        return delete("gru_document_attachment", "request_id", tenant, request.value());
    }

    /** Deletes the rows of that collectivité whose {@code column} is {@code value}; names are fixed, never input. */
    private int delete(String table, String column, TenantId tenant, UUID value) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM " + table + " WHERE tenant_id = ? AND " + column + " = ?")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, value);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean eraseProof(TenantId tenant, UUID id) {
        return delete("gru_document_proof", "id", tenant, id) == 1;
    }
}
