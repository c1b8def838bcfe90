package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.oauth.PrismaOAuth;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The SDK runs on OkHttp 5 alone: the loaded OkHttp is 5.x, from okhttp-jvm, and real calls work. */
class OkHttp5ConsumerTest {

    @Test
    void theLoadedOkHttpIsVersion5FromOkHttpJvm() throws Exception {
        String version = (String) Class.forName("okhttp3.OkHttp").getField("VERSION").get(null);
        assertTrue(version.startsWith("5."), "loaded OkHttp " + version);
        String jar = OkHttpClient.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(jar.contains("okhttp-jvm-5."), "OkHttpClient loaded from " + jar);
    }

    @Test
    void theClientAndOAuthWorkOnOkHttp5() {
        try (PrismaEmulator emulator = PrismaEmulator.start();
             PrismaManagement client = PrismaManagement.builder().baseUrl(emulator.baseUrl())
                     .serviceToken(emulator.partnerServiceToken()).build()) {
            String id = client.projects().create(ProjectCreateParams.builder().name("okhttp5").build()).id();
            assertEquals(id, client.projects().get(id).id());

            PrismaOAuth oauth = PrismaOAuth.builder().clientId(PrismaEmulator.PUBLIC_CLIENT_ID)
                    .issuer(emulator.issuerUrl()).redirectUri("http://127.0.0.1/callback").build();
            assertNotNull(oauth.startLogin().authorizationUrl());
        }
    }
}
