package dev.pdpkit.e2e.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.fixtures.readme.Readme;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README's "OAuth in brief" snippet compiling against the OAuth module as it is. It is compiled only: it
 * talks to the real authorization server and opens a browser.
 */
class ReadmeOAuthSnippetTest {

    @TempDir
    Path dir;

    @Test
    void theOAuthSnippetCompiles() throws Exception {
        String source = Readme.javaBlockAfter("<!-- oauth:begin");
        assertThat(source).contains("oauth.logout()");
        Readme.compile(dir, "OAuthInBrief", source);
        assertThat(dir.resolve("OAuthInBrief.class")).exists();
    }
}
