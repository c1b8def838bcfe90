package dev.pdpkit.cli.internal;

import dev.pdpkit.cli.CliEnvironment;
import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.auth.Credentials;
import dev.pdpkit.client.okhttp.OkHttpTransport;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Builds the API client for a run: {@code PRISMA_SERVICE_TOKEN} (and {@code PRISMA_API_URL}) exactly as the library's
 * {@code fromEnv()}, else the OAuth login stored by {@code pdp login}. A plain-http loopback URL (an emulator) gets an
 * OkHttp client with cleartext connections only, which skips loading the JDK's trust store and TLS classes.
 */
final class ClientFactory {
    private ClientFactory() {
    }

    /** A client and how it authenticates. */
    record Built(PrismaManagement client, String authMethod) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }

    static Built create(Session session) {
        CliEnvironment env = session.env();
        PrismaManagement.Builder b = PrismaManagement.builder();
        String apiUrl = env.get(PrismaManagement.ENV_API_URL);
        String authMethod;
        try {
            if (session.serviceTokenOverride() != null) {
                b.serviceToken(session.serviceTokenOverride());
                authMethod = "service-token";
            } else if (env.get(PrismaManagement.ENV_SERVICE_TOKEN) != null) {
                b.fromEnv(env::get);
                authMethod = "service-token";
            } else {
                LoginState login = LoginState.read(session.configDir()).orElseThrow(() -> new CliException(
                        ExitCodes.AUTH, "not signed in: set " + PrismaManagement.ENV_SERVICE_TOKEN
                        + " or run `pdp login`"));
                if (apiUrl == null) {
                    apiUrl = login.apiUrl();
                }
                Credentials credentials = OAuthSupport.credentials(session, login);
                b.credentials(credentials);
                authMethod = "oauth";
            }
            if (apiUrl != null) {
                b.baseUrl(apiUrl);
                OkHttpClient cleartext = cleartextClientFor(apiUrl);
                if (cleartext != null) {
                    b.transport(OkHttpTransport.owning(cleartext)); // closed with the client
                }
            }
            return new Built(b.build(), authMethod);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, PrismaManagement.ENV_API_URL + ": " + e.getMessage());
        }
    }

    /**
     * @param url a base URL
     * @return an OkHttp client limited to cleartext connections if {@code url} is plain http to a loopback host, else
     *     null (the SDK's default client, with TLS)
     */
    static OkHttpClient cleartextClientFor(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null || parsed.isHttps() || !isLoopbackLiteral(parsed.host())) {
            return null;
        }
        return new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
    }

    private static boolean isLoopbackLiteral(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1")
                || host.equals("[::1]");
    }
}
