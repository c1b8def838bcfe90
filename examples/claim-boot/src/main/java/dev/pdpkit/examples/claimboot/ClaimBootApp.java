package dev.pdpkit.examples.claimboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The partner claim flow on Spring Boot: the starter provides {@code PrismaManagement} and {@code ClaimFlow} from
 * {@code pdpkit.*}, and, with {@code pdpkit.claim.store=jdbc}, pending claims and used states live in the
 * application's PostgreSQL, so the instance that receives the callback need not be the one that started the claim.
 */
@SpringBootApplication
public class ClaimBootApp {
    /**
     * Runs the application.
     *
     * @param args Spring Boot arguments, for example {@code --server.port=8080}
     */
    public static void main(String[] args) {
        SpringApplication.run(ClaimBootApp.class, args);
    }
}
