package dev.pdpkit.spring.boot.test;

import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.auth.RegisteredClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Starts one emulator for one application context and closes it with that context. Two customizers with the same
 * settings are equal, so Spring caches and shares the context (and its emulator) between test classes.
 */
final class PrismaEmulatorContextCustomizer implements ContextCustomizer {
    static final String BEAN_NAME = "prismaEmulator";
    static final String PROPERTY_SOURCE = "pdpkit-emulator";

    private final long provisioningDelayMillis;
    private final boolean oauth;

    PrismaEmulatorContextCustomizer(long provisioningDelayMillis, boolean oauth) {
        this.provisioningDelayMillis = provisioningDelayMillis;
        this.oauth = oauth;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        PrismaEmulator emulator = PrismaEmulator.builder()
                .provisioningDelay(Duration.ofMillis(provisioningDelayMillis))
                .start();
        context.addApplicationListener(new ApplicationListener<ContextClosedEvent>() {
            @Override
            public void onApplicationEvent(ContextClosedEvent event) {
                if (event.getApplicationContext() == context) {
                    emulator.close();
                }
            }
        });
        context.getBeanFactory().registerSingleton(BEAN_NAME, emulator);
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        MapPropertySource ours = new MapPropertySource(PROPERTY_SOURCE, properties(emulator));
        String inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
        if (sources.contains(inlined)) {
            sources.addAfter(inlined, ours);
        } else {
            sources.addFirst(ours);
        }
    }

    private Map<String, Object> properties(PrismaEmulator emulator) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("pdpkit.base-url", emulator.baseUrl());
        p.put("pdpkit.service-token", emulator.partnerServiceToken());
        p.put("pdpkit.oauth.issuer", emulator.issuerUrl());
        if (oauth) {
            RegisteredClient client = emulator.partnerClient();
            p.put("pdpkit.oauth.client-id", client.clientId());
            p.put("pdpkit.oauth.client-secret", client.clientSecret());
            p.put("pdpkit.oauth.redirect-uri", client.redirectUris().get(0));
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrismaEmulatorContextCustomizer other
                && other.provisioningDelayMillis == provisioningDelayMillis && other.oauth == oauth;
    }

    @Override
    public int hashCode() {
        return Objects.hash(provisioningDelayMillis, oauth);
    }
}
