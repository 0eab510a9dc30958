package org.opengru.examples.portal.resident;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opengru.core.GruCore;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.usager.Representations;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.payments.Payment;
import org.opengru.payments.PaymentStatus;
import org.opengru.scheduling.registration.EventSession;
import org.opengru.scheduling.registration.Registration;
import org.opengru.scheduling.registration.RegistrationId;
import org.opengru.scheduling.registration.RegistrationService;
import org.opengru.scheduling.registration.RegistrationStatus;
import org.opengru.scheduling.reservation.OpeningRule;
import org.opengru.scheduling.reservation.Reservable;
import org.opengru.scheduling.reservation.ReservableKind;
import org.opengru.scheduling.reservation.Reservation;
import org.opengru.scheduling.reservation.ReservationId;
import org.opengru.scheduling.reservation.ReservationService;
import org.opengru.scheduling.reservation.ReservationStatus;
import org.opengru.scheduling.reservation.UsagerCategory;
import org.opengru.spring.payments.HeldPayments;
import org.opengru.spring.scheduling.ReservationCatalogue;
import org.springframework.stereotype.Component;

/**
 * The rooms, equipment and event sessions of the commune as the pages show them, in plain French: prices,
 * opening rules, states of reservations, registrations and payments, and the resident's own list for "Mon
 * espace". Templates reach it as {@code @reserving}.
 */
@Component("reserving")
public class Reserving {

    private final ReservationCatalogue catalogue;
    private final ReservationService reservations;
    private final RegistrationService registrations;
    private final HeldPayments payments;
    private final GruCore core;

    /** The commune's postal code: a resident living there is offered the residents' tariff first. */
    static final String POSTAL_CODE = "45000";

    public Reserving(
            ReservationCatalogue catalogue,
            ReservationService reservations,
            RegistrationService registrations,
            HeldPayments payments,
            GruCore core) {
        this.catalogue = catalogue;
        this.reservations = reservations;
        this.registrations = registrations;
        this.payments = payments;
        this.core = core;
    }

    public Instant now() {
        return core.clock().instant();
    }

    /** The usager's contact e-mail, where PayFiP sends its ticket, or empty. */
    public String email(UsagerId usager) {
        return core.usagers()
                .find(Commune.TENANT, usager)
                .map(u -> u.contact().email())
                .map(e -> e.value().value())
                .orElse("");
    }

    /** Resident when the usager's address is in the commune, else non-resident; the agent checks. */
    public UsagerCategory defaultCategory(UsagerId usager) {
        return core.usagers()
                .find(Commune.TENANT, usager)
                .map(u -> u.contact().address())
                .map(a -> a.value().postalCode().equals(POSTAL_CODE)
                        ? UsagerCategory.RESIDENT
                        : UsagerCategory.NON_RESIDENT)
                .orElse(UsagerCategory.RESIDENT);
    }

    /** The usagers the resident may register or reserve for: themselves, then their household's children. */
    public List<UsagerId> actsFor(UsagerId usager) {
        List<UsagerId> out = new ArrayList<>();
        out.add(usager);
        new Representations(core.usagers(), core.mandates())
                .actsFor(Commune.TENANT, usager, now()).stream()
                        .filter(u -> !u.equals(usager))
                        .sorted(Comparator.comparing(UsagerId::toString))
                        .forEach(out::add);
        return out;
    }

    public ReservationCatalogue catalogue() {
        return catalogue;
    }

    public ReservationService reservations() {
        return reservations;
    }

    public RegistrationService registrations() {
        return registrations;
    }

    public HeldPayments payments() {
        return payments;
    }

    /** An id from the address; one that is not a UUID names nothing (the French 404). */
    public static UUID id(String raw, String what) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(what, raw);
        }
    }

    public static ReservationId reservationId(String raw) {
        return new ReservationId(id(raw, "reservation"));
    }

    public static RegistrationId registrationId(String raw) {
        return new RegistrationId(id(raw, "registration"));
    }

    /** "150,00 €". */
    public String money(long cents) {
        return String.format(Locale.FRANCE, "%d,%02d €", cents / 100, cents % 100);
    }

    public String kind(ReservableKind kind) {
        return kind == ReservableKind.ROOM ? "Salle" : "Matériel";
    }

    public String category(UsagerCategory category) {
        return switch (category) {
            case RESIDENT -> "Habitant de la commune";
            case NON_RESIDENT -> "Habitant d'une autre commune";
            case ASSOCIATION -> "Association";
            case COMPANY -> "Entreprise";
        };
    }

    /** "Samedi de 08:00 à 23:00" for each rule. */
    public List<String> opening(Reservable r) {
        List<String> out = new ArrayList<>();
        for (OpeningRule rule : r.openingRules()) {
            String days = rule.days().stream().sorted().map(Reserving::dayName).collect(Collectors.joining(", "));
            out.add(days + " de " + rule.from().toString().substring(0, 5) + " à "
                    + (rule.to().getHour() == 23 && rule.to().getMinute() == 59
                            ? "minuit"
                            : rule.to().toString().substring(0, 5)));
        }
        return out;
    }

    private static String dayName(DayOfWeek d) {
        String name = d.getDisplayName(TextStyle.FULL, Locale.FRANCE);
        return name.substring(0, 1).toUpperCase(Locale.FRANCE) + name.substring(1);
    }

    /** The tariffs, by the categories' order. */
    public List<Map.Entry<UsagerCategory, String>> tariffs(Reservable r) {
        List<Map.Entry<UsagerCategory, String>> out = new ArrayList<>();
        for (UsagerCategory c : UsagerCategory.values()) {
            r.tariff(c).ifPresent(t -> {
                String price = t.perDayCents() == 0
                        ? money(t.fixedCents())
                        : (t.fixedCents() == 0 ? "" : money(t.fixedCents()) + " + ") + money(t.perDayCents())
                                + " par jour";
                out.add(Map.entry(c, t.fixedCents() == 0 && t.perDayCents() == 0 ? "Gratuit" : price));
            });
        }
        return out;
    }

    public String pieceName(Reservable r, String code) {
        return catalogue.pieceName(r, code);
    }

    public String reservableName(Reservation r) {
        return catalogue
                .reservable(r.tenant(), r.reservable())
                .map(Reservable::name)
                .orElse(r.reservable().value());
    }

    public String sessionTitle(Registration r) {
        return catalogue
                .session(r.tenant(), r.session())
                .map(EventSession::title)
                .orElse(r.session().value());
    }

    public String status(ReservationStatus s) {
        return switch (s) {
            case REQUESTED -> "Demandée, en attente de l'accord de la mairie";
            case AWAITING_PAYMENT -> "Acceptée, en attente de paiement";
            case CONFIRMED -> "Confirmée";
            case REJECTED -> "Refusée";
            case CANCELLED -> "Annulée";
            case EXPIRED -> "Annulée : paiement non reçu dans le délai";
            case REFUND_DUE -> "Annulée : remboursement à effectuer par le comptable public";
            case REFUNDED -> "Annulée et remboursée";
        };
    }

    public String status(RegistrationStatus s) {
        return switch (s) {
            case WAITING -> "Sur liste d'attente";
            case AWAITING_PAYMENT -> "Place réservée, en attente de paiement";
            case CONFIRMED -> "Inscription confirmée";
            case CANCELLED -> "Annulée";
            case EXPIRED -> "Annulée : paiement non reçu dans le délai";
            case REFUND_DUE -> "Annulée : remboursement à effectuer par le comptable public";
            case REFUNDED -> "Annulée et remboursée";
        };
    }

    public String status(PaymentStatus s) {
        return switch (s) {
            case PENDING -> "En cours de vérification auprès du Trésor public";
            case PAID -> "Payé";
            case REFUSED -> "Refusé par la banque";
            case ABANDONED -> "Abandonné";
            case EXPIRED -> "Sans réponse du Trésor public : aucune somme n'est due";
            case CANCELLED -> "Annulé";
            case REFUND_DUE -> "Payé, à rembourser par le comptable public";
            case REFUNDED -> "Remboursé";
        };
    }

    /** Places left in a session (0 when full: new registrations go on the waiting list). */
    public int placesLeft(EventSession s) {
        return Math.max(0, s.capacity() - registrations.store().taken(s.tenant(), s.id()));
    }

    /** The resident's reservations, newest first. */
    public List<Reservation> reservationsOf(UsagerId usager) {
        return reservations.store().ofUsager(Commune.TENANT, usager);
    }

    /** The registrations of the resident and of those they registered, newest first. */
    public List<Registration> registrationsOf(UsagerId usager) {
        List<Registration> out = new ArrayList<>(registrations.store().ofUsager(Commune.TENANT, usager));
        for (UsagerId other : actsFor(usager)) {
            if (!other.equals(usager)) {
                registrations.store().ofUsager(Commune.TENANT, other).stream()
                        .filter(r -> usager.equals(r.registeredBy()))
                        .forEach(out::add);
            }
        }
        out.sort(Comparator.comparing(Registration::createdAt).reversed());
        return out;
    }

    public List<Payment> paymentsOf(Reservation r) {
        return payments.paymentsOf(r.tenant(), r.id());
    }

    public List<Payment> paymentsOf(Registration r) {
        return payments.paymentsOf(r.tenant(), r.id());
    }
}
