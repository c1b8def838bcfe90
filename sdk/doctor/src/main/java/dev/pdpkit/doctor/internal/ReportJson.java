package dev.pdpkit.doctor.internal;

import dev.pdpkit.doctor.DoctorReport;
import dev.pdpkit.doctor.Finding;
import dev.pdpkit.doctor.Step;
import java.util.Locale;

/** The machine form of a report: one JSON object, written by hand so no JSON library shows in the API. */
public final class ReportJson {
    /** Changes only when a field is removed or changes meaning; new fields may be added within a version. */
    public static final String SCHEMA = "pdpkit-doctor/1";

    private ReportJson() {}

    /**
     * @param report the report
     * @return its JSON form
     */
    public static String render(DoctorReport report) {
        Finding f = report.finding();
        StringBuilder sb = new StringBuilder("{");
        field(sb, "schema", SCHEMA).append(',');
        field(sb, "finding", f.name()).append(',');
        field(sb, "severity", f.severity().name().toLowerCase(Locale.ROOT)).append(',');
        sb.append("\"healthy\":").append(report.healthy()).append(',');
        sb.append("\"exitCode\":").append(f.exitCode()).append(',');
        field(sb, "summary", f.summary()).append(',');
        field(sb, "meaning", f.meaning()).append(',');
        field(sb, "nextStep", f.nextStep()).append(',');
        field(sb, "target", report.target().orElse(null)).append(',');
        field(sb, "databaseId", report.databaseId().orElse(null)).append(',');
        field(sb, "sqlState", report.sqlState().orElse(null)).append(',');
        sb.append("\"hints\":[");
        for (int i = 0; i < report.hints().size(); i++) {
            sb.append(i == 0 ? "" : ",");
            string(sb, report.hints().get(i));
        }
        sb.append("],\"durationMs\":").append(report.duration().toMillis()).append(",\"steps\":[");
        for (int i = 0; i < report.steps().size(); i++) {
            Step s = report.steps().get(i);
            sb.append(i == 0 ? "{" : ",{");
            field(sb, "step", s.kind().jsonName()).append(',');
            field(sb, "outcome", s.outcome().jsonName()).append(',');
            sb.append("\"durationMs\":").append(s.duration().toMillis()).append(',');
            field(sb, "detail", s.detail()).append('}');
        }
        return sb.append("]}").toString();
    }

    private static StringBuilder field(StringBuilder sb, String name, String value) {
        string(sb, name);
        sb.append(':');
        if (value == null) {
            return sb.append("null");
        }
        return string(sb, value);
    }

    private static StringBuilder string(StringBuilder sb, String value) {
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
