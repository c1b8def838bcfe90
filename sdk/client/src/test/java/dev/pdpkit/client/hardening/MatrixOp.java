package dev.pdpkit.client.hardening;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.core.RequestOptions;
import dev.pdpkit.client.model.CreatedProject;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.model.ProjectListParams;
import dev.pdpkit.client.model.RegionId;
import dev.pdpkit.client.services.GetOrCreateResult;

/** The operations of the fault matrix; each returns the id it is about (created, found, fetched or deleted). */
enum MatrixOp {
    LIST {
        @Override
        String call(PrismaManagement c, RequestOptions o) {
            return String.valueOf(c.projects().list(ProjectListParams.none(), o));
        }
    },
    GET {
        @Override
        String call(PrismaManagement c, RequestOptions o) {
            return c.projects().get(ProjectsApp.EXISTING, o).id();
        }
    },
    CREATE {
        @Override
        String call(PrismaManagement c, RequestOptions o) {
            CreatedProject p = c.projects().create(params().build(), o);
            return p.id();
        }
    },
    CREATE_WITH_LOGICAL_ID {
        @Override
        String call(PrismaManagement c, RequestOptions o) {
            return c.projects().create(params().logicalId("lg-new").build(), o).id();
        }
    },
    GET_OR_CREATE {
        @Override
        String call(PrismaManagement c, RequestOptions o) {
            GetOrCreateResult<CreatedProject, ?> r = c.projects().getOrCreate(params().logicalId("lg-new").build(), o);
            return r.id();
        }
    },
    DELETE {
        @Override
        String call(PrismaManagement c, RequestOptions o) {
            c.projects().delete(ProjectsApp.EXISTING, o);
            return ProjectsApp.EXISTING;
        }
    };

    abstract String call(PrismaManagement client, RequestOptions options);

    boolean creates() {
        return this == CREATE || this == CREATE_WITH_LOGICAL_ID || this == GET_OR_CREATE;
    }

    private static ProjectCreateParams.Builder params() {
        return ProjectCreateParams.builder().name("matrix").region(RegionId.EU_CENTRAL_1);
    }
}
