package dev.pdpkit.oauth.claim;

import dev.pdpkit.fixtures.ManualClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.client.PrismaManagement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pending claims: encoding, secrets kept out of text, the in-memory store and the replay guard. No server needed. */
class PendingClaimTest {
    private final ManualClock clock = new ManualClock();
    private final PrismaManagement partner = PrismaManagement.builder().baseUrl("http://127.0.0.1:9")
            .serviceToken("svc-token-value").build();
    private final ClaimFlow flow = ClaimFlow.builder().clientId("partner").clientSecret("secret-value")
            .issuer("http://127.0.0.1:9").discovery(false).redirectUri("https://partner.example/claim/callback").partnerClient(partner)
            .clock(clock).claimLifetime(Duration.ofMinutes(10)).build();

    @AfterEach
    void close() {
        partner.close();
    }

    @Test
    void encodesAndDecodesWithoutLosingTheBinding() {
        PendingClaim claim = flow.start("proj_1");
        PendingClaim copy = PendingClaim.decode(claim.encode());
        assertThat(copy.projectId()).isEqualTo("proj_1");
        assertThat(copy.state()).isEqualTo(claim.state());
        assertThat(copy.login().codeVerifier()).isEqualTo(claim.login().codeVerifier()).isNotNull();
        assertThat(copy.redirectUri()).isEqualTo(claim.redirectUri());
        assertThat(copy.createdAt()).isEqualTo(claim.createdAt());
        assertThat(copy.expiresAt()).isEqualTo(claim.createdAt().plus(Duration.ofMinutes(10)));
    }

    @Test
    void statesAreFreshAndSecretsStayOutOfText() {
        PendingClaim a = flow.start("proj_1");
        PendingClaim b = flow.start("proj_1");
        assertThat(a.state()).isNotEqualTo(b.state()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(a.toString()).doesNotContain(a.state()).doesNotContain(a.login().codeVerifier());
        assertThat(a.authorizationUrl().toString()).doesNotContain(a.login().codeVerifier())
                .doesNotContain("secret-value").doesNotContain("svc-token-value");
        assertThat(flow.toString()).doesNotContain("secret-value");
        assertThatThrownBy(() -> PendingClaim.decode("eyJ2IjoyfQ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an encoded pending claim");
    }

    @Test
    void theInMemoryStoreHandsAClaimOutOnceAndForgetsExpiredOnes() {
        InMemoryPendingClaimStore store = new InMemoryPendingClaimStore(clock, 2);
        PendingClaim claim = flow.start("proj_1");
        store.save("k1", claim);
        assertThat(store.take("k1")).containsSame(claim);
        assertThat(store.take("k1")).isEmpty();
        assertThat(store.take(null)).isEmpty();

        store.save("k2", flow.start("proj_2"));
        clock.advance(Duration.ofMinutes(11));
        assertThat(store.take("k2")).isEmpty();
    }

    @Test
    void theInMemoryStoreIsCapped() {
        InMemoryPendingClaimStore store = new InMemoryPendingClaimStore(clock, 2);
        store.save("a", flow.start("p"));
        clock.advance(Duration.ofSeconds(1));
        store.save("b", flow.start("p"));
        clock.advance(Duration.ofSeconds(1));
        store.save("c", flow.start("p"));
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.take("a")).as("the oldest went first").isEmpty();
        assertThat(store.take("c")).isPresent();
    }

    @Test
    void theReplayGuardSaysFirstUseOnce() {
        ClaimReplayGuard guard = ClaimReplayGuard.inMemory(clock);
        Instant expires = clock.instant().plusSeconds(60);
        assertThat(guard.firstUse("x", expires)).isTrue();
        assertThat(guard.firstUse("x", expires)).isFalse();
        assertThat(guard.firstUse("y", expires)).isTrue();
    }

    @Test
    void anEncryptedCookieRoundTripsAndRejectsTamperingAndOtherKeys() {
        PendingClaimCookie cookies = new PendingClaimCookie(PendingClaimCookie.newKey());
        PendingClaim claim = flow.start("proj_1");
        String value = cookies.seal(claim);

        assertThat(value).matches("[A-Za-z0-9_-]+").hasSizeLessThan(3000)
                .doesNotContain(claim.state()).doesNotContain("proj_1");
        assertThat(cookies.seal(claim)).as("fresh nonce").isNotEqualTo(value);
        PendingClaim opened = cookies.open(value).orElseThrow();
        assertThat(opened.state()).isEqualTo(claim.state());
        assertThat(opened.projectId()).isEqualTo("proj_1");

        char[] chars = value.toCharArray();
        chars[chars.length / 2] = chars[chars.length / 2] == 'A' ? 'B' : 'A';
        assertThat(cookies.open(new String(chars))).isEmpty();
        assertThat(new PendingClaimCookie(PendingClaimCookie.newKey()).open(value)).isEmpty();
        assertThat(cookies.open(null)).isEmpty();
        assertThat(cookies.open("%%%")).isEmpty();
        assertThat(cookies.open("AAAA")).isEmpty();
        assertThatThrownBy(() -> new PendingClaimCookie(new javax.crypto.spec.SecretKeySpec(new byte[5], "AES")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
