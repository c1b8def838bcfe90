package dev.pdpkit.apicheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.oauth.PrismaOAuth;
import dev.pdpkit.transport.vertx.VertxTransport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build's API guard: the public API of pdpkit-client, pdpkit-oauth and pdpkit-transport-vertx must match the
 * listings checked in at {@code sdk/client/api}, {@code sdk/oauth/api} and {@code sdk/transport-vertx/api}, and expose
 * no internal type beyond {@code sdk/api-check/allowlist}.
 * Run with {@code -Dpdpkit.api.update=true} to regenerate the listings after an intended change.
 */
class PublicApiTest {
    private static final Path ROOT = Path.of(System.getProperty("pdpkit.api.root", "../.."));
    private static final boolean UPDATE = Boolean.getBoolean("pdpkit.api.update");

    @Test
    void clientApiMatchesItsListing() throws Exception {
        check("pdpkit-client", PrismaManagement.class, "sdk/client/api/pdpkit-client.api");
    }

    @Test
    void oauthApiMatchesItsListing() throws Exception {
        check("pdpkit-oauth", PrismaOAuth.class, "sdk/oauth/api/pdpkit-oauth.api");
    }

    @Test
    void vertxTransportApiMatchesItsListing() throws Exception {
        check("pdpkit-transport-vertx", VertxTransport.class, "sdk/transport-vertx/api/pdpkit-transport-vertx.api");
    }

    private static void check(String module, Class<?> anchor, String listing) throws Exception {
        List<Class<?>> types = ApiListing.apiTypes(anchor.getClassLoader(), ClassIndex.classesBeside(anchor));
        assertThat(types).as("API types of " + module).isNotEmpty();

        List<String> problems = ApiCheck.run(module, types, ROOT.resolve(listing),
                ROOT.resolve("sdk/api-check/allowlist/" + module + ".txt"), UPDATE);

        if (!problems.isEmpty()) {
            fail(String.join("\n\n", problems));
        }
    }
}
