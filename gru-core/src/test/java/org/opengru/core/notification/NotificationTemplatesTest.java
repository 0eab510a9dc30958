package org.opengru.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;

class NotificationTemplatesTest {

    private static final TenantId T = TenantId.of("commune-test");
    private final NotificationTemplates templates = NotificationTemplates.defaults();

    private static Map<String, String> decision() {
        return Map.of(
                "reference", "7K3F-M9XA",
                "decision", "acceptée",
                "appealMeans", "recours gracieux ou contentieux sous deux mois",
                "usagerName", "Léa <Martin>");
    }

    @Test
    void everyDefaultTemplateCarriesItsMandatoryMentions() {
        for (NotificationKind k : NotificationKind.values()) {
            for (LanguageRegister r : LanguageRegister.values()) {
                NotificationTemplate t = templates.template(T, k, r);
                assertThat(NotificationTemplate.placeholders(t.text())).containsAll(k.mentions());
                assertThat(NotificationTemplate.placeholders(t.sms())).containsAll(k.smsMentions());
            }
        }
    }

    @Test
    void rendersTextHtmlAndSmsWithValuesEscapedInHtml() {
        RenderedMessage m = templates.render(T, NotificationKind.DECISION, LanguageRegister.STANDARD, decision());
        assertThat(m.subject()).isEqualTo("Décision sur votre demande 7K3F-M9XA");
        assertThat(m.text()).contains("Léa <Martin>", "acceptée", "recours gracieux");
        assertThat(m.html()).contains("Léa &lt;Martin&gt;").doesNotContain("<Martin>");
        assertThat(m.sms()).contains("7K3F-M9XA", "acceptée");
    }

    @Test
    void plainRegisterUsesPlainWords() {
        RenderedMessage m = templates.render(T, NotificationKind.DECISION, LanguageRegister.PLAIN, decision());
        assertThat(m.text()).contains("Si vous n'êtes pas d'accord");
    }

    @Test
    void anOverrideWithoutAMandatoryMentionIsRefusedAndTheDefaultStays() {
        // tag::mandatory-mention[]
        assertThatThrownBy(() -> templates.override(
                        T,
                        new NotificationTemplate(
                                NotificationKind.DECISION,
                                LanguageRegister.STANDARD,
                                "Réponse {{reference}}",
                                "Votre demande {{reference}} est {{decision}}.",
                                null,
                                "{{reference}} : {{decision}}")))
                .isInstanceOf(MissingMandatoryMentionException.class)
                .hasMessageContaining("template.text")
                .hasMessageContaining("{{appealMeans}}")
                .satisfies(e -> assertThat(((MissingMandatoryMentionException) e).missing())
                        .containsExactly("appealMeans"));
        // end::mandatory-mention[]
        assertThat(templates
                        .template(T, NotificationKind.DECISION, LanguageRegister.STANDARD)
                        .text())
                .contains("{{appealMeans}}");
    }

    @Test
    void anOverrideApplyingToOneCommuneOnly() {
        templates.override(
                T,
                new NotificationTemplate(
                        NotificationKind.COMPLEMENT_REQUESTED,
                        LanguageRegister.STANDARD,
                        "Demande {{reference}} : il manque des pièces",
                        "Merci d'envoyer {{missingPieces}} avant le {{deadline}} (demande {{reference}}).",
                        "<p>Merci d'envoyer {{missingPieces}} avant le {{deadline}} ({{reference}})</p>",
                        "Demande {{reference}} : pièces avant le {{deadline}}"));
        Map<String, String> v = Map.of("reference", "R", "missingPieces", "- justificatif", "deadline", "1 mars");
        assertThat(templates
                        .render(T, NotificationKind.COMPLEMENT_REQUESTED, LanguageRegister.STANDARD, v)
                        .text())
                .startsWith("Merci d'envoyer");
        assertThat(templates
                        .render(
                                TenantId.of("autre-commune"),
                                NotificationKind.COMPLEMENT_REQUESTED,
                                LanguageRegister.STANDARD,
                                v)
                        .text())
                .startsWith("Bonjour");
    }

    @Test
    void unknownPlaceholderAndMissingValueAreTypedErrors() {
        assertThatThrownBy(() -> new NotificationTemplate(
                        NotificationKind.DOCUMENT_EXPIRING,
                        LanguageRegister.STANDARD,
                        "x",
                        "{{documentName}} {{expiresOn}} {{iban}}",
                        null,
                        "{{documentName}} {{expiresOn}}"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("{{iban}}");
        assertThatThrownBy(() -> templates.render(
                        T,
                        NotificationKind.DECISION,
                        LanguageRegister.STANDARD,
                        Map.of("reference", "R", "decision", "ok")))
                .isInstanceOf(ValidationException.class)
                .satisfies(
                        e -> assertThat(((ValidationException) e).field()).isEqualTo("notice.variables.appealMeans"));
    }

    @Test
    void everyDefaultTemplateRendersStrictlyWithEveryValueAndNeverLeavesAPlaceholder() {
        for (NotificationKind k : NotificationKind.values()) {
            Map<String, String> values = new java.util.HashMap<>();
            for (String name : k.allowedPlaceholders()) {
                values.put(name, "«" + name + "»");
            }
            for (LanguageRegister r : LanguageRegister.values()) {
                RenderedMessage m = templates.renderStrictly(T, k, r, values);
                assertThat(m.text() + m.subject() + m.sms() + m.html()).doesNotContain("{{", "}}");
                assertThat(m.text()).startsWith("Bonjour «usagerName»,");
            }
        }
    }

    @Test
    void anOptionalValueLeftOutClosesUpInsteadOfLeavingAGap() {
        Map<String, String> values = Map.of("documentName", "Passeport", "expiresOn", "3 mai");
        RenderedMessage m = templates.render(T, NotificationKind.DOCUMENT_EXPIRING, LanguageRegister.STANDARD, values);
        assertThat(m.text()).startsWith("Bonjour,\n\nVotre justificatif « Passeport »");
        assertThat(m.html()).contains("<p>Bonjour,</p>");
        assertThat(m.sms()).isEqualTo("Passeport expire le 3 mai.");
        assertThatThrownBy(() -> templates.renderStrictly(
                        T, NotificationKind.DOCUMENT_EXPIRING, LanguageRegister.STANDARD, values))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("notice.variables.usagerName"));
    }

    @Test
    void preferencesRefuseSmsWithoutConsentAndBadAddresses() {
        UsagerId u = UsagerId.of(UUID.randomUUID());
        assertThatThrownBy(() -> new NotificationPreferences(
                        T,
                        u,
                        List.of(NotificationChannel.SMS),
                        null,
                        PhoneNumber.parse("0612345678"),
                        null,
                        null,
                        null,
                        LanguageRegister.PLAIN))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("consent");
        assertThatThrownBy(() -> EmailAddress.parse("jean.dupont@@mairie"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("email"))
                .hasMessageContaining("jean.dupont@@mairie");
        assertThatThrownBy(() -> EmailAddress.parse("jean dupont@mairie.fr")).isInstanceOf(ValidationException.class);
        NotificationPreferences p = new NotificationPreferences(
                T,
                u,
                List.of(NotificationChannel.SMS),
                EmailAddress.parse("jean@exemple.fr"),
                PhoneNumber.parse("0612345678"),
                null,
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                LanguageRegister.STANDARD);
        assertThat(p.deliveryChain())
                .containsExactly(NotificationChannel.SMS, NotificationChannel.EMAIL, NotificationChannel.PORTAL);
    }

    @Test
    void quietHoursAcrossMidnightInParis() {
        QuietHours q = QuietHours.paris(java.time.LocalTime.of(21, 0), java.time.LocalTime.of(8, 0));
        Instant lateEvening = Instant.parse("2026-03-02T21:30:00Z"); // 22:30 in Paris
        assertThat(q.contains(lateEvening)).isTrue();
        assertThat(q.nextAllowed(lateEvening)).isEqualTo(Instant.parse("2026-03-03T07:00:00Z"));
        assertThat(q.contains(Instant.parse("2026-03-03T12:00:00Z"))).isFalse();
    }
}
