package dev.pdpkit.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.emulator.api.Model.Backup;
import dev.pdpkit.emulator.api.Model.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Handlers of a database's backups, restores and usage. */
final class BackupHandlers extends HandlerGroup {
    private final DatabaseProvisioning provisioning;

    BackupHandlers(ApiContext ctx, DatabaseProvisioning provisioning) {
        super(ctx);
        this.provisioning = provisioning;
    }

    @Override
    void register(Map<String, ManagementApi.Handler> h) {
        h.put("getV1DatabasesByDatabaseIdBackups", this::listBackups);
        h.put("postV1DatabasesByTargetDatabaseIdRestore", this::restoreDatabase);
        h.put("getV1DatabasesByDatabaseIdUsage", this::getUsage);
    }

    private Result listBackups(Call call) {
        Database d = database(call, call.path("databaseId"), false);
        String limitParam = call.query("limit");
        Integer limit = limitParam == null ? null : paging.limit(limitParam);
        List<Backup> all = Store.select(store.backups, b -> b.databaseId.equals(d.id));
        all.sort(Comparator.comparingLong((Backup b) -> b.seq).reversed());
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        int n = 0;
        for (Backup b : all) {
            if (limit != null && n == limit) {
                break;
            }
            data.add(render.backup(b));
            n++;
        }
        body.putObject("meta").put("backupRetentionDays", ManagementApi.BACKUP_RETENTION_DAYS);
        ObjectNode pg = body.putObject("pagination");
        pg.put("hasMore", n < all.size());
        if (limit == null) {
            pg.putNull("limit");
        } else {
            pg.put("limit", limit);
        }
        return Result.ok(body);
    }

    private Result restoreDatabase(Call call) {
        Database target = database(call, call.path("targetDatabaseId"), false);
        JsonNode source = call.body().get("source");
        if (source == null || !source.isObject()) {
            throw ApiException.unprocessable("source is required.");
        }
        if (!"backup".equals(Json.text(source, "type"))) {
            throw ApiException.unprocessable("Only sources of type \"backup\" can be restored.");
        }
        String sourceDbId = Json.text(source, "databaseId");
        String backupId = Json.text(source, "backupId");
        Database from = sourceDbId == null ? null : store.databases.get(sourceDbId);
        if (from == null || !visibleDatabase(call, from)) {
            throw ApiException.notFound("Source database", String.valueOf(sourceDbId));
        }
        Backup b = backupId == null ? null : store.backups.get(backupId);
        if (b == null || !b.databaseId.equals(from.id)) {
            throw ApiException.notFound("Backup", String.valueOf(backupId));
        }
        if (!"completed".equals(b.status)) {
            throw ApiException.unprocessable("Backup \"" + b.id + "\" is " + b.status + " and cannot be used.");
        }
        String status = target.status(call.now());
        if (!"ready".equals(status)) {
            throw ApiException.conflict("Database \"" + target.id + "\" is " + status + " and cannot be restored now.");
        }
        target.recoveringUntil = call.now().plus(store.restoreDelay());
        target.source = provisioning.backupSource(from.id, b.id);
        stats.event(ApiStats.DATABASES_RESTORED);
        return Result.ok(Json.data(render.database(target, call.now(), "recovering")));
    }

    private static Instant parseDate(String text, boolean endOfDay, String name) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e3) {
                    throw ApiException.badRequest(name + " must be an ISO-8601 date or date-time, got \"" + text
                            + "\".", true);
                }
            }
        }
    }

    private Result getUsage(Call call) {
        Database d = database(call, call.path("databaseId"), false);
        Instant now = call.now();
        String startParam = call.query("startDate");
        String endParam = call.query("endDate");
        Instant end = endParam == null ? now : parseDate(endParam, true, "endDate");
        Instant start = startParam == null
                ? now.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                : parseDate(startParam, false, "startDate");
        if (start.isAfter(end)) {
            throw ApiException.badRequest("startDate must not be after endDate.", true);
        }
        // Plausible figures: proportional to how long the database existed within the period.
        Instant from = start.isBefore(d.createdAt) ? d.createdAt : start;
        Instant to = end.isAfter(now) ? now : end;
        long seconds = Math.max(0, Duration.between(from, to).getSeconds());
        long perHour = 50 + Math.floorMod(d.id.hashCode(), 450);
        long ops = seconds * perHour / 3600;
        double gib = Math.round((0.01 + Math.floorMod(d.id.hashCode() >>> 8, 500) / 1000.0) * 1000) / 1000.0;
        ObjectNode body = Json.object();
        ObjectNode period = body.putObject("period");
        period.put("start", Json.time(start));
        period.put("end", Json.time(end));
        ObjectNode metrics = body.putObject("metrics");
        ObjectNode o = metrics.putObject("operations");
        o.put("used", ops);
        o.put("unit", "ops");
        ObjectNode s = metrics.putObject("storage");
        s.put("used", gib);
        s.put("unit", "GiB");
        body.put("generatedAt", Json.time(now));
        return Result.ok(body);
    }
}
