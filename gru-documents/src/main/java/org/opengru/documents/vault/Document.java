package org.opengru.documents.vault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/**
 * A document in a vault: one piece (a card, a notice) of one type, with its versions, newest last.
 *
 * @param id the document
 * @param tenant the collectivité
 * @param owner whose vault: a person, a household or an organisation
 * @param type the document type
 * @param versions at least one, numbered 1..n
 * @param createdAt when the first version came in
 * @param filedWith the request this document came in with (a file sent with a message or a complement,
 *     {@link DocumentVault#uploadFor}): it goes when no live request needs it any more ({@link
 *     EndedRequestFiles}); {@code null} for a document the usager keeps in their vault, which stays until
 *     they erase it
 */
public record Document(
        DocumentId id,
        TenantId tenant,
        UsagerId owner,
        DocumentTypeCode type,
        List<DocumentVersion> versions,
        Instant createdAt,
        @Nullable RequestId filedWith) {

    /**
     * A document of the usager's own vault (not filed with a request).
     *
     * @param id the document
     * @param tenant the collectivité
     * @param owner the usager whose vault it is
     * @param type the piece it is
     * @param versions its versions, the first first
     * @param createdAt when it was first uploaded
     */
    public Document(
            DocumentId id,
            TenantId tenant,
            UsagerId owner,
            DocumentTypeCode type,
            List<DocumentVersion> versions,
            Instant createdAt) {
        this(id, tenant, owner, type, versions, createdAt, null);
    }

    /**
     * Checks the document and copies its versions.
     *
     * @param id the document
     * @param tenant the collectivité
     * @param owner whose vault: a person, a household or an organisation
     * @param type the document type
     * @param versions at least one, numbered 1..n
     * @param createdAt when the first version came in
     * @param filedWith the request this document came in with (a file sent with a message or a complement, {@link
     *     DocumentVault#uploadFor}): it goes when no live request needs it any more ({@link EndedRequestFiles}); {@code
     *     null} for a document the usager keeps in their vault, which stays until they erase it
     * @throws NullPointerException naming a missing value
     * @throws IllegalArgumentException when there is no version, or the versions are not numbered 1, 2, ...
     */
    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("document " + id + " has no version");
        }
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).number() != i + 1) {
                throw new IllegalArgumentException("document " + id + " version at position " + i + " is numbered "
                        + versions.get(i).number());
            }
        }
    }

    /**
     * The newest version.
     *
     * @return the last version
     */
    public DocumentVersion current() {
        return versions.get(versions.size() - 1);
    }

    /**
     * The version with that number.
     *
     * @param number from 1
     * @return the version
     * @throws NotFoundException when there is none with that number
     */
    public DocumentVersion version(int number) {
        if (number < 1 || number > versions.size()) {
            throw new NotFoundException("documentVersion", id + "/v" + number);
        }
        return versions.get(number - 1);
    }

    /**
     * A copy with one more version.
     *
     * @param v the new version, numbered after the last
     * @return the copy
     */
    public Document withVersion(DocumentVersion v) {
        List<DocumentVersion> all = new ArrayList<>(versions);
        all.add(v);
        return new Document(id, tenant, owner, type, all, createdAt, filedWith);
    }

    /**
     * A copy with a version's verification replaced.
     *
     * @param number the version's number
     * @param verification the agent's verdict
     * @return the copy
     */
    public Document withVerification(int number, Verification verification) {
        List<DocumentVersion> all = new ArrayList<>(versions);
        all.set(number - 1, version(number).withVerification(verification));
        return new Document(id, tenant, owner, type, all, createdAt, filedWith);
    }
}
