package dev.pdpkit.spring.boot.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Reports each HTTP attempt to a {@link CallObserver} from inside OkHttp. The client does not yet tell its operation
 * ids or retry decisions to outsiders, so the operation is named by method and path template, where every second
 * segment after {@code /v1} (the API's ids) becomes a placeholder, and a retry is not known here.
 */
public final class ObservingInterceptor implements Interceptor {
    private final CallObserver observer;

    /** @param observer receives every attempt */
    public ObservingInterceptor(CallObserver observer) {
        this.observer = observer;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String template = template(request.url().encodedPathSegments());
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            report(request, template, response.code(), null, start);
            return response;
        } catch (IOException | RuntimeException e) {
            report(request, template, -1, e.getClass().getSimpleName(), start);
            throw e;
        }
    }

    private void report(Request request, String template, int status, String failure, long start) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        try {
            observer.onAttempt(new CallAttempt(request.method() + " " + template, request.method(), template, 1,
                    status, failure, took, false));
        } catch (RuntimeException ignored) {
            // metrics must never break a call
        }
    }

    static String template(List<String> segments) {
        StringBuilder out = new StringBuilder();
        int afterV1 = -1;
        for (String segment : segments) {
            if (segment.isEmpty()) {
                continue;
            }
            if (afterV1 < 0 && "v1".equals(segment)) {
                afterV1 = 0;
                out.append("/v1");
                continue;
            }
            boolean id = afterV1 >= 0 && afterV1 % 2 == 1;
            out.append('/').append(id ? "{id}" : segment);
            if (afterV1 >= 0) {
                afterV1++;
            }
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}
