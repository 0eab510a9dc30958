package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
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

/**
 * A browser without JavaScript, in plain HTTP: one session (cookies), redirects followed, forms posted as
 * a browser would post them (URL-encoded or multipart, with the page's hidden fields such as a CSRF token).
 * For the error paths that a browser test would make slow.
 */
final class PortalHttp {

    /** A file to post in a multipart form. */
    record FilePart(String fileName, String contentType, byte[] content) {}

    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private final int port;
    private final HttpClient http;

    PortalHttp(int port) {
        this.port = port;
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The demo resident (Claire Martin) signs in with FranceConnect through the demo provider. */
    void signInResident() throws Exception {
        HttpResponse<String> space = postForm("/connexion", "/connexion/franceconnect", Map.of());
        assertThat(space.uri().getPath()).isEqualTo("/mon-espace");
    }

    /** An agent of the demo directory signs in. */
    void signInAgent(String agent) throws Exception {
        HttpResponse<String> queue = postForm("/agent/connexion", "/agent/connexion", Map.of("agent", agent));
        assertThat(queue.uri().getPath()).isEqualTo("/agent");
    }

    /** The hidden fields of a page (the form token, a CSRF token when there is one). */
    Map<String, String> hiddenFields(String page) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(page);
        while (m.find()) {
            out.putIfAbsent(m.group(1), m.group(2).replace("&#39;", "'").replace("&amp;", "&"));
        }
        return out;
    }

    /** Opens {@code page}, then posts its hidden fields and {@code fields} to {@code action}, URL-encoded. */
    HttpResponse<String> postForm(String page, String action, Map<String, String> fields) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(hiddenFields(get(page).body()));
        all.putAll(fields);
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(uri(action))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the hidden fields of {@code pageHtml}, {@code fields} and {@code files} to {@code action}, multipart. */
    HttpResponse<String> postMultipart(
            String pageHtml, String action, Map<String, String> fields, Map<String, FilePart> files) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(hiddenFields(pageHtml));
        all.putAll(fields);
        String boundary = "----portal" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : all.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                            + f.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, FilePart> f : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                            + "\"; filename=\"" + f.getValue().fileName() + "\"\r\nContent-Type: "
                            + f.getValue().contentType() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.getValue().content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(uri(action))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
