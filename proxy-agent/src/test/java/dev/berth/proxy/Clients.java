package dev.berth.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Plain-socket clients, so a test controls the source address and sees exactly what the proxy sent. */
final class Clients {

    private Clients() {
    }

    /** The body of {@code GET /index.html} (HTTP/1.0: the server closes after answering). */
    static String httpGet(String address, int port) throws IOException {
        return httpGet(address, port, "127.0.0.1");
    }

    static String httpGet(String address, int port, String from) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(address, port), 2000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET /index.html HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = socket.getInputStream()) {
                String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (!response.matches("(?s)HTTP/1\\.[01] 200 .*")) {
                    throw new IOException("unexpected response: " + response);
                }
                return response.substring(response.indexOf("\r\n\r\n") + 4);
            }
        }
    }

    /** A RESP command on an open connection; returns the first reply line. */
    static String redis(Socket socket, String command) throws IOException {
        socket.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        StringBuilder line = new StringBuilder();
        InputStream in = socket.getInputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed after " + line);
            }
            line.append((char) c);
        }
        return line.toString().trim();
    }
}
