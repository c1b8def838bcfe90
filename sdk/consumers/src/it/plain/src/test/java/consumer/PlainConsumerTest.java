package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.emulator.PrismaEmulator;
import org.junit.jupiter.api.Test;

/** The BOM alone gives a working classpath: OkHttp 4.12 from pdpkit-client, and real calls work. */
class PlainConsumerTest {

    @Test
    void theSdkRunsOnTheOkHttpItBrings() throws Exception {
        String version = (String) Class.forName("okhttp3.OkHttp").getField("VERSION").get(null);
        assertTrue(version.startsWith("4.12"), "loaded OkHttp " + version);
        try (PrismaEmulator emulator = PrismaEmulator.start();
             PrismaManagement client = PrismaManagement.builder().baseUrl(emulator.baseUrl())
                     .serviceToken(emulator.partnerServiceToken()).build()) {
            String id = client.projects().create(ProjectCreateParams.builder().name("plain").build()).id();
            assertEquals(id, client.projects().get(id).id());
        }
    }
}
