package io.chainwright.fabric.devnet;

import io.chainwright.api.PlatformException;
import io.chainwright.api.UsageException;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Backend;
import io.chainwright.api.backend.Deployment;
import io.chainwright.api.backend.Teardown;
import io.chainwright.api.backend.WorkloadControl;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.chaincode.CcaasBuilder;
import io.chainwright.fabric.channel.NodeAddresses;
import io.chainwright.fabric.client.Endpoint;
import io.chainwright.fabric.client.FabricGateway;
import io.chainwright.fabric.client.FabricIdentity;
import io.chainwright.fabric.client.OrdererAdmin;
import io.chainwright.fabric.client.PeerAdmin;
import io.chainwright.fabric.compile.FabricPorts;
import io.chainwright.fabric.compile.FabricTarget;
import io.chainwright.fabric.compile.FabricWorkloads;
import io.chainwright.fabric.crypto.NetworkCrypto;
import io.chainwright.fabric.operations.DeployedChaincode;
import io.chainwright.fabric.operations.FabricOperations;
import io.chainwright.fabric.operations.FabricTimeouts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A running Fabric network whose peers and orderers are bare binaries on host processes, with
 * crypto material and channel genesis made in Java: started, every channel joined by its orderers
 * and its member orgs' peers, ready for chaincode and transactions.
 *
 * <pre>{@code
 * try (FabricDevnet devnet = FabricDevnet.start(network, backend, Duration.ofMinutes(1))) {
 *   DeployedChaincode asset = devnet.deployChaincode("asset", "127.0.0.1:9999");
 *   // start the chaincode server on 127.0.0.1:9999 as asset.packageId(), serving asset.tls()
 *   try (FabricGateway gateway = devnet.gateway("org1", "User1")) {
 *     gateway.submit("trade", "asset", "create", "a1");
 *   }
 * }
 * }</pre>
 */
public final class FabricDevnet implements AutoCloseable {
  private final FabricNetwork spec;
  private final NetworkCrypto crypto;
  private final Deployment deployment;
  private final Path builder;
  private final FabricOperations operations;

  private FabricDevnet(FabricNetwork spec, NetworkCrypto crypto, Deployment deployment, Path builder, FabricTimeouts timeouts) {
    this.spec = spec;
    this.crypto = crypto;
    this.deployment = deployment;
    this.builder = builder;
    // The channel configs record the addresses the host processes really listen on.
    NodeAddresses listening = (org, node, port) -> {
      Endpoint e = Endpoint.of(deployment.endpoint(org.workload(node), FabricPorts.GRPC));
      return e.host() + ":" + e.port();
    };
    this.operations = FabricOperations.on(deployment, spec, crypto, listening, timeouts);
  }

  /**
   * Generates crypto material, deploys {@code spec} on {@code backend} (a host-process backend:
   * peers use the SDK's own chaincode builder and no CA runs), waits until every node listens, then
   * has every orderer and every member peer join every channel, each step within its timeout (the
   * nodes' start, each channel's joins; chaincode deployment and client calls later). A failed start
   * tears the nodes down but keeps their logs, and the exception names their folder and quotes their
   * last lines.
   */
  public static FabricDevnet start(FabricNetwork spec, Backend<?> backend, FabricTimeouts timeouts) {
    NetworkCrypto crypto = NetworkCrypto.generate(spec);
    Path builder = CcaasBuilder.writeTo(tempFolder());
    Deployment deployment = backend.deploy(FabricWorkloads.toNetwork(spec, crypto, FabricTarget.hostProcesses(builder)));
    FabricDevnet devnet = new FabricDevnet(spec, crypto, deployment, builder, timeouts);
    try {
      deployment.awaitReady(timeouts.start(), ProgressListener.logging());
      spec.channels().forEach(channel -> devnet.operations.createChannel(channel.name()));
      return devnet;
    } catch (RuntimeException e) {
      // The reason a node failed is in what it printed: keep the log files, drop the ledgers.
      String logs = deployment.recentLogs();
      devnet.destroy(Teardown.DELETE_VOLUMES);
      throw new PlatformException("start", "Fabric devnet " + spec.name(), e.getMessage()
          + deployment.logFolder().map(folder -> "; the nodes' logs are kept in " + folder).orElse("")
          + (logs.isBlank() ? "" : "; last lines:" + logs), e);
    }
  }

  /** As {@link #start(FabricNetwork, Backend, FabricTimeouts)}, with {@code timeout} for every step. */
  public static FabricDevnet start(FabricNetwork spec, Backend<?> backend, Duration timeout) {
    return start(spec, backend, FabricTimeouts.of(timeout));
  }

  /** The network as described. */
  public FabricNetwork spec() {
    return spec;
  }

  /** The crypto material every node and user of the network holds. */
  public NetworkCrypto crypto() {
    return crypto;
  }

  /** The deployment the nodes run in. */
  public Deployment deployment() {
    return deployment;
  }

  /** The operations on this network: channels, chaincode, and clients of its nodes. */
  public FabricOperations operations() {
    return operations;
  }

  /** The identity of {@code user} of {@code org} ({@code Admin} is every org's administrator). */
  public FabricIdentity identity(String org, String user) {
    return operations.identity(org, user);
  }

  /** Where the gRPC services of {@code peer} of {@code org} listen. */
  public Endpoint peerEndpoint(String org, String peer) {
    return operations.peerEndpoint(org, peer);
  }

  /** The operations service (health, metrics) of {@code node} of {@code org}, a peer or an orderer. */
  public URI operationsEndpoint(String org, String node) {
    return operations.operationsEndpoint(org, node);
  }

  /** A gateway to {@code org}'s first peer as {@code user} of that org; close it when done. */
  public FabricGateway gateway(String org, String user) {
    return operations.gateway(org, user);
  }

  /** An administration client of {@code peer} of {@code org}, as the org's admin; close it when done. */
  public PeerAdmin peerAdmin(String org, String peer) {
    return operations.peerAdmin(org, peer);
  }

  /** The channel participation client of {@code orderer} of orderer org {@code org}, as that org's admin (mutual TLS); close it when done. */
  public OrdererAdmin ordererAdmin(String org, String orderer) {
    return operations.ordererAdmin(org, orderer);
  }

  /**
   * {@code node} of {@code org}, a peer or an orderer, to stop, kill and start again for failover
   * tests, with its process id and log file.
   *
   * @throws io.chainwright.api.UsageException when the deployment cannot control single workloads
   */
  public DevnetNode node(String org, String node) {
    String workload = operations.workloadOf(org, node);
    if (!(deployment instanceof WorkloadControl control)) {
      throw new UsageException("The deployment of " + spec.name() + " (" + deployment.getClass().getSimpleName()
          + ") cannot stop or start single nodes");
    }
    return new DevnetNode(org, node, workload, control, operations.timeouts().start());
  }

  /** As {@link FabricOperations#deployChaincode}. */
  public DeployedChaincode deployChaincode(String chaincode, String address) {
    return operations.deployChaincode(chaincode, address);
  }

  /** Stops every node, keeping ledgers unless {@code teardown} says otherwise, and removes the builder scripts. */
  public void destroy(Teardown teardown) {
    try {
      deployment.destroy(teardown);
    } finally {
      deleteTree(builder);
    }
  }

  /** Stops every node and keeps the ledgers. */
  @Override
  public void close() {
    destroy(Teardown.KEEP_VOLUMES);
  }

  private static Path tempFolder() {
    try {
      return Files.createTempDirectory("chainwright-ccaas-");
    } catch (IOException e) {
      throw new PlatformException("create", "chaincode builder folder", e.getMessage(), e);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new PlatformException("remove", "devnet folder " + root, e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "FabricDevnet[" + spec.name() + "]";
  }
}
