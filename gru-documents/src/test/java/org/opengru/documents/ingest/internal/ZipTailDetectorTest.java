package org.opengru.documents.ingest.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opengru.documents.TestFiles.concat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opengru.documents.TestFiles;
import org.opengru.documents.ingest.PolyglotFileException;

class ZipTailDetectorTest {

    private static void inspect(byte[] file, int piece) {
        ZipTailDetector d = new ZipTailDetector();
        for (int i = 0; i < file.length; i += piece) {
            d.update(file, i, Math.min(piece, file.length - i));
        }
        d.finish(file.length);
    }

    @Test
    void findsAZipAppendedToALargeFileWhateverTheChunking() {
        byte[] noise = new byte[300_000];
        new Random(1).nextBytes(noise);
        for (int i = 0; i + 3 < noise.length; i++) {
            if (noise[i] == 'P' && noise[i + 1] == 'K') {
                noise[i] = 'Q';
            }
        }
        byte[] polyglot = concat(noise, TestFiles.zip());
        for (int piece : new int[] {1000, 65_536, 65_557, 70_000, polyglot.length}) {
            assertThatThrownBy(() -> inspect(polyglot, piece)).isInstanceOf(PolyglotFileException.class);
            assertThatCode(() -> inspect(noise, piece)).doesNotThrowAnyException();
        }
    }
}
