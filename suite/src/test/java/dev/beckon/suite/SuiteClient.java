package dev.beckon.suite;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an IT does over HTTP against the deployed suite, as a merchant, an operator or a store platform would. */
final class SuiteClient {

    static final String OPERATOR = "it-operator-token-0123456789";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final URL base;

    SuiteClient(URL base) {
        this.base = base;
    }

    /** The suite serves from the root (its WAR is ROOT.war), whatever context path Arquillian reports. */
    URI url(String path) {
        return URI.create("http://localhost:" + base.getPort() + "/" + path);
    }

    /** Registers a shop as the operator; returns the answer with its id and apiKey. */
    JsonObject createShop(String platform, String domain, String secret) throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(url("api/shops"))
                .header("Authorization", "Bearer " + OPERATOR)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"platform\":\"" + platform + "\",\"domain\":\""
                        + domain + "\",\"webhookSecret\":\"" + secret + "\"}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created.body());
    }

    /** POSTs a body with a content type and header pairs (name, value, name, value…). */
    HttpResponse<String> post(String path, byte[] body, String contentType, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    /** The shop's canonical and poison events, newest first, as the merchant API lists them. */
    List<JsonObject> events(JsonObject shop) throws Exception {
        HttpResponse<String> answer = get("api/shops/" + shop.getString("id") + "/events", shop.getString("apiKey"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return array(answer.body()).getValuesAs(JsonObject.class);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    static JsonArray array(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readArray();
        }
    }

    static byte[] hmacSha256(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    static String base64HmacSha256(String secret, byte[] body) throws GeneralSecurityException {
        return Base64.getEncoder().encodeToString(hmacSha256(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    static byte[] resource(String name) {
        try (InputStream in = SuiteClient.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
