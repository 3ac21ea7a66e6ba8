package io.chainwright.fabric.operations;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kubelet's end of the port-forward protocol, in front of fabric8's mock API server: each
 * port-forward to a pod opens a TCP connection to the local server standing in for that pod, and
 * bytes flow both ways on the data channel. Every other request goes to the mock's own dispatcher.
 */
final class PortForwardRelay extends Dispatcher {
  private static final Pattern PORT_FORWARD = Pattern.compile("/api/v1/namespaces/[^/]+/pods/([^/]+)/portforward\\?ports=(\\d+)");
  private static final byte DATA = 0;
  private static final byte ERROR = 1;

  private final Dispatcher cluster;
  private final ToIntFunction<String> localPortOfPod;
  /** Each pod and port a port-forward was opened to, as {@code pod:port}. */
  final Set<String> forwarded = ConcurrentHashMap.newKeySet();

  PortForwardRelay(Dispatcher cluster, ToIntFunction<String> localPortOfPod) {
    this.cluster = cluster;
    this.localPortOfPod = localPortOfPod;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    Matcher m = PORT_FORWARD.matcher(request.getPath());
    if (!m.matches()) {
      return cluster.dispatch(request);
    }
    int port = Integer.parseInt(m.group(2));
    forwarded.add(m.group(1) + ":" + port);
    return new MockResponse().withWebSocketUpgrade(new Relay(port, localPortOfPod.applyAsInt(m.group(1))));
  }

  @Override
  public void shutdown() {
    cluster.shutdown();
  }

  /** One forwarded connection: the first frame on each channel names the port, then data frames carry the bytes. */
  private static final class Relay extends WebSocketListener {
    private final int port;
    private final int localPort;
    private final CompletableFuture<Socket> socket = new CompletableFuture<>();

    Relay(int port, int localPort) {
      this.port = port;
      this.localPort = localPort;
    }

    @Override
    public void onOpen(WebSocket ws, Response response) {
      // The port frames go first: the client reads the first frame of each channel as the port, so a
      // reply of the stand-in's that overtook them would be taken for one.
      byte[] portBytes = {(byte) (port & 0xff), (byte) (port >> 8)};
      ws.send(frame(DATA, portBytes, portBytes.length));
      ws.send(frame(ERROR, portBytes, portBytes.length));
      try {
        Socket connection = new Socket(InetAddress.getLoopbackAddress(), localPort);
        socket.complete(connection);
        Thread.ofVirtual().start(() -> pump(connection, ws));
      } catch (IOException e) {
        socket.completeExceptionally(e);
      }
    }

    private static void pump(Socket connection, WebSocket ws) {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = connection.getInputStream()) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          ws.send(frame(DATA, buffer, n));
        }
      } catch (IOException e) {
        // The other side closed; so does the socket.
      }
      ws.close(1000, "");
    }

    @Override
    public void onMessage(WebSocket ws, byte[] bytes) {
      if (bytes.length > 1 && bytes[0] == DATA) {
        try {
          socket.join().getOutputStream().write(bytes, 1, bytes.length - 1);
        } catch (IOException e) {
          ws.close(1011, e.getMessage());
        }
      }
    }

    @Override
    public void onMessage(WebSocket ws, ByteString bytes) {
      onMessage(ws, bytes.toByteArray());
    }

    @Override
    public void onClosing(WebSocket ws, int code, String reason) {
      closeSocket();
    }

    @Override
    public void onClosed(WebSocket ws, int code, String reason) {
      closeSocket();
    }

    @Override
    public void onFailure(WebSocket ws, Throwable t, Response response) {
      closeSocket();
    }

    private void closeSocket() {
      socket.thenAccept(s -> {
        try {
          s.close();
        } catch (IOException e) {
          // Closed already.
        }
      });
    }

    private static byte[] frame(byte channel, byte[] payload, int length) {
      byte[] frame = new byte[length + 1];
      frame[0] = channel;
      System.arraycopy(payload, 0, frame, 1, length);
      return frame;
    }
  }
}
