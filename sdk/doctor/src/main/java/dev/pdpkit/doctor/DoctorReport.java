package dev.pdpkit.doctor;

import dev.pdpkit.doctor.internal.ReportJson;
import dev.pdpkit.doctor.internal.ReportText;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The result of one {@link ConnectionDoctor} check: the {@link Finding}, the steps that ran and what each saw. It holds
 * no secret: connection strings appear only masked ({@code postgres://****@host:5432/db}).
 */
public final class DoctorReport {
    private final Finding finding;
    private final List<Step> steps;
    private final String target;
    private final String databaseId;
    private final String sqlState;
    private final List<String> hints;
    private final Duration duration;

    DoctorReport(Finding finding, List<Step> steps, String target, String databaseId, String sqlState,
                 List<String> hints, Duration duration) {
        this.finding = finding;
        this.steps = List.copyOf(steps);
        this.target = target;
        this.databaseId = databaseId;
        this.sqlState = sqlState;
        this.hints = List.copyOf(hints);
        this.duration = duration;
    }

    /** @return what the check found: {@link Finding#OK} or the first problem */
    public Finding finding() {
        return finding;
    }

    /** @return the steps in the order they ran; the last one failed unless the finding is not a failure */
    public List<Step> steps() {
        return steps;
    }

    /** @return the step that failed, if one did */
    public Optional<Step> failedStep() {
        return steps.stream().filter(s -> s.outcome() == Step.Outcome.FAILED).findFirst();
    }

    /** @return what was checked: the masked connection string, or the endpoint's host and port */
    public Optional<String> target() {
        return Optional.ofNullable(target);
    }

    /** @return the database id, when the check started from one */
    public Optional<String> databaseId() {
        return Optional.ofNullable(databaseId);
    }

    /** @return the SQLSTATE the server or driver reported for the finding, if any */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    /** @return further advice that does not change the finding (e.g. "this is the pooled URL") */
    public List<String> hints() {
        return hints;
    }

    /** @return how long the whole check took */
    public Duration duration() {
        return duration;
    }

    /** @return true when nothing is wrong ({@link Finding.Severity#OK}) */
    public boolean healthy() {
        return finding.severity() == Finding.Severity.OK;
    }

    /** @return the process exit code for the finding: {@code 0} when healthy (see {@link Finding}) */
    public int exitCode() {
        return finding.exitCode();
    }

    /**
     * Renders the report for a person: what was found, what it means, the next step, then each step.
     *
     * @return several lines of plain text, ending with a line break
     */
    public String toText() {
        return ReportText.render(this);
    }

    /**
     * Renders the report as one JSON object. The shape is stable (documented in the README):
     * {@code {"schema":"pdpkit-doctor/1","finding","severity","healthy","exitCode","summary","meaning","nextStep",
     * "target","databaseId","sqlState","hints":[..],"durationMs","steps":[{"step","outcome","durationMs","detail"}]}},
     * with {@code null} for what is absent.
     *
     * @return the JSON text
     */
    public String toJson() {
        return ReportJson.render(this);
    }

    /** @return the finding and the target, masked */
    @Override
    public String toString() {
        return "DoctorReport[" + finding + (target == null ? "" : " " + target) + "]";
    }
}
