package dev.pdpkit.client;

import dev.pdpkit.client.internal.ClientContext;
import dev.pdpkit.client.internal.ServiceCache;
import dev.pdpkit.client.services.BucketsServiceAsync;
import dev.pdpkit.client.services.ConnectionsServiceAsync;
import dev.pdpkit.client.services.DatabasesServiceAsync;
import dev.pdpkit.client.services.IntegrationsServiceAsync;
import dev.pdpkit.client.services.MeServiceAsync;
import dev.pdpkit.client.services.ProjectsServiceAsync;
import dev.pdpkit.client.services.RegionsServiceAsync;
import dev.pdpkit.client.services.WorkspacesServiceAsync;

/**
 * The non-blocking view of a {@link PrismaManagement}: the same services, each method returning a
 * {@link java.util.concurrent.CompletableFuture}. Retries wait on a scheduler instead of a sleeping thread, a token
 * refresh runs on the client's own threads (never on the HTTP client's), failures are the same typed exceptions, and
 * cancelling a future stops its retries.
 *
 * <pre>{@code
 * CompletableFuture<Project> project = client.async().projects().get("proj_123");
 * project.thenAccept(p -> System.out.println(p.name()));
 * }</pre>
 */
public final class PrismaManagementAsync {

    private final ServiceCache services;

    PrismaManagementAsync(ClientContext context) {
        this.services = new ServiceCache(context);
    }

    /** @return the current user, workspace and credential type ({@code /v1/me}) */
    public MeServiceAsync me() {
        return services.get(MeServiceAsync.class);
    }

    /** @return workspaces, with their service tokens and integrations */
    public WorkspacesServiceAsync workspaces() {
        return services.get(WorkspacesServiceAsync.class);
    }

    /** @return projects, with their databases */
    public ProjectsServiceAsync projects() {
        return services.get(ProjectsServiceAsync.class);
    }

    /** @return databases, with their connections */
    public DatabasesServiceAsync databases() {
        return services.get(DatabasesServiceAsync.class);
    }

    /** @return connections */
    public ConnectionsServiceAsync connections() {
        return services.get(ConnectionsServiceAsync.class);
    }

    /** @return integrations */
    public IntegrationsServiceAsync integrations() {
        return services.get(IntegrationsServiceAsync.class);
    }

    /** @return regions */
    public RegionsServiceAsync regions() {
        return services.get(RegionsServiceAsync.class);
    }

    /** @return buckets, with their keys */
    public BucketsServiceAsync buckets() {
        return services.get(BucketsServiceAsync.class);
    }
}
