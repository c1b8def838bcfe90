package dev.pdpkit.client.hardening;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dns;

/**
 * Resolves every name to 127.0.0.1, except for the first {@code failures} look-ups: those either fail (an unresolvable
 * host) or give 127.0.0.2, where nothing listens (a refused connection). Both are real failures of this machine's
 * network stack; only their timing is scripted.
 */
final class FlakyDns implements Dns {
    private final boolean refuse;
    private final AtomicInteger failures;

    FlakyDns(boolean refuse, int failures) {
        this.refuse = refuse;
        this.failures = new AtomicInteger(failures);
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        if (failures.getAndDecrement() > 0) {
            if (!refuse) {
                throw new UnknownHostException(hostname);
            }
            return List.of(InetAddress.getByAddress(hostname, new byte[] {127, 0, 0, 2}));
        }
        return List.of(InetAddress.getByAddress(hostname, new byte[] {127, 0, 0, 1}));
    }
}
