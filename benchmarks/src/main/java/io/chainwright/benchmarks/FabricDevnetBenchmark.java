package io.chainwright.benchmarks;

import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Teardown;
import io.chainwright.compose.host.HostDeployment;
import io.chainwright.compose.host.HostRuntime;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Networks;
import io.chainwright.fabric.chaincode.CcaasBuilder;
import io.chainwright.fabric.client.FabricGateway;
import io.chainwright.fabric.compile.FabricTarget;
import io.chainwright.fabric.compile.FabricWorkloads;
import io.chainwright.fabric.crypto.NetworkCrypto;
import io.chainwright.fabric.operations.DeployedChaincode;
import io.chainwright.fabric.devnet.FabricBinaries;
import io.chainwright.fabric.devnet.FabricDevnet;
import io.chainwright.fabric.devnet.KvChaincode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A Fabric devnet end to end on real binaries: crypto generated, one orderer and two orgs' peers
 * started, the channel joined, a chaincode installed, approved and committed, and a first
 * transaction committed on a Java chaincode server over TLS. The baseline is the same nodes
 * started through the host runtime until they listen, with nothing joined. Runs only where Fabric's
 * {@code peer} and {@code orderer} are in {@code FABRIC_BIN} or on {@code PATH}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class FabricDevnetBenchmark {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private HostRuntime runtime;
  private FabricDevnet devnet;
  private KvChaincode chaincode;
  private HostDeployment nodes;
  private Path folder;

  @Setup(Level.Trial)
  public void locateBinaries() throws IOException {
    FabricBinaries binaries = FabricBinaries.find().orElseThrow(() -> new IllegalStateException(
        "Fabric peer and orderer not found in FABRIC_BIN or on PATH"));
    runtime = HostRuntime.builder().binary("hyperledger/fabric-peer", binaries.peer())
        .binary("hyperledger/fabric-orderer", binaries.orderer()).stopGrace(Duration.ofSeconds(5)).build();
    folder = Files.createTempDirectory("chainwright-bench-");
  }

  @Benchmark
  public byte[] cryptoToFirstTransaction() throws IOException {
    devnet = FabricDevnet.start(Networks.devnet(), runtime, TIMEOUT);
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), freePort());
    DeployedChaincode deployed = devnet.deployChaincode("kv", "127.0.0.1:" + address.getPort());
    DeployedChaincode.TlsFiles tls = deployed.writeTls(folder);
    chaincode = new KvChaincode(deployed.packageId(), address, tls.certificate(), tls.key());
    try (FabricGateway gateway = devnet.gateway("org1", "User1")) {
      return gateway.submit("trade", "kv", "put", "colour", "green");
    }
  }

  @Benchmark
  public HostDeployment nodesListening() {
    FabricNetwork spec = Networks.devnet();
    Path builder = CcaasBuilder.writeTo(folder.resolve("builder"));
    nodes = runtime.deploy(FabricWorkloads.toNetwork(spec, NetworkCrypto.generate(spec), FabricTarget.hostProcesses(builder)),
        ProgressListener.none());
    nodes.awaitReady(TIMEOUT, ProgressListener.none());
    return nodes;
  }

  @TearDown(Level.Iteration)
  public void stop() {
    if (chaincode != null) {
      chaincode.close();
      chaincode = null;
    }
    if (devnet != null) {
      devnet.destroy(Teardown.DELETE_ALL_VOLUMES);
      devnet = null;
    }
    if (nodes != null) {
      nodes.destroy(Teardown.DELETE_ALL_VOLUMES);
      nodes = null;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
