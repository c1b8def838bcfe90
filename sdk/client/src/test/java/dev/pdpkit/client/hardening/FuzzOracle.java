package dev.pdpkit.client.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.core.Page;
import dev.pdpkit.client.errors.PrismaApiException;
import dev.pdpkit.client.errors.PrismaDecodeException;
import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.errors.PrismaNetworkException;
import dev.pdpkit.client.errors.PrismaPaginationException;
import dev.pdpkit.client.hardening.FuzzCase.Expect;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Runs one {@link FuzzCase} against the client and judges the outcome. */
final class FuzzOracle {
    /** Marks every secret of the base answers; no message or rendering may ever show it. */
    static final String SECRET_MARK = "SECRET-";

    /** The outcome's name for the summary, and what was wrong with it. */
    record Verdict(String outcome, List<String> violations) {
    }

    private FuzzOracle() {
    }

    static Verdict run(PrismaManagement client, FuzzCase c) {
        Object result;
        try {
            result = c.op().call(client);
        } catch (Throwable t) {
            return new Verdict(t.getClass().getSimpleName(), judgeError(c, t));
        }
        return new Verdict("returned", judgeResult(c, result));
    }

    static List<String> judgeError(FuzzCase c, Throwable t) {
        List<String> v = new ArrayList<>();
        if (!(t instanceof PrismaException)) {
            v.add("untyped " + t + " at " + (t.getStackTrace().length > 0 ? t.getStackTrace()[0] : "?"));
            return v;
        }
        if (String.valueOf(t.getMessage()).contains(SECRET_MARK) || t.toString().contains(SECRET_MARK)) {
            v.add("a secret in the message of " + t.getClass().getSimpleName());
        }
        Expect e = c.expect();
        boolean decode = t instanceof PrismaDecodeException && !(t instanceof PrismaPaginationException);
        if (e == Expect.PAGINATION && t instanceof PrismaPaginationException) {
            v.addAll(itemsSoFar(c, (PrismaPaginationException) t)); // the first page itself broke the contract
        } else if (e == Expect.MODEL || e == Expect.PAGINATION) {
            v.add("refused an answer it must read: " + t);
        } else if (e == Expect.MODEL_OR_DECODE && !(t instanceof PrismaDecodeException)) {
            v.add("expected a model or a PrismaDecodeException, got " + t);
        } else if (e == Expect.DECODE) {
            v.addAll(decodeWithRawBody(c, t, decode));
        } else if (e == Expect.DECODE_OR_NETWORK && !decode && !(t instanceof PrismaNetworkException)) {
            v.add("expected a PrismaDecodeException or PrismaNetworkException, got " + t);
        } else if (e == Expect.API_ERROR && !(t instanceof PrismaApiException
                && ((PrismaApiException) t).statusCode() == c.status())) {
            v.add("expected a PrismaApiException with status " + c.status() + ", got " + t);
        }
        return v;
    }

    private static List<String> decodeWithRawBody(FuzzCase c, Throwable t, boolean decode) {
        if (!decode) {
            return List.of("expected a PrismaDecodeException, got " + t);
        }
        byte[] raw = ((PrismaDecodeException) t).rawBody().orElse(null);
        return Arrays.equals(raw, c.replies().get(0).body()) ? List.of()
                : List.of("the PrismaDecodeException does not carry the exact raw body");
    }

    static List<String> judgeResult(FuzzCase c, Object result) {
        List<String> v = new ArrayList<>();
        Expect e = c.expect();
        if (e == Expect.DECODE || e == Expect.DECODE_OR_NETWORK) {
            v.add("returned a model from an answer it must refuse (silent alteration)");
        } else if (e == Expect.API_ERROR) {
            v.add("returned a model for status " + c.status());
        } else if (e == Expect.PAGINATION) {
            v.addAll(pagerBreaks(c, result));
        }
        ModelToucher toucher = new ModelToucher();
        toucher.touch(result);
        v.addAll(toucher.violations);
        toucher.renderings.stream().filter(r -> r.contains(SECRET_MARK)).findFirst()
                .ifPresent(r -> v.add("a secret in a toString() or message"));
        toucher.prismaErrors.stream().filter(x -> String.valueOf(x.getMessage()).contains(SECRET_MARK)).findFirst()
                .ifPresent(x -> v.add("a secret in the message of an accessor's " + x.getClass().getSimpleName()));
        v.addAll(unaltered(c, toucher));
        return v;
    }

    /** Every string and number a model handed out was served as such; a present, well-typed secret came back. */
    private static List<String> unaltered(FuzzCase c, ModelToucher toucher) {
        if (c.served().isEmpty()) {
            return List.of();
        }
        Set<String> strings = new HashSet<>();
        Set<BigDecimal> numbers = new HashSet<>();
        c.served().forEach(tree -> JsonPaths.leaves(tree, strings, numbers));
        if (c.op().paged()) {
            JsonPaths.leaves(c.op().body(), strings, numbers); // pages fetched after the scripted ones
        }
        List<String> v = new ArrayList<>();
        for (int i = 0; i < toucher.strings.size(); i++) {
            if (!strings.contains(toucher.strings.get(i))) {
                v.add("a string that was not served: " + abbreviate(toucher.strings.get(i)) + " from "
                        + toucher.stringSources.get(i));
                break;
            }
        }
        toucher.numbers.stream().filter(n -> !numbers.contains(ModelToucher.exact(n))).findFirst()
                .ifPresent(n -> v.add("a number that was not served: " + n));
        if (c.op().secret != null) {
            String secret = c.op().body().at(c.op().secret).textValue();
            boolean intact = c.served().stream().anyMatch(t -> secret.equals(t.at(c.op().secret).textValue()));
            if (intact && !toucher.strings.contains(secret)) {
                v.add("the one-time secret at " + c.op().secret + " was present and well-typed but not returned");
            }
        }
        return v;
    }

    private static List<String> pagerBreaks(FuzzCase c, Object result) {
        if (!(result instanceof Page)) {
            return List.of("a paged operation returned " + result);
        }
        int seen = 0;
        try {
            Iterator<?> it = ((Page<?>) result).autoPager().iterator();
            for (; seen < 1000 && it.hasNext(); seen++) {
                it.next();
            }
        } catch (PrismaPaginationException e) {
            return itemsSoFar(c, e);
        } catch (RuntimeException e) {
            return List.of("the auto-pager ended with " + e + " instead of a PrismaPaginationException");
        }
        return List.of("the auto-pager stopped silently after " + seen + " item(s)");
    }

    private static List<String> itemsSoFar(FuzzCase c, PrismaPaginationException e) {
        return e.itemsSoFar().size() == c.itemsBeforeBreak() ? List.of()
                : List.of("itemsSoFar() holds " + e.itemsSoFar().size() + " items, fetched " + c.itemsBeforeBreak());
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "...(" + s.length() + " chars)" : s;
    }
}
