package org.opengru.core.notification.internal;

import java.util.ArrayList;
import java.util.List;
import org.opengru.core.notification.LanguageRegister;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.notification.NotificationTemplate;

/** The built-in French wording of every kind, in both registers. */
public final class DefaultTemplates {

    private DefaultTemplates() {}

    public static List<NotificationTemplate> all() {
        List<NotificationTemplate> out = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            out.add(standard(kind));
            out.add(plain(kind));
        }
        return out;
    }

    private static NotificationTemplate t(
            NotificationKind kind, LanguageRegister register, String subject, String text, String sms) {
        return new NotificationTemplate(kind, register, subject, text, null, sms);
    }

    private static NotificationTemplate standard(NotificationKind k) {
        LanguageRegister r = LanguageRegister.STANDARD;
        return switch (k) {
            case REQUEST_RECEIVED ->
                t(
                        k,
                        r,
                        "Accusé de réception de votre demande {{reference}}",
                        "Bonjour {{usagerName}},\n\nVotre demande « {{procedure}} » a été reçue le {{receivedOn}}"
                                + " sous la référence {{reference}}.\n\nL'accusé de réception est joint à ce message.\n\n{{replyHint}}",
                        "{{commune}} : demande {{reference}} reçue. Accusé de réception dans votre espace.");
            case COMPLEMENT_REQUESTED ->
                t(
                        k,
                        r,
                        "Pièces complémentaires demandées - demande {{reference}}",
                        "Bonjour {{usagerName}},\n\nPour instruire votre demande {{reference}}, nous avons besoin des"
                                + " pièces suivantes :\n{{missingPieces}}\n\nMerci de les transmettre avant le {{deadline}}."
                                + "\n\n{{replyHint}}",
                        "{{commune}} : demande {{reference}}, pièces à fournir avant le {{deadline}}.");
            case DECISION ->
                t(
                        k,
                        r,
                        "Décision sur votre demande {{reference}}",
                        "Bonjour {{usagerName}},\n\nUne décision a été prise sur votre demande {{reference}} :"
                                + " {{decision}}.\n\nVoies et délais de recours : {{appealMeans}}",
                        "{{commune}} : décision sur votre demande {{reference}} : {{decision}}.");
            case AGENT_MESSAGE ->
                t(
                        k,
                        r,
                        "Nouveau message sur votre demande {{reference}}",
                        "Bonjour {{usagerName}},\n\nUn agent vous a écrit au sujet de votre demande {{reference}}."
                                + "\n\nLire le message : {{portalLink}}\n\n{{replyHint}}",
                        "{{commune}} : nouveau message sur votre demande {{reference}}.");
            case APPOINTMENT_BOOKED ->
                t(
                        k,
                        r,
                        "Confirmation de votre rendez-vous du {{appointmentDate}}",
                        "Bonjour {{usagerName}},\n\nVotre rendez-vous est confirmé le {{appointmentDate}}, {{place}}.",
                        "{{commune}} : RDV confirmé le {{appointmentDate}}, {{place}}.");
            case APPOINTMENT_REMINDER ->
                t(
                        k,
                        r,
                        "Rappel : rendez-vous le {{appointmentDate}}",
                        "Bonjour {{usagerName}},\n\nNous vous rappelons votre rendez-vous le {{appointmentDate}},"
                                + " {{place}}.",
                        "{{commune}} : rappel RDV le {{appointmentDate}}, {{place}}.");
            case APPOINTMENT_CANCELLED ->
                t(
                        k,
                        r,
                        "Annulation de votre rendez-vous du {{appointmentDate}}",
                        "Bonjour {{usagerName}},\n\nVotre rendez-vous du {{appointmentDate}} est annulé.",
                        "{{commune}} : RDV du {{appointmentDate}} annulé.");
            case APPOINTMENT_RESCHEDULED ->
                t(
                        k,
                        r,
                        "Votre rendez-vous est déplacé au {{appointmentDate}}",
                        "Bonjour {{usagerName}},\n\nVotre rendez-vous du {{previousDate}} est déplacé au"
                                + " {{appointmentDate}}, {{place}}.",
                        "{{commune}} : RDV du {{previousDate}} déplacé au {{appointmentDate}}.");
            case APPOINTMENT_RESTORED ->
                t(
                        k,
                        r,
                        "Votre rendez-vous du {{appointmentDate}} est rétabli",
                        "Bonjour {{usagerName}},\n\nVotre rendez-vous du {{appointmentDate}}, {{place}}, est rétabli.",
                        "{{commune}} : RDV du {{appointmentDate}} rétabli.");
            case WAITING_LIST_OFFER ->
                t(
                        k,
                        r,
                        "Un créneau s'est libéré le {{appointmentDate}}",
                        "Bonjour {{usagerName}},\n\nUn créneau s'est libéré le {{appointmentDate}}, {{place}}."
                                + " Cette proposition expire le {{offerExpiresAt}}.",
                        "{{commune}} : créneau libre le {{appointmentDate}}, à accepter avant {{offerExpiresAt}}.");
            case DOCUMENT_EXPIRING ->
                t(
                        k,
                        r,
                        "Votre justificatif {{documentName}} expire bientôt",
                        "Bonjour {{usagerName}},\n\nVotre justificatif « {{documentName}} » expire le {{expiresOn}}.",
                        "{{commune}} : {{documentName}} expire le {{expiresOn}}.");
            case SATISFACTION_SURVEY ->
                t(
                        k,
                        r,
                        "Votre avis nous intéresse",
                        "Bonjour {{usagerName}},\n\nÊtes-vous satisfait(e) de ce service ? Une seule question :"
                                + " {{surveyLink}}",
                        "{{commune}} : votre avis en une question : {{surveyLink}}");
            case REPORT_STATUS_CHANGED ->
                t(
                        k,
                        r,
                        "Votre signalement {{reference}} : {{status}}",
                        "Bonjour {{usagerName}},\n\nLe signalement {{reference}} que vous suivez est maintenant :"
                                + " {{status}}.\n\n{{replyHint}}",
                        "{{commune}} : signalement {{reference}} : {{status}}.");
            case RESERVATION_APPROVED ->
                t(
                        k,
                        r,
                        "Votre réservation est acceptée : {{reservable}}, {{period}}",
                        "Bonjour {{usagerName}},\n\nVotre réservation est acceptée : {{reservable}}, {{period}}."
                                + "\n\nMontant à payer : {{amountDue}}.\nPour payer ou voir votre réservation :"
                                + " {{paymentLink}}",
                        "{{commune}} : réservation acceptée, {{reservable}}, {{period}}. À payer : {{amountDue}}.");
            case RESERVATION_REFUSED ->
                t(
                        k,
                        r,
                        "Votre réservation est refusée : {{reservable}}, {{period}}",
                        "Bonjour {{usagerName}},\n\nVotre réservation est refusée : {{reservable}}, {{period}}."
                                + "\n\nLa raison : {{reason}}\n\n{{replyHint}}",
                        "{{commune}} : réservation refusée, {{reservable}}, {{period}}.");
            case EVENT_PLACE_OFFERED ->
                t(
                        k,
                        r,
                        "Une place s'est libérée : {{event}}",
                        "Bonjour {{usagerName}},\n\nUne place s'est libérée pour « {{event}} ». Elle est pour vous"
                                + " si vous la prenez avant le {{offerExpiresAt}}.\nMontant à payer : {{amountDue}}."
                                + "\nPour la prendre : {{placeLink}}",
                        "{{commune}} : une place pour {{event}}, à prendre avant le {{offerExpiresAt}}.");
            case REFUND_RECORDED ->
                t(
                        k,
                        r,
                        "Vous avez été remboursé(e) : {{subject}}",
                        "Bonjour {{usagerName}},\n\nLe comptable public vous a remboursé {{amount}} pour {{subject}}.",
                        "{{commune}} : remboursement de {{amount}} pour {{subject}}.");
        };
    }

    private static NotificationTemplate plain(NotificationKind k) {
        NotificationTemplate s = standard(k);
        LanguageRegister r = LanguageRegister.PLAIN;
        return switch (k) {
            case REQUEST_RECEIVED ->
                t(
                        k,
                        r,
                        "Nous avons bien reçu votre demande {{reference}}",
                        "Bonjour {{usagerName}},\n\nNous avons bien reçu votre demande.\nC'est la demande : {{procedure}}."
                                + "\nNous l'avons reçue le {{receivedOn}}.\nSon numéro : {{reference}}.\n\n"
                                + "Le document joint le prouve. Gardez-le.\n\n{{replyHint}}",
                        s.sms());
            case COMPLEMENT_REQUESTED ->
                t(
                        k,
                        r,
                        "Il manque des documents - demande {{reference}}",
                        "Bonjour {{usagerName}},\n\nIl nous manque des documents pour votre demande {{reference}} :"
                                + "\n{{missingPieces}}\n\nEnvoyez-les avant le {{deadline}}.\n\n{{replyHint}}",
                        s.sms());
            case DECISION ->
                t(
                        k,
                        r,
                        "Notre réponse à votre demande {{reference}}",
                        "Bonjour {{usagerName}},\n\nNous avons répondu à votre demande {{reference}}.\n"
                                + "Notre réponse : {{decision}}.\n\nSi vous n'êtes pas d'accord : {{appealMeans}}",
                        s.sms());
            default -> new NotificationTemplate(k, r, s.subject(), s.text(), s.html(), s.sms());
        };
    }
}
