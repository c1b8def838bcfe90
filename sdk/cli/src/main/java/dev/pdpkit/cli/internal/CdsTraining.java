package dev.pdpkit.cli.internal;

import com.sun.net.httpserver.HttpServer;
import dev.pdpkit.cli.CliEnvironment;
import dev.pdpkit.cli.Pdp;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The training run the {@code pdp} launcher dumps a class-data-sharing archive from: it runs the commands scripts
 * call most against a canned loopback answer, so that the archive holds the classes of parsing, the whole command
 * tree, the client, HTTP and JSON. Not for users; it prints nothing.
 */
public final class CdsTraining {
    private static final byte[] ME = ("{\"data\":{\"user\":null,\"workspace\":{\"id\":\"wksp_training\",\"name\":"
            + "\"training\"},\"credential\":{\"type\":\"service_token\",\"id\":\"stk_training\",\"name\":\"t\"}}}")
            .getBytes(StandardCharsets.UTF_8);

    private CdsTraining() {
    }

    /**
     * @param args ignored
     * @throws IOException if the loopback server cannot start
     */
    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ME.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(ME);
            }
        });
        server.start();
        try (PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)) {
            Map<String, String> env = Map.of("PRISMA_SERVICE_TOKEN", "training-token",
                    "PRISMA_API_URL", "http://127.0.0.1:" + server.getAddress().getPort());
            CliEnvironment cli = new CliEnvironment(env, sink, sink, false, null);
            Pdp.run(cli, "whoami");
            Pdp.run(cli, "whoami", "--json");
            Pdp.run(cli, "--help");
            Pdp.run(cli, "--version");
        } finally {
            server.stop(0);
        }
    }
}
