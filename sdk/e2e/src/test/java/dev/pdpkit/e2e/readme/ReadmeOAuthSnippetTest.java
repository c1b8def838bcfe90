package dev.pdpkit.e2e.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
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
        Path file = dir.resolve("OAuthInBrief.java");
        Files.writeString(file, source);

        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, "-d", dir.toString(), "-cp", classpath, file.toString());
        assertThat(rc).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(dir.resolve("OAuthInBrief.class")).exists();
    }
}
