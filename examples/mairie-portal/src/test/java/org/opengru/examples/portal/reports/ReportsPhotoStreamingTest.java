package org.opengru.examples.portal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The agents' photo route sends a photo a buffer at a time: what it has read of the photo when it writes
 * the first bytes is one buffer, not the whole photo (a photo of many megabytes, opened by several agents at
 * once, never sits whole in the portal's memory).
 */
class ReportsPhotoStreamingTest {

    private static final long SIZE = 48L * 1024 * 1024;

    @Test
    void aLargePhotoIsCopiedABufferAtATimeWithItsHeaders() throws Exception {
        LazyPhoto photo = new LazyPhoto(SIZE);
        RecordingResponse response = new RecordingResponse(photo);

        PhotoResponses.send(photo, "image/jpeg", SIZE, "signalement-1-photo-1.jpg", response);

        assertThat(response.readAtFirstWrite).isPositive().isLessThanOrEqualTo(64 * 1024);
        assertThat(response.written).isEqualTo(SIZE);
        assertThat(response.getContentType()).isEqualTo("image/jpeg");
        assertThat(response.getContentLengthLong()).isEqualTo(SIZE);
        assertThat(response.getHeader("Content-Disposition"))
                .startsWith("inline; filename=")
                .contains("signalement-1-photo-1.jpg");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Cache-Control"))
                .contains("no-store")
                .contains("private")
                .doesNotContain("public");
    }

    /** A photo of {@code size} bytes made as it is read, never held anywhere. */
    static final class LazyPhoto extends InputStream {
        private final long size;
        long read;

        LazyPhoto(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read >= size) {
                return -1;
            }
            read++;
            return 0x5A;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - read);
            java.util.Arrays.fill(b, off, off + n, (byte) 0x5A);
            read += n;
            return n;
        }
    }

    /** A response that counts what it is sent and notes how much of the photo was read at its first byte. */
    static final class RecordingResponse extends MockHttpServletResponse {
        private final LazyPhoto photo;
        long readAtFirstWrite = -1;
        long written;

        RecordingResponse(LazyPhoto photo) {
            this.photo = photo;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    if (readAtFirstWrite < 0) {
                        readAtFirstWrite = photo.read;
                    }
                    written += len;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {}
            };
        }
    }
}
