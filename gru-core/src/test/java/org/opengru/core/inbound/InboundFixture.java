package org.opengru.core.inbound;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.contact.ContactLog;
import org.opengru.core.exchange.Message;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.inbound.imap.ImapMailbox;
import org.opengru.core.intake.Channel;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.testing.CoreFixture;
import org.opengru.core.testing.TestMails;
import org.opengru.core.usager.Attested;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.usager.Person;
import org.opengru.core.value.EmailAddress;

/**
 * A commune's mailbox on a real IMAP server (GreenMail) and a real gru-core request of Claire Martin, who
 * asked to be told by e-mail; the attachments screen accepts everything and remembers the names.
 */
final class InboundFixture {

    static final EmailAddress MAIRIE = EmailAddress.parse("mairie@ville-test.fr");
    static final EmailAddress CLAIRE = EmailAddress.parse("claire.martin@exemple.fr");

    final CoreFixture f = new CoreFixture();
    final ReplyTokens tokens = new ReplyTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    final List<String> screened = new CopyOnWriteArrayList<>();
    final GreenMailExtension mail;
    final GreenMailUser mairie;
    final Request request;

    InboundFixture(GreenMailExtension mail) {
        this.mail = mail;
        mairie = mail.setUser(MAIRIE.value(), "mairie", "secret");
        Person claire = (Person) f.core.usagers().find(f.tenant, f.parent).orElseThrow();
        f.core.usagers()
                .save(claire.withContact(new Contact(
                        Attested.declared(CLAIRE, f.clock.instant()),
                        null,
                        null,
                        Set.of(NotificationChannel.EMAIL),
                        f.clock.instant())));
        Request draft = f.core.requests()
                .create(
                        f.parentP,
                        NewRequest.of("autorisation-terrasse", f.parent, Channel.WEB, FormData.of("surface", 12)),
                        null);
        request = f.core.requests().submit(f.parentP, draft.id(), IdempotencyKey.of("submit-" + draft.id()));
    }

    RequestThreads threads() {
        return new ExchangeRequestThreads(f.core.requests(), f.core.exchanges(), f.core.usagers());
    }

    InboundMailProcessor.Builder processor(RequestThreads threads, ContactLog contacts) {
        return InboundMailProcessor.builder(tokens, f.clock)
                .threads(threads)
                .contacts(contacts)
                .senders((tenant, address) ->
                        address.equals(CLAIRE) ? java.util.Optional.of(f.parent) : java.util.Optional.empty())
                .screen((tenant, owner, a) -> {
                    screened.add(a.fileName());
                    return new AttachmentScreen.Accepted(
                            "vault:" + screened.size(), a.fileName(), a.contentType(), a.size());
                });
    }

    ImapMailbox mailbox(int maxAttempts) {
        return new ImapMailbox(TestMails.imap(mail), f.clock, maxAttempts);
    }

    String replyAddress() {
        return tokens.replyAddress(f.tenant, request.id(), MAIRIE).value();
    }

    void deliver(String subject, String text, List<String> files) throws Exception {
        mairie.deliver(TestMails.reply(CLAIRE.value(), replyAddress(), subject, text, files));
    }

    List<Message> thread() {
        return f.core.exchanges().thread(f.parentP, request.id());
    }

    int count(String folder) throws Exception {
        return TestMails.count(mail, "mairie", "secret", folder);
    }
}
