package org.opengru.documents.storage.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.opengru.documents.storage.BlobKey;
import org.opengru.documents.storage.BlobNotFoundException;
import org.opengru.documents.storage.BlobStore;
import org.opengru.documents.storage.BlobUpload;
import org.opengru.documents.storage.StorageException;

/** Blobs in a map; uploads are buffered until commit. */
public final class InMemoryBlobStore implements BlobStore {
    private final ConcurrentMap<BlobKey, byte[]> blobs = new ConcurrentHashMap<>();

    @Override
    public BlobUpload create(BlobKey key) {
        if (blobs.containsKey(key)) {
            throw new StorageException("a blob with key " + key + " already exists");
        }
        return new BlobUpload() {
            private ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            private boolean done;

            @Override
            public BlobKey key() {
                return key;
            }

            @Override
            public OutputStream stream() {
                if (buffer == null) {
                    throw new IllegalStateException("upload " + key + " is over");
                }
                return buffer;
            }

            @Override
            public void commit() {
                if (done) {
                    throw new IllegalStateException("upload " + key + " is already over");
                }
                if (blobs.putIfAbsent(key, buffer.toByteArray()) != null) {
                    abort();
                    throw new StorageException("a blob with key " + key + " already exists");
                }
                done = true;
                buffer = null;
            }

            @Override
            public void abort() {
                done = true;
                buffer = null;
            }

            @Override
            public void close() {
                if (!done) {
                    abort();
                }
            }
        };
    }

    @Override
    public InputStream open(BlobKey key) {
        byte[] bytes = blobs.get(key);
        if (bytes == null) {
            throw new BlobNotFoundException(key);
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public boolean exists(BlobKey key) {
        return blobs.containsKey(key);
    }

    @Override
    public boolean delete(BlobKey key) {
        return blobs.remove(key) != null;
    }

    /** How many blobs are stored (tests check that failures leave none). */
    public int size() {
        return blobs.size();
    }
}
