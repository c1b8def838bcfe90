package dev.pdpkit.doctor;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.doctor.internal.ApiCheck;
import dev.pdpkit.doctor.internal.ConnectionUrl;
import dev.pdpkit.doctor.internal.Deadline;
import dev.pdpkit.doctor.internal.Failure;
import dev.pdpkit.doctor.internal.NetworkProbe;
import dev.pdpkit.doctor.internal.Passed;
import dev.pdpkit.doctor.internal.PgLogin;
import dev.pdpkit.doctor.internal.SqlStates;
import dev.pdpkit.doctor.internal.UrlCheck;
import java.net.InetAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One check: runs the steps in order, records each, and stops at the first failure. Not thread-safe; used once. */
final class CheckRun {
    /** A step's work: a pass, or a {@link Failure}. */
    private interface Body<T> {
        Passed<T> run() throws Failure;
    }

    private final Deadline deadline;
    private final boolean requireDirect;
    private final long started = System.nanoTime();
    private final List<Step> steps = new ArrayList<>();
    private final List<String> hints = new ArrayList<>();
    private Finding warning;
    private String target;
    private String databaseId;

    CheckRun(Duration budget, boolean requireDirect) {
        this.deadline = Deadline.after(budget);
        this.requireDirect = requireDirect;
    }

    DoctorReport database(PrismaManagement client, String id, String urlOrNull) {
        databaseId = id;
        try {
            List<ApiCheck.ApiEndpoint> endpoints = step(Step.Kind.API_STATUS,
                    () -> ApiCheck.check(client, id, deadline));
            if (urlOrNull != null) {
                return connection(urlOrNull, endpoints);
            }
            if (endpoints.isEmpty()) {
                throw fail(Step.Kind.URL, new Failure(Finding.NO_ENDPOINT,
                        "no connection string was given and the Management API lists no endpoint"));
            }
            ApiCheck.ApiEndpoint endpoint = endpoints.get(0);
            target = endpoint.hostAndPort();
            skip(Step.Kind.URL, "no connection string given: checking the " + (endpoint.pooled() ? "pooled" : "direct")
                    + " endpoint " + target + " from the Management API");
            reach(endpoint.host(), endpoint.port(), false);
            skip(Step.Kind.LOGIN, "no connection string (the Management API returns passwords only when a"
                    + " connection is created)");
            skip(Step.Kind.QUERY, "no login");
            return report(Finding.SERVER_REACHABLE, null);
        } catch (Failure f) {
            return report(f.finding(), f.sqlState());
        }
    }

    DoctorReport url(String raw) {
        try {
            return connection(raw, List.of());
        } catch (Failure f) {
            return report(f.finding(), f.sqlState());
        }
    }

    private DoctorReport connection(String raw, List<ApiCheck.ApiEndpoint> endpoints) throws Failure {
        UrlCheck.Result parsed = step(Step.Kind.URL, () -> UrlCheck.check(raw, endpoints, requireDirect));
        ConnectionUrl url = parsed.url();
        target = url.masked();
        hints.addAll(parsed.hints());
        if (parsed.pooled() && requireDirect) {
            warning = Finding.POOLED_URL_WHERE_DIRECT_NEEDED;
        }
        boolean offersTls = reach(url.host(), url.port(), url.requiresTls());
        Connection connection = step(Step.Kind.LOGIN, () -> login(url, offersTls));
        try (connection) {
            step(Step.Kind.QUERY, () -> query(connection, url));
        } catch (SQLException ignored) {
            // closing after the check; the result is already recorded
        }
        return report(warning == null ? Finding.OK : warning, null);
    }

    /** DNS, TCP and the server's hello; returns whether the server offers TLS. */
    private boolean reach(String host, int port, boolean clientRequiresTls) throws Failure {
        List<InetAddress> addresses = step(Step.Kind.DNS, () -> NetworkProbe.resolve(host, deadline));
        Socket socket = step(Step.Kind.TCP, () -> NetworkProbe.connect(addresses, port, deadline));
        return step(Step.Kind.SERVER_HELLO, () -> {
            Passed<Boolean> hello = NetworkProbe.askForTls(socket, deadline);
            if (!hello.value() && clientRequiresTls) {
                throw new Failure(Finding.TLS_NOT_OFFERED, hello.detail() + ", but the connection string requires"
                        + " TLS");
            }
            return hello;
        });
    }

    private Passed<Connection> login(ConnectionUrl url, boolean offersTls) throws Failure {
        try {
            return Passed.of(PgLogin.connect(url, null, deadline), "logged in"
                    + (url.user() == null ? "" : " as '" + url.user() + "'") + " with sslmode=" + url.sslMode());
        } catch (SQLException e) {
            Failure failure = SqlStates.classify(e, SqlStates.Phase.LOGIN, url);
            if ("28000".equals(failure.sqlState()) && offersTls && url.sslMode().equals("disable")) {
                failure = retryWithTls(url, failure);
            }
            if (deadline.expired() && failure.finding() == Finding.UNEXPECTED_ERROR) {
                throw new Failure(Finding.SERVER_NOT_RESPONDING, "the login did not finish within the time budget ("
                        + failure.detail() + ")", failure.sqlState());
            }
            throw failure;
        }
    }

    /** The server refused a login without TLS: if the same login gets further over TLS, TLS is what it requires. */
    private Failure retryWithTls(ConnectionUrl url, Failure plain) {
        String overTls;
        try {
            PgLogin.connect(url, "require", deadline).close();
            overTls = "the same login over TLS succeeded";
        } catch (SQLException e) {
            Failure tls = SqlStates.classify(e, SqlStates.Phase.LOGIN, url);
            // Only a different answer from the server proves TLS got further; class 08 is the driver's own.
            String state = tls.sqlState();
            if (state == null || state.startsWith("08") || state.equals("28000")) {
                return plain;
            }
            overTls = "over TLS the login got further: " + tls.detail();
        }
        return new Failure(Finding.TLS_REQUIRED, "without TLS " + plain.detail() + "; " + overTls, plain.sqlState());
    }

    private Passed<Void> query(Connection connection, ConnectionUrl url) throws Failure {
        try {
            return PgLogin.selectOne(connection, deadline);
        } catch (SQLException e) {
            throw SqlStates.classify(e, SqlStates.Phase.QUERY, url);
        }
    }

    private <T> T step(Step.Kind kind, Body<T> body) throws Failure {
        long start = System.nanoTime();
        if (deadline.expired()) {
            throw fail(kind, new Failure(Finding.BUDGET_EXHAUSTED, "no time left for this step"));
        }
        Passed<T> passed;
        try {
            passed = body.run();
        } catch (Failure f) {
            steps.add(new Step(kind, Step.Outcome.FAILED, since(start), f.detail()));
            throw f;
        }
        steps.add(new Step(kind, passed.warned() ? Step.Outcome.WARNED : Step.Outcome.PASSED, since(start),
                passed.detail()));
        return passed.value();
    }

    private Failure fail(Step.Kind kind, Failure failure) {
        steps.add(new Step(kind, Step.Outcome.FAILED, Duration.ZERO, failure.detail()));
        return failure;
    }

    private void skip(Step.Kind kind, String why) {
        steps.add(new Step(kind, Step.Outcome.SKIPPED, Duration.ZERO, why));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private DoctorReport report(Finding finding, String sqlState) {
        return new DoctorReport(finding, steps, target, databaseId, sqlState, hints, since(started));
    }
}
