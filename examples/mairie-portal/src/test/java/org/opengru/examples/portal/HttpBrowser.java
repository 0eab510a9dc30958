package org.opengru.examples.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opengru.examples.portal.demo.DemoPeople;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser without JavaScript for the portal's HTTP tests: keeps its cookies, follows redirects between the
 * portal and the demo identity provider, and reads the CSRF token the pages' forms carry. Its sign-ins go
 * through the starter's chain and the demo provider exactly as a person's would.
 */
final class HttpBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CookieManager cookies = new CookieManager();
    private final HttpClient following = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.ALWAYS)
            .cookieHandler(cookies)
            .build();
    private final HttpClient stepping = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(cookies)
            .build();
    private final String base;

    HttpBrowser(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) {
        return send(following, HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A GET with this browser's cookies and the given headers (name, value, ...), its redirect not followed. */
    HttpResponse<String> getWith(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(stepping, request);
    }

    /** A GET with this browser's cookies keeping the body's bytes (a photo), its redirect not followed. */
    HttpResponse<byte[]> getBytes(String path) {
        try {
            return stepping.send(
                    HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One request, its redirect not followed. */
    HttpResponse<String> step(String path) {
        return send(stepping, HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return send(following, form(path, fields));
    }

    /** A form posted as a browser does, asking for a page: an error comes as the French page, not JSON. */
    HttpResponse<String> postFormForPage(String path, Map<String, String> fields) {
        return send(following, form(path, fields).header("Accept", PAGE));
    }

    /** What a browser asks for (Spring Boot's error page answers JSON to a client that does not). */
    private static final String PAGE = "text/html,application/xhtml+xml";

    private HttpRequest.Builder form(String path, Map<String, String> fields) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(fields)));
    }

    /** A {@code multipart/form-data} form without files, as a browser sends the démarche forms. */
    HttpResponse<String> postMultipart(String path, Map<String, String> fields) {
        return postMultipart(path, fields, Map.of());
    }

    /** A file chosen in a form's file field. */
    record FilePart(String fileName, String contentType, byte[] content) {}

    /** A {@code multipart/form-data} form with files, by field name. */
    HttpResponse<String> postMultipart(String path, Map<String, String> fields, Map<String, FilePart> files) {
        return send(following, multipart(path, fields, files));
    }

    /** A {@code multipart/form-data} form posted as a browser does, asking for a page. */
    HttpResponse<String> postMultipartForPage(String path, Map<String, String> fields, Map<String, FilePart> files) {
        return send(following, multipart(path, fields, files).header("Accept", PAGE));
    }

    private HttpRequest.Builder multipart(String path, Map<String, String> fields, Map<String, FilePart> files) {
        String boundary = "----portal-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, file) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                            + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType()
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    /** The hidden fields of a page's forms (the form token, the CSRF token...), as a browser sends them back. */
    static Map<String, String> hiddenFields(HttpResponse<String> page) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(page.body());
        while (m.find()) {
            out.putIfAbsent(m.group(1), m.group(2).replace("&#39;", "'").replace("&amp;", "&"));
        }
        return out;
    }

    /** A JSON call to the API with this browser's cookies, and the given headers (name, value, ...). */
    HttpResponse<String> postJson(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(stepping, request);
    }

    /** A DELETE call to the API with this browser's cookies, and the given headers (name, value, ...). */
    HttpResponse<String> delete(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).DELETE();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(stepping, request);
    }

    /** The CSRF token of the forms of a page. */
    static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token in the forms of " + page.uri());
        }
        return m.group(1);
    }

    /** The session cookie the browser holds now. */
    String sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /** FranceConnect's button: the demo's FranceConnect-shaped issuer signs Claire Martin in, without a login page. */
    HttpResponse<String> signInResident() {
        return get("/connexion/franceconnect");
    }

    /**
     * FranceConnect's button for another resident: the test asks the demo provider for its login page
     * ({@code prompt=login}, as a resident choosing another account would) and gives that person's
     * subject and identité pivot.
     */
    HttpResponse<String> signInResident(String sub, Map<String, Object> pivot) {
        return signInAtProvider("/connexion/franceconnect", true, sub, pivot);
    }

    /** ProConnect's button: the demo provider's login page, where the agent's subject and claims are typed in. */
    HttpResponse<String> signInAgent(String sub, Map<String, Object> claims) {
        return signInAtProvider("/connexion/proconnect", false, sub, claims);
    }

    HttpResponse<String> signInAgent(DemoPeople.DemoAgent agent) {
        return signInAgent(agent.sub(), agent.proConnectClaims());
    }

    private HttpResponse<String> signInAtProvider(
            String start, boolean askLoginPage, String sub, Map<String, Object> claims) {
        String authorize = step(start).headers().firstValue("Location").orElseThrow();
        URI loginPage = URI.create(askLoginPage ? authorize + "&prompt=login" : authorize);
        HttpResponse<String> page =
                send(following, HttpRequest.newBuilder(loginPage).GET());
        if (!page.body().contains("name=\"username\"")) {
            throw new AssertionError("the provider showed no login page: " + page.body());
        }
        return send(
                following,
                HttpRequest.newBuilder(loginPage)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                urlEncoded(Map.of("username", sub, "claims", JSON.writeValueAsString(claims))))));
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private static String urlEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
