package dev.pdpkit.oauth;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Options of a loopback login ({@link PrismaOAuth#loginWithLoopback(LoopbackOptions)}). Immutable; start from
 * {@link #defaults()} and change what you need:
 *
 * <pre>{@code
 * oauth.loginWithLoopback(LoopbackOptions.defaults().port(8765).timeout(Duration.ofMinutes(2)));
 * }</pre>
 */
public final class LoopbackOptions {
    private final int port;
    private final String path;
    private final Duration timeout;
    private final boolean openBrowser;
    private final Consumer<URI> browser;
    private final PrintStream output;
    private final List<String> scopes;
    private final Map<String, String> extraParams;

    private LoopbackOptions(int port, String path, Duration timeout, boolean openBrowser, Consumer<URI> browser,
                            PrintStream output, List<String> scopes, Map<String, String> extraParams) {
        this.port = port;
        this.path = path;
        this.timeout = timeout;
        this.openBrowser = openBrowser;
        this.browser = browser;
        this.output = output;
        this.scopes = scopes;
        this.extraParams = extraParams;
    }

    /**
     * @return port 0 (a free port), path {@code /callback}, five-minute timeout, open the system browser if there is
     *     one, print the URL on {@code System.err}, the client's default scopes
     */
    public static LoopbackOptions defaults() {
        return new LoopbackOptions(0, "/callback", Duration.ofMinutes(5), true, null, System.err, null, Map.of());
    }

    /**
     * @param port the port to listen on at 127.0.0.1; 0 picks a free one. The server accepts any port for loopback
     *     redirect URIs.
     * @return a copy with this port
     */
    public LoopbackOptions port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range");
        }
        return new LoopbackOptions(port, path, timeout, openBrowser, browser, output, scopes, extraParams);
    }

    /**
     * @param path the callback path, as registered (for example {@code /callback})
     * @return a copy with this path
     */
    public LoopbackOptions path(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /");
        }
        return new LoopbackOptions(port, path, timeout, openBrowser, browser, output, scopes, extraParams);
    }

    /**
     * @param timeout how long {@link LoopbackLogin#await()} waits for the callback
     * @return a copy with this timeout
     */
    public LoopbackOptions timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        return new LoopbackOptions(port, path, timeout, openBrowser, browser, output, scopes, extraParams);
    }

    /**
     * @param open false to only print the URL (for example on a server over SSH)
     * @return a copy
     */
    public LoopbackOptions openBrowser(boolean open) {
        return new LoopbackOptions(port, path, timeout, open, browser, output, scopes, extraParams);
    }

    /**
     * @param browser opens the authorization URL instead of {@code java.awt.Desktop}, for example a headless browser
     *     in tests or a platform-specific launcher
     * @return a copy
     */
    public LoopbackOptions browser(Consumer<URI> browser) {
        return new LoopbackOptions(port, path, timeout, true, Objects.requireNonNull(browser), output, scopes,
                extraParams);
    }

    /**
     * @param output where the URL is printed; default {@code System.err} so it does not mix with a tool's output
     * @return a copy
     */
    public LoopbackOptions output(PrintStream output) {
        return new LoopbackOptions(port, path, timeout, openBrowser, browser, Objects.requireNonNull(output), scopes,
                extraParams);
    }

    /**
     * @param scopes the scopes to request instead of the client's defaults
     * @return a copy
     */
    public LoopbackOptions scopes(Collection<String> scopes) {
        return new LoopbackOptions(port, path, timeout, openBrowser, browser, output, List.copyOf(scopes),
                extraParams);
    }

    /**
     * @param extraParams additional authorization URL parameters
     * @return a copy
     */
    public LoopbackOptions extraParams(Map<String, String> extraParams) {
        return new LoopbackOptions(port, path, timeout, openBrowser, browser, output, scopes,
                Map.copyOf(new LinkedHashMap<>(extraParams)));
    }

    int port() {
        return port;
    }

    String path() {
        return path;
    }

    Duration timeout() {
        return timeout;
    }

    boolean openBrowser() {
        return openBrowser;
    }

    Consumer<URI> browser() {
        return browser;
    }

    PrintStream output() {
        return output;
    }

    List<String> scopes() {
        return scopes;
    }

    Map<String, String> extraParams() {
        return extraParams;
    }

    @Override
    public String toString() {
        return "LoopbackOptions[port=" + port + ", path=" + path + ", timeout=" + timeout + ", openBrowser="
                + openBrowser + "]";
    }
}
