package dev.pdpkit.client.hardening;

/** The status half of the contract's retry table, as the tests read it. */
final class RetryTable {
    private RetryTable() {
    }

    /** @return true for 408, 429 and every 5xx except 501 and 505 */
    static boolean statusRetryable(int status) {
        return status == 408 || status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505);
    }
}
