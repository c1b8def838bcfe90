package dev.pdpkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.emulator.api.SpecValidator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The validator accepts what the document allows and rejects what it does not, including nullable references
 * ({@code allOf: [$ref]} + {@code nullable}), which swagger-request-validator does not understand unaided.
 */
class SpecValidatorTest {
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final String DB = "{\"data\":{\"id\":\"db_1\",\"type\":\"database\",\"url\":\"http://h/v1/databases/db_1\","
            + "\"name\":\"n\",\"status\":\"ready\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"isDefault\":true,"
            + "\"defaultConnectionId\":null,\"connections\":[],\"project\":{\"id\":\"p\",\"url\":\"http://h/p\","
            + "\"name\":\"p\"},\"region\":%s,\"source\":%s,\"branchId\":null,\"logicalId\":null}}";

    private static java.util.List<String> database(String region, String source) {
        return SpecValidator.get().validateResponse("GET", "/v1/databases/db_1", 200, JSON,
                String.format(DB, region, source));
    }

    @Test
    void nullableReferencesAcceptNullAndStillCheckValues() {
        assertThat(database("null", "null")).isEmpty();
        assertThat(database("{\"id\":\"us-east-1\",\"name\":\"US East\"}", "{\"type\":\"empty\"}")).isEmpty();
        assertThat(database("null", "{\"type\":\"database\",\"databaseId\":\"db_2\"}")).isEmpty();
        assertThat(database("{\"id\":5}", "null")).isNotEmpty();
        assertThat(database("null", "{\"type\":\"backup\"}")).isNotEmpty();
        assertThat(database("null", "{\"type\":\"weird\"}")).isNotEmpty();
        assertThat(database("null", "5")).isNotEmpty();
    }

    @Test
    void meAllowsNullUserAndChecksEmailFormat() {
        SpecValidator v = SpecValidator.get();
        assertThat(v.validateResponse("GET", "/v1/me", 200, JSON, "{\"data\":{\"user\":null,\"workspace\":null,"
                + "\"credential\":{\"type\":\"service_token\",\"id\":null,\"name\":null}}}")).isEmpty();
        assertThat(v.validateResponse("GET", "/v1/me", 200, JSON, "{\"data\":{\"user\":{\"id\":\"u\","
                + "\"email\":\"not-an-email\",\"name\":null},\"workspace\":null,"
                + "\"credential\":{\"type\":\"oauth\",\"id\":null,\"name\":null}}}")).isNotEmpty();
    }

    @Test
    void undeclaredStatusIsAViolation() {
        assertThat(SpecValidator.get().validateResponse("GET", "/v1/projects", 418, JSON,
                "{\"error\":{\"code\":\"x\",\"message\":\"y\"}}")).isNotEmpty();
    }

    @Test
    void invalidRequestStatusFollowsTheDeclaredOnes() {
        SpecValidator v = SpecValidator.get();
        assertThat(v.invalidRequestStatus("postV1BucketsByBucketIdKeys")).isEqualTo(400);
        assertThat(v.invalidRequestStatus("postV1WorkspacesByWorkspaceIdService-tokens")).isEqualTo(422);
        assertThat(v.invalidRequestStatus("patchV1ProjectsById")).isEqualTo(422);
        assertThat(v.invalidRequestStatus("postV1Connections")).isEqualTo(400);
    }
}
