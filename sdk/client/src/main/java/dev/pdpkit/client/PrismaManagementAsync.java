package dev.pdpkit.client;

import dev.pdpkit.client.internal.ClientContext;
import dev.pdpkit.client.internal.ServiceAccess;
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
    private final MeServiceAsync me;
    private final WorkspacesServiceAsync workspaces;
    private final ProjectsServiceAsync projects;
    private final DatabasesServiceAsync databases;
    private final ConnectionsServiceAsync connections;
    private final IntegrationsServiceAsync integrations;
    private final RegionsServiceAsync regions;
    private final BucketsServiceAsync buckets;

    PrismaManagementAsync(ClientContext context) {
        this.me = ServiceAccess.create(MeServiceAsync.class, context);
        this.workspaces = ServiceAccess.create(WorkspacesServiceAsync.class, context);
        this.projects = ServiceAccess.create(ProjectsServiceAsync.class, context);
        this.databases = ServiceAccess.create(DatabasesServiceAsync.class, context);
        this.connections = ServiceAccess.create(ConnectionsServiceAsync.class, context);
        this.integrations = ServiceAccess.create(IntegrationsServiceAsync.class, context);
        this.regions = ServiceAccess.create(RegionsServiceAsync.class, context);
        this.buckets = ServiceAccess.create(BucketsServiceAsync.class, context);
    }

    /** @return the current user, workspace and credential type ({@code /v1/me}) */
    public MeServiceAsync me() {
        return me;
    }

    /** @return workspaces, with their service tokens and integrations */
    public WorkspacesServiceAsync workspaces() {
        return workspaces;
    }

    /** @return projects, with their databases */
    public ProjectsServiceAsync projects() {
        return projects;
    }

    /** @return databases, with their connections */
    public DatabasesServiceAsync databases() {
        return databases;
    }

    /** @return connections */
    public ConnectionsServiceAsync connections() {
        return connections;
    }

    /** @return integrations */
    public IntegrationsServiceAsync integrations() {
        return integrations;
    }

    /** @return regions */
    public RegionsServiceAsync regions() {
        return regions;
    }

    /** @return buckets, with their keys */
    public BucketsServiceAsync buckets() {
        return buckets;
    }
}
