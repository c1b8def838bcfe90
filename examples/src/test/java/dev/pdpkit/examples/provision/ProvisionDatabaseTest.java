package dev.pdpkit.examples.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job's pure parts; the whole job runs against the emulator in the SDK's end-to-end suite (sdk/e2e). */
class ProvisionDatabaseTest {

    @Test
    void optionsComeFromArgumentsThenTheEnvironmentThenDefaults() {
        ProvisionDatabase.Options defaults = ProvisionDatabase.Options.parse(new String[0], Map.of());
        assertThat(defaults.region).isEqualTo("us-east-1");
        assertThat(defaults.projectName).startsWith("provision-demo-");
        assertThat(defaults.showSecrets).isFalse();
        assertThat(defaults.timeout).isEqualTo(Duration.ofMinutes(5));

        assertThat(ProvisionDatabase.Options.parse(new String[0], Map.of("PRISMA_REGION", "eu-west-3")).region)
                .isEqualTo("eu-west-3");
        ProvisionDatabase.Options given = ProvisionDatabase.Options.parse(new String[] {"--region", "ap-northeast-1",
                "--name=shop", "--show-secrets", "--timeout", "30"}, Map.of("PRISMA_REGION", "eu-west-3"));
        assertThat(given.region).isEqualTo("ap-northeast-1");
        assertThat(given.projectName).isEqualTo("shop");
        assertThat(given.showSecrets).isTrue();
        assertThat(given.timeout).isEqualTo(Duration.ofSeconds(30));
        assertThat(ProvisionDatabase.Options.parse(new String[] {"us-west-1"}, Map.of()).region)
                .isEqualTo("us-west-1");
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> ProvisionDatabase.Options.parse(new String[] {"--region"}, Map.of()))
                .hasMessageContaining("--region needs a value");
        assertThatThrownBy(() -> ProvisionDatabase.Options.parse(new String[] {"--timeout", "soon"}, Map.of()))
                .hasMessageContaining("seconds");
        assertThatThrownBy(() -> ProvisionDatabase.Options.parse(new String[] {"--nope"}, Map.of()))
                .hasMessageContaining("unknown argument");
    }

    @Test
    void connectionStringsAreMasked() {
        String url = "postgres://u5er:p%40ss@db.prisma.io:5432/postgres?sslmode=require";
        assertThat(ProvisionDatabase.mask(url)).isEqualTo("postgres://u5er:****@db.prisma.io:5432/postgres?sslmode=require");
        assertThat(ProvisionDatabase.secret(url, true)).isEqualTo(url);
        assertThat(ProvisionDatabase.userOf(url)).hasValue("u5er");
        assertThat(ProvisionDatabase.passwordOf(url)).hasValue("p@ss");
        assertThat(ProvisionDatabase.mask("prisma+postgres://accelerate.prisma-data.net/?api_key=abc.def"))
                .isEqualTo("prisma+postgres://accelerate.prisma-data.net/?api_key=****");
        assertThat(ProvisionDatabase.mask("postgres://host/db")).isEqualTo("postgres://host/db");
    }
}
