package org.opengru.core.acknowledgment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.error.ValidationException;
import org.opengru.core.intake.Channel;
import org.opengru.core.request.ActionInput;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestAction;
import org.opengru.core.testing.CoreFixture;

/** The accusé de réception carries every mandatory mention of the CRPA, in text and in HTML. */
class AcknowledgmentRenderingTest {

    private final CoreFixture f = new CoreFixture();

    private Acknowledgment submittedTerrace() {
        Request r = f.core.requests()
                .create(
                        f.parentP,
                        NewRequest.of("autorisation-terrasse", f.parent, Channel.WEB, FormData.of("surface", 12)),
                        null);
        return f.core.requests().submit(f.parentP, r.id(), null).acknowledgment();
    }

    @Test
    void silenceMeansRejection_everyMandatoryMentionIsThere() {
        Acknowledgment ack = submittedTerrace();
        String text = ack.text();
        Map<Mention, List<String>> expected = new EnumMap<>(Mention.class);
        // L112-11, R112-11-1 1°: date of receipt
        expected.put(
                Mention.RECEIPT,
                List.of(
                        "a été reçue le 15 janvier 2026 à 10 h 30",
                        "Autorisation de terrasse",
                        ack.reference().value()));
        // R112-11-1 2°: designation, postal address, e-mail and phone of the service
        expected.put(
                Mention.SERVICE,
                List.of(
                        "Service État civil",
                        "Hôtel de ville, 1 place de la Mairie, 69100 VILLEURBANNE",
                        "etat-civil@ville-test.fr",
                        "04 78 00 00 00"));
        // R112-11-1: implicit decision, its kind and its date
        expected.put(
                Mention.IMPLICIT_DECISION,
                List.of("réputée rejetée le 15 février 2026", "décision implicite de rejet"));
        // R112-11-1: means and delays of appeal against the implicit rejection
        expected.put(
                Mention.APPEAL,
                List.of(
                        "Voies et délais de recours",
                        "délai de deux mois",
                        "recours gracieux",
                        "recours contentieux devant le tribunal administratif",
                        "www.telerecours.fr"));
        for (Mention m : List.of(Mention.RECEIPT, Mention.SERVICE, Mention.IMPLICIT_DECISION, Mention.APPEAL)) {
            for (String phrase : expected.get(m)) {
                assertThat(text).as("mention %s (%s)", m, m.legalBasis()).contains(phrase);
                assertThat(ack.html()).as("HTML mention %s", m).contains(phrase.replace("'", "&#39;"));
            }
            assertThat(ack.html())
                    .contains(
                            "class=\"mention mention-" + m.name().toLowerCase().replace('_', '-') + "\"");
        }
        assertThat(text).doesNotContain("incomplète").doesNotContain("{{");
    }

    @Test
    void silenceMeansAcceptance_mentionsTheAttestation() {
        Request r = f.core.requests()
                .create(
                        f.parentP,
                        NewRequest.of("inscription-cantine", f.child, Channel.WEB, CoreFixture.canteenData())
                                .withPieces(CoreFixture.canteenPieces()),
                        null);
        Acknowledgment ack = f.core.requests().submit(f.parentP, r.id(), null).acknowledgment();
        assertThat(ack.text())
                .contains("réputée acceptée le 15 mars 2026", "attestation", "L232-3")
                .doesNotContain("Voies et délais de recours");
        assertThat(ack.appeal()).isNull();
    }

    @Test
    void incompleteRequest_listsMissingPiecesAndTheirDeadline() {
        Request r = f.core.requests()
                .create(
                        f.agent,
                        NewRequest.of("inscription-cantine", f.child, Channel.COUNTER, CoreFixture.canteenData()),
                        null);
        r = f.core.requests()
                .perform(
                        f.agent,
                        r.id(),
                        RequestAction.REGISTER_INCOMPLETE,
                        ActionInput.complementRequest(
                                        "Pièces manquantes",
                                        List.of("Justificatif de domicile de moins de 3 mois", "Livret de famille"),
                                        null)
                                .via(Channel.COUNTER),
                        null);
        Acknowledgment ack = r.acknowledgment();
        // R112-11-2: missing pieces, the deadline to send them, and that the period only starts with them
        assertThat(ack.text())
                .contains(
                        "Votre demande est incomplète",
                        "au plus tard le 15 février 2026",
                        "- Justificatif de domicile de moins de 3 mois",
                        "- Livret de famille",
                        "ne court qu'à compter de la réception de ces pièces et informations",
                        "à l'expiration d'un délai de 2 mois à compter de la réception des pièces et informations manquantes");
        assertThat(ack.html()).contains("<li>Livret de famille</li>");
    }

    @Test
    void aTemplateMissingAMandatoryMention_isRefused() {
        String withoutAppeal = AcknowledgmentTemplate.standard().source().replace(Mention.APPEAL.placeholder(), "");
        assertThatThrownBy(() -> AcknowledgmentTemplate.of(withoutAppeal))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("template");
                    assertThat(e.value()).isEqualTo("{{mention:appeal}}");
                    assertThat(e.getMessage()).contains("mandatory mention missing", "R112-11-1");
                });
        for (Mention m : Mention.values()) {
            assertThatThrownBy(() -> AcknowledgmentTemplate.of(
                            AcknowledgmentTemplate.standard().source().replace(m.placeholder(), "")))
                    .as("without %s", m)
                    .isInstanceOf(ValidationException.class);
        }
        String inline = AcknowledgmentTemplate.standard()
                .source()
                .replace(Mention.SERVICE.placeholder(), "Voir " + Mention.SERVICE.placeholder());
        assertThatThrownBy(() -> AcknowledgmentTemplate.of(inline))
                .hasMessageContaining("must stand alone on its line");
        assertThatThrownBy(() -> AcknowledgmentTemplate.of(
                        AcknowledgmentTemplate.standard().source() + "\n{{maire}}"))
                .hasMessageContaining("not a known placeholder");
    }

    @Test
    void aCommuneTemplate_keepsTheMentions_andItsTextIsEscapedInHtml() {
        AcknowledgmentTemplate custom = AcknowledgmentTemplate.of("""
                Mairie de <Villeurbanne> & CCAS
                Madame, Monsieur,

                {{mention:receipt}}
                {{mention:implicitDecision}}
                {{mention:appeal}}
                {{mention:missingPieces}}
                {{mention:service}}

                Le Maire, {{collectivity}}
                """);
        Acknowledgment ack = submittedTerrace();
        Acknowledgment.Data data = ack.data();
        String text = custom.renderText(data);
        String html = custom.renderHtml(data);
        assertThat(text)
                .startsWith("Mairie de <Villeurbanne> & CCAS")
                .contains(
                        "réputée rejetée le 15 février 2026",
                        "Service État civil",
                        "Voies et délais de recours",
                        "Le Maire, ville-test");
        assertThat(html).contains("Mairie de &lt;Villeurbanne&gt; &amp; CCAS").doesNotContain("<Villeurbanne>");
        // The acknowledgment already issued keeps the text it was rendered with.
        assertThat(ack.text()).isEqualTo(AcknowledgmentTemplate.standard().renderText(data));
    }

    /** Text that reads like a mention's name is the commune's text, not a mention (it used to be expanded). */
    @Test
    void aTextLineThatLooksLikeAMentionStaysText() {
        AcknowledgmentTemplate custom = AcknowledgmentTemplate.of("""
                Référence interne : mention:appeal
                mention:service
                {{mention:receipt}}
                {{mention:implicitDecision}}
                {{mention:appeal}}
                {{mention:missingPieces}}
                {{mention:service}}
                """);
        Acknowledgment.Data data = submittedTerrace().data();
        String text = custom.renderText(data);
        String html = custom.renderHtml(data);
        assertThat(text).contains("Référence interne : mention:appeal\nmention:service\n");
        assertThat(text.split("Voies et délais de recours", -1))
                .as("the appeal mention once")
                .hasSize(2);
        assertThat(html).contains("mention:service");
        assertThat(html.split("Voies et délais de recours", -1)).hasSize(2);
    }

    /**
     * L114-5 CRPA: for silence vaut rejet the period is suspended during the time given, not started on
     * receipt of the pieces; the acknowledgment used to print the silence-vaut-accord wording for both.
     */
    @Test
    void incompleteSilenceVautRejet_statesTheSuspensionRule() {
        Request r = f.core.requests()
                .create(
                        f.agent,
                        NewRequest.of("autorisation-terrasse", f.parent, Channel.COUNTER, FormData.of("surface", 12)),
                        null);
        r = f.core.requests()
                .perform(
                        f.agent,
                        r.id(),
                        RequestAction.REGISTER_INCOMPLETE,
                        ActionInput.complementRequest(
                                        "Pièces manquantes",
                                        List.of("Plan de la terrasse"),
                                        java.time.LocalDate.of(2026, 2, 15))
                                .via(Channel.COUNTER),
                        null);
        String text = r.acknowledgment().text();
        assertThat(text)
                .contains(
                        "réputée rejetée est suspendu jusqu'à la réception de ces pièces et informations, et au plus"
                                + " tard jusqu'au 15 février 2026 inclus",
                        "à compter de sa réception. Ce délai est suspendu pendant le temps qui vous est donné",
                        "article L114-5")
                .doesNotContain("ne court qu'à compter");
    }
}
