package dev.pdpkit.spring.boot.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A minimal Boot application: whatever auto-configuration the classpath offers, nothing else. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestApplication {
}
