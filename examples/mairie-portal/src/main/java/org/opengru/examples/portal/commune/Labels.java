package org.opengru.examples.portal.commune;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.catalogue.FieldDefinition;
import org.opengru.core.catalogue.FieldType;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.ProcedureRef;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.request.RequestAction;
import org.opengru.core.timeline.TimelineEntry;
import org.opengru.core.usager.Household;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.Usager;
import org.opengru.documents.reuse.ProofAttachment;
import org.opengru.documents.types.DocumentType;
import org.opengru.documents.types.DocumentTypes;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.examples.portal.signin.AgentDirectory;
import org.opengru.scheduling.booking.BookingStatus;
import org.springframework.stereotype.Component;

/** Plain-French labels and dates for the templates, as the bean {@code labels}. */
@Component("labels")
public class Labels {

    /** How a request reached the mairie, as agents and residents read it. */
    public static final Map<Channel, String> CHANNELS = channels();

    private final GruCore core;
    private final AgentDirectory agents;
    private final DocumentVault vault;

    Labels(GruCore core, AgentDirectory agents, DocumentVault vault) {
        this.core = core;
        this.agents = agents;
        this.vault = vault;
    }

    private static Map<Channel, String> channels() {
        Map<Channel, String> out = new LinkedHashMap<>();
        out.put(Channel.WEB, "En ligne");
        out.put(Channel.COUNTER, "Au guichet");
        out.put(Channel.PHONE, "Par téléphone");
        out.put(Channel.EMAIL, "Par courriel");
        out.put(Channel.POSTAL_MAIL, "Par courrier");
        out.put(Channel.MOBILE_APP, "Application mobile");
        out.put(Channel.SOCIAL_NETWORK, "Réseaux sociaux");
        out.put(Channel.SYSTEM, "Automatique");
        return Collections.unmodifiableMap(out);
    }

    /** The channel in plain French ("Par téléphone"). */
    public String channel(Channel channel) {
        return CHANNELS.getOrDefault(channel, "Autre");
    }

    /** An agent by name from the directory, never by directory id. */
    public String agent(AgentId id) {
        return agents.all().stream()
                .filter(a -> a.id().equals(id))
                .map(AgentDirectory.Agent::name)
                .findFirst()
                .orElse("un agent de la mairie");
    }

    /** Who acted, as a history line says it: a person's name, an agent's name, or the mairie's system. */
    public String actor(ActorRef actor) {
        return switch (actor.kind()) {
            case USAGER -> {
                try {
                    yield name(UsagerId.parse(actor.id()));
                } catch (RuntimeException notAnId) {
                    yield "l'usager";
                }
            }
            case AGENT -> agent(AgentId.of(actor.id()));
            default -> "la mairie (traitement automatique)";
        };
    }

    /** A value of the form as people read it: yes or no, a choice's label, or the value itself. */
    public String value(FieldDefinition field, @Nullable String value) {
        if (value == null) {
            return "";
        }
        if (field.type() == FieldType.YES_NO) {
            return "true".equals(value) ? "Oui" : "Non";
        }
        if (field.choices() != null) {
            return field.choiceLabel(value);
        }
        return value;
    }

    /**
     * One of the pieces a complement asks for: the logiciel métier may name it by its code
     * ({@code plan-masse}), said here by the démarche's label for it; anything else as written.
     */
    public String missing(Procedure procedure, String piece) {
        return procedure.pieces().stream()
                .filter(p -> p.type().value().equals(piece.strip()))
                .map(org.opengru.core.catalogue.RequiredPiece::label)
                .findFirst()
                .orElse(piece);
    }

    /** A document type by its label in the vault's catalogue ("Justificatif de domicile"). */
    public String documentType(DocumentTypeCode type) {
        if (type.equals(DocumentTypes.MESSAGE_ATTACHMENT)) {
            return "pièce jointe à un message";
        }
        return vault.types().find(Commune.TENANT, type).map(DocumentType::label).orElse("document");
    }

    /**
     * A line of the resident's history. The other modules word theirs in French already; gru-core's
     * request entries carry codes (for agents and exports), said here as the action and the démarche.
     */
    public String timeline(TimelineEntry e) {
        if (!e.module().equals("core") || !e.kind().startsWith("request.") || e.subjectId() == null) {
            return withTitles(e.summary());
        }
        String action;
        try {
            action = action(RequestAction.valueOf(e.kind().substring("request.".length())));
        } catch (IllegalArgumentException unknown) {
            return e.summary();
        }
        return core.requestStore()
                .find(Commune.TENANT, RequestId.of(java.util.UUID.fromString(e.subjectId())))
                .map(r -> action + " : " + title(r.procedure()) + " (" + r.reference() + ")")
                .orElse(action);
    }

    /** Another module's summary names a démarche by its code ("la démarche inscription-cantine"): by its title. */
    private String withTitles(String summary) {
        String out = summary;
        for (Procedure p : core.procedures().catalogue(Commune.TENANT)) {
            out = out.replace("démarche " + p.code().value(), "démarche « " + p.title() + " »")
                    .replace(p.code().value(), "« " + p.title() + " »");
        }
        return out;
    }

    /** An usager as people read them: a person's name, a household's label, or a short id. */
    public String name(UsagerId id) {
        Usager u = core.usagers().find(Commune.TENANT, id).orElse(null);
        if (u instanceof Person p) {
            return p.displayName();
        }
        return u instanceof Household h ? h.label() : "Usager " + id.toString().substring(0, 8);
    }

    /** The démarche's title, as the catalogue gives it. */
    public String title(ProcedureRef procedure) {
        return core.procedures()
                .find(Commune.TENANT, procedure)
                .map(Procedure::title)
                .orElse(procedure.code().value());
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH'h'mm", Locale.FRENCH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    public String status(Object status) {
        return Commune.statusLabel(status.toString());
    }

    public String action(RequestAction action) {
        return switch (action) {
            case CREATE -> "Demande créée";
            case EDIT -> "Demande complétée";
            case SUBMIT -> "Demande envoyée à la mairie";
            case REGISTER_INCOMPLETE -> "Demande enregistrée, incomplète";
            case START_REVIEW -> "Prise en charge par un agent";
            case REQUEST_COMPLEMENT -> "Compléments demandés";
            case PROVIDE_COMPLEMENT -> "Compléments envoyés";
            case ACCEPT -> "Demande acceptée";
            case REJECT -> "Demande refusée";
            case CLOSE_WITHOUT_FOLLOW_UP -> "Demande classée sans suite";
            case WITHDRAW -> "Demande retirée";
            case REOPEN -> "Demande rouverte";
            case ASSIGN -> "Demande attribuée à un agent";
            case IMPLICIT_ACCEPT -> "Acceptée sans réponse de la mairie dans le délai (décision implicite)";
            case IMPLICIT_REJECT -> "Refusée sans réponse de la mairie dans le délai (décision implicite)";
            default -> "Demande mise à jour";
        };
    }

    public String booking(BookingStatus status) {
        return switch (status) {
            case HELD -> "Réservé provisoirement";
            case BOOKED -> "Confirmé";
            case EXPIRED -> "Expiré";
            case CANCELLED_BY_USAGER -> "Annulé par vous";
            case CANCELLED_BY_AGENT -> "Annulé par la mairie";
            case ATTENDED -> "Honoré";
            case NO_SHOW -> "Absence";
        };
    }

    public String day(@Nullable Object date) {
        if (date == null) {
            return "";
        }
        if (date instanceof LocalDate d) {
            return DAY.format(d);
        }
        return DAY.format(((Instant) date).atZone(Commune.ZONE));
    }

    public String dateTime(@Nullable Instant at) {
        return at == null ? "" : DAY_TIME.format(at.atZone(Commune.ZONE));
    }

    public String time(Instant at) {
        return TIME.format(at.atZone(Commune.ZONE));
    }

    /** "la CAF" or "la MSA": the organisation that gave the data of a proof. */
    public static String organisation(ProofAttachment proof) {
        String provider = proof.proof().attributes().getOrDefault("fournisseur", "");
        return switch (provider) {
            case "CNAF" -> "la CAF";
            case "MSA" -> "la MSA";
            default -> proof.proof().source();
        };
    }

    /** Where and when a proof's data was obtained, as the agent and the resident read it. */
    public String obtained(ProofAttachment proof) {
        String via = proof.proof().source().startsWith("API Particulier") ? " via API Particulier" : "";
        return "Donnée obtenue auprès de " + organisation(proof) + via + " le "
                + dateTime(proof.proof().obtainedAt());
    }

    /** What a proof says: "Quotient familial : 734 (novembre 2026)". */
    public String proofContent(ProofAttachment proof) {
        Map<String, String> a = proof.proof().attributes();
        String qf = a.get("quotient_familial");
        if (qf == null) {
            return proof.proof().description();
        }
        String period = a.get("periode");
        String month = "";
        if (period != null) {
            try {
                month = " (" + MONTH.format(YearMonth.parse(period)) + ")";
            } catch (DateTimeParseException e) {
                month = " (" + period + ")";
            }
        }
        return "Quotient familial : " + qf + month;
    }

    /** A file size in plain French. */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " octets";
        }
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " Ko";
        }
        return String.format(Locale.FRENCH, "%.1f Mo", bytes / (1024.0 * 1024.0));
    }
}
