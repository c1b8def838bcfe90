package dev.pdpkit.doctor;

import static org.assertj.core.api.Assertions.assertThat;

/** The check every test makes: no output of a report holds the password or the connection string as given. */
final class Secrets {
    private Secrets() {}

    static DoctorReport assertNoSecret(DoctorReport report, String... secrets) {
        for (String output : new String[] {report.toText(), report.toJson(), report.toString()}) {
            for (String secret : secrets) {
                assertThat(output).as("report output must not hold a secret").doesNotContain(secret);
            }
        }
        for (Step step : report.steps()) {
            for (String secret : secrets) {
                assertThat(step.detail()).doesNotContain(secret);
            }
        }
        return report;
    }
}
