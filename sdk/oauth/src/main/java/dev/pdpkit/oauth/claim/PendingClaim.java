package dev.pdpkit.oauth.claim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.oauth.PendingLogin;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A claim that has been started and waits for the user to come back from the authorization server: the project it
 * is bound to, and the login behind it ({@code state} from a CSPRNG, PKCE verifier, the exact redirect URI, the
 * creation time).
 *
 * <p>The caller decides where it lives until the callback; see {@link PendingClaimStore}. It is a secret of the
 * user's browser session (it holds the PKCE verifier and the state), so keep it server-side, or in a cookie that is
 * encrypted and authenticated ({@link #encode()} / {@link #decode(String)}). {@link #toString()} hides the secrets.
 * Immutable and thread-safe.
 */
public final class PendingClaim {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String projectId;
    private final PendingLogin login;
    private final Instant expiresAt;

    PendingClaim(String projectId, PendingLogin login, Instant expiresAt) {
        this.projectId = Objects.requireNonNull(projectId, "projectId");
        this.login = Objects.requireNonNull(login, "login");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** @return the URL to send the user's browser to (contains no token, only the public state and challenge) */
    public URI authorizationUrl() {
        return login.authorizationUrl();
    }

    /** @return the project this claim transfers; the callback cannot change it */
    public String projectId() {
        return projectId;
    }

    /** @return the redirect URI the authorization was started with, byte for byte */
    public URI redirectUri() {
        return login.redirectUri();
    }

    /** @return when the claim was started */
    public Instant createdAt() {
        return login.createdAt();
    }

    /** @return when the claim can no longer be completed */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * @param now the current time
     * @return true if the claim is past its expiry
     */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    PendingLogin login() {
        return login;
    }

    String state() {
        return login.state();
    }

    /**
     * @return a compact text form (base64url of JSON) for a database column or an encrypted cookie; it contains the
     *     PKCE verifier and the state, so never store it where the user or a third party can read it in clear
     */
    public String encode() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("v", 1);
        root.put("project", projectId);
        root.put("login", login.encode());
        root.put("expires", expiresAt.toString());
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MAPPER.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode pending claim", e);
        }
    }

    /**
     * @param encoded the output of {@link #encode()}
     * @return the pending claim
     * @throws IllegalArgumentException if {@code encoded} is not such output (the message never repeats the input)
     */
    public static PendingClaim decode(String encoded) {
        try {
            JsonNode root = MAPPER.readTree(Base64.getUrlDecoder().decode(
                    Objects.requireNonNull(encoded, "encoded").getBytes(StandardCharsets.US_ASCII)));
            if (root == null || root.path("v").asInt() != 1) {
                throw new IllegalArgumentException("not an encoded pending claim");
            }
            return new PendingClaim(root.get("project").asText(), PendingLogin.decode(root.get("login").asText()),
                    Instant.parse(root.get("expires").asText()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an encoded pending claim");
        }
    }

    @Override
    public String toString() {
        return "PendingClaim[projectId=" + projectId + ", redirectUri=" + login.redirectUri() + ", createdAt="
                + login.createdAt() + ", expiresAt=" + expiresAt + ", state=***, verifier=***]";
    }
}
