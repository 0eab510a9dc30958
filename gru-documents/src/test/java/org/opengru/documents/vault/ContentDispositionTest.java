package org.opengru.documents.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.ValidationException;
import org.opengru.documents.ingest.FileNameSanitizer;
import org.opengru.documents.types.DocumentFacts;

class ContentDispositionTest {
    private final FileNameSanitizer names = new FileNameSanitizer();

    @Test
    void asciiFallbackAndUtf8FilenameStar() {
        assertThat(ContentDisposition.attachment(names.sanitize("scan.pdf")))
                .isEqualTo("attachment; filename=\"scan.pdf\"; filename*=UTF-8''scan.pdf");
        // Quotes, backslashes and percent signs never reach the quoted fallback; the exact name is in filename*.
        assertThat(ContentDisposition.attachment(names.sanitize("Relevé 100% \"final\" ;x=y.pdf")))
                .isEqualTo("attachment; filename=\"Relev_ 100_ _final_ ;x=y.pdf\"; "
                        + "filename*=UTF-8''Relev%C3%A9%20100%25%20_final_%20%3Bx%3Dy.pdf");
        assertThat(ContentDisposition.attachment(names.sanitize("日本語.png")))
                .isEqualTo("attachment; filename=\"___.png\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E.png");
    }

    @Test
    void documentFactsAreConsistent() {
        assertThatThrownBy(
                        () -> DocumentFacts.issued(LocalDate.of(2026, 1, 1)).withExpiryDate(LocalDate.of(2025, 1, 1)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("expiryDate");
        assertThatThrownBy(() ->
                        DocumentFacts.issued(LocalDate.of(2026, 1, 1)).withHolderBirthDate(LocalDate.of(2027, 1, 1)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("holderBirthDate");
    }
}
