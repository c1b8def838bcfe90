package dev.pdpkit.oauth.internal;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;

/**
 * Reads claims from an access token without checking its signature. The client only uses them as hints (which
 * workspace, when it expires); the API server is what verifies the token.
 */
public final class Jwts {
    private Jwts() {
    }

    /**
     * @param token an access token
     * @return its claims, or null if it is not a JWT
     */
    public static JWTClaimsSet claims(String token) {
        try {
            JWT jwt = JWTParser.parse(token);
            return jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @param claims claims or null
     * @return the {@code workspace_id} claim, or null
     */
    public static String workspaceId(JWTClaimsSet claims) {
        if (claims == null) {
            return null;
        }
        Object value = claims.getClaim("workspace_id");
        return value instanceof String ? (String) value : null;
    }

    /**
     * @param claims claims or null
     * @return the {@code exp} claim, or null
     */
    public static Instant expiry(JWTClaimsSet claims) {
        if (claims == null) {
            return null;
        }
        try {
            Date exp = claims.getExpirationTime();
            return exp == null ? null : exp.toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
