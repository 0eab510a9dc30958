package org.opengru.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengru.core.error.ValidationException;

class ValueTypesTest {

    @Test
    void sirenAndSiret_luhn() {
        assertThat(Siren.parse("732 829 320").value()).isEqualTo("732829320");
        Siret siret = Siret.parse("732 829 320 00074");
        assertThat(siret.siren()).isEqualTo(Siren.parse("732829320"));
        assertThat(siret.nic()).isEqualTo("00074");
        assertThatThrownBy(() -> Siren.parse("732829321")).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("siren");
            assertThat(e.value()).isEqualTo("732829321");
            assertThat(e.getMessage()).contains("Luhn");
        });
        assertThatThrownBy(() -> Siret.parse("73282932000075"))
                .hasMessageContaining("siret")
                .hasMessageContaining("73282932000075");
        assertThatThrownBy(() -> Siret.parse("7328293200007")).hasMessageContaining("must be 14 digits");
        assertThatThrownBy(() -> Siret.parse("7328293200007A")).hasMessageContaining("must be 14 digits");
    }

    @Test
    void laPosteSirets_validWhenTheirDigitsSumToAMultipleOfFive() {
        // 3+5+6 + 0+0+0+0+1 = 15: fails Luhn, passes La Poste's rule
        assertThat(Siret.parse("35600000000001").siren().value()).isEqualTo(Siren.LA_POSTE);
        assertThat(Siret.parse("35600000000051").nic()).isEqualTo("00051");
        // The head office passes Luhn (digit sum 26)
        assertThat(Siret.parse("356 000 000 00048").nic()).isEqualTo("00048");
        // Sum 16 and no Luhn
        assertThatThrownBy(() -> Siret.parse("35600000000002"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("La Poste", "multiple of 5"));
        // The exception is La Poste's alone: the same NIC on another SIREN is checked with Luhn
        assertThatThrownBy(() -> Siret.parse("73282932000001")).hasMessageContaining("Luhn");
    }

    @Test
    void rna() {
        assertThat(RnaNumber.parse("w751234567").value()).isEqualTo("W751234567");
        for (String bad : List.of("W12345678", "X123456789", "W1234567890", "123456789")) {
            assertThatThrownBy(() -> RnaNumber.parse(bad)).isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.field()).isEqualTo("rna");
                assertThat(e.value()).isEqualTo(bad);
            });
        }
    }

    @Test
    void iban_mod97() {
        Iban iban = Iban.parse("fr76 3000 6000 0112 3456 7890 189");
        assertThat(iban.value()).isEqualTo("FR7630006000011234567890189");
        assertThat(iban.formatted()).isEqualTo("FR76 3000 6000 0112 3456 7890 189");
        assertThat(Iban.parse("DE89370400440532013000").value()).startsWith("DE");
        assertThatThrownBy(() -> Iban.parse("FR7630006000011234567890188")).hasMessageContaining("mod-97");
        assertThatThrownBy(() -> Iban.parse("FR763000600001123456789018")).hasMessageContaining("27 characters");
    }

    @Test
    void phoneAndEmail() {
        assertThat(PhoneNumber.parse("04.78.00.00.00").value()).isEqualTo("+33478000000");
        assertThat(PhoneNumber.parse("+33 (0)4 78 00 00 00").value()).isEqualTo("+33478000000");
        assertThat(PhoneNumber.parse("0033 6 12 34 56 78").display()).isEqualTo("06 12 34 56 78");
        assertThat(PhoneNumber.parse("+262 262 12 34 56").value()).isEqualTo("+262262123456");
        assertThatThrownBy(() -> PhoneNumber.parse("12 34"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.value()).isEqualTo("12 34"));
        assertThat(EmailAddress.parse(" Claire.Martin@Mairie.FR ").value()).isEqualTo("Claire.Martin@mairie.fr");
        assertThatThrownBy(() -> EmailAddress.parse("claire@")).hasMessageContaining("email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"75056", "2A004", "2b033", "97411", "99134"})
    void cogCodes(String code) {
        assertThat(CogCode.parse(code).value()).hasSize(5);
    }

    @Test
    void postalAddress() {
        PostalAddress a = PostalAddress.france(List.of("1 place de la Mairie"), "69100", "Villeurbanne");
        assertThat(a.printLines()).containsExactly("1 place de la Mairie", "69100 VILLEURBANNE");
        assertThatThrownBy(() -> PostalAddress.france(List.of("x"), "6910", "Villeurbanne"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("address.postalCode"));
        assertThat(new PostalAddress(List.of("Rue 1"), "1000", "Bruxelles", "be").printLines())
                .last()
                .isEqualTo("BELGIQUE");
    }
}
