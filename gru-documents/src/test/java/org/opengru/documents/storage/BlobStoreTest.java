package org.opengru.documents.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path root;

    private long files() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private void contract(BlobStore store) throws IOException {
        BlobKey key = BlobKey.random(random);
        try (BlobUpload upload = store.create(key)) {
            upload.stream().write("hello".getBytes());
            assertThat(store.exists(key)).as("invisible before commit").isFalse();
            upload.commit();
        }
        assertThat(store.exists(key)).isTrue();
        try (InputStream in = store.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo("hello".getBytes());
        }
        assertThatThrownBy(() -> store.create(key))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("exists");

        BlobKey aborted = BlobKey.random(random);
        try (BlobUpload upload = store.create(aborted)) {
            upload.stream().write(new byte[10_000]);
            // closed without commit
        }
        assertThat(store.exists(aborted)).isFalse();
        assertThatThrownBy(() -> store.open(aborted)).isInstanceOf(BlobNotFoundException.class);

        assertThat(store.delete(key)).isTrue();
        assertThat(store.delete(key)).isFalse();
        assertThat(store.exists(key)).isFalse();
    }

    @Test
    void inMemory() throws IOException {
        contract(BlobStore.inMemory());
    }

    @Test
    void fileSystemLeavesNoFileBehindAfterAbortOrDelete() throws IOException {
        contract(BlobStore.fileSystem(root));
        assertThat(files()).isZero();
    }

    @Test
    void fileSystemWritesUnderTheRandomKeyOnly() throws IOException {
        BlobStore store = BlobStore.fileSystem(root);
        BlobKey key = BlobKey.random(random);
        try (BlobUpload upload = store.create(key)) {
            upload.stream().write(1);
            upload.commit();
        }
        try (Stream<Path> s = Files.walk(root)) {
            assertThat(s.filter(Files::isRegularFile)
                            .map(p -> root.relativize(p).toString()))
                    .containsExactly(key.value().substring(0, 2) + "/" + key.value());
        }
    }

    @Test
    void keysCannotEscapeTheStore() {
        assertThatThrownBy(() -> new BlobKey("../../etc/passwd00000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'../../etc/passwd00000'");
        assertThatThrownBy(() -> new BlobKey("ABCDEF0123456789")).hasMessageContaining("[a-z0-9]");
    }
}
