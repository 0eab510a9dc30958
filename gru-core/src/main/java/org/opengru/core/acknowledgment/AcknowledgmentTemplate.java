package org.opengru.core.acknowledgment;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.ImplicitDecision;
import org.opengru.core.error.ValidationException;
import org.opengru.core.error.Violation;
import org.opengru.core.internal.Checks;

/**
 * The text of an accusé de réception, which a commune may adjust: its own header, courtesy phrases,
 * signature. Each {@link Mention} placeholder must appear exactly once, alone on its line; a template
 * missing one is refused, so the mandatory mentions cannot be removed. Inline placeholders {@code
 * {{collectivity}}}, {@code {{procedure}}} and {@code {{reference}}} may be used anywhere. Paragraphs are
 * separated by blank lines; the HTML form escapes the commune's text.
 */
public final class AcknowledgmentTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z:]+)}}");
    private static final Pattern BLANK_RUNS = Pattern.compile("\n{3,}");
    private static final Set<String> INLINE = Set.of("collectivity", "procedure", "reference");
    private static final Locale FR = Locale.FRENCH;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", FR);

    private static final String STANDARD = """
            {{collectivity}}

            Accusé de réception électronique

            {{mention:receipt}}

            {{mention:service}}

            {{mention:implicitDecision}}

            {{mention:appeal}}

            {{mention:missingPieces}}

            Conservez ce message : il vaut accusé de réception de votre demande au sens des articles L112-11 et \
            R112-11-1 du code des relations entre le public et l'administration. Rappelez la référence \
            {{reference}} dans vos échanges avec nos services.
            """;

    /** Immutable, so one compiled instance serves every collectivité that keeps the standard wording. */
    private static final AcknowledgmentTemplate STANDARD_TEMPLATE = new AcknowledgmentTemplate(STANDARD);

    private final String source;

    /** The source cut into lines once: rendering (twice per submission) then only fills them in. */
    private final List<Line> lines;

    private AcknowledgmentTemplate(String source) {
        this.source = source;
        List<Line> parsed = new ArrayList<>();
        for (String line : source.split("\n", -1)) {
            parsed.add(Line.parse(line));
        }
        this.lines = List.copyOf(parsed);
    }

    /** The inline placeholders. */
    private enum Inline {
        COLLECTIVITY,
        PROCEDURE,
        REFERENCE;

        String value(Acknowledgment.Data d) {
            return switch (this) {
                case COLLECTIVITY -> d.collectivityName();
                case PROCEDURE -> d.procedureTitle();
                case REFERENCE -> d.reference().value();
            };
        }

        static @Nullable Inline of(String name) {
            return switch (name) {
                case "collectivity" -> COLLECTIVITY;
                case "procedure" -> PROCEDURE;
                case "reference" -> REFERENCE;
                default -> null;
            };
        }
    }

    /**
     * One line of the template: a mention standing alone, or text whose inline placeholders sit between
     * literal pieces ({@code texts} has one piece more than {@code inlines}; {@code htmlTexts} holds the
     * same pieces escaped). An unknown placeholder stays as literal text.
     */
    private record Line(
            @Nullable Mention mention,
            boolean blank,
            List<String> texts,
            List<String> htmlTexts,
            List<Inline> inlines) {

        static Line parse(String line) {
            Mention mention = mentionLine(line);
            List<String> texts = new ArrayList<>();
            List<Inline> inlines = new ArrayList<>();
            if (mention == null) {
                Matcher m = PLACEHOLDER.matcher(line);
                StringBuilder literal = new StringBuilder();
                int last = 0;
                while (m.find()) {
                    literal.append(line, last, m.start());
                    Inline inline = Inline.of(m.group(1));
                    if (inline == null) {
                        literal.append(m.group());
                    } else {
                        texts.add(literal.toString());
                        literal.setLength(0);
                        inlines.add(inline);
                    }
                    last = m.end();
                }
                texts.add(literal.append(line, last, line.length()).toString());
            }
            return new Line(
                    mention,
                    line.isBlank(),
                    List.copyOf(texts),
                    texts.stream().map(AcknowledgmentTemplate::escape).toList(),
                    List.copyOf(inlines));
        }

        String render(Acknowledgment.Data d, boolean html) {
            List<String> pieces = html ? htmlTexts : texts;
            if (inlines.isEmpty()) {
                return pieces.get(0);
            }
            StringBuilder sb = new StringBuilder(pieces.get(0));
            for (int i = 0; i < inlines.size(); i++) {
                String value = inlines.get(i).value(d);
                sb.append(html ? escape(value) : value).append(pieces.get(i + 1));
            }
            return sb.toString();
        }
    }

    /**
     * The standard French template.
     *
     * @return the template every commune starts from
     */
    public static AcknowledgmentTemplate standard() {
        return STANDARD_TEMPLATE;
    }

    /**
     * A commune's template.
     *
     * @throws ValidationException naming {@code template} and each missing, repeated, misplaced or unknown
     *     placeholder
     *
     * @param source the template's text with its placeholders
     * @return the template
     */
    public static AcknowledgmentTemplate of(String source) {
        Checks.text("template", source);
        List<Violation> violations = new ArrayList<>();
        Set<Mention> seen = EnumSet.noneOf(Mention.class);
        Matcher m = PLACEHOLDER.matcher(source);
        while (m.find()) {
            String name = m.group(1);
            if (name.startsWith("mention:")) {
                Mention mention = mentionFor(name);
                if (mention == null) {
                    violations.add(Violation.of("template", m.group(), "is not a known mention"));
                    continue;
                }
                if (!seen.add(mention)) {
                    violations.add(Violation.of("template", m.group(), "appears more than once"));
                }
                int lineStart = source.lastIndexOf('\n', m.start()) + 1;
                int lineEnd = source.indexOf('\n', m.end());
                String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
                if (!line.strip().equals(m.group())) {
                    violations.add(Violation.of("template", m.group(), "must stand alone on its line"));
                }
            } else if (!INLINE.contains(name)) {
                violations.add(Violation.of("template", m.group(), "is not a known placeholder"));
            }
        }
        for (Mention mention : Mention.values()) {
            if (!seen.contains(mention)) {
                violations.add(Violation.of(
                        "template",
                        mention.placeholder(),
                        "mandatory mention missing (CRPA " + mention.legalBasis() + ")"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new AcknowledgmentTemplate(source);
    }

    /**
     * The mention a line stands for: only a line that is exactly its placeholder. A plain text line that
     * reads like a mention's name ({@code mention:appeal}, without braces) stays text.
     */
    private static @Nullable Mention mentionLine(String line) {
        String t = line.strip();
        for (Mention mention : Mention.values()) {
            if (mention.placeholder().equals(t)) {
                return mention;
            }
        }
        return null;
    }

    private static @Nullable Mention mentionFor(String name) {
        for (Mention mention : Mention.values()) {
            if (mention.placeholder().equals("{{" + name + "}}")) {
                return mention;
            }
        }
        return null;
    }

    /**
     * The template's text, placeholders included, as given.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * The acknowledgment as plain French text.
     *
     * @param d the data of the mentions
     * @return the text, one paragraph per mention, mentions that do not apply left out
     */
    public String renderText(Acknowledgment.Data d) {
        return renderText(d, mentions(d));
    }

    /**
     * The acknowledgment as an HTML fragment: one {@code <section>} per mention, paragraphs elsewhere.
     *
     * @param d the data of the mentions
     * @return an {@code <article>} element, the commune's text escaped
     */
    public String renderHtml(Acknowledgment.Data d) {
        return renderHtml(d, mentions(d));
    }

    /** Each mention's lines for this request, worked out once for both renderings. */
    Map<Mention, List<String>> mentions(Acknowledgment.Data d) {
        Map<Mention, List<String>> out = new EnumMap<>(Mention.class);
        for (Mention mention : Mention.values()) {
            out.put(mention, mentionLines(mention, d));
        }
        return out;
    }

    String renderText(Acknowledgment.Data d, Map<Mention, List<String>> mentions) {
        StringBuilder out = new StringBuilder(2048);
        for (Line line : lines) {
            if (line.mention() != null) {
                List<String> mentionLines = mentions.get(line.mention());
                for (int i = 0; i < mentionLines.size(); i++) {
                    out.append(i == 0 ? "" : "\n").append(mentionLines.get(i));
                }
            } else {
                out.append(line.render(d, false));
            }
            out.append('\n');
        }
        // Mentions that do not apply render empty: fold the blank lines they leave.
        return BLANK_RUNS.matcher(out).replaceAll("\n\n").strip() + "\n";
    }

    String renderHtml(Acknowledgment.Data d, Map<Mention, List<String>> mentions) {
        StringBuilder out = new StringBuilder(3072).append("<article class=\"accuse-reception\" lang=\"fr\">\n");
        List<String> paragraph = new ArrayList<>();
        for (Line line : lines) {
            Mention mention = line.mention();
            if (mention != null || line.blank()) {
                flush(paragraph, out);
            }
            if (mention != null) {
                List<String> mentionLines = mentions.get(mention);
                if (!mentionLines.isEmpty()) {
                    out.append("<section class=\"mention mention-")
                            .append(mention.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                            .append("\">");
                    boolean inList = false;
                    for (String l : mentionLines) {
                        if (l.startsWith("- ")) {
                            if (!inList) {
                                out.append("<ul>");
                                inList = true;
                            }
                            out.append("<li>").append(escape(l.substring(2))).append("</li>");
                        } else {
                            if (inList) {
                                out.append("</ul>");
                                inList = false;
                            }
                            out.append("<p>").append(escape(l)).append("</p>");
                        }
                    }
                    if (inList) {
                        out.append("</ul>");
                    }
                    out.append("</section>\n");
                }
            } else if (!line.blank()) {
                paragraph.add(line.render(d, true));
            }
        }
        flush(paragraph, out);
        return out.append("</article>\n").toString();
    }

    private static void flush(List<String> paragraph, StringBuilder out) {
        if (!paragraph.isEmpty()) {
            out.append("<p>").append(String.join("<br>", paragraph)).append("</p>\n");
            paragraph.clear();
        }
    }

    /** The library's wording of each mention; empty when it does not apply to this request. */
    static List<String> mentionLines(Mention mention, Acknowledgment.Data d) {
        List<String> lines = new ArrayList<>();
        boolean incomplete = !d.missingPieces().isEmpty();
        switch (mention) {
            case RECEIPT -> {
                ZonedDateTime at = d.receivedAt().atZone(d.zone());
                lines.add("Votre demande « " + d.procedureTitle() + " » (référence "
                        + d.reference().value()
                        + ") a été reçue le " + day(at.toLocalDate()) + " à " + at.getHour() + " h "
                        + (at.getMinute() < 10 ? "0" : "") + at.getMinute() + ".");
            }
            case SERVICE -> {
                lines.add("Service chargé de votre dossier : " + d.service().name());
                lines.add("Adresse postale : "
                        + String.join(", ", d.service().address().printLines()));
                lines.add("Courriel : " + d.service().email().value());
                lines.add("Téléphone : " + d.service().phone().display());
            }
            case IMPLICIT_DECISION -> {
                if (d.implicitDecision() == ImplicitDecision.NONE) {
                    lines.add(
                            "Cette demande ne peut pas donner lieu à une décision implicite : elle fera l'objet d'une décision expresse.");
                } else {
                    String outcome = d.implicitDecision() == ImplicitDecision.ACCEPTANCE ? "acceptée" : "rejetée";
                    String kind = d.implicitDecision() == ImplicitDecision.ACCEPTANCE
                            ? "décision implicite d'acceptation"
                            : "décision implicite de rejet";
                    if (incomplete && d.implicitDecision() == ImplicitDecision.REJECTION) {
                        // L114-5 CRPA: silence vaut rejet is only suspended during the time given.
                        lines.add("À défaut de décision expresse, votre demande sera réputée " + outcome + " (" + kind
                                + ") à l'expiration d'un délai de " + periodText(d)
                                + " à compter de sa réception. Ce délai est suspendu pendant le temps qui vous est"
                                + " donné pour produire les pièces et informations manquantes"
                                + (d.complementDueBy() == null ? "" : " (jusqu'au " + day(d.complementDueBy()) + ")")
                                + " ; il reprend dès leur réception, ou à la fin de ce temps si elles ne sont pas"
                                + " produites (article L114-5 du code des relations entre le public et"
                                + " l'administration).");
                    } else if (incomplete || d.implicitDecisionDate() == null) {
                        lines.add("À défaut de décision expresse, votre demande sera réputée " + outcome + " (" + kind
                                + ") à l'expiration d'un délai de " + periodText(d)
                                + " à compter de la réception des pièces et informations manquantes"
                                + (incomplete
                                        ? " (article L114-5 du code des relations entre le public et l'administration)."
                                        : "."));
                    } else {
                        lines.add("À défaut de décision expresse, votre demande sera réputée " + outcome + " le "
                                + day(d.implicitDecisionDate()) + " (" + kind + ").");
                    }
                    if (d.implicitDecision() == ImplicitDecision.ACCEPTANCE) {
                        lines.add(
                                "Vous pourrez alors obtenir, sur simple demande, une attestation de cette décision implicite d'acceptation "
                                        + "(article L232-3 du code des relations entre le public et l'administration).");
                    }
                }
            }
            case APPEAL -> {
                if (d.implicitDecision() == ImplicitDecision.REJECTION && d.appeal() != null) {
                    AppealInformation a = d.appeal();
                    lines.add(
                            "Voies et délais de recours : vous pourrez contester la décision implicite de rejet dans un délai de deux mois "
                                    + "à compter de la date à laquelle elle sera née, par un recours gracieux adressé à "
                                    + a.gracefulAppealAuthority()
                                    + " ou par un recours contentieux devant " + a.court()
                                    + (a.courtAddress() == null ? "" : " (" + a.courtAddress() + ")") + ".");
                    lines.add(
                            "Le tribunal administratif peut aussi être saisi par l'application Télérecours citoyens sur le site www.telerecours.fr.");
                }
            }
            case MISSING_PIECES -> {
                if (incomplete) {
                    lines.add("Votre demande est incomplète. Merci de nous transmettre, au plus tard le "
                            + day(d.complementDueBy()) + ", les pièces et informations suivantes :");
                    for (String piece : d.missingPieces()) {
                        lines.add("- " + piece);
                    }
                    // L114-5 CRPA words the two silences differently.
                    if (d.implicitDecision() == ImplicitDecision.ACCEPTANCE) {
                        lines.add("Le délai au terme duquel votre demande sera réputée acceptée ne court qu'à compter"
                                + " de la réception de ces pièces et informations.");
                    } else if (d.implicitDecision() == ImplicitDecision.REJECTION) {
                        lines.add("Le délai au terme duquel votre demande sera réputée rejetée est suspendu jusqu'à la"
                                + " réception de ces pièces et informations, et au plus tard jusqu'au "
                                + day(d.complementDueBy()) + " inclus.");
                    }
                }
            }
        }
        return lines;
    }

    private static String periodText(Acknowledgment.Data d) {
        return d.period() == null ? "deux mois" : d.period().french();
    }

    private static String day(@Nullable LocalDate date) {
        if (date == null) {
            return "?";
        }
        String s = date.format(DAY);
        return date.getDayOfMonth() == 1 ? "1er" + s.substring(1) : s;
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
