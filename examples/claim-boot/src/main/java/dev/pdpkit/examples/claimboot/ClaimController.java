package dev.pdpkit.examples.claimboot;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.oauth.claim.ClaimFlow;
import dev.pdpkit.oauth.claim.ClaimResult;
import dev.pdpkit.oauth.claim.PendingClaim;
import dev.pdpkit.oauth.claim.PendingClaimStore;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The three requests of a claim: the offer page, "Claim it" and the authorization server's callback. */
@RestController
public class ClaimController {
    static final String COOKIE = "pdpkit_claim";
    private static final Logger LOG = LoggerFactory.getLogger(ClaimController.class);
    private final SecureRandom random = new SecureRandom();
    private final PrismaManagement prisma;
    private final ClaimFlow claims;
    private final PendingClaimStore pending;
    private final ClaimOutcomes outcomes;
    private final ClaimPages pages;

    ClaimController(PrismaManagement prisma, ClaimFlow claims, PendingClaimStore pending, ClaimOutcomes outcomes,
                    Clock clock, @Value("${claim.instance-name:this instance}") String instance) {
        this.prisma = prisma;
        this.claims = claims;
        this.pending = pending;
        this.outcomes = outcomes;
        this.pages = new ClaimPages(clock, instance);
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String offers() {
        List<DatabaseSummary> databases = new ArrayList<>();
        prisma.projects().list().autoPager().forEach(p -> databases.add(DatabaseSummary.of(p)));
        return pages.offers(databases);
    }

    /** Starts a claim: the pending claim goes to the shared store under a random key the browser keeps in a cookie. */
    @PostMapping("/claim")
    void claim(@RequestParam("project") String projectId, HttpServletResponse response) throws IOException {
        // The project must be one this partner offers: read it with the partner's token before starting.
        prisma.projects().get(projectId);
        PendingClaim claim = claims.start(projectId);
        byte[] key = new byte[32];
        random.nextBytes(key);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        pending.save(value, claim);
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        response.setStatus(303);
        response.setHeader("Location", claim.authorizationUrl().toString());
    }

    /**
     * Completes the claim on whichever instance the callback reaches. The same browser revisiting the callback of a
     * claim it completed sees the success again, read from the shared database; nothing is sent anywhere then.
     */
    @GetMapping(value = "/callback", produces = MediaType.TEXT_HTML_VALUE)
    String callback(HttpServletRequest request) {
        String url = request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String session = cookie(request);
        String state = request.getParameter("state");
        Optional<DatabaseSummary> done = outcomes.recall(session, state);
        if (done.isPresent()) {
            return pages.claimed(done.get());
        }
        Optional<PendingClaim> claim = session == null ? Optional.empty() : pending.take(session);
        ClaimResult result = claims.complete(url, claim.orElse(null));
        if (!result.claimed()) {
            return pages.failed(result);
        }
        DatabaseSummary db = result.project().map(DatabaseSummary::of)
                .orElseGet(() -> new DatabaseSummary(result.projectId().orElse(""), "Your database", null, null));
        try {
            outcomes.remember(session, state, db);
        } catch (DataAccessException e) {
            // The transfer happened; only a later revisit will show "not claimed". Say so in the log, not to the user.
            LOG.warn("claim completed but its outcome was not remembered: {}", e.getClass().getSimpleName());
        }
        return pages.claimed(db);
    }

    private static String cookie(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
