package org.craftline.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server for tests that refuses one recipient ({@code 550 5.1.1}) and takes every other, which
 * GreenMail cannot do: it keeps what it took and whom it refused. Plain SMTP only (no STARTTLS, no
 * AUTH), one connection at a time on a daemon thread, on 127.0.0.1; every read is bounded in count,
 * length and time.
 */
final class RefusingSmtpServer implements AutoCloseable {

    private static final int MAX_CONNECTIONS = 100;
    private static final int MAX_COMMANDS = 1_000;
    private static final int MAX_LINE = 4_096;
    private static final int MAX_DATA = 1 << 20;
    private static final int TIMEOUT_MILLIS = 10_000;

    /** A message the server took: its recipients and its text as sent (dot-stuffing undone). */
    record Accepted(List<String> recipients, String text) {}

    private final ServerSocket socket;
    private final String refused;
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile Socket client;

    /** Listens on the port given (0: any free one) and refuses {@code refused}, in any case. */
    RefusingSmtpServer(int port, String refused) throws IOException {
        this.refused = refused;
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5);
        thread = new Thread(this::serve, "refusing-smtp-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The messages taken, in the order they came. */
    List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    /** The recipients refused, as the client named them, in the order they came. */
    List<String> refusals() {
        return List.copyOf(refusals);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        Socket current = client;
        if (current != null) {
            current.close();
        }
        try {
            thread.join(TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve() {
        for (int i = 0; i < MAX_CONNECTIONS && !socket.isClosed(); i++) {
            try (Socket accepted = socket.accept()) {
                client = accepted;
                accepted.setSoTimeout(TIMEOUT_MILLIS);
                converse(accepted.getInputStream(), accepted.getOutputStream());
            } catch (IOException e) {
                // closed, timed out or gone: the loop ends once the server socket is closed
            } finally {
                client = null;
            }
        }
    }

    private void converse(InputStream in, OutputStream out) throws IOException {
        reply(out, "220 refusing.test ESMTP");
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < MAX_COMMANDS; i++) {
            String line = readLine(in, MAX_LINE);
            if (line == null) {
                return;
            }
            String verb = line.length() < 4 ? line : line.substring(0, 4);
            switch (verb.toUpperCase(Locale.ROOT)) {
                case "EHLO", "HELO", "NOOP" -> reply(out, "250 refusing.test");
                case "MAIL", "RSET" -> {
                    recipients.clear();
                    reply(out, "250 OK");
                }
                case "RCPT" -> reply(out, recipient(line, recipients));
                case "DATA" -> {
                    if (!data(in, out, recipients)) {
                        return;
                    }
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "502 5.5.2 command not implemented");
            }
        }
    }

    private String recipient(String line, List<String> recipients) {
        int open = line.indexOf('<');
        int close = line.indexOf('>', open + 1);
        if (open < 0 || close < 0) {
            return "501 5.1.3 bad recipient address syntax";
        }
        String address = line.substring(open + 1, close);
        if (address.equalsIgnoreCase(refused)) {
            refusals.add(address);
            return "550 5.1.1 mailbox unavailable";
        }
        recipients.add(address);
        return "250 OK";
    }

    /** Reads a message to its lone "." line; false when it was too long (the connection then ends). */
    private boolean data(InputStream in, OutputStream out, List<String> recipients) throws IOException {
        if (recipients.isEmpty()) {
            reply(out, "503 5.5.1 no valid recipients");
            return true;
        }
        reply(out, "354 end data with <CR><LF>.<CR><LF>");
        StringBuilder text = new StringBuilder();
        // each line costs at least its line end, so the loop ends within MAX_DATA / 2 lines
        for (int read = 0; read <= MAX_DATA; ) {
            String line = readLine(in, MAX_DATA - read);
            if (line == null) {
                return false;
            }
            if (line.equals(".")) {
                accepted.add(new Accepted(List.copyOf(recipients), text.toString()));
                recipients.clear();
                reply(out, "250 OK");
                return true;
            }
            text.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
            read += line.getBytes(StandardCharsets.UTF_8).length + 2;
        }
        reply(out, "552 5.3.4 message too big");
        return false;
    }

    /** A line without its end, at most {@code limit} bytes; null at the end of the stream. */
    private static String readLine(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int i = 0; i <= limit; i++) {
            int b = in.read();
            if (b == -1) {
                return null;
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        throw new IOException("line longer than " + limit + " bytes");
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
