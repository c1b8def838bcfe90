package dev.pdpkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.emulator.api.ManagementApi;
import dev.pdpkit.emulator.api.Routes;
import dev.pdpkit.emulator.api.SpecValidator;
import dev.pdpkit.emulator.api.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The emulator serves exactly the operations of the OpenAPI document, on the same methods and paths. */
class SpecCoverageTest {
    @Test
    void everyOperationOfTheSpecHasARouteAndAHandler() {
        SpecValidator spec = SpecValidator.get();
        Map<String, String> fromSpec = new TreeMap<>(spec.operations());
        Map<String, String> fromRoutes = new TreeMap<>(new Routes().all().stream()
                .collect(Collectors.toMap(Routes.Route::operationId, r -> r.method() + " " + r.template())));
        assertThat(fromSpec).hasSize(46);
        assertThat(fromRoutes).isEqualTo(fromSpec);

        Set<String> handled = new ManagementApi(new Store(Clock.systemUTC(), Duration.ZERO, Duration.ZERO),
                "http://127.0.0.1:1", dev.pdpkit.emulator.api.ConnectionHosts.prismaDefaults(),
                new dev.pdpkit.emulator.api.Paging(10, 100), dev.pdpkit.emulator.api.OAuthBackend.none(),
                new dev.pdpkit.emulator.api.ApiStats()).handlers().keySet();
        assertThat(handled).containsExactlyInAnyOrderElementsOf(fromSpec.keySet());
    }

    @Test
    void literalSegmentsWinOverVariables() {
        Routes routes = new Routes();
        assertThat(routes.find("GET", "/v1/regions/postgres").orElseThrow().route().operationId())
                .isEqualTo("getV1RegionsPostgres");
        assertThat(routes.find("GET", "/v1/workspaces/wksp_1/subscription").orElseThrow().route().operationId())
                .isEqualTo("getV1WorkspacesByIdSubscription");
        assertThat(routes.find("GET", "/v1/workspaces/wksp_1/integrations").orElseThrow().route().operationId())
                .isEqualTo("getV1WorkspacesByWorkspaceIdIntegrations");
        assertThat(routes.find("PUT", "/v1/projects")).isEmpty();
        assertThat(routes.methodsFor("/v1/projects")).containsExactlyInAnyOrder("GET", "POST");
    }
}
