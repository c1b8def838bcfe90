package dev.pdpkit.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.emulator.api.Model.Bucket;
import dev.pdpkit.emulator.api.Model.BucketKey;
import dev.pdpkit.emulator.api.Model.Project;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/** Handlers of {@code /v1/buckets} and their keys. */
final class BucketHandlers extends HandlerGroup {
    BucketHandlers(ApiContext ctx) {
        super(ctx);
    }

    @Override
    void register(Map<String, ManagementApi.Handler> h) {
        h.put("getV1Buckets", this::listBuckets);
        h.put("postV1Buckets", this::createBucket);
        h.put("getV1BucketsByBucketId", this::getBucket);
        h.put("patchV1BucketsByBucketId", this::updateBucket);
        h.put("deleteV1BucketsByBucketId", this::deleteBucket);
        h.put("getV1BucketsByBucketIdKeys", this::listBucketKeys);
        h.put("postV1BucketsByBucketIdKeys", this::createBucketKey);
        h.put("deleteV1BucketsByBucketIdKeysByKeyId", this::deleteBucketKey);
    }

    private void checkBucketLogicalId(Bucket self, String projectId, String branchId, String logicalId) {
        if (logicalId == null) {
            return;
        }
        for (Bucket b : store.buckets.values()) {
            if (b != self && b.projectId.equals(projectId) && Objects.equals(b.branchId, branchId)
                    && logicalId.equals(b.logicalId)) {
                throw ApiException.conflict("A bucket with the logicalId \"" + logicalId
                        + "\" already exists on this branch (" + b.id + ").");
            }
        }
    }

    // ==== buckets ==================================================================================================

    private Result listBuckets(Call call) {
        String projectId = call.query("projectId");
        String logicalId = call.query("logicalId");
        Predicate<String> branch = branchFilter(call);
        List<Bucket> items = Store.select(store.buckets, b -> call.workspaceId().equals(store.workspaceOfBucket(b))
                && (projectId == null || b.projectId.equals(projectId))
                && (logicalId == null || logicalId.equals(b.logicalId))
                && branch.test(b.branchId));
        return Result.ok(list(call, items, false, render::bucket));
    }

    private Result createBucket(Call call) {
        JsonNode body = call.body();
        String projectId = str(body, "projectId", 400, true);
        if (projectId == null) {
            throw ApiException.badRequest("projectId is required.", true);
        }
        Project p = project(call, projectId, true);
        String branchId = str(body, "branchId", 400, true);
        String gitName = str(body, "branchGitName", 400, true);
        if (branchId != null && gitName != null) {
            throw ApiException.badRequest("branchId and branchGitName cannot be used together.", true);
        }
        String branch = branchId == null && gitName == null ? null
                : resolveBranch(p, branchId, gitName, false, msg -> new ApiException(404, "not_found", msg));
        String logicalId = str(body, "logicalId", 400, true);
        checkBucketLogicalId(null, p.id, branch, logicalId);
        String name = str(body, "name", 400, true);
        if (name != null && name.isBlank()) {
            throw ApiException.badRequest("name must not be empty.", true);
        }
        Bucket b = store.newBucket(p.id, "pdp-" + Ids.hex(20));
        b.name = name != null ? name : "bucket-" + Ids.hex(6);
        b.status = "active";
        b.branchId = branch;
        b.logicalId = logicalId;
        stats.event(ApiStats.BUCKETS_CREATED);
        return Result.created(Json.data(render.bucket(b)));
    }

    private Result getBucket(Call call) {
        return Result.ok(Json.data(render.bucket(bucket(call, call.path("bucketId")))));
    }

    private Result updateBucket(Call call) {
        Bucket b = bucket(call, call.path("bucketId"));
        Project p = store.projects.get(b.projectId);
        JsonNode body = call.body();
        String displayName = str(body, "displayName", 422, true);
        String branchId = str(body, "branchId", 422, true);
        String gitName = str(body, "branchGitName", 422, true);
        String logicalId = str(body, "logicalId", 422, true);
        if (displayName == null && branchId == null && gitName == null && logicalId == null) {
            throw ApiException.unprocessable("Give at least one of displayName, branchId, branchGitName, logicalId.");
        }
        if (displayName != null && displayName.isBlank()) {
            throw ApiException.unprocessable("displayName must not be empty.");
        }
        if (branchId != null && gitName != null) {
            throw ApiException.unprocessable("branchId and branchGitName cannot be used together.");
        }
        boolean move = branchId != null || gitName != null;
        if (move && logicalId != null) {
            throw ApiException.unprocessable("A branch move and a logicalId change must be separate requests.");
        }
        if (move) {
            String target = resolveBranch(p, branchId, gitName, true,
                    msg -> new ApiException(404, "not_found", msg));
            checkBucketLogicalId(b, p.id, target, b.logicalId);
            b.branchId = target;
        }
        if (logicalId != null) {
            checkBucketLogicalId(b, p.id, b.branchId, logicalId);
            b.logicalId = logicalId;
        }
        if (displayName != null) {
            b.name = displayName;
        }
        return Result.ok(Json.data(render.bucket(b)));
    }

    private Result deleteBucket(Call call) {
        Bucket b = bucket(call, call.path("bucketId"));
        store.removeBucket(b.id);
        return Result.noContent();
    }

    private Result listBucketKeys(Call call) {
        Bucket b = bucket(call, call.path("bucketId"));
        List<BucketKey> items = Store.select(store.bucketKeys, k -> k.bucketId.equals(b.id));
        return Result.ok(list(call, items, false, render::bucketKey));
    }

    private Result createBucketKey(Call call) {
        Bucket b = bucket(call, call.path("bucketId"));
        JsonNode body = call.body();
        String role = str(body, "role", 400, true);
        if (!"read".equals(role) && !"read_write".equals(role)) {
            throw ApiException.badRequest("role must be \"read\" or \"read_write\".", true);
        }
        String name = str(body, "name", 400, true);
        String accessKeyId = "PDPK" + Ids.secret(16).toUpperCase(java.util.Locale.ROOT);
        String secret = Ids.secret(40);
        String hint = "…" + secret.substring(secret.length() - 4);
        BucketKey k = store.newBucketKey(b.id, name != null ? name : "key-" + Ids.hex(6), role, accessKeyId, hint);
        stats.event(ApiStats.BUCKET_KEYS_CREATED);
        ObjectNode out = render.bucketKey(k);
        out.put("secretAccessKey", secret);
        out.put("accessKeyId", accessKeyId);
        out.put("endpoint", "https://storage.prisma-data.net");
        out.put("bucketName", b.providerName);
        return Result.created(Json.data(out));
    }

    private Result deleteBucketKey(Call call) {
        Bucket b = bucket(call, call.path("bucketId"));
        String keyId = call.path("keyId");
        BucketKey k = store.bucketKeys.get(keyId);
        if (k == null || !k.bucketId.equals(b.id)) {
            throw ApiException.notFound("Bucket key", keyId);
        }
        store.bucketKeys.remove(keyId);
        return Result.noContent();
    }
}
