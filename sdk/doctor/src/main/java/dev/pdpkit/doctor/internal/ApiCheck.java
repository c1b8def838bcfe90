package dev.pdpkit.doctor.internal;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.core.RequestOptions;
import dev.pdpkit.client.errors.NotFoundException;
import dev.pdpkit.client.errors.PermissionDeniedException;
import dev.pdpkit.client.errors.PrismaApiException;
import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.errors.PrismaTimeoutException;
import dev.pdpkit.client.errors.UnauthorizedException;
import dev.pdpkit.client.model.Connection;
import dev.pdpkit.client.model.ConnectionEndpoints;
import dev.pdpkit.client.model.Database;
import dev.pdpkit.client.model.DatabaseStatus;
import dev.pdpkit.client.model.Endpoint;
import dev.pdpkit.doctor.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Management API step: is the database there, and is it {@code ready}? */
public final class ApiCheck {
    /**
     * A database's endpoint as the API lists it.
     *
     * @param host the host
     * @param port the port
     * @param pooled true for a pooled endpoint, false for a direct one
     */
    public record ApiEndpoint(String host, int port, boolean pooled) {
        /** @return host and port */
        public String hostAndPort() {
            return host + ":" + port;
        }
    }

    private ApiCheck() {}

    /**
     * Reads the database and checks its status.
     *
     * @param client the Management API client
     * @param databaseId the database id
     * @param deadline the budget
     * @return the database's endpoints (direct ones first)
     * @throws Failure for a status other than {@code ready}, a 404, a rejected token, or an API that cannot be reached
     */
    public static Passed<List<ApiEndpoint>> check(PrismaManagement client, String databaseId, Deadline deadline)
            throws Failure {
        Database db = read(client, databaseId, deadline);
        DatabaseStatus status = db.status();
        String seen = "the Management API reports status '" + status.asString() + "'";
        Optional<DatabaseStatus.Known> known = status.known();
        if (known.isEmpty()) {
            return new Passed<>(endpoints(db), seen + ", which this version of pdpkit does not know; checking the"
                    + " connection anyway", true);
        }
        switch (known.get()) {
            case PROVISIONING:
                throw new Failure(Finding.DATABASE_PROVISIONING, seen);
            case RECOVERING:
                throw new Failure(Finding.DATABASE_RECOVERING, seen);
            case FAILURE:
                throw new Failure(Finding.DATABASE_FAILED, seen);
            default:
                return Passed.of(endpoints(db), seen);
        }
    }

    private static Database read(PrismaManagement client, String databaseId, Deadline deadline) throws Failure {
        try {
            return client.databases().get(databaseId, RequestOptions.builder().timeout(deadline.remaining()).build());
        } catch (NotFoundException e) {
            throw new Failure(Finding.DATABASE_DELETED, "the Management API has no database '" + databaseId
                    + "' (404" + code(e) + ")");
        } catch (UnauthorizedException | PermissionDeniedException e) {
            throw new Failure(Finding.API_UNAUTHORIZED, "the Management API answered " + e.statusCode() + code(e));
        } catch (PrismaApiException e) {
            throw new Failure(Finding.API_UNAVAILABLE, "the Management API answered " + e.statusCode() + code(e));
        } catch (PrismaTimeoutException e) {
            throw new Failure(Finding.API_UNAVAILABLE, "the Management API did not answer within the time budget");
        } catch (PrismaException e) {
            throw new Failure(Finding.API_UNAVAILABLE, "the Management API could not be reached ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static String code(PrismaApiException e) {
        return e.errorCode().map(c -> ", " + c).orElse("");
    }

    private static List<ApiEndpoint> endpoints(Database db) {
        List<Connection> connections;
        try {
            connections = db.connections();
        } catch (PrismaException e) {
            // A response without a readable connection list still told us the status, which is what this step is for.
            return List.of();
        }
        List<ApiEndpoint> direct = new ArrayList<>();
        List<ApiEndpoint> pooled = new ArrayList<>();
        for (Connection c : connections) {
            ConnectionEndpoints endpoints = c.endpoints();
            if (endpoints == null) {
                continue;
            }
            endpoints.direct().map(e -> endpoint(e, false)).ifPresent(direct::add);
            endpoints.pooled().map(e -> endpoint(e, true)).ifPresent(pooled::add);
        }
        direct.addAll(pooled);
        return direct;
    }

    private static ApiEndpoint endpoint(Endpoint e, boolean pooled) {
        return new ApiEndpoint(e.host(), e.port() == null ? 5432 : e.port().intValue(), pooled);
    }
}
