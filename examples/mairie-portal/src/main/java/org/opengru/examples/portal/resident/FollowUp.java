package org.opengru.examples.portal.resident;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.GruCore;
import org.opengru.core.exchange.Message;
import org.opengru.core.id.RequestId;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestQuery;
import org.opengru.examples.portal.commune.Labels;
import org.opengru.examples.portal.signin.PortalUser;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a resident's live follow-up watches: the state of their requests (or of one), read from the
 * database through gru-core's access rules each time, so that any node sees a change made on any other.
 * The page and its script compare two states to say what changed.
 */
@Component
public class FollowUp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GruCore core;
    private final Labels labels;

    FollowUp(GruCore core, Labels labels) {
        this.core = core;
        this.labels = labels;
    }

    /**
     * One request as the resident sees it.
     *
     * @param status the state, in plain French
     * @param fromCommune how many messages the town hall sent on it
     */
    public record Item(String id, String reference, String status, int fromCommune) {}

    /**
     * The state: {@code token} changes whenever anything in {@code requests} does.
     */
    public record State(String token, List<Item> requests) {}

    /** The resident's requests (the first page, as "Mon espace" shows), or only {@code only}. */
    public State of(UsagerPrincipal me, @Nullable RequestId only) {
        List<Request> requests = only == null
                ? core.requests().list(me, RequestQuery.firstPage())
                : List.of(core.requests().get(me, only));
        List<Item> items = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (Request r : requests) {
            int fromCommune = 0;
            for (Message m : core.exchanges().thread(me, r.id())) {
                if (m.author().kind() == ActorKind.AGENT) {
                    fromCommune++;
                }
            }
            items.add(new Item(r.id().toString(), r.reference().toString(), labels.status(r.status()), fromCommune));
            token.append(r.id())
                    .append(':')
                    .append(r.version())
                    .append(':')
                    .append(fromCommune)
                    .append(';');
        }
        return new State(digest(token.toString()), items);
    }

    /**
     * The state as JSON, for the page's {@code data-initial} attribute (the template escapes it): the
     * script compares what it is sent later with what the page shows.
     */
    public String json(PortalUser user, @Nullable RequestId only) {
        return JSON.writeValueAsString(of(user.usager(), only));
    }

    /** A short digest of the versions: equal states, equal tokens; a 32-bit hash could hide a change. */
    private static String digest(String versions) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(versions.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
