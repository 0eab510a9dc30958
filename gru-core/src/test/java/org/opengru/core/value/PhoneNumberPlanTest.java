package org.opengru.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opengru.core.error.ValidationException;

/**
 * Numbers of overseas France typed in national form, as a resident of the commune types them, get the
 * country code of their territory (ARCEP's numbering plan and ITU-T E.164 assignments: +590 Guadeloupe,
 * Saint-Barthélemy and Saint-Martin, +594 Guyane, +596 Martinique, +262 La Réunion and Mayotte, +508
 * Saint-Pierre-et-Miquelon). Before libphonenumber, "0692 12 34 56" became +33692123456, which no SMS
 * gateway can reach.
 */
class PhoneNumberPlanTest {

    @ParameterizedTest(name = "{0} ({2})")
    @CsvSource({
        "0692 12 34 56, +262692123456, La Réunion mobile",
        "0262 21 00 00, +262262210000, La Réunion fixed",
        "0639 69 12 34, +262639691234, Mayotte mobile",
        "0269 61 10 00, +262269611000, Mayotte fixed",
        "0690 12 34 56, +590690123456, Guadeloupe mobile",
        "0590 81 00 00, +590590810000, Guadeloupe fixed",
        "0590 27 60 00, +590590276000, Saint-Barthélemy fixed",
        "0590 87 50 00, +590590875000, Saint-Martin fixed",
        "0696 12 34 56, +596696123456, Martinique mobile",
        "0596 70 00 00, +596596700000, Martinique fixed",
        "0694 12 34 56, +594694123456, Guyane mobile",
        "0594 29 00 00, +594594290000, Guyane fixed",
        "041 10 00, +508411000, Saint-Pierre-et-Miquelon fixed",
        "055 12 34, +508551234, Saint-Pierre-et-Miquelon mobile",
        "06 12 34 56 78, +33612345678, metropolitan mobile",
        "01 23 45 67 89, +33123456789, metropolitan fixed",
    })
    void nationalNumbersOfTheFrenchPlanGetTheirTerritorysCode(String typed, String e164, String what) {
        assertThat(PhoneNumber.parse(typed).value()).isEqualTo(e164);
        assertThat(PhoneNumber.parse(e164).value()).as("E.164 stays as it is").isEqualTo(e164);
    }

    @Test
    void theCommunesRegionReadsNationalFormsFirst() {
        assertThat(PhoneNumber.parse("0692 12 34 56", "RE").value()).isEqualTo("+262692123456");
        assertThat(PhoneNumber.parse("06 12 34 56 78", "RE").value()).isEqualTo("+33612345678");
        // Polynésie française is outside the French plan: eight digits, +689.
        assertThat(PhoneNumber.parse("87 12 34 56", "PF").value()).isEqualTo("+68987123456");
        assertThat(PhoneNumber.parse("0692123456").display()).isEqualTo("0692 12 34 56");
        assertThat(PhoneNumber.parse("+44 20 7946 0958").display()).isEqualTo("+44 20 7946 0958");
    }

    @Test
    void invalidNumbersAndRegionsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> PhoneNumber.parse("01 23 45 67"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("01 23 45 67");
        assertThatThrownBy(() -> PhoneNumber.parse("06 12 34 56 78", "ZZ"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("ZZ");
    }
}
