package dev.pdpkit.cli.commands;

import dev.pdpkit.cli.internal.PdpCommand;
import dev.pdpkit.cli.internal.Session;
import dev.pdpkit.client.model.Region;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pdp regions}: the regions databases and Accelerate can run in. */
@Command(name = "regions", description = "List regions.")
public final class RegionsCommand extends PdpCommand {
    @Mixin
    Paging paging = new Paging();

    @Option(names = "--product", paramLabel = "PRODUCT", description = "Only regions of this product: postgres or"
            + " accelerate.")
    String product;

    RegionsCommand(Session session) {
        super(session);
    }

    @Override
    protected int run() {
        List<Region> regions = client().regions().list().stream()
                .filter(r -> product == null || r.product() != null && product.equals(r.product().asString()))
                .collect(Collectors.toList());
        out().list(paging.collect(regions, Views::region), "id", "name", "product", "status");
        return 0;
    }
}
