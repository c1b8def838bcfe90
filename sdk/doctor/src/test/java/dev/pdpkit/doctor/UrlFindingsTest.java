package dev.pdpkit.doctor;

import static dev.pdpkit.doctor.Secrets.assertNoSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.doctor.internal.ApiCheck;
import dev.pdpkit.doctor.internal.ConnectionUrl;
import dev.pdpkit.doctor.internal.Failure;
import dev.pdpkit.doctor.internal.Passed;
import dev.pdpkit.doctor.internal.UrlCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading connection strings: the forms, masking, Accelerate URLs and URLs that cannot be read. No server needed. */
class UrlFindingsTest {
    private final ConnectionDoctor doctor = ConnectionDoctor.builder().build();

    @Test
    void everyFormParsesAndMasksItsUserInfo() {
        ConnectionUrl plain = ConnectionUrl.parse("postgres://user:p%40ss/w?rd@db.prisma.io:5432/postgres?sslmode=require");
        assertThat(plain.user()).isEqualTo("user");
        assertThat(plain.password()).isEqualTo("p@ss/w?rd");
        assertThat(plain.host()).isEqualTo("db.prisma.io");
        assertThat(plain.masked()).isEqualTo("postgres://****@db.prisma.io:5432/postgres?sslmode=require");

        ConnectionUrl jdbc = ConnectionUrl.parse("jdbc:postgresql://[::1]:6543/app?user=u&password=Secret-123");
        assertThat(jdbc.host()).isEqualTo("::1");
        assertThat(jdbc.port()).isEqualTo(6543);
        assertThat(jdbc.password()).isEqualTo("Secret-123");
        assertThat(jdbc.masked()).isEqualTo("jdbc:postgresql://[::1]:6543/app?user=****&password=****");

        ConnectionUrl multi = ConnectionUrl.parse("postgresql://h1,h2:5433/db");
        assertThat(multi.host()).isEqualTo("h1");
        assertThat(multi.port()).isEqualTo(5432);
        assertThat(multi.extraHosts()).isEqualTo(1);
        assertThat(plain.redact("driver said p@ss/w?rd")).isEqualTo("driver said ****");
    }

    @Test
    void anAccelerateUrlIsNotForPostgresDrivers() {
        String url = "prisma+postgres://accelerate.prisma-data.net/?api_key=eyJhbGciOiJIUzI1NiJ9.secret-key";
        DoctorReport report = assertNoSecret(doctor.checkUrl(url), "eyJhbGciOiJIUzI1NiJ9.secret-key", url);

        assertThat(report.finding()).isEqualTo(Finding.ACCELERATE_URL);
        assertThat(report.exitCode()).isEqualTo(21);
        assertThat(report.target()).isEmpty();
        assertThat(report.failedStep().get().detail())
                .contains("prisma+postgres://accelerate.prisma-data.net/?api_key=****");
    }

    @Test
    void urlsThatCannotBeReadAreInvalid() {
        for (String url : new String[] {"mysql://u:Hidden-pw-1@h/db", "postgres://u:Hidden-pw-1@:5432/db",
                "postgres://u:Hidden-pw-1@h:99999/db", "postgres://u:Hidden-pw-1@h/db?sslmode=always", "h:5432", "postgres://u:Hidden-pw-1/db"}) {
            DoctorReport report = assertNoSecret(doctor.checkUrl(url), "Hidden-pw-1", url);

            assertThat(report.finding()).as(url).isEqualTo(Finding.INVALID_URL);
            assertThat(report.exitCode()).isEqualTo(20);
        }
    }

    @Test
    void aPrismaPooledHostIsRecognisedAndPrismaWithoutTlsGetsAHint() throws Failure {
        // The URL step alone: a full check would send a DNS query for pooled.db.prisma.io off this machine.
        Passed<UrlCheck.Result> passed = UrlCheck.check(
                "postgres://u:Pooled-pw-1@pooled.db.prisma.io:5432/?sslmode=disable", List.of(), true);

        assertThat(passed.warned()).isTrue();
        assertThat(passed.value().pooled()).isTrue();
        assertThat(passed.detail()).contains("pooled endpoint", "(none: the server uses the user's name)")
                .doesNotContain("Pooled-pw-1");
        assertThat(passed.value().hints()).anyMatch(h -> h.contains("sslmode=require"));

        Passed<UrlCheck.Result> direct = UrlCheck.check("postgres://u:p@db.prisma.io:5432/postgres?sslmode=require",
                List.of(new ApiCheck.ApiEndpoint("db.prisma.io", 5432, false)), true);
        assertThat(direct.warned()).isFalse();
        assertThat(direct.value().hints()).isEmpty();
    }
}
