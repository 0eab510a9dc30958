package org.opengru.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.testing.CoreFixture;

/**
 * An agent keys in a request received at the counter in one step ({@link RequestService#keyIn}): complete
 * with the pieces handed on paper, or incomplete with what is missing and why; a refused key-in leaves no
 * draft in the resident's space.
 */
class KeyInTest {

    private final CoreFixture f = new CoreFixture();
    private final RequestService requests = f.core.requests();

    private NewRequest atCounter(List<ProvidedPiece> pieces) {
        return NewRequest.of("inscription-cantine", f.child, Channel.COUNTER, CoreFixture.canteenData())
                .withPieces(pieces);
    }

    @Test
    void theAgentRecordsThePiecesHandedAtTheCounterAndTheRequestIsReceivedAtOnce() {
        List<DomainEvent> seen = new ArrayList<>();
        f.core.events().subscribeAll(seen::add);
        ProvidedPiece paper = ProvidedPiece.onPaper(DocumentTypeCode.of("justificatif-domicile"), "guichet 1");

        Request r = requests.keyIn(f.agent, atCounter(List.of(paper)), List.of(), null, null);

        assertThat(r.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(r.version()).isEqualTo(2);
        assertThat(r.intake().keyedBy()).isEqualTo(f.agent.agent());
        assertThat(r.pieces()).containsExactly(paper);
        assertThat(paper.paper()).isTrue();
        assertThat(paper.documentRef()).isEqualTo("paper:guichet 1");
        assertThat(r.acknowledgment()).isNotNull();
        assertThat(requests.history(f.agent, r.id()))
                .extracting(HistoryEntry::action, HistoryEntry::sequence, HistoryEntry::channel)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RequestAction.CREATE, 1, Channel.COUNTER),
                        org.assertj.core.groups.Tuple.tuple(RequestAction.SUBMIT, 2, Channel.COUNTER));
        assertThat(seen)
                .extracting(DomainEvent::type)
                .containsExactly("RequestCreated", "RequestSubmitted", "RequestStatusChanged");
        // The request goes on as any other: the next action is version 3.
        assertThat(requests.startReview(f.agent, r.id(), null).version()).isEqualTo(3);
    }

    @Test
    void withoutThePiecesTheAgentMarksItIncompleteWithWhatIsMissingAndWhy() {
        Request r = requests.keyIn(
                f.agent,
                atCounter(List.of()),
                List.of("Justificatif de domicile de moins de 3 mois"),
                "Le justificatif n'était pas avec le dossier.",
                null);

        assertThat(r.status()).isEqualTo(RequestStatus.AWAITING_COMPLEMENT);
        assertThat(r.complement().missing()).containsExactly("Justificatif de domicile de moins de 3 mois");
        assertThat(r.complement().reason()).isEqualTo("Le justificatif n'était pas avec le dossier.");
        assertThat(r.acknowledgment().missingPieces()).containsExactly("Justificatif de domicile de moins de 3 mois");
        assertThat(requests.history(f.parentP, r.id()))
                .extracting(HistoryEntry::action)
                .containsExactly(RequestAction.CREATE, RequestAction.REGISTER_INCOMPLETE);
    }

    @Test
    void aRefusedKeyInLeavesNoDraftInTheResidentsSpace() {
        List<DomainEvent> seen = new ArrayList<>();
        f.core.events().subscribeAll(seen::add);

        // A piece required, neither handed nor listed as missing.
        assertThatThrownBy(() -> requests.keyIn(f.agent, atCounter(List.of()), List.of(), null, null))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .contains("pieces"));
        // Incomplete without a reason.
        assertThatThrownBy(() ->
                        requests.keyIn(f.agent, atCounter(List.of()), List.of("Justificatif de domicile"), " ", null))
                .isInstanceOf(ValidationException.class);
        // A resident cannot register her own request as incomplete.
        assertThatThrownBy(() -> requests.keyIn(
                        f.parentP, atCounter(List.of()), List.of("Justificatif de domicile"), "Pas de pièce", null))
                .isInstanceOf(IllegalTransitionException.class);

        assertThat(requests.list(f.parentP, RequestQuery.firstPage())).isEmpty();
        assertThat(requests.list(f.agent, RequestQuery.firstPage())).isEmpty();
        assertThat(seen).isEmpty();
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheSameRequest() {
        IdempotencyKey key = IdempotencyKey.of("guichet-42");
        ProvidedPiece paper = ProvidedPiece.onPaper(DocumentTypeCode.of("justificatif-domicile"), "guichet 1");
        Request first = requests.keyIn(f.agent, atCounter(List.of(paper)), List.of(), null, key);
        Request retry = requests.keyIn(f.agent, atCounter(List.of(paper)), List.of(), null, key);
        assertThat(retry).isEqualTo(first);
        assertThat(requests.list(f.parentP, RequestQuery.firstPage())).hasSize(1);
    }

    @Test
    void aPaperPieceSaysWhereThePaperIs() {
        assertThatThrownBy(() -> ProvidedPiece.onPaper(DocumentTypeCode.of("photo"), " "))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("piece.where"));
        assertThat(ProvidedPiece.of("photo", "document:1/v1").paper()).isFalse();
    }
}
