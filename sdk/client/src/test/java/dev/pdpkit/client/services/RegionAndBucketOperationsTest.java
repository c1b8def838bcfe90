package dev.pdpkit.client.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.core.Page;
import dev.pdpkit.client.model.AccelerateRegion;
import dev.pdpkit.client.model.Bucket;
import dev.pdpkit.client.model.BucketCreateParams;
import dev.pdpkit.client.model.BucketKey;
import dev.pdpkit.client.model.BucketKeyCreateParams;
import dev.pdpkit.client.model.BucketKeyListParams;
import dev.pdpkit.client.model.BucketKeyRole;
import dev.pdpkit.client.model.BucketListParams;
import dev.pdpkit.client.model.BucketUpdateParams;
import dev.pdpkit.client.model.CreatedBucketKey;
import dev.pdpkit.client.model.PostgresRegion;
import dev.pdpkit.client.model.Region;
import dev.pdpkit.client.model.RegionListParams;
import dev.pdpkit.client.model.RegionProduct;
import dev.pdpkit.client.model.RegionStatus;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code regions}, {@code buckets} and {@code buckets.keys}: 11 operations. */
class RegionAndBucketOperationsTest extends WireMockApiTest {

    @Test
    void regionsList() {
        stub("GET", "/v1/regions", 200, Fixtures.list(Fixtures.region("us-east-1", "postgres", "available"),
                Fixtures.region("eu-west-3", "postgres", null)));
        List<Region> regions = client.regions().list(RegionListParams.builder().product(RegionProduct.POSTGRES)
                .build());
        onlyRequest("GET", "/v1/regions", query("product", "postgres"));
        assertThat(regions).extracting(Region::id).containsExactly("us-east-1", "eu-west-3");
        assertThat(regions.get(0).product()).isEqualTo(RegionProduct.POSTGRES);
        assertThat(regions.get(0).status()).contains(RegionStatus.AVAILABLE);
        assertThat(regions.get(1).status()).isEmpty();
    }

    @Test
    void regionsListWithUnknownIdProductAndStatus() {
        // New values the client does not know: off-spec by design, must decode.
        stubOffSpec("GET", "/v1/regions", 200, Fixtures.list(Fixtures.region("mars-north-1", "queues",
                "hibernating")));
        List<Region> regions = client.regions().list();
        onlyRequest("GET", "/v1/regions");
        Region r = regions.get(0);
        assertThat(r.id()).isEqualTo("mars-north-1");
        assertThat(r.product().isKnown()).isFalse();
        assertThat(r.product().asString()).isEqualTo("queues");
        assertThat(r.status().orElseThrow().asString()).isEqualTo("hibernating");
        assertThat(r.status().orElseThrow().known()).isEmpty();
    }

    @Test
    void regionsListPostgres() {
        stub("GET", "/v1/regions/postgres", 200, Fixtures.list(Fixtures.postgresRegion("us-east-1", "available"),
                Fixtures.postgresRegion("ap-southeast-1", "unavailable")));
        List<PostgresRegion> regions = client.regions().listPostgres();
        onlyRequest("GET", "/v1/regions/postgres");
        assertThat(regions).extracting(PostgresRegion::status)
                .containsExactly(RegionStatus.AVAILABLE, RegionStatus.UNAVAILABLE);
        assertThat(regions.get(1).name()).isEqualTo("Region ap-southeast-1");
    }

    @Test
    void regionsListAccelerate() {
        stub("GET", "/v1/regions/accelerate", 200, Fixtures.list(Fixtures.accelerateRegion("eu-central-1")));
        List<AccelerateRegion> regions = client.regions().listAccelerate();
        onlyRequest("GET", "/v1/regions/accelerate");
        assertThat(regions).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("eu-central-1");
            assertThat(r.type()).isEqualTo("region");
        });
    }

    @Test
    void bucketsList() {
        stub("GET", "/v1/buckets", 200, Fixtures.page("c2", true, Fixtures.bucket("bkt_1")));
        Page<Bucket> page = client.buckets().list(BucketListParams.builder().cursor("c1").limit(1)
                .projectId("proj_1").logicalId("assets").branchId("br_main").branchGitName("main").build());
        onlyRequest("GET", "/v1/buckets", query("cursor", "c1", "limit", "1", "projectId", "proj_1",
                "logicalId", "assets", "branchId", "br_main", "branchGitName", "main"));
        Bucket b = page.data().get(0);
        assertThat(b.id()).isEqualTo("bkt_1");
        assertThat(b.providerName()).isEqualTo("pdp-bkt_1-assets");
        assertThat(b.status()).isEqualTo("active");
        assertThat(b.project().id()).isEqualTo("proj_1");
        assertThat(b.logicalId()).isEmpty();
    }

    @Test
    void bucketsCreate() {
        stub("POST", "/v1/buckets", 201, Fixtures.data(Fixtures.bucket("bkt_2")));
        Bucket b = client.buckets().create(BucketCreateParams.builder().projectId("proj_1").name("assets")
                .branchGitName("main").logicalId("assets").build());
        onlyJsonRequest("POST", "/v1/buckets", "{\"projectId\":\"proj_1\",\"name\":\"assets\","
                + "\"branchGitName\":\"main\",\"logicalId\":\"assets\"}");
        assertThat(b.id()).isEqualTo("bkt_2");
        assertThat(b.createdAt()).isEqualTo(OffsetDateTime.parse(Fixtures.CREATED_AT));
    }

    @Test
    void bucketsGet() {
        stub("GET", "/v1/buckets/bkt%201", 200, Fixtures.data(Fixtures.bucket("bkt 1")));
        Bucket b = client.buckets().get("bkt 1");
        onlyRequest("GET", "/v1/buckets/bkt%201");
        assertThat(b.id()).isEqualTo("bkt 1");
        assertThat(b.branchId()).contains("br_main");
    }

    @Test
    void bucketsUpdateWithOnlyDisplayName() {
        stub("PATCH", "/v1/buckets/bkt_1", 200, Fixtures.data(Fixtures.bucket("bkt_1")));
        Bucket b = client.buckets().update(BucketUpdateParams.builder().bucketId("bkt_1").displayName("Assets")
                .build());
        onlyJsonRequest("PATCH", "/v1/buckets/bkt_1", "{\"displayName\":\"Assets\"}");
        assertThat(b.id()).isEqualTo("bkt_1");
    }

    @Test
    void bucketsDelete() {
        stub("DELETE", "/v1/buckets/bkt_1", 204, null);
        client.buckets().delete("bkt_1");
        onlyRequest("DELETE", "/v1/buckets/bkt_1");
    }

    @Test
    void bucketKeysList() {
        stub("GET", "/v1/buckets/bkt_1/keys", 200, Fixtures.page(null, false, Fixtures.bucketKey("key_1")));
        Page<BucketKey> page = client.buckets().keys().list(BucketKeyListParams.builder().bucketId("bkt_1")
                .cursor("c1").limit(10).build());
        onlyRequest("GET", "/v1/buckets/bkt_1/keys", query("cursor", "c1", "limit", "10"));
        BucketKey k = page.data().get(0);
        assertThat(k.id()).isEqualTo("key_1");
        assertThat(k.role()).isEqualTo(BucketKeyRole.READ_WRITE);
        assertThat(k.valueHint()).isEqualTo("...5e6f");
    }

    @Test
    void bucketKeysCreate() {
        stub("POST", "/v1/buckets/bkt_1/keys", 201, Fixtures.data(Fixtures.createdBucketKey("key_2")));
        CreatedBucketKey k = client.buckets().keys().create(BucketKeyCreateParams.builder().bucketId("bkt_1")
                .name("uploader").role(BucketKeyRole.READ).build());
        onlyJsonRequest("POST", "/v1/buckets/bkt_1/keys", "{\"name\":\"uploader\",\"role\":\"read\"}");
        assertThat(k.id()).isEqualTo("key_2");
        assertThat(k.role()).isEqualTo(BucketKeyRole.READ);
        assertThat(k.secretAccessKey()).isEqualTo(Fixtures.SECRET_ACCESS_KEY);
        assertThat(k.accessKeyId()).isEqualTo("AKIA123");
        assertThat(k.endpoint()).isEqualTo("https://s3.prisma.io");
        assertThat(k.bucketName()).isEqualTo("pdp-bkt_1-assets");
    }

    @Test
    void bucketKeysDelete() {
        stub("DELETE", "/v1/buckets/bkt_1/keys/key_1", 204, null);
        client.buckets().keys().delete("bkt_1", "key_1");
        onlyRequest("DELETE", "/v1/buckets/bkt_1/keys/key_1");
    }
}
