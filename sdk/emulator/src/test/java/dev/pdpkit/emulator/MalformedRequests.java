package dev.pdpkit.emulator;

import dev.pdpkit.emulator.RawHttp.Step;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generates bad requests from a seed, as raw bytes: malformed JSON and charsets, wrong types, oversized bodies, odd
 * paths and encodings, bad credentials, bad cursors and limits, wrong methods, protocol junk and slow clients.
 */
final class MalformedRequests {
    /** Ids the requests refer to: real ones of the caller, and the other workspace's. */
    record Ids(String token, String otherToken, String workspaceId, String projectId, String databaseId,
               String connectionId) {
    }

    /** One generated request; {@code steps} holds more than one step for a slow client. */
    record Case(String category, String summary, Step[] steps) {
    }

    static final List<String> CATEGORIES = List.of("json", "charset", "types", "oversized", "paths", "auth",
            "paging", "methods", "protocol", "oauth", "slow");
    private static final String[] BODY_TARGETS = {"POST /v1/projects", "PATCH /v1/projects/{p}",
        "POST /v1/databases", "PATCH /v1/databases/{d}", "POST /v1/projects/{p}/databases",
        "POST /v1/databases/{d}/connections", "POST /v1/connections", "POST /v1/projects/{p}/transfer",
        "POST /v1/workspaces/{w}/service-tokens", "POST /v1/buckets", "POST /v1/databases/{d}/restore"};
    private static final String[] LISTS = {"/v1/projects", "/v1/databases", "/v1/connections", "/v1/buckets",
        "/v1/integrations", "/v1/projects/{p}/databases", "/v1/databases/{d}/connections",
        "/v1/databases/{d}/backups", "/v1/workspaces/{w}/service-tokens", "/v1/workspaces", "/v1/regions"};
    private static final String[] FIELDS = {"name", "region", "isDefault", "projectId", "branchId", "branchGitName",
        "logicalId", "source", "fromDatabase", "recipientAccessToken", "settings", "createDatabase", "expiresAt"};

    private final Random random;
    private final Ids ids;

    MalformedRequests(long seed, Ids ids) {
        this.random = new Random(seed);
        this.ids = ids;
    }

    Case next() {
        String category = CATEGORIES.get(pickCategory());
        switch (category) {
            case "json": return body(category, target(), "application/json", utf8(badJson()));
            case "charset": return charset();
            case "types": return body(category, target(), "application/json", utf8(wrongTypes()));
            case "oversized": return oversized();
            case "paths": return plain(category, pick("GET", "POST", "DELETE", "PATCH"), oddPath(), auth(true));
            case "auth": return plain(category, "GET", pick(LISTS), badAuth());
            case "paging": return plain(category, "GET", pick(LISTS) + "?" + badPaging(), auth(true));
            case "methods": return plain(category, pick("PUT", "OPTIONS", "TRACE", "FOO", "HEAD", "CONNECT",
                    "DELETE", "PATCH", "POST"), pick(LISTS), auth(true));
            case "protocol": return protocol();
            case "oauth": return oauth();
            default: return slow();
        }
    }

    /** Slow clients cost a timeout each, so they are rare; the rest are spread evenly. */
    private int pickCategory() {
        return random.nextInt(200) == 0 ? CATEGORIES.size() - 1 : random.nextInt(CATEGORIES.size() - 1);
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private String target() {
        return pick(BODY_TARGETS).replace("{p}", id(ids.projectId())).replace("{d}", id(ids.databaseId()))
                .replace("{w}", id(ids.workspaceId()));
    }

    private String id(String real) {
        int r = random.nextInt(6);
        return r < 4 ? real : r == 4 ? "proj_" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) : "%00";
    }

    private String auth(boolean good) {
        return "Authorization: Bearer " + (good ? (random.nextInt(5) == 0 ? ids.otherToken() : ids.token())
                : "nope") + "\r\n";
    }

    private String badJson() {
        String valid = "{\"name\":\"fuzz-" + random.nextInt(1000) + "\",\"region\":\"us-east-1\"}";
        switch (random.nextInt(9)) {
            case 0: return valid.substring(0, random.nextInt(valid.length()));
            case 1: return valid + pick(" x", "}", "{}", "null", ",", "\u0000");
            case 2: return "[".repeat(1 + random.nextInt(5000)) + "]".repeat(random.nextInt(3));
            case 3: return "{\"name\":" + "9".repeat(1 + random.nextInt(400)) + "e99999}";
            case 4: return pick("null", "true", "1", "\"s\"", "[]", "[{}]", "", "   ");
            case 5: return "{\"name\":\"\\u" + pick("D800", "zzzz", "12", "DFFF") + "\"}";
            case 6: return "{'name':'single'}";
            case 7: return "{\"name\":\"a\",\"name\":\"b\"}";
            default: return randomAscii(1 + random.nextInt(200));
        }
    }

    private String wrongTypes() {
        StringBuilder b = new StringBuilder("{");
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append('"').append(pick(FIELDS)).append("\":").append(pick("5", "-1",
                    "true", "null", "[]", "{}", "\"\"", "[1,2]", "{\"type\":\"nope\"}", "1e400", "\"x\"",
                    "{\"type\":\"backup\"}", "\"" + "n".repeat(5000) + "\""));
        }
        return b.append('}').toString();
    }

    private Case charset() {
        String type = pick("application/json; charset=nonsense", "application/json; charset=ISO-8859-1",
                "application/json; charset=utf-16", "application/json; charset=\"\"", "application/json;charset",
                "text/plain", "application/xml", "", "application/json; charset=utf-8; charset=latin1", "*/*",
                "application/json; boundary=%%%");
        byte[] body = random.nextBoolean() ? utf8("{\"name\":\"x\"}")
                : new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) (0x80 + random.nextInt(0x7f)),
                    '"', '}'};
        return body("charset", target(), type, body);
    }

    private Case oversized() {
        String t = target();
        String line = t.substring(0, t.indexOf(' ')) + " " + t.substring(t.indexOf(' ') + 1);
        int kind = random.nextInt(4);
        if (kind == 0) {
            byte[] big = new byte[1024 * 1024 + 1 + random.nextInt(2048)];
            java.util.Arrays.fill(big, (byte) 'a');
            return body("oversized", t, "application/json", big);
        }
        String declared = kind == 1 ? "1000000000" : kind == 2 ? "99999999999999999999" : "1048577";
        String head = line + " HTTP/1.1\r\n" + (random.nextBoolean() ? auth(true) : auth(false))
                + "Content-Type: application/json\r\nContent-Length: " + declared + "\r\n\r\n{\"name\":";
        if (random.nextInt(3) == 0) {
            // unauthenticated and really sent: the journal must not keep it
            byte[] body = new byte[512 * 1024];
            java.util.Arrays.fill(body, (byte) 'b');
            return body("oversized", t, "application/json", body, false);
        }
        return new Case("oversized", head, new Step[] {new Step(ascii(head), 0)});
    }

    private String oddPath() {
        String base = pick("/v1/projects/", "/v1/databases/", "/v1/", "/", "/v1/workspaces/", "/v1/connections/");
        switch (random.nextInt(10)) {
            case 0: return base + "%" + pick("", "Z", "ZZ", "4", "G1");
            case 1: return base + "%00" + pick("", "/connections", "%0A");
            case 2: return base + "%C3%28" + pick("", "?x=1");
            case 3: return base + "..%2F..%2F" + pick("etc", "v1/me");
            case 4: return base + "a".repeat(1 + random.nextInt(8000));
            case 5: return "/v1//projects//" + pick("", "x");
            case 6: return base + "%F0%9F%98%80" + "/%E2%80%AE";
            case 7: return base + "?" + pick("%", "a=%ZZ", "=&&=", "cursor=%FF", "#frag");
            case 8: return pick("*", "http://evil.example/v1/me", "https://x", "v1/me", "//");
            default: return base + randomAscii(1 + random.nextInt(30)).replace(" ", "%20");
        }
    }

    private String badAuth() {
        String h = pick("", "Authorization:\r\n", "Authorization: Bearer\r\n", "Authorization: Basic dXNlcjpwYXNz\r\n",
                "Authorization: Bearer a b\r\n", "Authorization: bearer " + ids.token() + "x\r\n",
                "Authorization: Bearer " + "t".repeat(10000) + "\r\n", "Authorization: Token " + ids.token() + "\r\n",
                "Authorization: Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.\r\n",
                "Authorization: Bearer " + ids.token() + "\r\nAuthorization: Bearer other\r\n",
                "Authorization: Bearer \u00e9\u00e8\r\n", "Authorization: Bearer x\u0001y\r\n");
        return h;
    }

    private String badPaging() {
        return pick("cursor=", "cursor=garbage", "cursor=" + randomAscii(40).replaceAll("[^A-Za-z0-9]", "A"),
                "limit=0", "limit=-1", "limit=abc", "limit=1.5", "limit=99999999999999999999", "limit=1e3",
                "limit=1&limit=2", "cursor=a&cursor=b", "limit=", "limit=%20", "branchId=", "logicalId=%00",
                "projectId=nope", "limit=1000000", "cursor=eyJpZCI6MX0");
    }

    private Case protocol() {
        String good = "Authorization: Bearer " + ids.token() + "\r\n";
        String raw = pick("GET /v1/projects HTTP/1.1\n" + good.replace("\r\n", "\n") + "\n",
                "GET /v1/projects\r\n\r\n", "GET /v1/projects HTTP/0.9\r\n\r\n", "GET  /v1/projects HTTP/1.1\r\n\r\n",
                "get /v1/projects HTTP/1.1\r\n" + good + "\r\n", "GET /v1/projects HTTP/1.1\r\nNoColon\r\n\r\n",
                "GET /v1/projects HTTP/1.1\r\n folded: x\r\n\r\n", "\r\n\r\nGET /v1/me HTTP/1.1\r\n" + good + "\r\n",
                "GET /v1/me HTTP/1.1\r\nX: " + "y".repeat(40000) + "\r\n\r\n", "GET /v1/me HTTP/1.1\r\rHost: x\r\n\r\n",
                "POST /v1/projects HTTP/1.1\r\n" + good + "Transfer-Encoding: chunked\r\n\r\nzz\r\n",
                "POST /v1/projects HTTP/1.1\r\n" + good + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n{}",
                "POST /v1/projects HTTP/1.1\r\n" + good + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
                "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003" + "\r\n\r\n",
                randomAscii(1 + random.nextInt(100)) + "\r\n\r\n");
        return new Case("protocol", raw.length() > 60 ? raw.substring(0, 60) : raw, new Step[] {new Step(
                raw.getBytes(StandardCharsets.ISO_8859_1), 0)});
    }

    private Case oauth() {
        String path = pick("/token", "/revoke", "/authorize", "/.well-known/jwks.json",
                "/.well-known/oauth-authorization-server");
        if (path.equals("/authorize")) {
            return plain("oauth", pick("GET", "POST", "PUT"), path + pick("", "?client_id=", "?client_id=nope",
                    "?client_id=pdpkit-public-client", "?client_id=pdpkit-public-client&redirect_uri=http://evil/",
                    "?client_id=a&client_id=b", "?%"), "");
        }
        String form = pick("", "grant_type=password", "grant_type=authorization_code&code=x&redirect_uri=y",
                "grant_type=refresh_token&refresh_token=nope&client_id=pdpkit-public-client", "token=x",
                "client_id=pdpkit-partner-app&client_secret=wrong&grant_type=refresh_token&refresh_token=a",
                "%%%", "a=1&a=2", randomAscii(50));
        return body("oauth", pick("POST", "GET", "DELETE") + " " + path, "application/x-www-form-urlencoded",
                utf8(form), false);
    }

    private Case slow() {
        boolean headOnly = random.nextBoolean();
        String head = "POST /v1/projects HTTP/1.1\r\n" + auth(true) + "Content-Type: application/json\r\n";
        if (headOnly) {
            return new Case("slow", "slow head", new Step[] {new Step(ascii(head), 900)});
        }
        return new Case("slow", "slow body", new Step[] {new Step(ascii(head + "Content-Length: 40\r\n\r\n{"), 900)});
    }

    private Case plain(String category, String method, String target, String headers) {
        String raw = method + " " + target + " HTTP/1.1\r\nHost: emulator\r\n" + headers + "\r\n";
        return new Case(category, method + " " + shorten(target), new Step[] {new Step(ascii(raw), 0)});
    }

    private Case body(String category, String methodAndPath, String contentType, byte[] body) {
        return body(category, methodAndPath, contentType, body, true);
    }

    private Case body(String category, String methodAndPath, String contentType, byte[] body, boolean goodAuth) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        String auth = methodAndPath.contains("/v1/") ? auth(goodAuth) : "";
        raw.writeBytes(ascii(methodAndPath + " HTTP/1.1\r\nHost: emulator\r\n" + auth
                + (contentType.isEmpty() ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + body.length + "\r\n\r\n"));
        raw.writeBytes(body);
        return new Case(category, methodAndPath + " (" + body.length + " bytes)",
                new Step[] {new Step(raw.toByteArray(), 0)});
    }

    private String randomAscii(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) (0x20 + random.nextInt(0x5f)));
        }
        return b.toString();
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
