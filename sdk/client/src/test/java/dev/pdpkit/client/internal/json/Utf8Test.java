package dev.pdpkit.client.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The strict UTF-8 check: what it accepts and the offset of the first sequence it refuses. */
class Utf8Test {
    @Test
    void refusesWhatWouldAlterDataAndNamesWhere() {
        assertThat(Utf8.firstInvalid(new byte[0])).isEqualTo(-1);
        assertThat(Utf8.firstInvalid("{\"name\":\"plain ascii, longer than a word\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(-1);
        assertThat(Utf8.firstInvalid("0123456789abcdé€😀".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        assertThat(Utf8.firstInvalid(new byte[] {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 0, 'k'})).isEqualTo(9);
        assertThat(Utf8.firstInvalid(new byte[] {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', (byte) 0xc0, (byte) 0x80}))
                .isEqualTo(8); // overlong NUL
        assertThat(Utf8.firstInvalid(new byte[] {'a', (byte) 0xed, (byte) 0xa0, (byte) 0x80})).isEqualTo(1); // surrogate
        assertThat(Utf8.firstInvalid(new byte[] {'a', 'b', 'c', 'd', 'e', 'f', 'g', (byte) 0xe2, (byte) 0x82}))
                .isEqualTo(7); // truncated at the end
        assertThat(Utf8.firstInvalid(new byte[] {'x', (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}))
                .isEqualTo(1); // above U+10FFFF
        assertThat(Utf8.firstInvalid(new byte[] {'x', 'y', (byte) 0x80})).isEqualTo(2); // a lone continuation byte
        assertThat(Utf8.firstInvalid(new byte[] {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80})).isZero();
    }
}
