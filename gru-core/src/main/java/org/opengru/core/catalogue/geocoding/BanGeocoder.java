package org.opengru.core.catalogue.geocoding;

import static org.opengru.core.catalogue.geocoding.GeocoderUnavailableException.Reason.BAD_RESPONSE;
import static org.opengru.core.catalogue.geocoding.GeocoderUnavailableException.Reason.RATE_LIMITED;
import static org.opengru.core.catalogue.geocoding.GeocoderUnavailableException.Reason.SERVER_ERROR;
import static org.opengru.core.catalogue.geocoding.GeocoderUnavailableException.Reason.TIMEOUT;
import static org.opengru.core.catalogue.geocoding.GeocoderUnavailableException.Reason.UNREACHABLE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adapter of {@link AddressGeocoder} for the Base Adresse Nationale's geocoding API: {@code GET
 * {baseUrl}/search/?q=…&limit=…[&citycode=…]}, answering a GeoJSON FeatureCollection with the properties
 * {@code label, housenumber, street, postcode, citycode, city, score, type}. The base URL is configurable:
 * the national service by default, the IGN Géoplateforme ({@code https://data.geopf.fr/geocodage} with
 * {@link Builder#searchPath} {@code search}), or a commune's own addok. Every call is bounded: a connection timeout and
 * a timeout for the whole request, body
 * included; a body above 1 MiB is refused. HTTP 429, 5xx, timeouts and unreadable answers become {@link
 * GeocoderUnavailableException} with their {@link GeocoderUnavailableException.Reason}. Immutable and
 * thread-safe; one instance shares one {@link HttpClient}.
 */
public final class BanGeocoder implements AddressGeocoder {

    /** The national service. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api-adresse.data.gouv.fr");

    private static final int MAX_BODY_BYTES = 1 << 20;

    private static final java.util.regex.Pattern SEARCH_PATH =
            java.util.regex.Pattern.compile("[A-Za-z0-9._~-]+(?:/[A-Za-z0-9._~-]+)*/?");

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final URI baseUrl;
    private final String searchPath;
    private final Duration requestTimeout;
    private final HttpClient http;

    private BanGeocoder(Builder b) {
        String base = b.baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.searchPath = b.searchPath;
        this.requestTimeout = b.requestTimeout;
        this.http = b.httpClient != null
                ? b.httpClient
                : HttpClient.newBuilder()
                        .connectTimeout(b.connectTimeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    /**
     * Starts a geocoder on the national service, 2 s to connect and 5 s in all unless set.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The national service with the default timeouts (2 s to connect, 5 s in all).
     *
     * @return the geocoder
     */
    public static BanGeocoder national() {
        return builder().build();
    }

    @Override
    public List<GeocodedAddress> search(AddressQuery query) {
        StringBuilder uri = new StringBuilder(baseUrl.toString())
                .append(searchPath)
                .append("?q=")
                .append(URLEncoder.encode(query.text(), StandardCharsets.UTF_8))
                .append("&limit=")
                .append(query.limit());
        if (query.citycode() != null) {
            uri.append("&citycode=").append(query.citycode());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri.toString()))
                .timeout(requestTimeout)
                .header("Accept", "application/geo+json, application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response = send(request);
        int status = response.statusCode();
        if (status == 429) {
            throw new GeocoderUnavailableException(RATE_LIMITED, "HTTP 429");
        }
        if (status >= 500) {
            throw new GeocoderUnavailableException(SERVER_ERROR, "HTTP " + status);
        }
        if (status != 200) {
            throw new GeocoderUnavailableException(BAD_RESPONSE, "HTTP " + status);
        }
        return parse(response.body());
    }

    /** Sends with a deadline on the whole exchange: {@link HttpRequest#timeout} alone does not cover the body. */
    private HttpResponse<byte[]> send(HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request, info -> new LimitedBody());
        try {
            return call.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new GeocoderUnavailableException(TIMEOUT, "no complete answer within " + requestTimeout, e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new GeocoderUnavailableException(UNREACHABLE, "interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof HttpTimeoutException) {
                throw new GeocoderUnavailableException(TIMEOUT, cause.getClass().getSimpleName(), cause);
            }
            if (cause instanceof BodyTooLarge) {
                throw new GeocoderUnavailableException(BAD_RESPONSE, cause.getMessage(), cause);
            }
            throw new GeocoderUnavailableException(UNREACHABLE, cause.getClass().getSimpleName(), cause);
        }
    }

    private static List<GeocodedAddress> parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new GeocoderUnavailableException(BAD_RESPONSE, "not JSON", e);
        }
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw new GeocoderUnavailableException(BAD_RESPONSE, "no features array");
        }
        List<GeocodedAddress> out = new ArrayList<>();
        for (JsonNode feature : features.values()) {
            out.add(feature(feature));
        }
        return List.copyOf(out);
    }

    private static GeocodedAddress feature(JsonNode feature) {
        JsonNode p = feature.path("properties");
        JsonNode coordinates = feature.path("geometry").path("coordinates");
        if (!coordinates.isArray()
                || coordinates.size() < 2
                || !coordinates.path(0).isNumber()
                || !coordinates.path(1).isNumber()
                || !p.path("score").isNumber()) {
            throw new GeocoderUnavailableException(BAD_RESPONSE, "a feature lacks its point or score");
        }
        try {
            return new GeocodedAddress(
                    text(p, "label"),
                    text(p, "housenumber"),
                    text(p, "street"),
                    text(p, "postcode"),
                    text(p, "citycode"),
                    text(p, "city"),
                    p.path("score").asDouble(),
                    text(p, "type"),
                    coordinates.path(1).asDouble(),
                    coordinates.path(0).asDouble());
        } catch (ValidationException e) {
            throw new GeocoderUnavailableException(BAD_RESPONSE, "a feature is incomplete: " + e.field(), e);
        }
    }

    private static @Nullable String text(JsonNode properties, String name) {
        JsonNode n = properties.path(name);
        return n.isString() ? n.stringValue() : null;
    }

    /** Collects the body, failing once it passes {@link #MAX_BODY_BYTES}. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.@Nullable Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                if (bytes.size() + b.remaining() > MAX_BODY_BYTES) {
                    Objects.requireNonNull(subscription).cancel();
                    result.completeExceptionally(new BodyTooLarge());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }

    private static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("the answer is larger than " + MAX_BODY_BYTES + " bytes");
        }
    }

    /** A validating builder. */
    public static final class Builder {
        private URI baseUrl = DEFAULT_BASE_URL;
        private String searchPath = "search/";
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration requestTimeout = Duration.ofSeconds(5);
        private @Nullable HttpClient httpClient;

        private Builder() {}

        /**
         * The service's base URL, to which the {@link #searchPath} is appended. Must be http or https.
         *
         * @param url the base URL, such as {@code https://api-adresse.data.gouv.fr}
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code geocoder.baseUrl} when it is not http or
         *     https
         */
        public Builder baseUrl(URI url) {
            Checks.required("geocoder.baseUrl", url);
            Checks.check(
                    ("https".equals(url.getScheme()) || "http".equals(url.getScheme())) && url.getHost() != null,
                    "geocoder.baseUrl",
                    url,
                    "must be an absolute http(s) URL");
            Checks.check(url.getQuery() == null, "geocoder.baseUrl", url, "must not have a query");
            this.baseUrl = url;
            return this;
        }

        /**
         * The path of the search endpoint under the base URL: {@code search/} for the Base Adresse Nationale
         * (the default) and addok, {@code search} for the IGN Géoplateforme ({@code
         * https://data.geopf.fr/geocodage}).
         *
         * @param path the path, relative to the base URL
         * @return this builder
         */
        public Builder searchPath(String path) {
            this.searchPath = Checks.matches(
                    "geocoder.searchPath", path, SEARCH_PATH, "a relative path such as search/ (no query)");
            return this;
        }

        /**
         * The longest wait for a connection (ignored with a client of your own).
         *
         * @param timeout positive
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code geocoder.connectTimeout} when not positive
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("geocoder.connectTimeout", timeout);
            return this;
        }

        /**
         * The longest a whole call may take, from sending to the last byte of the answer.
         *
         * @param timeout positive
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code geocoder.requestTimeout} when not positive
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive("geocoder.requestTimeout", timeout);
            return this;
        }

        /**
         * A client of your own (proxy, TLS settings); its connect timeout then applies instead.
         *
         * @param client the HTTP client
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Checks.required("geocoder.httpClient", client);
            return this;
        }

        /**
         * Makes the geocoder.
         *
         * @return an immutable geocoder
         */
        public BanGeocoder build() {
            return new BanGeocoder(this);
        }

        private static Duration positive(String field, Duration d) {
            Checks.required(field, d);
            Checks.check(!d.isNegative() && !d.isZero(), field, d, "must be positive");
            return d;
        }
    }
}
