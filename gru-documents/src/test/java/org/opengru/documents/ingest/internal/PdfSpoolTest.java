package org.opengru.documents.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import org.apache.pdfbox.io.RandomAccessRead;
import org.junit.jupiter.api.Test;

class PdfSpoolTest {

    /** Bytes with {@code N G obj} keywords at known places, one straddling the 64 KiB page boundary. */
    private static byte[] content(int size, int[] keywordEnds) {
        byte[] b = new byte[size];
        new Random(3).nextBytes(b);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 'j') {
                b[i] = 'k'; // no accidental keyword
            }
        }
        byte[] keyword = " 12 0 obj".getBytes(StandardCharsets.US_ASCII);
        for (int end : keywordEnds) {
            System.arraycopy(keyword, 0, b, end - keyword.length, keyword.length);
        }
        return b;
    }

    @Test
    void readsBackAnyRangeAndFindsKeywordsSplitAcrossBuffers() throws Exception {
        int[] ends = {100, 65_538, 200_001};
        byte[] bytes = content(300_000, ends);
        try (PdfSpool spool = new PdfSpool(new SecureRandom(), 1000)) {
            // Buffers cut inside the keywords: 65,535 splits the one ending at 65,538.
            int[] cuts = {0, 95, 65_535, 200_000, bytes.length};
            for (int i = 0; i + 1 < cuts.length; i++) {
                spool.update(bytes, cuts[i], cuts[i + 1] - cuts[i]);
            }
            assertThat(spool.objectEnds()).containsExactly(100L, 65_538L, 200_001L);
            try (RandomAccessRead in = spool.reader()) {
                for (long at : new long[] {0, 65_530, 131_071, 299_990}) {
                    in.seek(at);
                    byte[] read = new byte[100];
                    int n = in.read(read, 0, read.length);
                    int expected = (int) Math.min(100, bytes.length - at);
                    assertThat(n).as("a read across pages is whole").isEqualTo(expected);
                    assertThat(Arrays.copyOf(read, n))
                            .isEqualTo(Arrays.copyOfRange(bytes, (int) at, (int) at + expected));
                }
                in.seek(bytes.length);
                assertThat(in.read()).isEqualTo(-1);
            }
        }
    }
}
