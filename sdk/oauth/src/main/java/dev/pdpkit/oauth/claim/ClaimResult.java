package dev.pdpkit.oauth.claim;

import dev.pdpkit.client.model.Project;
import dev.pdpkit.oauth.OAuthTokens;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ClaimFlow#complete} did. {@link #status()} is the outcome; only {@link Status#CLAIMED} changed anything.
 * {@link #toString()} and {@link #message()} contain no token, code or state, and no raw upstream response, so they
 * can be logged; still, do not put them into URLs.
 */
public final class ClaimResult {

    /** The outcome of a claim callback. */
    public enum Status {
        /** The project was transferred into the user's workspace (or already was, from this very claim). */
        CLAIMED,
        /** The user declined on the authorization page ({@code error=access_denied}). Nothing changed. */
        CANCELLED,
        /**
         * The authorization server reported another error on the callback, or refused to exchange the code (for
         * example an expired code). Nothing changed. {@link #oauthError()} has the OAuth error code.
         */
        AUTHORIZATION_FAILED,
        /** No pending claim for this browser, or it is older than its lifetime. Nothing was sent anywhere. */
        EXPIRED,
        /** This pending claim has already been completed once; the second callback did nothing. */
        REPLAYED,
        /**
         * The callback cannot be trusted: state missing or different from the pending claim's, another issuer, no
         * code, a malformed or repeated parameter. Nothing was sent anywhere. Possibly a forged request.
         */
        INVALID_CALLBACK,
        /** The project no longer exists, or the partner's service token cannot see it (HTTP 404). */
        PROJECT_NOT_FOUND,
        /**
         * The API refused the transfer in the project's current state (HTTP 409), for example because the recipient
         * workspace already owns it or has a project with the same logical id.
         */
        NOT_TRANSFERABLE,
        /** The API rejected the user's access token as the recipient (HTTP 401 on the transfer). */
        RECIPIENT_REJECTED
    }

    private final Status status;
    private final String projectId;
    private final Project project;
    private final String recipientWorkspaceId;
    private final String oauthError;
    private final String message;
    private final OAuthTokens tokens;

    ClaimResult(Status status, String projectId, Project project, String recipientWorkspaceId, String oauthError,
                String message, OAuthTokens tokens) {
        this.status = Objects.requireNonNull(status, "status");
        this.projectId = projectId;
        this.project = project;
        this.recipientWorkspaceId = recipientWorkspaceId;
        this.oauthError = oauthError;
        this.message = Objects.requireNonNull(message, "message");
        this.tokens = tokens;
    }

    static ClaimResult failure(Status status, String projectId, String message) {
        return new ClaimResult(status, projectId, null, null, null, message, null);
    }

    /** @return the outcome */
    public Status status() {
        return status;
    }

    /** @return true if the project now belongs to the user's workspace */
    public boolean claimed() {
        return status == Status.CLAIMED;
    }

    /** @return the project the claim was for, or empty if no pending claim was available */
    public Optional<String> projectId() {
        return Optional.ofNullable(projectId);
    }

    /**
     * @return the project as the user's workspace sees it after the transfer (only for {@link Status#CLAIMED}, and
     *     only if it could be read back)
     */
    public Optional<Project> project() {
        return Optional.ofNullable(project);
    }

    /** @return the workspace the user picked, when known (from the access token, or the project after transfer) */
    public Optional<String> recipientWorkspaceId() {
        return Optional.ofNullable(recipientWorkspaceId);
    }

    /** @return the OAuth error code for {@link Status#CANCELLED} and {@link Status#AUTHORIZATION_FAILED} */
    public Optional<String> oauthError() {
        return Optional.ofNullable(oauthError);
    }

    /** @return a short description for logs, free of secrets and of upstream response bodies */
    public String message() {
        return message;
    }

    /**
     * @return the user's tokens, only if {@link ClaimFlow.Builder#keepRecipientTokens(boolean)} was set and the
     *     claim succeeded; otherwise the SDK dropped them right after the transfer
     */
    public Optional<OAuthTokens> recipientTokens() {
        return Optional.ofNullable(tokens);
    }

    @Override
    public String toString() {
        return "ClaimResult[status=" + status + ", projectId=" + projectId + ", recipientWorkspaceId="
                + recipientWorkspaceId + (oauthError == null ? "" : ", oauthError=" + oauthError) + ", message="
                + message + ", tokensKept=" + (tokens != null) + "]";
    }
}
