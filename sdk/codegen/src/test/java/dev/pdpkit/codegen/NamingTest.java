package dev.pdpkit.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamingTest {

    @Test
    void singularisesGroupSegments() {
        assertThat(Naming.singular("projects")).isEqualTo("project");
        assertThat(Naming.singular("databases")).isEqualTo("database");
        assertThat(Naming.singular("serviceTokens")).isEqualTo("serviceToken");
        assertThat(Naming.singular("keys")).isEqualTo("key");
        assertThat(Naming.singular("policies")).isEqualTo("policy");
        assertThat(Naming.singular("addresses")).isEqualTo("address");
        assertThat(Naming.singular("me")).isEqualTo("me");
        assertThat(Naming.singular("access")).isEqualTo("access");
    }

    @Test
    void namesServicesAfterTheirGroup() {
        assertThat(Naming.serviceClass(List.of("projects"))).isEqualTo("ProjectsService");
        assertThat(Naming.serviceClass(List.of("projects", "databases"))).isEqualTo("ProjectDatabasesService");
        assertThat(Naming.serviceClass(List.of("workspaces", "serviceTokens")))
                .isEqualTo("WorkspaceServiceTokensService");
        assertThat(Naming.serviceClass(List.of("me"))).isEqualTo("MeService");
    }

    @Test
    void namesParamsAfterGroupAndMethod() {
        assertThat(Naming.groupTypePrefix(List.of("databases", "connections")) + Naming.pascal("create"))
                .isEqualTo("DatabaseConnectionCreate");
        assertThat(Naming.groupTypePrefix(List.of("workspaces", "serviceTokens")) + Naming.pascal("list"))
                .isEqualTo("WorkspaceServiceTokenList");
        assertThat(Naming.groupTypePrefix(List.of("buckets", "keys"))).isEqualTo("BucketKey");
        assertThat(Naming.groupTypePrefix(List.of("databases")) + Naming.pascal("listBackups"))
                .isEqualTo("DatabaseListBackups");
    }

    @Test
    void makesJavaIdentifiers() {
        assertThat(Naming.member("createdAt")).isEqualTo("createdAt");
        assertThat(Naming.member("service-tokens")).isEqualTo("serviceTokens");
        assertThat(Naming.member("default")).isEqualTo("default_");
        assertThat(Naming.member("2fa")).isEqualTo("_2fa");
        assertThat(Naming.constant("us-east-1")).isEqualTo("US_EAST_1");
        assertThat(Naming.constant("read_write")).isEqualTo("READ_WRITE");
        assertThat(Naming.constant("GiB")).isEqualTo("GIB");
        assertThat(Naming.constant("1x")).isEqualTo("_1X");
    }

    @Test
    void escapesJavadoc() {
        assertThat(Docs.of("Use `endpoints.direct` <now> & @later */"))
                .isEqualTo("Use {@code endpoints.direct} &lt;now&gt; &amp; &#64;later *&#47;");
        assertThat(Docs.code("GET /v1/projects/{id}")).isEqualTo("{@code GET /v1/projects/{id}}");
        assertThat(Docs.code("a } b")).isEqualTo("<code>a } b</code>");
        assertThat(Docs.of("One.\n\nTwo\nlines.")).isEqualTo("One.\n\n<p>Two lines.");
    }
}
