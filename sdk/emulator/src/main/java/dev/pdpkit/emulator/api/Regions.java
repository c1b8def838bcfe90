package dev.pdpkit.emulator.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** The regions the emulator offers, with their display names. */
public final class Regions {
    /** Prisma Postgres regions (the {@code RegionId} enum of the spec). */
    public static final Map<String, String> POSTGRES = new LinkedHashMap<>();
    /** Prisma Accelerate regions. */
    public static final Map<String, String> ACCELERATE = new LinkedHashMap<>();

    static {
        POSTGRES.put("us-east-1", "US East (N. Virginia)");
        POSTGRES.put("us-west-1", "US West (N. California)");
        POSTGRES.put("eu-west-3", "Europe (Paris)");
        POSTGRES.put("eu-central-1", "Europe (Frankfurt)");
        POSTGRES.put("ap-northeast-1", "Asia Pacific (Tokyo)");
        POSTGRES.put("ap-southeast-1", "Asia Pacific (Singapore)");

        ACCELERATE.put("us-east-1", "US East (N. Virginia)");
        ACCELERATE.put("us-west-2", "US West (Oregon)");
        ACCELERATE.put("eu-west-1", "Europe (Ireland)");
        ACCELERATE.put("eu-central-1", "Europe (Frankfurt)");
        ACCELERATE.put("ap-southeast-1", "Asia Pacific (Singapore)");
        ACCELERATE.put("ap-northeast-1", "Asia Pacific (Tokyo)");
        ACCELERATE.put("sa-east-1", "South America (São Paulo)");
    }

    /** The region used when a request names none. */
    public static final String DEFAULT = "us-east-1";

    private Regions() {
    }

    /**
     * Returns the display name of a region.
     *
     * @param regionId the region id, such as {@code us-east-1}
     * @return its display name, or the id itself when the region is unknown
     */
    public static String name(String regionId) {
        String n = POSTGRES.get(regionId);
        return n != null ? n : ACCELERATE.getOrDefault(regionId, regionId);
    }
}
