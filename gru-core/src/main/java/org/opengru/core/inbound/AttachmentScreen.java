package org.opengru.core.inbound;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/**
 * Port: the document vault's checks on an inbound attachment (type sniffing, active content, malware
 * scan) and its storage. gru-documents implements it; gru-core cannot depend on it.
 */
@FunctionalInterface
public interface AttachmentScreen {

    /**
     * Checks and stores the attachment, returning the vault's reference.
     *
     * @throws AttachmentRejectedException when the vault refuses it
     * @param tenant the collectivité whose mailbox received it
     * @param owner the usager who sent it, or {@code null} when unknown
     * @param attachment the attachment as received
     * @return the stored attachment
     */
    Accepted screen(TenantId tenant, @Nullable UsagerId owner, InboundAttachment attachment);

    /**
     * An attachment the vault accepted.
     *
     * @param documentRef the vault's reference of the stored document
     * @param fileName the file name
     * @param contentType the media type the vault found
     * @param size the size in bytes
     */
    record Accepted(String documentRef, String fileName, String contentType, long size) {}

    /**
     * A minimal screen for installations without gru-documents: a media-type allow-list; the reference is
     * a placeholder, the content is not kept.
     *
     * @param contentTypes the media types accepted
     * @return the screen
     */
    static AttachmentScreen allowTypes(Set<String> contentTypes) {
        Set<String> allowed = Set.copyOf(contentTypes);
        return (tenant, owner, a) -> {
            String type = a.contentType().toLowerCase(java.util.Locale.ROOT);
            int semi = type.indexOf(';');
            String base = (semi >= 0 ? type.substring(0, semi) : type).strip();
            if (!allowed.contains(base)) {
                throw new AttachmentRejectedException(a.fileName(), "type " + base + " is not accepted");
            }
            return new Accepted("unscreened:" + a.fileName(), a.fileName(), base, a.size());
        };
    }
}
