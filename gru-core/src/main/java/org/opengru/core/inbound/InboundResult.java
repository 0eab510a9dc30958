package org.opengru.core.inbound;

import org.opengru.core.contact.ContactRecord;
import org.opengru.core.id.RequestId;

/** What became of one inbound e-mail. */
public sealed interface InboundResult {

    /** Added to its request's thread. */
    record Threaded(RequestId request, RequestThreads.InboundReply reply) implements InboundResult {}

    /** Named no request: a contact to triage, linked to the usager when the sender is known. */
    record Triage(ContactRecord contact) implements InboundResult {}

    /** Not trusted: held for an agent, never attached to a request; {@code reason} says why. */
    record Quarantined(ContactRecord contact, InboundMailException reason) implements InboundResult {}
}
