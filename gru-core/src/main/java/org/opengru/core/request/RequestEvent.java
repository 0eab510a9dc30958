package org.opengru.core.request;

import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.RequestId;

/** An event about one request; carries ids and statuses, never form data or personal data. */
public interface RequestEvent extends DomainEvent {

    /**
     * The request concerned.
     *
     * @return its id
     */
    RequestId requestId();

    /**
     * The request's version after the change (for ordering and de-duplication by consumers).
     *
     * @return the version
     */
    long version();
}
