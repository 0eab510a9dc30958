package org.opengru.documents.store;

import static org.opengru.core.rgpd.DataMap.Content.PERSONAL;
import static org.opengru.core.rgpd.DataMap.Content.PSEUDONYMOUS;
import static org.opengru.core.rgpd.DataMap.Content.TECHNICAL;
import static org.opengru.core.rgpd.DataMap.column;

import java.util.List;
import org.opengru.core.rgpd.CoreDataMap;
import org.opengru.core.rgpd.DataMap;

/** gru-documents' share of the {@link DataMap}: the tables of {@code classpath:db/opengru/documents}. */
public final class DocumentsDataMap {

    private static final String MODULE = "gru-documents";
    private static final String VAULT_PERIOD = "the usager's own documents until they erase them; a document filed"
            + " with a request (message, complement) as that request (" + CoreDataMap.REQUEST_PERIOD + ")";
    private static final String FILED_GO = "purge and anonymisation: the documents filed with the request"
            + " crypto-shredded (EndedRequestFiles), the usager's own documents stay in their vault";
    private static final String ERASED = "crypto-shredded (wrapped keys deleted, then the blobs); erasure is"
            + " refused while a received request holding them is under retention (art. 17.3.b RGPD)";
    private static final String CONSENT = "kept: art. 7.1 RGPD, proof of consent; ids and codes only";

    private DocumentsDataMap() {}

    /**
     * The personal-data map of gru-documents' tables: what each column holds, how long it is kept, what the
     * RGPD purge, erasure and subject access export do with it (docs/rgpd.md is generated from it).
     *
     * @return the tables of {@code classpath:db/opengru/documents}, one entry per table
     */
    public static DataMap map() {
        return new DataMap(List.of(
                DataMap.table(
                        MODULE,
                        "gru_document",
                        "the document vault (coffre-fort): one row per document of an usager",
                        VAULT_PERIOD,
                        FILED_GO,
                        ERASED,
                        "documents",
                        column("owner_id", PSEUDONYMOUS, "the owner's usager id"),
                        column("filed_with", PSEUDONYMOUS, "the request it was filed with"),
                        column("type_code", TECHNICAL, "the document type")),
                DataMap.table(
                        MODULE,
                        "gru_document_version",
                        "each version of a document: file metadata and verification",
                        VAULT_PERIOD,
                        FILED_GO,
                        ERASED,
                        "documents (versions)",
                        column("file_name", PERSONAL, "the file's name as uploaded (sanitised)"),
                        column("rejection_reason", PERSONAL, "the agent's reason for rejecting it (free text)"),
                        column("uploaded_by", PSEUDONYMOUS, "who uploaded (kind and id)"),
                        column("verified_by", PSEUDONYMOUS, "the agent who verified"),
                        column("sha256", PSEUDONYMOUS, "the content's hash"),
                        column("blob_key", TECHNICAL, "where the encrypted blob is"),
                        column("media_type", TECHNICAL, "the media type"),
                        column("channel", TECHNICAL, "the channel"),
                        column("verification", TECHNICAL, "the verification state")),
                DataMap.table(
                        MODULE,
                        "gru_document_key",
                        "the wrapped data keys of the encrypted blobs (deleting one shreds the blob)",
                        VAULT_PERIOD,
                        FILED_GO + " (keys deleted first)",
                        ERASED,
                        "not exported: key material",
                        column("key_id", TECHNICAL, "the master key's id"),
                        column("wrapped_key", TECHNICAL, "the data key, wrapped by the master key")),
                DataMap.table(
                        MODULE,
                        "gru_document_consent",
                        "consents to reuse vault documents for a request (dites-le-nous une fois)",
                        "as long as the request it was given for, then as proof: art. 7.1 RGPD",
                        CONSENT,
                        CONSENT,
                        "documents (consents)",
                        column("usager_id", PSEUDONYMOUS, "who consented"),
                        column("granted_by", PSEUDONYMOUS, "who recorded it (kind and id)"),
                        column("document_ids", PSEUDONYMOUS, "the documents"),
                        column("procedure", TECHNICAL, "the démarche"),
                        column("channel", TECHNICAL, "the channel")),
                DataMap.table(
                        MODULE,
                        "gru_document_attachment",
                        "which document stands for which piece of a request",
                        CoreDataMap.REQUEST_PERIOD,
                        "purge and anonymisation: deleted (EndedRequestFiles)",
                        "deleted with the usager's drafts and documents",
                        "documents (attachedTo)",
                        column("attached_by", PSEUDONYMOUS, "who attached (kind and id)"),
                        column("piece", TECHNICAL, "the piece's code")),
                DataMap.table(
                        MODULE,
                        "gru_document_proof",
                        "data obtained from an administration (API Particulier) that stands for a piece",
                        CoreDataMap.REQUEST_PERIOD,
                        "purge and anonymisation: deleted (EndedRequestFiles)",
                        "deleted unless a received request under retention holds it (then erasure is refused)",
                        "documents (proofs)",
                        column("description", PERSONAL, "what the source said, in words"),
                        column("attribute_names", TECHNICAL, "the attributes' names"),
                        column("attribute_values", PERSONAL, "the attributes' values (income, status...)"),
                        column("usager_id", PSEUDONYMOUS, "about whom"),
                        column("attached_by", PSEUDONYMOUS, "who recorded it (kind and id)"),
                        column("piece", TECHNICAL, "the piece's code"),
                        column("source", TECHNICAL, "the provider"))));
    }
}
