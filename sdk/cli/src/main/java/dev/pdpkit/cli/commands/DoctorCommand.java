package dev.pdpkit.cli.commands;

import dev.pdpkit.cli.internal.CliException;
import dev.pdpkit.cli.internal.ExitCodes;
import dev.pdpkit.cli.internal.PdpCommand;
import dev.pdpkit.cli.internal.Session;
import dev.pdpkit.doctor.ConnectionDoctor;
import dev.pdpkit.doctor.DoctorReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pdp doctor [DATABASE_ID] [--url URL]}: runs {@code pdpkit-doctor}'s {@link ConnectionDoctor} and prints its
 * report; the exit code is the report's (0 healthy, 1 warning, 10-99 by finding), not the table of other commands.
 */
@Command(name = "doctor", description = "Find out why a database does not connect: its API status, the connection"
        + " string, DNS, TCP, TLS, login and SELECT 1. Exits with the finding's code (0 = healthy).")
public final class DoctorCommand extends PdpCommand {
    @Parameters(arity = "0..1", paramLabel = "DATABASE_ID", description = "Check this database (needs credentials).")
    String databaseId;

    @Option(names = "--url", paramLabel = "URL", description = "The connection string to check. Other users of the"
            + " machine can see command lines: prefer --url-file.")
    String url;

    @Option(names = "--url-file", paramLabel = "FILE", description = "Read the connection string from FILE (for"
            + " example one `pdp connections create --output` wrote).")
    Path urlFile;

    @Option(names = "--budget", paramLabel = "DURATION", defaultValue = "30s",
            description = "Time for the whole check (default ${DEFAULT-VALUE}).")
    String budget;

    @Option(names = "--require-direct", description = "The URL is for migrations, LISTEN/NOTIFY or session settings:"
            + " a pooled URL is a warning.")
    boolean requireDirect;

    DoctorCommand(Session session) {
        super(session);
    }

    @Override
    protected int run() {
        String connectionUrl = url != null ? url : readUrlFile();
        if (databaseId == null && connectionUrl == null) {
            throw new CliException(ExitCodes.USAGE, "give a DATABASE_ID, --url URL or --url-file FILE");
        }
        ConnectionDoctor.Builder b = ConnectionDoctor.builder()
                .budget(Ages.parse(budget, "--budget"))
                .requireDirect(requireDirect);
        if (databaseId != null) {
            b.client(client());
        }
        ConnectionDoctor doctor = b.build();
        DoctorReport report = databaseId != null ? doctor.checkDatabase(databaseId, connectionUrl)
                : doctor.checkUrl(connectionUrl);
        String text = out().json() ? report.toJson() : report.toText();
        session.env().out().print(text.endsWith("\n") ? text : text + "\n");
        session.env().out().flush();
        return report.exitCode();
    }

    private String readUrlFile() {
        if (urlFile == null) {
            return null;
        }
        try {
            return Files.readString(urlFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read " + urlFile + ": " + e.getClass().getSimpleName());
        }
    }
}
