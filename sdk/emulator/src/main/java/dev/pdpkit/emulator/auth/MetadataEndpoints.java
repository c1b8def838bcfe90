package dev.pdpkit.emulator.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.emulator.internal.http.HttpFailure;
import dev.pdpkit.emulator.internal.http.HttpRequest;
import dev.pdpkit.emulator.internal.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 8414 discovery and the JWKS, plus the JSON answers for paths and requests the server cannot serve. */
final class MetadataEndpoints {
    private final String issuer;
    private final TokenSigner signer;

    MetadataEndpoints(String issuer, TokenSigner signer) {
        this.issuer = issuer;
        this.signer = signer;
    }

    HttpResponse discovery(HttpRequest request) throws OAuthError {
        requireGet(request);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("issuer", issuer);
        meta.put("authorization_endpoint", issuer + AuthServer.PATH_AUTHORIZE);
        meta.put("token_endpoint", issuer + AuthServer.PATH_TOKEN);
        meta.put("revocation_endpoint", issuer + AuthServer.PATH_REVOKE);
        meta.put("jwks_uri", issuer + AuthServer.PATH_JWKS);
        meta.put("scopes_supported", List.of(AuthServer.SCOPE_WORKSPACE_ADMIN, AuthServer.SCOPE_OFFLINE_ACCESS));
        meta.put("response_types_supported", List.of("code"));
        meta.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        meta.put("code_challenge_methods_supported", List.of("S256"));
        List<String> authMethods = List.of("client_secret_basic", "client_secret_post", "none");
        meta.put("token_endpoint_auth_methods_supported", authMethods);
        meta.put("revocation_endpoint_auth_methods_supported", authMethods);
        meta.put("authorization_response_iss_parameter_supported", true);
        return HttpIo.json(200, meta);
    }

    HttpResponse jwks(HttpRequest request) throws OAuthError {
        requireGet(request);
        return HttpIo.json(200, signer.publicJwks());
    }

    private static void requireGet(HttpRequest request) throws OAuthError {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            throw new OAuthError("invalid_request", "method not allowed; use GET", 405);
        }
    }

    /** @return the documented error shape {@code {"error":{"code","message"}}} */
    static HttpResponse failure(HttpFailure f) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("error").put("code", f.code()).put("message", f.getMessage());
        return HttpIo.json(f.status(), body);
    }

    static HttpResponse notFound(String path) {
        return failure(new HttpFailure(404, "not_found", "No resource at " + path + "."));
    }
}
