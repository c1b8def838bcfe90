package dev.pdpkit.emulator.api;

import dev.pdpkit.emulator.api.Model.Backup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 46 operations. Every handler runs while the dispatcher holds the {@link Store}'s monitor.
 *
 * <p>Visibility: a credential sees only the workspace it is bound to. A resource of another workspace is answered as
 * not found (404), except on the operations whose spec declares 403 for "the actor does not have access", where the
 * emulator answers 403 as the service does.
 */
/**
 * The 46 operations, in one handler group per resource ({@link ProjectHandlers}, {@link DatabaseHandlers}, ...).
 * Every handler runs while the dispatcher holds the {@link Store}'s monitor.
 *
 * <p>Visibility: a credential sees only the workspace it is bound to. A resource of another workspace is answered as
 * not found (404), except on the operations whose spec declares 403 for "the actor does not have access", where the
 * emulator answers 403 as the service does.
 */
public final class ManagementApi {
    /** Backup retention the emulator reports. */
    static final int BACKUP_RETENTION_DAYS = 7;

    /** A handler of one operation. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Answers one call.
         *
         * @param call the request as the handler sees it
         * @return the answer
         * @throws ApiException for an error answer
         */
        Result handle(Call call);
    }

    private final Map<String, Handler> handlers = new LinkedHashMap<>();

    /**
     * Registers the handlers of every operation.
     *
     * @param store the emulated data
     * @param baseUrl the emulator's base URL, for links in answers
     * @param hosts the hosts that connection strings point at
     * @param paging how lists are paged
     * @param oauth the OAuth backend behind {@code /v1/integrations}
     * @param stats the counters the handlers update
     */
    public ManagementApi(Store store, String baseUrl, ConnectionHosts hosts, Paging paging, OAuthBackend oauth,
                         ApiStats stats) {
        ApiContext ctx = new ApiContext(store, new Render(store, baseUrl, hosts), paging, oauth, stats);
        DatabaseProvisioning provisioning = new DatabaseProvisioning(ctx);
        List<HandlerGroup> groups = List.of(new WorkspaceHandlers(ctx), new ProjectHandlers(ctx, provisioning),
                new DatabaseHandlers(ctx, provisioning), new BackupHandlers(ctx, provisioning),
                new ConnectionHandlers(ctx), new TokenHandlers(ctx), new IntegrationHandlers(ctx),
                new RegionHandlers(ctx), new BucketHandlers(ctx));
        for (HandlerGroup g : groups) {
            g.register(handlers);
        }
    }

    /** @return the handlers by operationId */
    public Map<String, Handler> handlers() {
        return new LinkedHashMap<>(handlers);
    }
}
