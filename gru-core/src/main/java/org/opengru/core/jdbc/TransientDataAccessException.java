package org.opengru.core.jdbc;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * A database failure that retrying may get past: the connection broke or could not be opened ({@code
 * 08xxx}, the server shutting down or starting, {@code 57P0x}), or the transaction lost a serialization
 * conflict ({@code 40001}) or a deadlock ({@code 40P01}). Every PostgreSQL store of every module throws
 * this type (or its subtype {@link ConnectionLostException}) for those failures, never an untyped one.
 *
 * <p>The outcome may be unknown (a connection lost around the commit): retry the command with the same
 * idempotency key, and the stores return the first outcome and do nothing twice. A web API answers it
 * with {@code 503 Service Unavailable} and a {@code Retry-After} header.
 */
public class TransientDataAccessException extends DataAccessException {

    /**
     * A failure worth retrying.
     *
     * @param message what was being done and what failed
     * @param cause the driver's exception, or {@code null}
     */
    public TransientDataAccessException(String message, @Nullable SQLException cause) {
        super(message, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
