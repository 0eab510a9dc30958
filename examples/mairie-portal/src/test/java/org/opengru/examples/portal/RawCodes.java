package org.opengru.examples.portal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opengru.core.catalogue.FieldDefinition;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.RequiredPiece;
import org.opengru.core.exchange.Visibility;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.request.RequestAction;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.usager.UsagerKind;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoPeople;
import org.opengru.scheduling.booking.BookingStatus;
import org.opengru.scheduling.booking.SiteSetup;

/**
 * The codes that are for machines and must never be what a page says: the catalogue's démarche, choice and
 * piece codes, the teams' and sites' ids, the agents' directory ids, the enums' names, and ids (UUIDs,
 * {@code usager:}…). A code that is also a plain word of the commune's own labels ("naissance" in "Acte de
 * naissance", "photo" in "Photo du dépôt") cannot be told from the word, and is left out.
 */
final class RawCodes {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern HIDDEN_BLOCK = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1>");

    private RawCodes() {}

    /** Every code a page must not show. */
    static List<String> codes() {
        Set<String> codes = new LinkedHashSet<>();
        Set<String> words = new LinkedHashSet<>();
        for (Procedure p : Commune.procedures()) {
            codes.add(p.code().value());
            words.addAll(words(p.title()));
            for (FieldDefinition f : p.schema().fields()) {
                words.addAll(words(f.label()));
                if (f.choices() != null) {
                    codes.addAll(f.choices());
                    f.choices().forEach(c -> words.addAll(words(f.choiceLabel(c))));
                }
            }
            for (RequiredPiece piece : p.pieces()) {
                codes.add(piece.type().value());
                words.addAll(words(piece.label()));
            }
        }
        Commune.TEAM_NAMES.forEach((id, name) -> {
            codes.add(id.value());
            words.addAll(words(name));
        });
        for (SiteSetup s : Commune.sites()) {
            codes.add(s.site().id().value());
            words.addAll(words(s.site().name()));
            s.services().forEach(service -> {
                codes.add(service.id().value());
                words.addAll(words(service.name()));
            });
            s.resources().forEach(r -> codes.add(r.id().value()));
        }
        DemoPeople.AGENTS.forEach(a -> codes.add(a.id().value()));
        Stream.of(
                        Channel.values(),
                        RequestStatus.values(),
                        RequestAction.values(),
                        BookingStatus.values(),
                        Visibility.values(),
                        ActorKind.values(),
                        UsagerKind.values())
                .flatMap(Stream::of)
                .forEach(e -> codes.add(((Enum<?>) e).name()));
        codes.add("usager:");
        codes.add("agent:");
        codes.removeIf(c -> words.contains(c.toLowerCase(Locale.FRENCH)));
        return List.copyOf(codes);
    }

    /** The codes and ids found in what a person reads of the page (its title and text, not its markup). */
    static List<String> foundIn(String text) {
        // An address shown as text (the appointment's cancellation link) is for copying, not reading.
        // A file's name is the resident's own words, not a code.
        String readable =
                text.replaceAll("https?://\\S+", " ").replaceAll("[^\\s(«]+\\.(pdf|jpe?g|png|heic|webp)", " ");
        List<String> found = new ArrayList<>();
        for (String code : codes()) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}_.:-])" + Pattern.quote(code) + "(?![\\p{L}\\p{N}_@-])")
                    .matcher(readable);
            if (m.find()) {
                found.add(code + " in «" + around(readable, m.start()) + "»");
            }
        }
        Matcher id = UUID.matcher(readable);
        if (id.find()) {
            found.add("an id in «" + around(readable, id.start()) + "»");
        }
        return found;
    }

    /** What a person reads of an HTML page: the text, without tags, scripts and styles. */
    static String readable(String html) {
        String text = TAG.matcher(HIDDEN_BLOCK.matcher(html).replaceAll(" ")).replaceAll(" ");
        return text.replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40))
                .replaceAll("\\s+", " ");
    }

    private static Set<String> words(String label) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : label.toLowerCase(Locale.FRENCH).split("[^\\p{L}\\p{N}-]+")) {
            if (!w.isBlank()) {
                out.add(w);
            }
        }
        return out;
    }
}
