package org.opengru.examples.portal.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.examples.portal.reports.TestPhotos.jpegAt;

import jakarta.servlet.http.HttpSessionEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.opengru.reports.GeoPoint;
import org.opengru.reports.photo.PhotoProcessor;
import org.springframework.mock.web.MockHttpSession;

/**
 * The holding area of the photos chosen before filing: stripped before they are held (the EXIF position
 * kept aside to propose), per session, bounded in number and in total size, gone after their idle time or
 * with the session.
 */
class ReportsPhotoHoldingTest {

    /** The time the holding reads, moved by the tests. */
    private Instant now = Instant.parse("2026-03-02T09:00:00Z");

    private final InstantSource clock = () -> now;
    private final PhotoHolding holding =
            new PhotoHolding(clock, PhotoProcessor.defaults(), PhotoHolding.MAX_TOTAL_BYTES);

    @Test
    void aPhotoIsHeldStrippedWithItsPositionAsideAndOnlyForItsSession() {
        MockHttpSession claire = new MockHttpSession();
        MockHttpSession other = new MockHttpSession();

        assertThat(holding.add(claire, jpegAt(47.92, 1.91), 3)).isNull();

        assertThat(holding.held(claire)).singleElement().satisfies(p -> {
            assertThat(PhotoProcessor.hasGps(p.bytes()))
                    .as("held without its GPS tags")
                    .isFalse();
            assertThat(p.mediaType()).isEqualTo("image/jpeg");
            assertThat(p.position()).isNotNull();
            assertThat(p.position().distanceMetres(new GeoPoint(47.92, 1.91))).isLessThan(1);
        });
        assertThat(holding.held(other)).isEmpty();
    }

    @Test
    void aFileThatIsNoPhotoIsRefusedInFrenchAndNotHeld() {
        MockHttpSession claire = new MockHttpSession();
        assertThat(holding.add(claire, "pas une image".getBytes(StandardCharsets.UTF_8), 3))
                .contains("n'est pas une photo");
        assertThat(holding.held(claire)).isEmpty();
    }

    @Test
    void noMoreThanTheCommunesNumberOfPhotosPerSession() {
        MockHttpSession claire = new MockHttpSession();
        assertThat(holding.add(claire, jpegAt(null, null), 2)).isNull();
        assertThat(holding.add(claire, jpegAt(null, null), 2)).isNull();
        assertThat(holding.add(claire, jpegAt(null, null), 2)).contains("retirez-en une");
        assertThat(holding.held(claire)).hasSize(2);

        holding.remove(claire, 1);
        assertThat(holding.held(claire)).hasSize(1);
        holding.remove(claire, 7); // a number it does not have
        assertThat(holding.held(claire)).hasSize(1);
    }

    @Test
    void allSessionsTogetherHoldNoMoreThanTheCapAndANewPhotoIsRefusedRatherThanAnotherDropped() {
        long one =
                PhotoProcessor.defaults().process("photo", jpegAt(null, null)).bytes().length;
        PhotoHolding small = new PhotoHolding(clock, PhotoProcessor.defaults(), one * 2);
        MockHttpSession first = new MockHttpSession();
        MockHttpSession second = new MockHttpSession();
        assertThat(small.add(first, jpegAt(null, null), 3)).isNull();
        assertThat(small.add(second, jpegAt(null, null), 3)).isNull();

        assertThat(small.add(second, jpegAt(null, null), 3)).contains("réessayez dans quelques minutes");
        assertThat(small.held(first)).hasSize(1);
        assertThat(small.total()).isLessThanOrEqualTo(one * 2);
    }

    @Test
    void photosGoAfterTheirIdleTimeWhenFiledAndWithTheSession() {
        MockHttpSession idle = new MockHttpSession();
        MockHttpSession filed = new MockHttpSession();
        MockHttpSession ended = new MockHttpSession();
        holding.add(idle, jpegAt(null, null), 3);
        holding.add(filed, jpegAt(null, null), 3);
        holding.add(ended, jpegAt(null, null), 3);

        holding.clear(filed);
        assertThat(holding.held(filed)).isEmpty();
        holding.sessionDestroyed(new HttpSessionEvent(ended));
        assertThat(holding.held(ended)).isEmpty();

        now = now.plus(PhotoHolding.IDLE.minusMinutes(1));
        assertThat(holding.held(idle)).as("used again: its time starts again").hasSize(1);
        now = now.plus(PhotoHolding.IDLE.plusSeconds(1));
        assertThat(holding.held(idle)).isEmpty();
        assertThat(holding.total()).isZero();
    }
}
