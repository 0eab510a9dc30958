package org.opengru.core.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.ValidationException;
import org.quicktheories.core.Gen;

class SmsSegmentsTest {

    private static String repeat(String s, int n) {
        return s.repeat(n);
    }

    @Test
    void gsmSingleAndConcatenatedBoundaries() {
        assertThat(SmsSegments.of(repeat("a", 160)).count()).isEqualTo(1);
        assertThat(SmsSegments.of(repeat("a", 161)).count()).isEqualTo(2);
        assertThat(SmsSegments.of(repeat("a", 306)).count()).isEqualTo(2);
        assertThat(SmsSegments.of(repeat("a", 307)).count()).isEqualTo(3);
        assertThat(SmsSegments.of(repeat("a", 160)).encoding()).isEqualTo(SmsEncoding.GSM_7BIT);
    }

    @Test
    void extensionCharactersCountTwiceAndAreNeverSplit() {
        // 80 euro signs are 160 septets: one SMS; 81 are 162: two.
        assertThat(SmsSegments.of(repeat("€", 80)).units()).isEqualTo(160);
        assertThat(SmsSegments.of(repeat("€", 80)).count()).isEqualTo(1);
        assertThat(SmsSegments.of(repeat("€", 81)).count()).isEqualTo(2);
        // 152 'a' then '{': the escape pair would straddle 153, so it opens the second segment.
        SmsSegments s = SmsSegments.of(repeat("a", 152) + "{" + repeat("b", 10));
        assertThat(s.parts().get(0)).isEqualTo(repeat("a", 152));
        assertThat(s.parts().get(1)).startsWith("{");
        assertThat(s.units()).isEqualTo(164);
    }

    @Test
    void anyNonGsmCharacterSwitchesToUcs2() {
        // é is in the GSM table; ê is not.
        assertThat(SmsSegments.of("Votre RDV est confirmé").encoding()).isEqualTo(SmsEncoding.GSM_7BIT);
        assertThat(SmsSegments.of("Fenêtre").encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(SmsSegments.of(repeat("ê", 70)).count()).isEqualTo(1);
        assertThat(SmsSegments.of(repeat("ê", 71)).count()).isEqualTo(2);
        assertThat(SmsSegments.of(repeat("ê", 134)).count()).isEqualTo(2);
        assertThat(SmsSegments.of(repeat("ê", 135)).count()).isEqualTo(3);
    }

    @Test
    void surrogatePairsCountTwoUnitsAndAreNeverSplit() {
        String emoji = "\uD83D\uDE00";
        assertThat(SmsSegments.of(repeat(emoji, 35)).units()).isEqualTo(70);
        assertThat(SmsSegments.of(repeat(emoji, 35)).count()).isEqualTo(1);
        SmsSegments s = SmsSegments.of("x" + repeat(emoji, 40));
        for (String part : s.parts()) {
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1)))
                    .isFalse();
        }
    }

    @Test
    void costEstimateMultipliesTheSegments() {
        SmsPricing pricing = SmsPricing.euros("0.045");
        assertThat(pricing.estimate(repeat("a", 161)).amount()).isEqualByComparingTo(new BigDecimal("0.090"));
        assertThat(pricing.estimate(repeat("ê", 135)).segments()).isEqualTo(3);
        assertThatThrownBy(() -> SmsPricing.euros("-1"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("sms.pricing.perSegment");
    }

    // Characters to draw from: GSM basic, GSM extension, UCS-2 only, astral (surrogate pairs).
    private static final List<String> POOL =
            List.of("a", "Z", "0", " ", "é", "@", "\n", "€", "{", "^", "|", "ê", "œ", "ç", "\u4e2d", "\uD83D\uDE00");

    private static Gen<String> texts(int maxSymbols) {
        return lists().of(integers().between(0, POOL.size() - 1))
                .ofSizeBetween(0, maxSymbols)
                .map(ix -> {
                    StringBuilder sb = new StringBuilder();
                    ix.forEach(i -> sb.append(POOL.get(i)));
                    return sb.toString();
                });
    }

    private static Gen<String> gsmTexts(int maxSymbols) {
        return lists().of(integers().between(0, 9)).ofSizeBetween(0, maxSymbols).map(ix -> {
            StringBuilder sb = new StringBuilder();
            ix.forEach(i -> sb.append(POOL.get(i)));
            return sb.toString();
        });
    }

    @Test
    void propertyPartsJoinBackToTheTextAndRespectCapacity() {
        qt().withExamples(400).forAll(texts(400)).checkAssert(text -> {
            SmsSegments s = SmsSegments.of(text);
            assertThat(String.join("", s.parts())).isEqualTo(text);
            int sum = s.parts().stream()
                    .mapToInt(p -> SmsSegments.units(p, s.encoding()))
                    .sum();
            assertThat(sum).isEqualTo(s.units());
            if (s.parts().size() > 1) {
                for (String p : s.parts()) {
                    assertThat(SmsSegments.units(p, s.encoding()))
                            .isLessThanOrEqualTo(s.encoding().segmentCapacity());
                }
            } else {
                assertThat(s.units()).isLessThanOrEqualTo(s.encoding().singleCapacity());
            }
        });
    }

    @Test
    void propertySegmentsAreFilledGreedily() {
        qt().withExamples(400).forAll(texts(400)).checkAssert(text -> {
            SmsSegments s = SmsSegments.of(text);
            for (int i = 0; i + 1 < s.parts().size(); i++) {
                String next = s.parts().get(i + 1);
                int firstSymbol = s.encoding() == SmsEncoding.UCS2
                        ? Character.charCount(next.codePointAt(0))
                        : (SmsSegments.isGsmExtension(next.charAt(0)) ? 2 : 1);
                // The next segment's first symbol did not fit in this one.
                assertThat(SmsSegments.units(s.parts().get(i), s.encoding()) + firstSymbol)
                        .isGreaterThan(s.encoding().segmentCapacity());
            }
        });
    }

    @Test
    void propertyGsmCountMatchesTheArithmeticBounds() {
        qt().withExamples(400).forAll(gsmTexts(500)).checkAssert(text -> {
            SmsSegments s = SmsSegments.of(text);
            assertThat(s.encoding()).isEqualTo(SmsEncoding.GSM_7BIT);
            int units = s.units();
            if (units <= 160) {
                assertThat(s.count()).isEqualTo(1);
            } else {
                // 153 a segment, at most one septet lost per segment to an unsplit escape pair.
                assertThat(s.count()).isBetween((units + 152) / 153, (units + 151) / 152);
            }
        });
    }

    @Test
    void propertyAppendingNeverReducesTheCount() {
        qt().withExamples(300)
                .forAll(texts(200), texts(50))
                .checkAssert((a, b) -> assertThat(SmsSegments.of(a + b).count())
                        .isGreaterThanOrEqualTo(SmsSegments.of(a).count()));
    }
}
