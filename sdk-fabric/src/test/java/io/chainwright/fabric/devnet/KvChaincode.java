package io.chainwright.fabric.devnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.hyperledger.fabric.metrics.Metrics;
import org.hyperledger.fabric.shim.ChaincodeBase;
import org.hyperledger.fabric.shim.ChaincodeServerProperties;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.NettyChaincodeServer;
import org.hyperledger.fabric.shim.ResponseUtils;
import org.hyperledger.fabric.traces.Traces;

/** A key-value chaincode ({@code put k v}, {@code get k}) served over TLS as a chaincode server that the peer dials. */
public final class KvChaincode extends ChaincodeBase implements AutoCloseable {
  private final NettyChaincodeServer server;
  private final Thread serving;

  /**
   * Serves as installed package {@code packageId} on {@code address}, with TLS from the PEM files
   * {@code certificate} and {@code key} (PKCS#8).
   */
  public KvChaincode(String packageId, InetSocketAddress address, Path certificate, Path key) throws IOException {
    // start(args) would also dial a peer; a server does the same set-up without that.
    initializeLogging();
    processEnvironmentOptions();
    processCommandLineOptions(new String[] {"--id", packageId});
    validateOptions();
    Properties config = getChaincodeConfig();
    Metrics.initialize(config);
    Traces.initialize(config);
    ChaincodeServerProperties properties = new ChaincodeServerProperties();
    properties.setServerAddress(address);
    properties.setTlsEnabled(true);
    properties.setKeyCertChainFile(certificate.toString());
    properties.setKeyFile(key.toString());
    server = new NettyChaincodeServer(this, properties);
    serving = new Thread(this::serve, "kv-chaincode");
    serving.setDaemon(true);
    serving.start();
    awaitListening(address);
  }

  /** Returns once the server accepts connections, so a peer's first call finds it. */
  private static void awaitListening(InetSocketAddress address) throws IOException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try (java.net.Socket socket = new java.net.Socket()) {
        socket.connect(address, 200);
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new IOException("the chaincode server is not listening on " + address + " after 10 s", e);
        }
        Thread.onSpinWait();
      }
    }
  }

  private void serve() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public Response init(ChaincodeStub stub) {
    return ResponseUtils.newSuccessResponse();
  }

  @Override
  public Response invoke(ChaincodeStub stub) {
    List<String> args = stub.getParameters();
    return switch (stub.getFunction()) {
      case "put" -> {
        stub.putStringState(args.get(0), args.get(1));
        yield ResponseUtils.newSuccessResponse(args.get(1).getBytes(StandardCharsets.UTF_8));
      }
      case "get" -> ResponseUtils.newSuccessResponse(stub.getStringState(args.get(0)).getBytes(StandardCharsets.UTF_8));
      default -> ResponseUtils.newErrorResponse("no function " + stub.getFunction());
    };
  }

  @Override
  public void close() {
    server.stop();
  }
}
