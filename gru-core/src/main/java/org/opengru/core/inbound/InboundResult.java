package org.opengru.core.inbound;

import org.opengru.core.contact.ContactRecord;
import org.opengru.core.id.RequestId;
import org.opengru.core.notification.Notification;

/** What became of one inbound e-mail. */
public sealed interface InboundResult {

    /**
     * Added to its request's thread.
     *
     * @param request the request
     * @param reply the reply as threaded
     */
    record Threaded(RequestId request, RequestThreads.InboundReply reply) implements InboundResult {}

    /**
     * Named no request: a contact to triage, linked to the usager when the sender is known.
     *
     * @param contact the contact to triage
     */
    record Triage(ContactRecord contact) implements InboundResult {}

    /**
     * Not trusted: held for an agent, never attached to a request; {@code reason} says why.
     *
     * @param contact the quarantined contact
     * @param reason why
     */
    record Quarantined(ContactRecord contact, InboundMailException reason) implements InboundResult {}

    /**
     * Written by a machine (an out-of-office reply, a list, a delivery report on no notification of ours):
     * kept out of the request's thread, recorded as an {@link org.opengru.core.contact.ContactStatus#AUTOMATIC}
     * contact linked to the request and usager when known; {@code why} names what gave it away.
     *
     * @param contact the automatic contact
     * @param why the header that gave it away
     */
    record Automatic(ContactRecord contact, String why) implements InboundResult {}

    /**
     * A bounce of one of the commune's notifications: its e-mail delivery is marked failed and the next
     * channel of its chain is tried; the report is kept as an automatic contact about the usager.
     *
     * @param contact the report, kept as an automatic contact
     * @param notification the notification moved on to its next channel
     */
    record Bounced(ContactRecord contact, Notification notification) implements InboundResult {}
}
