package org.opengru.spring.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.GruException;
import org.opengru.core.error.IdempotencyConflictException;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.jdbc.DataAccessException;
import org.opengru.core.jdbc.TransientDataAccessException;
import org.opengru.documents.crypto.CryptoException;
import org.opengru.documents.ingest.UploadRejectedException;
import org.opengru.documents.reuse.ConsentRequiredException;
import org.opengru.documents.reuse.DocumentNotUsableException;
import org.opengru.documents.storage.StorageException;
import org.opengru.scheduling.booking.BookingRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Turns the library's typed exceptions into RFC 9457 problem details for a JSON API: the HTTP status, a
 * stable {@code code} property a client can switch on ({@link ProblemCode}) and a French {@code detail} for
 * the resident. The exception's own message (English, for logs) never reaches the response: it may name a
 * principal ({@code usager:…}), another person's id or an internal state. Give your own French wording with
 * {@link #GruProblems(Function)}; the codes and statuses stay.
 */
public final class GruProblems {

    /** The name of the problem detail's property holding the {@link ProblemCode}. */
    public static final String CODE = "code";

    private final Function<GruException, @Nullable String> french;

    /** With the default French wording of each {@link ProblemCode}. */
    public GruProblems() {
        this(e -> null);
    }

    /**
     * @param french the French sentence for the resident, or null for the code's default wording; it must
     *     not quote the exception's message
     */
    public GruProblems(Function<GruException, @Nullable String> french) {
        this.french = Objects.requireNonNull(french, "french");
    }

    /** The problem detail of one of the library's exceptions. */
    public ProblemDetail of(GruException e) {
        ProblemCode code = ProblemCode.of(e);
        String detail = french.apply(e);
        ProblemDetail problem = of(code, detail == null ? code.french() : detail);
        if (e instanceof BookingRejectedException b) {
            problem.setProperty("reason", b.reason().name());
        }
        return problem;
    }

    /** A problem detail with the code's status and title and this French {@code detail}. */
    public static ProblemDetail of(ProblemCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setTitle(code.title());
        problem.setProperty(CODE, code.code());
        return problem;
    }

    /** A problem detail with the code's default French wording. */
    public static ProblemDetail of(ProblemCode code) {
        return of(code, code.french());
    }

    /** The stable codes, with their HTTP status and default French wording. */
    public enum ProblemCode {
        /** The input is malformed or breaks a rule (a field, an id that is not one). */
        INVALID_INPUT(HttpStatus.BAD_REQUEST, "Requête invalide", "la demande contient une valeur invalide"),
        /** No sign-in, or an unknown token. */
        AUTHENTICATION_REQUIRED(HttpStatus.UNAUTHORIZED, "Authentification requise", "connectez-vous pour continuer"),
        /** The caller may not do this on this object. */
        ACCESS_DENIED(HttpStatus.FORBIDDEN, "Accès refusé", "vous n'avez pas accès à ce dossier"),
        /** The token is valid but lacks the scope the operation needs. */
        SCOPE_MISSING(
                HttpStatus.FORBIDDEN,
                "Droit insuffisant",
                "ce jeton n'a pas le droit nécessaire" + " pour cette opération"),
        /** Nothing with this id, or nothing the caller may see (the two are not told apart). */
        NOT_FOUND(HttpStatus.NOT_FOUND, "Introuvable", "ce que vous cherchez est introuvable"),
        /** The object's state does not allow this action any more. */
        ILLEGAL_TRANSITION(
                HttpStatus.CONFLICT, "Action impossible", "cette action n'est plus possible à ce stade du dossier"),
        /** Someone changed the object in between. */
        CONCURRENT_UPDATE(
                HttpStatus.CONFLICT, "Modification concurrente", "le dossier a changé entre-temps : rechargez-le"),
        /** The idempotency key was already used for another call. */
        IDEMPOTENCY_CONFLICT(
                HttpStatus.CONFLICT,
                "Clé d'idempotence déjà utilisée",
                "cette clé d'idempotence a déjà servi pour une autre opération : utilisez-en une nouvelle"),
        /** The object exists already. */
        ALREADY_EXISTS(HttpStatus.CONFLICT, "Déjà existant", "cet élément existe déjà"),
        /** A booking refused (slot taken, quota, notice); the {@code reason} property says which. */
        BOOKING_REJECTED(HttpStatus.CONFLICT, "Rendez-vous refusé", "ce rendez-vous ne peut pas être pris"),
        /** A file refused (type, size, virus). */
        UPLOAD_REJECTED(HttpStatus.UNPROCESSABLE_CONTENT, "Fichier refusé", "ce fichier ne peut pas être accepté"),
        /** Reusing a stored document needs the resident's consent. */
        CONSENT_REQUIRED(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Accord nécessaire",
                "votre accord est nécessaire pour réutiliser vos documents"),
        /** The document cannot serve here (expired, refused, wrong type). */
        DOCUMENT_NOT_USABLE(
                HttpStatus.UNPROCESSABLE_CONTENT, "Document inutilisable", "ce document ne peut pas servir ici"),
        /** Any other refusal of the library. */
        UNPROCESSABLE(HttpStatus.UNPROCESSABLE_CONTENT, "Demande non traitée", "la demande n'a pas pu être traitée"),
        /**
         * The database was out of reach or lost a conflict ({@link TransientDataAccessException}): try the
         * same call again, with the same idempotency key, after {@link #RETRY_AFTER}.
         */
        TEMPORARILY_UNAVAILABLE(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Service momentanément indisponible",
                "le service est momentanément indisponible : réessayez dans un instant"),
        /** A failure on the server's side; nothing about it is told. */
        INTERNAL_ERROR(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Erreur interne",
                "le service n'a pas pu traiter votre demande : réessayez dans quelques minutes");

        private final HttpStatus status;
        private final String title;
        private final String french;

        ProblemCode(HttpStatus status, String title, String french) {
            this.status = status;
            this.title = title;
            this.french = french;
        }

        /**
         * The delay a {@link #TEMPORARILY_UNAVAILABLE} answer gives in its {@code Retry-After} header: long
         * enough for a pool to reconnect or a conflicting transaction to end.
         */
        public static final java.time.Duration RETRY_AFTER = java.time.Duration.ofSeconds(2);

        /** The {@code Retry-After} header's value for this code, in seconds, when it has one. */
        public java.util.Optional<String> retryAfter() {
            return this == TEMPORARILY_UNAVAILABLE
                    ? java.util.Optional.of(Long.toString(RETRY_AFTER.toSeconds()))
                    : java.util.Optional.empty();
        }

        /** The code as sent: lower case with dashes, for example {@code idempotency-conflict}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public HttpStatusCode status() {
            return status;
        }

        /** The problem's short French title. */
        public String title() {
            return title;
        }

        /** The default French sentence for the resident. */
        public String french() {
            return french;
        }

        /** The code of one of the library's exceptions: the first type of {@link #BY_TYPE} it is. */
        public static ProblemCode of(GruException e) {
            for (Map.Entry<Class<? extends GruException>, ProblemCode> type : BY_TYPE) {
                if (type.getKey().isInstance(e)) {
                    return type.getValue();
                }
            }
            return UNPROCESSABLE;
        }

        /** The library's exception types and their codes, subtypes before their parents. */
        private static final List<Map.Entry<Class<? extends GruException>, ProblemCode>> BY_TYPE = List.of(
                Map.entry(BookingRejectedException.class, BOOKING_REJECTED),
                Map.entry(UploadRejectedException.class, UPLOAD_REJECTED),
                Map.entry(ConsentRequiredException.class, CONSENT_REQUIRED),
                Map.entry(DocumentNotUsableException.class, DOCUMENT_NOT_USABLE),
                Map.entry(IdempotencyConflictException.class, IDEMPOTENCY_CONFLICT),
                Map.entry(ValidationException.class, INVALID_INPUT),
                Map.entry(AccessDeniedException.class, ACCESS_DENIED),
                Map.entry(NotFoundException.class, NOT_FOUND),
                Map.entry(IllegalTransitionException.class, ILLEGAL_TRANSITION),
                Map.entry(ConcurrentUpdateException.class, CONCURRENT_UPDATE),
                Map.entry(AlreadyExistsException.class, ALREADY_EXISTS),
                Map.entry(TransientDataAccessException.class, TEMPORARILY_UNAVAILABLE),
                Map.entry(DataAccessException.class, INTERNAL_ERROR),
                Map.entry(CryptoException.class, INTERNAL_ERROR),
                Map.entry(StorageException.class, INTERNAL_ERROR));
    }
}
