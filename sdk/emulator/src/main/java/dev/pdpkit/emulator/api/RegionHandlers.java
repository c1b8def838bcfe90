package dev.pdpkit.emulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Handlers of {@code /v1/regions}. */
final class RegionHandlers extends HandlerGroup {
    RegionHandlers(ApiContext ctx) {
        super(ctx);
    }

    @Override
    void register(Map<String, ManagementApi.Handler> h) {
        h.put("getV1Regions", this::listRegions);
        h.put("getV1RegionsPostgres", this::listPostgresRegions);
        h.put("getV1RegionsAccelerate", this::listAccelerateRegions);
    }

    // ==== regions ==================================================================================================

    private static ObjectNode region(String id, String name, String product) {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("type", "region");
        n.put("name", name);
        if (product != null) {
            n.put("product", product);
        }
        n.put("status", "available");
        return n;
    }

    private Result listRegions(Call call) {
        String product = call.query("product");
        ArrayNode data = Json.array();
        if (product == null || "postgres".equals(product)) {
            Regions.POSTGRES.forEach((id, name) -> data.add(region(id, name, "postgres")));
        }
        if (product == null || "accelerate".equals(product)) {
            Regions.ACCELERATE.forEach((id, name) -> data.add(region(id, name, "accelerate")));
        }
        return Result.ok(Json.data(data));
    }

    private Result listPostgresRegions(Call call) {
        ArrayNode data = Json.array();
        Regions.POSTGRES.forEach((id, name) -> data.add(region(id, name, null)));
        return Result.ok(Json.data(data));
    }

    private Result listAccelerateRegions(Call call) {
        ArrayNode data = Json.array();
        Regions.ACCELERATE.forEach((id, name) -> {
            ObjectNode n = region(id, name, null);
            n.remove("status");
            data.add(n);
        });
        return Result.ok(Json.data(data));
    }
}
