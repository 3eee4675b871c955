package dev.cairn.storage.server;

import dev.cairn.storage.format.Ellipses;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code server [--address HOST:PORT] PATH...}, parsed. Paths may use ellipses ({@code /data/d{1...4}}).
 *
 * @param host  listen host, default 127.0.0.1
 * @param port  listen port, default 9000
 * @param drives drive paths with ellipses expanded
 */
public record ServerArgs(String host, int port, List<String> drives) {

    public static final String USAGE = """
            usage: cairn server [--address HOST:PORT] PATH...
              PATH      a drive directory; {1...N} expands (e.g. /data/d{1...4})
              --address where to listen (default 127.0.0.1:9000; ':9000' means 0.0.0.0:9000)
            environment: CAIRN_ROOT_USER, CAIRN_ROOT_PASSWORD (root credentials)""";

    public static ServerArgs parse(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("server")) {
            throw new IllegalArgumentException("expected the 'server' command");
        }
        String host = "127.0.0.1";
        int port = 9000;
        List<String> paths = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--address") || a.startsWith("--address=")) {
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1)
                        : i + 1 < args.size() ? args.get(++i) : null;
                if (value == null) {
                    throw new IllegalArgumentException("--address needs HOST:PORT");
                }
                int colon = value.lastIndexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("--address needs HOST:PORT, got '" + value + "'");
                }
                host = colon == 0 ? "0.0.0.0" : value.substring(0, colon);
                try {
                    port = Integer.parseInt(value.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad port in --address '" + value + "'");
                }
                if (port < 0 || port > 65535) {
                    throw new IllegalArgumentException("port out of range in --address '" + value + "'");
                }
            } else if (a.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + a);
            } else {
                paths.add(a);
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("no drive paths given");
        }
        return new ServerArgs(host, port, Ellipses.expand(paths));
    }
}
