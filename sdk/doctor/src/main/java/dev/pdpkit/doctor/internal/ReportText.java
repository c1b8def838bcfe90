package dev.pdpkit.doctor.internal;

import dev.pdpkit.doctor.DoctorReport;
import dev.pdpkit.doctor.Finding;
import dev.pdpkit.doctor.Step;
import java.util.Locale;

/** The human form of a report. */
public final class ReportText {
    private ReportText() {}

    /**
     * @param report the report
     * @return its text form
     */
    public static String render(DoctorReport report) {
        Finding f = report.finding();
        StringBuilder sb = new StringBuilder();
        String label = switch (f.severity()) {
            case OK -> "OK";
            case WARNING -> "WARNING";
            case FAILURE -> "PROBLEM";
        };
        sb.append(label).append(": ").append(f.summary()).append('\n');
        report.databaseId().ifPresent(id -> sb.append("  database:  ").append(id).append('\n'));
        report.target().ifPresent(t -> sb.append("  checked:   ").append(t).append('\n'));
        report.failedStep().ifPresent(s -> sb.append("  found:     ").append(s.detail()).append('\n'));
        report.sqlState().ifPresent(s -> sb.append("  SQLSTATE:  ").append(s).append('\n'));
        sb.append("  meaning:   ").append(f.meaning()).append('\n');
        sb.append("  next step: ").append(f.nextStep()).append('\n');
        for (String hint : report.hints()) {
            sb.append("  hint:      ").append(hint).append('\n');
        }
        sb.append("steps (").append(report.duration().toMillis()).append(" ms, finding ").append(f.name())
                .append(", exit code ").append(f.exitCode()).append("):\n");
        for (Step step : report.steps()) {
            sb.append(String.format(Locale.ROOT, "  %-7s %-12s %6d ms  %s%n", step.outcome().jsonName(),
                    step.kind().jsonName(), step.duration().toMillis(), step.detail()));
        }
        return sb.toString();
    }
}
