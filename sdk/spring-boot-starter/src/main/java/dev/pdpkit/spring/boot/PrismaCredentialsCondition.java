package dev.pdpkit.spring.boot;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Matches when {@code pdpkit.service-token} or {@code pdpkit.oauth.client-id} is set. */
class PrismaCredentialsCondition extends AnyNestedCondition {

    PrismaCredentialsCondition() {
        super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty(prefix = "pdpkit", name = "service-token")
    static class ServiceToken {
    }

    @ConditionalOnProperty(prefix = "pdpkit.oauth", name = "client-id")
    static class OAuthClient {
    }
}
