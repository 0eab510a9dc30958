package org.opengru.core.exchange;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.event.DomainEventPublisher;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.MessageId;
import org.opengru.core.id.RequestId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.Principal;
import org.opengru.core.request.ActorRole;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestService;

/**
 * The message thread of each request. Whoever may see the request may read and post shared messages;
 * only agents of the routed team (and the system) may post or see internal notes, which for the applicant
 * do not exist at all (a thread without them, a {@link NotFoundException} for their ids). Events are
 * published after the store succeeded. Thread-safe.
 */
public final class ExchangeService {

    private final RequestService requests;
    private final ExchangeStore store;
    private final Clock clock;
    private final IdGenerator ids;
    private final DomainEventPublisher publisher;

    /**
     * A service over the request service (which decides who sees a request) and the thread store.
     *
     * @param requests the request service, for access and routing
     * @param store where messages and receipts are kept
     * @param clock the installation's clock
     * @param ids the id generator
     * @param publisher where {@link MessagePosted} and {@link MessageRead} go once stored
     */
    public ExchangeService(
            RequestService requests,
            ExchangeStore store,
            Clock clock,
            IdGenerator ids,
            DomainEventPublisher publisher) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /**
     * Posts a message; an applicant may not post an internal note ({@link AccessDeniedException}).
     *
     * @param actor who posts: the applicant, someone acting for them, an agent or the system
     * @param requestId the request
     * @param visibility shared with the applicant, or an internal note
     * @param body the text, at most 20,000 characters
     * @param attachments documents by reference, possibly none
     * @param channel how the message came in
     * @param key the idempotency key of the command, or {@code null}; a retry with it returns the first message
     * @return the message posted (or the first one, for a retry)
     * @throws org.opengru.core.error.NotFoundException when the request does not exist or the actor may not see it
     * @throws org.opengru.core.error.IdempotencyConflictException when the key was used for another post
     * @throws org.opengru.core.error.ValidationException naming the bad part of the message
     */
    public Message post(
            Principal actor,
            RequestId requestId,
            Visibility visibility,
            String body,
            List<AttachmentRef> attachments,
            Channel channel,
            @Nullable IdempotencyKey key) {
        Request request = requests.get(actor, requestId);
        if (visibility == Visibility.INTERNAL_NOTE && !staff(actor, request)) {
            throw new AccessDeniedException(
                    actor.toString(), "post an internal note on", "request", requestId.toString());
        }
        Message message = new Message(
                ids.newMessageId(),
                request.tenant(),
                request.id(),
                actor.ref(),
                visibility,
                body,
                attachments,
                channel,
                clock.instant());
        List<DomainEvent> events = List.of(new MessagePosted(
                ids.newEventId(),
                request.tenant(),
                message.postedAt(),
                request.id(),
                message.id(),
                visibility,
                actor.ref()));
        String fingerprint = "POST:" + requestId + ":" + visibility + ":" + actor.ref();
        // Scoped to the author: nobody replays or blocks another person's post.
        @Nullable IdempotencyKey scoped = key == null ? null : key.scopedTo(actor.ref(), "message.post");
        ExchangeStore.PostOutcome outcome = store.post(new MessagePost(message, events, scoped, fingerprint));
        if (!outcome.replayed()) {
            publisher.publish(events);
        }
        return outcome.message();
    }

    /**
     * The thread as this principal may see it, oldest first.
     *
     * @param actor who reads
     * @param requestId the request
     * @return the messages; without internal notes for the applicant
     * @throws org.opengru.core.error.NotFoundException when the request does not exist or the actor may not see it
     */
    public List<Message> thread(Principal actor, RequestId requestId) {
        Request request = requests.get(actor, requestId);
        boolean staff = staff(actor, request);
        return store.thread(request.tenant(), request.id()).stream()
                .filter(m -> staff || m.visibility() == Visibility.SHARED)
                .toList();
    }

    /**
     * Records that the principal read the message (the first time only; reading one's own message records
     * nothing). Returns the message.
     *
     * @param actor who read it
     * @param messageId the message
     * @return the message
     * @throws org.opengru.core.error.NotFoundException when the message does not exist or the actor may not see it
     */
    public Message markRead(Principal actor, MessageId messageId) {
        Message m = visibleMessage(actor, messageId);
        if (!m.author().equals(actor.ref())) {
            ReadReceipt receipt = new ReadReceipt(m.id(), actor.ref(), clock.instant());
            List<DomainEvent> events = List.of(new MessageRead(
                    ids.newEventId(), m.tenant(), receipt.readAt(), m.requestId(), m.id(), actor.ref()));
            if (store.markRead(m.tenant(), receipt, events)) {
                publisher.publish(events);
            }
        }
        return m;
    }

    /**
     * Who read the message and when.
     *
     * @param actor who asks
     * @param messageId the message
     * @return the receipts, first reading first
     * @throws org.opengru.core.error.NotFoundException when the message does not exist or the actor may not see it
     */
    public List<ReadReceipt> receipts(Principal actor, MessageId messageId) {
        Message m = visibleMessage(actor, messageId);
        return store.receipts(m.tenant(), m.id());
    }

    private Message visibleMessage(Principal actor, MessageId messageId) {
        Message m = store.find(actor.tenant(), messageId)
                .orElseThrow(() -> new NotFoundException("message", messageId.toString()));
        Request request = requests.get(actor, m.requestId());
        if (m.visibility() == Visibility.INTERNAL_NOTE && !staff(actor, request)) {
            // For the applicant an internal note does not exist.
            throw new NotFoundException("message", messageId.toString());
        }
        return m;
    }

    private boolean staff(Principal actor, Request request) {
        Set<ActorRole> roles = requests.policy().rolesOf(actor, request);
        return roles.contains(ActorRole.AGENT) || roles.contains(ActorRole.SYSTEM);
    }
}
