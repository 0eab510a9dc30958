package org.opengru.documents.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

class FileNameSanitizerTest {
    private final FileNameSanitizer sanitizer = new FileNameSanitizer();

    @Test
    void keepsOrdinaryFrenchNamesAndNormalisesToNfc() {
        assertThat(sanitizer.sanitize("Avis d'imposition 2025.pdf").value()).isEqualTo("Avis d'imposition 2025.pdf");
        String decomposed = "justificatif-domicile-e\u0301lectricite\u0301.pdf"; // e + combining acute (macOS)
        assertThat(sanitizer.sanitize(decomposed).value()).isEqualTo("justificatif-domicile-électricité.pdf");
        assertThat(sanitizer.sanitize("  scan.jpg  ").value()).isEqualTo("scan.jpg");
        assertThat(sanitizer.sanitize("photo.jpg...").value()).isEqualTo("photo.jpg");
        assertThat(sanitizer.sanitize("a<b>c:d\"e|f?g*.png").value()).isEqualTo("a_b_c_d_e_f_g_.png");
        assertThat(sanitizer.sanitize("CNI recto.JPEG").extension()).contains("jpeg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "..\\..\\boot.ini", "dir/file.pdf", "/absolute.pdf"})
    void refusesPathTraversal(String name) {
        assertThatThrownBy(() -> sanitizer.sanitize(name))
                .isInstanceOf(InvalidFileNameException.class)
                .hasMessageContaining("path separator")
                .extracting(e -> ((UploadRejectedException) e).reason())
                .isEqualTo(RejectionReason.INVALID_FILE_NAME);
    }

    @Test
    void refusesNulControlAndBidiCharacters() {
        assertThatThrownBy(() -> sanitizer.sanitize("facture.pdf\0.exe"))
                .isInstanceOf(InvalidFileNameException.class)
                .hasMessageContaining("NUL");
        assertThatThrownBy(() -> sanitizer.sanitize("facture\u202Efdp.exe"))
                .isInstanceOf(InvalidFileNameException.class)
                .hasMessageContaining("U+202E")
                .hasMessageContaining("bidirectional");
        assertThatThrownBy(() -> sanitizer.sanitize("a\u2067b.pdf")).hasMessageContaining("U+2067");
        assertThatThrownBy(() -> sanitizer.sanitize("line\nbreak.pdf"))
                .hasMessageContaining("control character U+000A");
        assertThatThrownBy(() -> sanitizer.sanitize("zero\u200Bwidth.pdf")).hasMessageContaining("U+200B");
        assertThatThrownBy(() -> sanitizer.sanitize("lone\uD800.pdf")).hasMessageContaining("lone surrogate");
    }

    @Test
    void refusesHiddenEmptyReservedAndOverlongNames() {
        assertThatThrownBy(() -> sanitizer.sanitize("..")).isInstanceOf(InvalidFileNameException.class);
        assertThatThrownBy(() -> sanitizer.sanitize(".htaccess")).hasMessageContaining("starts with a dot");
        assertThatThrownBy(() -> sanitizer.sanitize("   ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> sanitizer.sanitize("CON.pdf")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> sanitizer.sanitize("lpt1 .jpg")).hasMessageContaining("reserved");
        // The console devices: opening one on Windows reads or writes the console, not a file.
        assertThatThrownBy(() -> sanitizer.sanitize("CONIN$.pdf")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> sanitizer.sanitize("conout$ .jpg")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> sanitizer.sanitize("é".repeat(128) + ".pdf")).hasMessageContaining("UTF-8 bytes");
        assertThat(sanitizer.sanitize("é".repeat(125) + ".pdf").value()).hasSize(129);
    }

    /** Any string, biased towards the dangerous parts: separators, dots, controls, bidi, combining marks. */
    static Gen<String> hostileNames() {
        String nasty = "/\\.\0\n\r\t\u202E\u202D\u2066\u200F\u200B\uFEFF\u0301\u00A0 <>:\"|?*CONULPT1é\uD800\uDC00";
        Gen<String> fromNasty = strings()
                .betweenCodePoints(0, nasty.length() - 1)
                .ofLengthBetween(0, 20)
                .map(s -> {
                    StringBuilder b = new StringBuilder();
                    s.codePoints().forEach(i -> b.append(nasty.charAt(i)));
                    return b.toString();
                });
        Gen<String> anything = strings().allPossible().ofLengthBetween(0, 300);
        Gen<String> bmp = strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 40);
        return fromNasty.mix(anything, 40).mix(bmp, 30).zip(integers().between(0, 3), (s, ext) -> switch (ext) {
            case 0 -> s + ".pdf";
            case 1 -> "doc" + s;
            default -> s;
        });
    }

    @Test
    void eitherRefusesWithATypedErrorOrReturnsASafeIdempotentName() {
        qt().withExamples(20_000).forAll(hostileNames()).checkAssert(raw -> {
            SanitizedFileName name;
            try {
                name = sanitizer.sanitize(raw);
            } catch (InvalidFileNameException refused) {
                assertThat(refused.getMessage()).startsWith("INVALID_FILE_NAME: ");
                // The message is safe to log: no raw control or bidi characters in it.
                assertThat(refused.getMessage()).doesNotContain("\0", "\n", "\u202E");
                return;
            }
            String v = name.value();
            assertThat(v).isNotEmpty().doesNotContain("/", "\\", "\0").doesNotStartWith(".");
            assertThat(v.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
            assertThat(Normalizer.isNormalized(v, Normalizer.Form.NFC)).isTrue();
            assertThat(v.codePoints())
                    .noneMatch(cp -> Character.getType(cp) == Character.CONTROL
                            || Character.getType(cp) == Character.FORMAT
                            || Character.getType(cp) == Character.SURROGATE);
            assertThat(v.chars()).noneMatch(c -> "<>:\"|?*".indexOf(c) >= 0);
            assertThat(v).doesNotEndWith(".").doesNotEndWith(" ");
            assertThat(sanitizer.sanitize(v)).as("idempotent").isEqualTo(name);
        });
    }
}
