package dev.hero.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends bytes no well-behaved client would send (a broken request line, a bad header) to a local server
 * and reads what comes back until the server closes the connection or a timeout passes.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** @return the status code, the headers (lower-cased names) and the body, as text */
    static Raw exchange(int port, String request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return Raw.parse(readUntilClosedOrComplete(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #exchange}, then closes the sending side, as a client does that has nothing more to send. */
    static Raw exchangeThenHalfClose(int port, String request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return Raw.parse(readUntilClosedOrComplete(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readUntilClosedOrComplete(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                received.write(buffer, 0, read);
                if (Raw.isComplete(received.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException stoppedReading) {
            // what arrived so far is the answer
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    record Raw(int status, String headers, String body) {

        static Raw parse(String response) {
            int end = response.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new AssertionError("no complete HTTP response: " + response);
            }
            String head = response.substring(0, end);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Raw(status, head.toLowerCase(Locale.ROOT), response.substring(end + 4));
        }

        static boolean isComplete(String response) {
            int end = response.indexOf("\r\n\r\n");
            if (end < 0) {
                return false;
            }
            String head = response.substring(0, end).toLowerCase(Locale.ROOT);
            int at = head.indexOf("content-length:");
            if (at < 0) {
                return false;
            }
            int lineEnd = head.indexOf("\r\n", at);
            long length = Long.parseLong(head.substring(at + 15, lineEnd < 0 ? head.length() : lineEnd).trim());
            return response.length() - (end + 4) >= length;
        }

        JsonNode json() {
            try {
                return Answer.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        boolean hasHeader(String nameAndValue) {
            return headers.contains("\r\n" + nameAndValue.toLowerCase(Locale.ROOT));
        }
    }
}
