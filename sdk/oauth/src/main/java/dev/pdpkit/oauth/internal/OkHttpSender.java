package dev.pdpkit.oauth.internal;

import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends Nimbus's HTTP requests through OkHttp, so OAuth traffic shares the application's client: its connection
 * pool, proxy, TLS settings and interceptors.
 */
public final class OkHttpSender implements HTTPRequestSender {
    private static final int MAX_BODY = 1024 * 1024;
    private final OkHttpClient client;

    /**
     * @param client the client to send with
     */
    public OkHttpSender(OkHttpClient client) {
        this.client = client;
    }

    @Override
    public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
        Request.Builder builder = new Request.Builder().url(request.getURL());
        String contentType = null;
        for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
            for (String value : header.getValue()) {
                if ("Content-Type".equalsIgnoreCase(header.getKey())) {
                    contentType = value;
                }
                builder.addHeader(header.getKey(), value);
            }
        }
        RequestBody body = null;
        if (request.getBody() != null) {
            // Bytes, not a String, so OkHttp sends the Content-Type exactly as Nimbus set it.
            body = RequestBody.create(request.getBody().getBytes(StandardCharsets.UTF_8),
                    contentType == null ? null : MediaType.parse(contentType));
        }
        String method = request.getMethod().name();
        if (body == null && ("POST".equals(method) || "PUT".equals(method))) {
            body = RequestBody.create(new byte[0], null);
        }
        builder.method(method, body);
        try (Response response = client.newCall(builder.build()).execute()) {
            HTTPResponse out = new HTTPResponse(response.code());
            out.setStatusMessage(response.message());
            for (String name : response.headers().names()) {
                out.setHeader(name, response.headers(name).toArray(new String[0]));
            }
            ResponseBody responseBody = response.body();
            if (responseBody != null) {
                long length = responseBody.contentLength();
                if (length > MAX_BODY) {
                    throw new IOException("response body too large");
                }
                String text = new String(responseBody.source().readByteArray(), StandardCharsets.UTF_8);
                if (!text.isEmpty()) {
                    out.setBody(text);
                }
            }
            return out;
        }
    }
}
