package consumer;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.ProjectCreateParams;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;

/** A partner backend: the starter provides the client from pdpkit.* properties. */
@SpringBootApplication
public class ConsumerApplication {
    public static void main(String[] args) {
        SpringApplication.run(ConsumerApplication.class, args);
    }

    /** Provisions a project per customer. */
    @Service
    public static class Provisioning {
        private final PrismaManagement prisma;

        public Provisioning(PrismaManagement prisma) {
            this.prisma = prisma;
        }

        public String provision(String customer) {
            return prisma.projects().create(ProjectCreateParams.builder().name(customer).build()).id();
        }
    }
}
