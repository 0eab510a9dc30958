package org.opengru.documents.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.opengru.documents.storage.BlobKey;
import org.opengru.documents.storage.BlobNotFoundException;
import org.opengru.documents.storage.BlobStore;
import org.opengru.documents.storage.BlobUpload;
import org.opengru.documents.storage.StorageException;

/**
 * Blobs as files: {@code root/ab/abcdef...} (two-character fan-out), written to {@code root/.tmp}
 * first, fsync'd, renamed atomically into place, then the directory is fsync'd so that the rename
 * itself survives a crash. A crash mid-upload leaves only a file under {@code .tmp}, never a partial
 * blob under its key.
 */
public final class FileSystemBlobStore implements BlobStore {
    private static final String TMP = ".tmp";

    private final Path root;
    private final Path tmp;

    public FileSystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve(TMP);
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new StorageException("cannot create the blob directory " + this.root, e);
        }
    }

    private Path pathOf(BlobKey key) {
        // BlobKey is [a-z0-9]{16,128}: it cannot contain a separator or "..".
        return root.resolve(key.value().substring(0, 2)).resolve(key.value());
    }

    @Override
    public BlobUpload create(BlobKey key) {
        Path target = pathOf(key);
        if (Files.exists(target)) {
            throw new StorageException("a blob with key " + key + " already exists");
        }
        try {
            Path temp = Files.createTempFile(tmp, key.value(), ".part");
            FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
            return new FileUpload(key, target, temp, channel);
        } catch (IOException e) {
            throw new StorageException("cannot start writing blob " + key, e);
        }
    }

    private final class FileUpload implements BlobUpload {
        private final BlobKey key;
        private final Path target;
        private final Path temp;
        private final FileChannel channel;
        private final OutputStream stream;
        private boolean over;

        FileUpload(BlobKey key, Path target, Path temp, FileChannel channel) {
            this.key = key;
            this.target = target;
            this.temp = temp;
            this.channel = channel;
            this.stream = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                    while (buf.hasRemaining()) {
                        channel.write(buf);
                    }
                }
            };
        }

        @Override
        public BlobKey key() {
            return key;
        }

        @Override
        public OutputStream stream() {
            return stream;
        }

        @Override
        public void commit() {
            if (over) {
                throw new IllegalStateException("upload " + key + " is already over");
            }
            try {
                channel.force(true);
                channel.close();
                Path dir = target.getParent();
                boolean newDir = !Files.isDirectory(dir);
                Files.createDirectories(dir);
                if (newDir) {
                    fsyncDirectory(root);
                }
                if (Files.exists(target)) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new StorageException("the blob directory does not support atomic renames", e);
                }
                fsyncDirectory(dir);
                over = true;
            } catch (IOException | RuntimeException e) {
                abort();
                throw e instanceof StorageException se
                        ? se
                        : new StorageException("cannot commit blob " + key + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void abort() {
            over = true;
            try {
                channel.close();
            } catch (IOException ignored) {
                // Deleting the file below is what matters.
            }
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Left under .tmp, never under a blob key.
            }
        }

        @Override
        public void close() {
            if (!over) {
                abort();
            }
        }
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    @Override
    public InputStream open(BlobKey key) {
        try {
            return Files.newInputStream(pathOf(key));
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(key);
        } catch (IOException e) {
            throw new StorageException("cannot read blob " + key, e);
        }
    }

    @Override
    public boolean exists(BlobKey key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public boolean delete(BlobKey key) {
        Path p = pathOf(key);
        try {
            boolean deleted = Files.deleteIfExists(p);
            if (deleted) {
                fsyncDirectory(p.getParent());
            }
            return deleted;
        } catch (IOException e) {
            throw new StorageException("cannot delete blob " + key, e);
        }
    }

    @Override
    public String toString() {
        return "FileSystemBlobStore[" + root + "]";
    }
}
