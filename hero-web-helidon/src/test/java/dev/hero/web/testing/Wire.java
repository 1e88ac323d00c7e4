package dev.hero.web.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A test client for a Hero server on this machine: java.net.http for polite requests ({@link #send}), a raw
 * socket for bytes no well-behaved client would send ({@link #raw}: a broken request line, a bad header, a
 * stalled body). The web adapter's socket tests and hero-app's reliability tests share it through
 * hero-web-helidon's test-jar.
 */
public final class Wire {

    public static final ObjectMapper JSON = new ObjectMapper();

    private static final int READ_TIMEOUT_MILLIS = 10_000;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private Wire() {
    }

    /**
     * A status (-1 when the server closed the connection without answering), the header fields by name in any
     * case, and the body as text.
     */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        /** The values of one header field, none when it is absent. */
        public List<String> header(String name) {
            return headers.getOrDefault(name, List.of());
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public boolean isJsonWithDetail() {
            try {
                JsonNode node = JSON.readTree(body);
                return node != null && node.has("detail");
            } catch (IOException e) {
                return false;
            }
        }
    }

    /**
     * An answer read to the end of the stream, as a client reads that was told {@code Connection: close}.
     *
     * @param answer      what the server said
     * @param closedAfter how long after the answer was complete the server closed the connection (an end of stream or a
     *                    reset); empty when it did not within the read timeout (10 s)
     * @param after       what the server sent after the answer, as ISO-8859-1 text (nothing, from a server that answers
     *                    each request once)
     */
    public record Ending(Answer answer, Optional<Duration> closedAfter, String after) {
    }

    /** One request through java.net.http; no body at all when {@code body} is {@code null}. */
    public static Answer send(HttpClient client, int port, String method, String pathAndQuery, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().map(), response.body());
    }

    /** Writes raw bytes, then reads until the server closes, a read times out or a complete answer arrived. */
    public static Answer raw(int port, byte[] request) throws IOException {
        return exchange(port, request, false);
    }

    /** As {@link #raw(int, byte[])}, with the request as ISO-8859-1 text (every char one byte). */
    public static Answer raw(int port, String request) throws IOException {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    /** As {@link #raw(int, String)}, then closes the sending side, as a client does that has nothing more to send. */
    public static Answer rawThenHalfClose(int port, String request) throws IOException {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), true);
    }

    /**
     * As {@link #raw(int, String)}, then goes on reading: whether, and how soon after its answer, the server closes the
     * connection. The client never closes its side first.
     */
    public static Ending rawToTheEnd(int port, String request) throws IOException {
        try (Socket socket = send(port, request.getBytes(StandardCharsets.ISO_8859_1), false)) {
            byte[] received = readUntilClosedOrComplete(socket.getInputStream());
            long answered = System.nanoTime();
            Answer answer = parse(received);
            Optional<Duration> closedAfter;
            ByteArrayOutputStream after = new ByteArrayOutputStream();
            int answerLength = answerLength(received);
            after.write(received, answerLength, received.length - answerLength);
            try {
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[8192];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    after.write(buffer, 0, read);
                }
                closedAfter = Optional.of(Duration.ofNanos(System.nanoTime() - answered));
            } catch (SocketTimeoutException stillOpen) {
                closedAfter = Optional.empty();
            } catch (SocketException reset) {
                closedAfter = Optional.of(Duration.ofNanos(System.nanoTime() - answered));
            }
            return new Ending(answer, closedAfter, after.toString(StandardCharsets.ISO_8859_1));
        }
    }

    private static Answer exchange(int port, byte[] request, boolean halfClose) throws IOException {
        try (Socket socket = send(port, request, halfClose)) {
            return parse(readUntilClosedOrComplete(socket.getInputStream()));
        }
    }

    /** A connection with the request written (as far as the server read it before closing). */
    private static Socket send(int port, byte[] request, boolean halfClose) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        try {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (SocketException closedWhileSending) {
                // the server may answer and close before reading everything: read what it said
            }
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static byte[] readUntilClosedOrComplete(InputStream in) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                received.write(buffer, 0, read);
                if (isComplete(received.toByteArray())) {
                    break;
                }
            }
        } catch (IOException stoppedReading) {
            // a timeout or a reset: what arrived so far is the answer
        }
        return received.toByteArray();
    }

    /** A head and as many body bytes as its Content-Length says; without that header only a close ends the answer. */
    private static boolean isComplete(byte[] response) {
        int end = headEnd(response);
        if (end < 0) {
            return false;
        }
        List<String> length = headerFields(head(response, end)).get("content-length");
        return length != null && response.length - (end + 4) >= Long.parseLong(length.getFirst());
    }

    /** How many of these bytes the first answer takes (all of them, when it has no Content-Length). */
    private static int answerLength(byte[] response) {
        int end = headEnd(response);
        List<String> length = end < 0 ? null : headerFields(head(response, end)).get("content-length");
        return length == null ? response.length : (int) Math.min(response.length, end + 4 + Long.parseLong(length.getFirst()));
    }

    private static Answer parse(byte[] response) {
        int end = headEnd(response);
        String head = end < 0 ? "" : head(response, end);
        if (!head.startsWith("HTTP/")) {
            return new Answer(-1, Map.of(), new String(response, StandardCharsets.UTF_8));
        }
        int status = Integer.parseInt(head.substring(9, 12));
        String body = new String(response, end + 4, response.length - (end + 4), StandardCharsets.UTF_8);
        return new Answer(status, headerFields(head), body);
    }

    private static String head(byte[] response, int end) {
        return new String(response, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** The fields of a head (its status line skipped), by name in any case, each value trimmed. */
    private static Map<String, List<String>> headerFields(String head) {
        Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                fields.computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        return fields;
    }

    /** Where the head's closing blank line starts, or -1 when the head is not complete yet. */
    private static int headEnd(byte[] response) {
        for (int i = 0; i + 3 < response.length; i++) {
            if (response[i] == '\r' && response[i + 1] == '\n' && response[i + 2] == '\r' && response[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
