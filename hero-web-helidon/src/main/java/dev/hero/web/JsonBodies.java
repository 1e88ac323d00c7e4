package dev.hero.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.common.buffers.DataReader;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectTransportRequest;
import io.helidon.webserver.http.ServerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a request body that must be a JSON object, in this order: the media type (415 unless JSON;
 * none given is read as JSON, as FastAPI does), the size (413 past the limit, from Content-Length before
 * reading and by counting while reading, which also covers chunked bodies), then the JSON itself (422).
 * A body must arrive within the body timeout: past it the handler's thread is interrupted, which on the
 * virtual thread Helidon runs it on closes the socket (408 for the access log; the client is gone).
 * <p>Bodies held at once are bounded in bytes too ({@link #budgetFor}): a body is read only after its size (the
 * announced length, or the largest allowed for a chunked body) fits in what the bodies in flight leave of the budget;
 * otherwise it gets 503 with {@code Retry-After} at once, before it is read. So a burst of large bodies on many
 * connections is shed instead of filling the heap (reading one costs a few times its size: the bytes, the decoded
 * text, the tree).
 */
final class JsonBodies {

    /** One daemon thread that only fires deadlines; cancelled deadlines leave its queue at once. */
    private static final ScheduledExecutorService DEADLINES = deadlines();

    private final long maxBytes;
    private final long timeoutNanos;
    /** Bytes of bodies that may be in memory at once; each body being read holds its size in permits. */
    private final Semaphore budget;
    private final int budgetBytes;

    JsonBodies(WebLimits limits) {
        this(limits, budgetFor(limits.maxBodyBytes(), Runtime.getRuntime().maxMemory()));
    }

    JsonBodies(WebLimits limits, int budgetBytes) {
        this.maxBytes = limits.maxBodyBytes();
        this.timeoutNanos = limits.readTimeout().toNanos();
        this.budgetBytes = budgetBytes;
        this.budget = new Semaphore(budgetBytes);
    }

    /**
     * A sixteenth of the heap, and never less than one body of the largest size: with the runtime image's 40 MiB heap
     * 2.5 MiB, two bodies of 1 MiB at once (a hero's body is a few dozen bytes).
     */
    static int budgetFor(long maxBodyBytes, long maxHeapBytes) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(maxBodyBytes + 1, maxHeapBytes / 16));
    }

    private static ScheduledExecutorService deadlines() {
        var executor = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("hero-body-deadline").factory());
        executor.setRemoveOnCancelPolicy(true);
        return Executors.unconfigurableScheduledExecutorService(executor);
    }

    /**
     * @return the body, a JSON object
     * @throws HttpException           415 or 413
     * @throws InvalidRequestException 422: no body, malformed JSON, or a JSON value that is not an object
     */
    JsonNode readObject(ServerRequest request) {
        requireJsonMediaType(request);
        byte[] bytes = readBytes(request);
        if (bytes.length == 0) {
            throw new InvalidRequestException(Problem.bodyMissing());
        }
        JsonNode body;
        try {
            body = Json.parse(bytes);
        } catch (MalformedJsonException e) {
            throw new InvalidRequestException(Problem.jsonInvalid(e.position(), e.description()));
        }
        if (body.isNull()) {
            // FastAPI reads a JSON null body as no body at all
            throw new InvalidRequestException(Problem.bodyMissing());
        }
        if (!body.isObject()) {
            throw new InvalidRequestException(Problem.bodyNotAnObject());
        }
        return body;
    }

    private static void requireJsonMediaType(ServerRequest request) {
        if (!request.headers().contains(HeaderNames.CONTENT_TYPE)) {
            return;
        }
        String value = request.headers().get(HeaderNames.CONTENT_TYPE).get();
        int parameters = value.indexOf(';');
        String mediaType = (parameters < 0 ? value : value.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !(mediaType.startsWith("application/") && mediaType.endsWith("+json"))) {
            throw new HttpException("Unsupported Media Type", Status.UNSUPPORTED_MEDIA_TYPE_415, true);
        }
    }

    private byte[] readBytes(ServerRequest request) {
        OptionalLong declared = request.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > maxBytes) {
            throw tooLarge();
        }
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        int size = (int) Math.min(budgetBytes, declared.isPresent() ? declared.getAsLong() : maxBytes + 1);
        if (!budget.tryAcquire(size)) {
            throw overBudget();
        }
        try {
            return readBytes(request, declared);
        } finally {
            budget.release(size);
        }
    }

    private byte[] readBytes(ServerRequest request, OptionalLong declared) {
        Thread reader = Thread.currentThread();
        AtomicBoolean reading = new AtomicBoolean(true);
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
            if (reading.compareAndSet(true, false)) {
                reader.interrupt();
            }
        }, timeoutNanos, TimeUnit.NANOSECONDS);
        try (InputStream in = request.content().inputStream()) {
            byte[] bytes = in.readNBytes((int) maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            return bytes;
        } catch (HttpException | RequestException | DataReader.InsufficientDataAvailableException e) {
            // ours (413), Helidon's (413 for a chunked body past the limit), or a body cut short (ErrorMapper)
            Drain.requireNotCutOff(request);
            if (!reading.get()) {
                throw tooSlow(e);
            }
            throw e;
        } catch (IOException | RuntimeException e) {
            // the stop may have answered this request already, and closed its connection
            Drain.requireNotCutOff(request);
            if (!reading.get()) {
                throw tooSlow(e);
            }
            // the body's framing is broken (a chunk size that is not hexadecimal, ...) or the connection failed
            // while reading it: either way the request's fault or the client's, never a server error
            throw malformedBody(request, e);
        } finally {
            if (reading.compareAndSet(true, false)) {
                deadline.cancel(false);
            } else {
                Thread.interrupted(); // the deadline fired as the body ended: the body is whole, forget the interrupt
            }
        }
    }

    /**
     * A {@link RequestException}, as Helidon raises for its own framing errors: it is answered by the direct
     * handler (JSON, in the layout the request's headers ask for) and the connection closed, without Helidon trying
     * to read the rest of the broken body first.
     */
    private static RequestException malformedBody(ServerRequest request, Exception cause) {
        return RequestException.builder()
                .request(DirectTransportRequest.create(request.prologue(), request.headers()))
                .type(DirectHandler.EventType.BAD_REQUEST)
                .status(Status.BAD_REQUEST_400)
                .message("Malformed request body: " + cause.getClass().getSimpleName())
                .setKeepAlive(false)
                .build();
    }

    private static HttpException tooSlow(Exception cause) {
        // the cause through the constructor: the constructor without one sets it to null, after which initCause throws
        return new HttpException("Request Timeout", Status.REQUEST_TIMEOUT_408, cause, false);
    }

    private static HttpException overBudget() {
        // not kept alive: the body is not read
        return new HttpException("Service Unavailable", Status.SERVICE_UNAVAILABLE_503, false).header(ErrorAnswers.RETRY_AFTER);
    }

    private static HttpException tooLarge() {
        // not kept alive: the rest of the body is not read (nor is it sent, by a client that asked to continue)
        return new HttpException("Request Entity Too Large", Status.REQUEST_ENTITY_TOO_LARGE_413, false);
    }
}
