package dev.pdpkit.cli.internal;

import dev.pdpkit.client.errors.ConflictException;
import dev.pdpkit.client.errors.NotFoundException;
import dev.pdpkit.client.errors.PermissionDeniedException;
import dev.pdpkit.client.errors.PrismaApiException;
import dev.pdpkit.client.errors.PrismaDecodeException;
import dev.pdpkit.client.errors.PrismaNetworkException;
import dev.pdpkit.client.errors.RateLimitException;
import dev.pdpkit.client.errors.UnauthorizedException;
import dev.pdpkit.client.resilience.CircuitOpenException;
import dev.pdpkit.client.resilience.RateLimitWaitException;
import dev.pdpkit.client.waiters.WaitTimeoutException;
import java.io.PrintStream;
import picocli.CommandLine;

/**
 * Turns an exception into the exit status and the one-line message {@code pdp} prints: the SDK's typed exceptions by
 * type and status, with the API's error code and request id; the stack trace only with {@code --verbose}.
 */
public final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    private final Session session;

    /**
     * @param session where the message goes and whether {@code --verbose} was given
     */
    public ErrorReporter(Session session) {
        this.session = session;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        return report(e, session.env().err(), session.verbose());
    }

    /**
     * Prints {@code pdp: error: ...} for {@code e} and returns its exit status.
     *
     * @param e the failure
     * @param err where to print
     * @param verbose whether to add the stack trace
     * @return the exit status (see {@link ExitCodes})
     */
    public static int report(Throwable e, PrintStream err, boolean verbose) {
        err.println("pdp: error: " + message(e));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCode(e);
    }

    /**
     * @param e a failure
     * @return its exit status
     */
    public static int exitCode(Throwable e) {
        if (e instanceof CliException c) {
            return c.exitCode();
        }
        int oauth = OAuthFailures.exitCode(e);
        if (oauth >= 0) {
            return oauth;
        }
        if (e instanceof UnauthorizedException || e instanceof PermissionDeniedException) {
            return ExitCodes.AUTH;
        }
        if (e instanceof NotFoundException) {
            return ExitCodes.NOT_FOUND;
        }
        if (e instanceof ConflictException) {
            return ExitCodes.CONFLICT;
        }
        if (e instanceof RateLimitException || e instanceof PrismaNetworkException
                || e instanceof CircuitOpenException || e instanceof RateLimitWaitException
                || e instanceof WaitTimeoutException) {
            return ExitCodes.TRANSIENT;
        }
        if (e instanceof PrismaApiException api) {
            return api.statusCode() >= 500 ? ExitCodes.TRANSIENT : ExitCodes.ERROR;
        }
        return ExitCodes.ERROR;
    }

    static String message(Throwable e) {
        if (e instanceof PrismaApiException api) {
            StringBuilder sb = new StringBuilder();
            sb.append(api.errorMessage().orElse(firstLine(api.getMessage())));
            sb.append(" (HTTP ").append(api.statusCode());
            api.errorCode().ifPresent(c -> sb.append(' ').append(c));
            sb.append(", request id ").append(api.requestId().orElse("-")).append(')');
            api.hint().ifPresent(h -> sb.append("; hint: ").append(h));
            return oneLine(sb.toString());
        }
        if (e instanceof PrismaDecodeException) {
            return "the API answered with an unexpected body: " + firstLine(e.getMessage());
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // Our own exceptions have messages written for users; anything else is named, as it may be terse.
        boolean ours = e.getClass().getName().startsWith("dev.pdpkit.");
        return ours ? firstLine(m) : e.getClass().getSimpleName() + ": " + firstLine(m);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return oneLine(nl < 0 ? s : s.substring(0, nl));
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
