package dev.pdpkit.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A login that has been started and waits for the redirect back: the authorization URL to send the user to, and
 * what {@link PrismaOAuth#completeLogin} needs to check and finish it ({@code state}, PKCE verifier, redirect URI,
 * requested scopes, creation time).
 *
 * <p>The SDK keeps no login state itself, so a web application can run on several servers: keep this value in the
 * user's server-side session, or in a cookie that is encrypted and authenticated, with {@link #encode()} and
 * {@link #decode(String)} or Java serialization. It contains the PKCE verifier, which must not reach anyone but
 * the user's own browser session. {@link #toString()} hides state and verifier.
 */
public final class PendingLogin implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The URL to send the user's browser to. */
    private final URI authorizationUrl;
    /** The {@code state} value the callback must echo. */
    private final String state;
    /** The PKCE code verifier, or null for a confidential client that does not use PKCE. */
    private final String codeVerifier;
    /** The redirect URI the login was started with. */
    private final URI redirectUri;
    /** The requested scopes. */
    private final List<String> scopes;
    /** When the login was started. */
    private final Instant createdAt;

    PendingLogin(URI authorizationUrl, String state, String codeVerifier, URI redirectUri, List<String> scopes,
                 Instant createdAt) {
        this.authorizationUrl = Objects.requireNonNull(authorizationUrl, "authorizationUrl");
        this.state = Objects.requireNonNull(state, "state");
        this.codeVerifier = codeVerifier;
        this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
        this.scopes = Collections.unmodifiableList(new ArrayList<>(scopes));
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** @return the URL to send the user's browser to */
    public URI authorizationUrl() {
        return authorizationUrl;
    }

    /** @return the {@code state} value the callback must echo */
    public String state() {
        return state;
    }

    /** @return the PKCE code verifier, or null for a confidential client that does not use PKCE */
    public String codeVerifier() {
        return codeVerifier;
    }

    /** @return the redirect URI the login was started with; the code exchange repeats it */
    public URI redirectUri() {
        return redirectUri;
    }

    /** @return the requested scopes */
    public List<String> scopes() {
        return scopes;
    }

    /** @return when the login was started */
    public Instant createdAt() {
        return createdAt;
    }

    /**
     * @return a compact text form (base64url of JSON) for a session attribute or an encrypted cookie; it contains the
     *     verifier, so never put it in a cookie that is not encrypted
     */
    public String encode() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("v", 1);
        root.put("url", authorizationUrl.toString());
        root.put("state", state);
        if (codeVerifier != null) {
            root.put("verifier", codeVerifier);
        }
        root.put("redirect", redirectUri.toString());
        com.fasterxml.jackson.databind.node.ArrayNode scopeArray = root.putArray("scopes");
        scopes.forEach(scopeArray::add);
        root.put("created", createdAt.toString());
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MAPPER.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode pending login", e);
        }
    }

    /**
     * @param encoded the output of {@link #encode()}
     * @return the pending login
     * @throws IllegalArgumentException if {@code encoded} is not such output
     */
    public static PendingLogin decode(String encoded) {
        try {
            JsonNode root = MAPPER.readTree(Base64.getUrlDecoder().decode(
                    Objects.requireNonNull(encoded, "encoded").getBytes(StandardCharsets.US_ASCII)));
            if (root == null || root.path("v").asInt() != 1) {
                throw new IllegalArgumentException("not an encoded pending login");
            }
            List<String> scopes = new ArrayList<>();
            root.path("scopes").forEach(s -> scopes.add(s.asText()));
            JsonNode verifier = root.get("verifier");
            return new PendingLogin(URI.create(root.get("url").asText()), root.get("state").asText(),
                    verifier == null ? null : verifier.asText(), URI.create(root.get("redirect").asText()), scopes,
                    Instant.parse(root.get("created").asText()));
        } catch (IOException | RuntimeException e) {
            // No cause and no content in the message: the input holds the verifier.
            throw new IllegalArgumentException("not an encoded pending login");
        }
    }

    /**
     * Reads the fields and rejects a stream that lacks any of the required ones.
     *
     * @param in the stream to read from
     * @throws IOException if the stream cannot be read, or {@link InvalidObjectException} if a required field is missing
     * @throws ClassNotFoundException if a field's class cannot be found
     */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (authorizationUrl == null || state == null || redirectUri == null || scopes == null || createdAt == null) {
            throw new InvalidObjectException("incomplete pending login");
        }
    }

    @Override
    public String toString() {
        return "PendingLogin[redirectUri=" + redirectUri + ", scopes=" + scopes + ", createdAt=" + createdAt
                + ", pkce=" + (codeVerifier != null) + ", state=***]";
    }
}
