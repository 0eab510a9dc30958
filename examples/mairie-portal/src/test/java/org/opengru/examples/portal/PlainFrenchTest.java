package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.opengru.core.catalogue.FieldDefinition;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.GruException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.error.Violation;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.Iban;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.RnaNumber;
import org.opengru.core.value.Siren;
import org.opengru.core.value.Siret;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.commune.FormFields;
import org.opengru.examples.portal.commune.FrenchReasons;
import org.opengru.examples.portal.commune.ResidentProblems;
import org.opengru.scheduling.booking.BookingRejectedException;

/** What the library refuses reaches the resident in plain French: form values, bookings, other errors. */
class PlainFrenchTest {

    private static final String FALLBACK = FrenchReasons.of("a reason nobody wrote a sentence for");

    @Test
    void theReasonsOfTheCommunesFormsAndOfTheValueTypesHaveTheirOwnFrenchSentence() {
        List<Violation> reasons = new ArrayList<>();
        for (Procedure p : Commune.procedures()) {
            reasons.addAll(reasons(() -> p.schema().validate(FormFields.read(p, Map.of()), true)));
            Map<String, String> wrong = new java.util.HashMap<>();
            for (FieldDefinition f : p.schema().fields()) {
                wrong.put("champ_" + f.name(), "x".repeat(5000));
            }
            reasons.addAll(reasons(() -> p.schema().validate(FormFields.read(p, wrong), true)));
        }
        reasons.addAll(reasons(() -> Siret.parse("123")));
        reasons.addAll(reasons(() -> Siret.parse("21450123100011")));
        reasons.addAll(reasons(() -> Siren.parse("12")));
        reasons.addAll(reasons(() -> Iban.parse("FR00")));
        reasons.addAll(reasons(() -> Iban.parse("FR7630006000011234567890188")));
        reasons.addAll(reasons(() -> EmailAddress.parse("pas-une-adresse")));
        reasons.addAll(reasons(() -> PhoneNumber.parse("12")));
        reasons.addAll(reasons(() -> RnaNumber.parse("12")));

        assertThat(reasons).hasSizeGreaterThan(10);
        for (Violation reason : reasons) {
            String french = FrenchReasons.of(reason);
            assertThat(french).as("the French for '%s'", reason.reason()).isNotEqualTo(FALLBACK);
            assertThat(french).doesNotContain("must", "is required", "digits");
        }
    }

    @Test
    void anUnknownReasonStillGetsAPlainFrenchSentence() {
        assertThat(FALLBACK).isEqualTo("la valeur saisie n'est pas acceptée : vérifiez-la");
        assertThat(FrenchReasons.of("must be at most 80 characters")).isEqualTo("80 caractères au plus");
    }

    private static List<Violation> reasons(ThrowingCallable call) {
        ValidationException e = catchThrowableOfType(ValidationException.class, call);
        return e == null ? List.of() : e.violations();
    }

    @Test
    void everyRefusalOfABookingAndEveryLibraryErrorIsSaidInFrench() {
        for (BookingRejectedException.Reason reason : BookingRejectedException.Reason.values()) {
            String french = ResidentProblems.french(
                    new BookingRejectedException(reason, "start", "2027-01-01T08:00:00Z", "English for developers"));
            assertThat(french)
                    .as("%s", reason)
                    .doesNotContain("English", "must")
                    .isNotBlank();
        }
        List<GruException> errors = List.of(
                new ConcurrentUpdateException("request", "r-1", 1, 2),
                new NotFoundException("request", "r-1"),
                new AccessDeniedException("usager:u-1", "read", "request", "r-1"),
                new ValidationException("data.nom", null, "is required"));
        for (GruException e : errors) {
            assertThat(ResidentProblems.french(e))
                    .as("%s", e.getClass().getSimpleName())
                    .doesNotContain(e.getMessage())
                    .doesNotContain("request", "required");
        }
        assertThat(ResidentProblems.french(new ValidationException("data.nom", null, "is required")))
                .isEqualTo("ce champ est à remplir");
    }
}
