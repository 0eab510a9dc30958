package org.opengru.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.IdempotencyConflictException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.testing.CoreFixture;

class ExchangeServiceTest {

    private final CoreFixture f = new CoreFixture();
    private final ExchangeService exchanges = f.core.exchanges();
    private final Request request;

    ExchangeServiceTest() {
        Request r = f.core.requests()
                .create(
                        f.parentP,
                        NewRequest.of("inscription-cantine", f.child, Channel.WEB, CoreFixture.canteenData())
                                .withPieces(CoreFixture.canteenPieces()),
                        null);
        request = f.core.requests().submit(f.parentP, r.id(), null);
    }

    @Test
    void internalNotes_areNeverVisibleToTheApplicant() {
        Message question = exchanges.post(
                f.parentP,
                request.id(),
                Visibility.SHARED,
                "Le menu sans porc est-il possible ?",
                List.of(),
                Channel.WEB,
                null);
        Message note = exchanges.post(
                f.agent,
                request.id(),
                Visibility.INTERNAL_NOTE,
                "Vérifier le quotient avec la CAF",
                List.of(),
                Channel.WEB,
                null);
        Message answer = exchanges.post(
                f.agent,
                request.id(),
                Visibility.SHARED,
                "Oui, c'est noté.",
                List.of(new AttachmentRef("doc-menu-2026", "menus.pdf", "application/pdf", 48_213)),
                Channel.WEB,
                null);

        assertThat(exchanges.thread(f.agent, request.id())).containsExactly(question, note, answer);
        assertThat(exchanges.thread(f.parentP, request.id())).containsExactly(question, answer);
        assertThat(exchanges.thread(f.childP, request.id())).doesNotContain(note);
        assertThatThrownBy(() -> exchanges.markRead(f.parentP, note.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> exchanges.receipts(f.parentP, note.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> exchanges.post(
                        f.parentP, request.id(), Visibility.INTERNAL_NOTE, "x", List.of(), Channel.WEB, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exchanges.thread(f.neighbourP, request.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exchanges.thread(f.otherTeamAgent, request.id()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void readReceipts_firstReadingOnly_notForTheAuthor() {
        List<MessageRead> reads = new ArrayList<>();
        f.core.events().subscribe(MessageRead.class, reads::add);
        Message answer = exchanges.post(
                f.agent, request.id(), Visibility.SHARED, "Dossier complet.", List.of(), Channel.WEB, null);
        exchanges.markRead(f.agent, answer.id());
        assertThat(exchanges.receipts(f.agent, answer.id())).isEmpty();
        f.clock.advance(Duration.ofHours(3));
        exchanges.markRead(f.parentP, answer.id());
        f.clock.advance(Duration.ofHours(3));
        exchanges.markRead(f.parentP, answer.id());
        assertThat(exchanges.receipts(f.parentP, answer.id())).singleElement().satisfies(r -> {
            assertThat(r.reader()).isEqualTo(f.parentP.ref());
            assertThat(r.readAt()).isEqualTo(CoreFixture.START.plus(Duration.ofHours(3)));
        });
        assertThat(reads).hasSize(1);
    }

    @Test
    void idempotentPost_oneMessagePerKey() {
        IdempotencyKey key = IdempotencyKey.of("post-0001-abcd");
        Message m1 = exchanges.post(
                f.parentP, request.id(), Visibility.SHARED, "Bonjour", List.of(), Channel.MOBILE_APP, key);
        Message m2 = exchanges.post(
                f.parentP, request.id(), Visibility.SHARED, "Bonjour", List.of(), Channel.MOBILE_APP, key);
        assertThat(m2).isEqualTo(m1);
        assertThat(exchanges.thread(f.agent, request.id())).hasSize(1);
        // The key is the author's: the same key from the agent neither replays nor is blocked by the resident's.
        Message agents = exchanges.post(f.agent, request.id(), Visibility.SHARED, "Autre", List.of(), Channel.WEB, key);
        assertThat(agents.id()).isNotEqualTo(m1.id());
        assertThat(exchanges.thread(f.agent, request.id())).hasSize(2);
        // Reused by its author for another post, it is a conflict that names nothing of the first.
        assertThatThrownBy(() -> exchanges.post(
                        f.agent, request.id(), Visibility.INTERNAL_NOTE, "Note", List.of(), Channel.WEB, key))
                .isInstanceOf(IdempotencyConflictException.class)
                .hasMessage("the idempotency key was already used for another call");
    }
}
