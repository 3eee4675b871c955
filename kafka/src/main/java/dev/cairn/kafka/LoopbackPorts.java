package dev.cairn.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Ports on 127.0.0.1. Ports are shared by everyone on the machine, so a port found free can be taken by someone else
 * before the broker binds it; the broker then fails to start and says so in its log, which the launcher reports.
 */
final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** A port nothing listens on right now, chosen by the kernel. */
    static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(ServerProperties.HOST))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + ServerProperties.HOST, e);
        }
    }

    /** A free port other than those {@code taken} (already chosen, possibly not bound yet). */
    static int freeExcept(int... taken) {
        while (true) {
            int port = free();
            if (java.util.Arrays.stream(taken).noneMatch(t -> t == port)) {
                return port;
            }
        }
    }

    /**
     * Whether {@code port} can be bound now. Binds the way Kafka does (SO_REUSEADDR), so a port whose previous
     * broker has just closed it (connections in TIME_WAIT) counts as free, as it is for the restarted broker.
     */
    static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(ServerProperties.HOST), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
