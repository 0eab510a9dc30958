package org.opengru.core.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.exchange.AttachmentRef;
import org.opengru.core.exchange.ExchangeService;
import org.opengru.core.exchange.Visibility;
import org.opengru.core.id.RequestId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.Principal;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestService;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Usager;
import org.opengru.core.usager.UsagerStore;
import org.opengru.core.value.EmailAddress;

/**
 * {@link RequestThreads} over gru-core's request exchanges: the correspondent of a request is its
 * applicant with the e-mail address of their contact; a reply is posted as the applicant's message
 * (channel e-mail) with an idempotency key derived from the Message-ID, so a mail handed twice posts once.
 */
public final class ExchangeRequestThreads implements RequestThreads {

    private static final String COMPONENT = "inbound-mail";

    private final RequestService requests;
    private final ExchangeService exchanges;
    private final UsagerStore usagers;

    /**
     * Threads over the request and exchange services.
     *
     * @param requests the request service
     * @param exchanges the exchange service
     * @param usagers the usagers, for the applicant's e-mail addresses
     */
    public ExchangeRequestThreads(RequestService requests, ExchangeService exchanges, UsagerStore usagers) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.exchanges = Objects.requireNonNull(exchanges, "exchanges");
        this.usagers = Objects.requireNonNull(usagers, "usagers");
    }

    @Override
    public Optional<Correspondent> correspondent(TenantId tenant, RequestId request) {
        Request r;
        try {
            r = requests.get(Principal.system(tenant, COMPONENT), request);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        Set<EmailAddress> addresses = usagers.find(tenant, r.applicant())
                .map(Usager::contact)
                .filter(c -> c.email() != null)
                .map(c -> Set.of(c.email().value()))
                .orElse(Set.of());
        return Optional.of(new Correspondent(r.applicant(), addresses));
    }

    @Override
    public void appendReply(TenantId tenant, RequestId request, InboundReply reply) {
        List<AttachmentRef> refs = reply.attachments().stream()
                .map(a -> new AttachmentRef(a.documentRef(), a.fileName(), a.contentType(), a.size()))
                .toList();
        String body = reply.text().isBlank() ? "(message vide)" : reply.text();
        if (body.length() > 20_000) {
            body = body.substring(0, 20_000);
        }
        exchanges.post(
                Principal.usager(tenant, reply.from()),
                request,
                Visibility.SHARED,
                body,
                refs,
                Channel.EMAIL,
                IdempotencyKey.of("mail-" + sha256(reply.messageId()).substring(0, 48)));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
