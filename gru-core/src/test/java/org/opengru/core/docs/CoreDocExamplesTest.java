package org.opengru.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengru.core.GruCore;
import org.opengru.core.id.RequestId;
import org.opengru.core.intake.Channel;
import org.opengru.core.request.ComplementRequested;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.testing.CoreFixture;

/** The code of docs/core.md that no other test shows, run as written there (DocSnippetsTest checks the page). */
class CoreDocExamplesTest {

    /** The application's own notifier, as the page names it. */
    static final class Notifier {
        final Map<RequestId, List<String>> asked = new LinkedHashMap<>();

        void askForComplement(RequestId request, List<String> missing) {
            asked.put(request, missing);
        }
    }

    @Test
    void aListenerHearsOfEachComplementRequested() {
        CoreFixture f = new CoreFixture();
        GruCore core = f.core;
        Notifier notifier = new Notifier();
        // tag::events[]
        core.events().subscribe(ComplementRequested.class, e -> notifier.askForComplement(e.requestId(), e.missing()));
        // end::events[]
        Request draft = core.requests()
                .create(
                        f.parentP,
                        NewRequest.of("inscription-cantine", f.child, Channel.WEB, CoreFixture.canteenData())
                                .withPieces(CoreFixture.canteenPieces()),
                        null);
        Request submitted = core.requests().submit(f.parentP, draft.id(), null);
        core.requests().startReview(f.agent, submitted.id(), null);
        core.requests()
                .requestComplement(
                        f.agent, submitted.id(), "Pièce manquante", List.of("Livret de famille"), null, null);

        assertThat(notifier.asked).containsExactly(Map.entry(submitted.id(), List.of("Livret de famille")));
    }
}
