package io.chainwright.fabric.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.Workload;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Networks;
import io.chainwright.fabric.channel.NodeAddresses;
import io.chainwright.fabric.compile.FabricWorkloads;
import io.chainwright.fabric.crypto.NetworkCrypto;
import io.chainwright.kubernetes.KubernetesBackend;
import io.chainwright.kubernetes.KubernetesDeployment;
import io.chainwright.kubernetes.cluster.ApplyMode;
import io.chainwright.kubernetes.render.Labels;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operations that create a channel and deploy chaincode on any backend, run on the Kubernetes
 * backend: the network is applied to fabric8's mock API server, each node's pod is reached through
 * the backend's port-forwards, and a relay playing the kubelet carries the bytes to
 * {@link StandInNodes} (TLS, mutual TLS and gRPC, all through the port-forward's data channel). No
 * cluster runs pods here.
 */
class FabricOperationsOnKubernetesTest {
  private static final FabricNetwork NETWORK = Networks.twoOrgs();
  private NetworkCrypto crypto;
  private StandInNodes nodes;
  private PortForwardRelay relay;
  private KubernetesMockServer server;
  private KubernetesClient client;

  @BeforeEach
  void start() throws Exception {
    crypto = NetworkCrypto.generate(NETWORK);
    nodes = StandInNodes.start(NETWORK, crypto);
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    // Pods are named after their workload with the StatefulSet's ordinal.
    relay = new PortForwardRelay(new KubernetesMixedDispatcher(responses), pod -> nodes.ports.get(pod.substring(0, pod.lastIndexOf('-'))));
    server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, relay, false);
    server.init();
    try (KubernetesClient mock = server.createClient()) {
      client = new KubernetesClientBuilder().withConfig(new ConfigBuilder(mock.getConfiguration()).withRequestRetryBackoffLimit(0).build())
          .build();
    }
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.destroy();
    nodes.close();
  }

  /** What the StatefulSet controller and kubelet would make: one ready pod per workload, matched by its labels. */
  private void runPods(Network network) {
    for (Workload w : network.workloads()) {
      client.pods().inNamespace(network.namespace()).resource(new PodBuilder()
          .withNewMetadata().withName(w.name() + "-0").withNamespace(network.namespace()).withLabels(Labels.selector(network, w.name()))
          .endMetadata()
          .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
          .build()).create();
    }
  }

  @Test
  void aChannelIsCreatedAndChaincodeDeployedThroughPortForwardsToEveryOrdererAndMemberPeer() {
    FabricNetwork fabric = NETWORK;
    KubernetesBackend backend = KubernetesBackend.builder().client(client).applyMode(ApplyMode.CREATE_OR_UPDATE).build();
    runPods(FabricWorkloads.toNetwork(fabric, crypto));

    // README: fabric-on-kubernetes
    Network network = FabricWorkloads.toNetwork(fabric, crypto);  // the workloads every backend runs
    KubernetesDeployment deployment = backend.deploy(network);
    FabricOperations operations = FabricOperations.on(deployment, fabric, crypto, NodeAddresses.workloads(),
        FabricTimeouts.of(Duration.ofSeconds(30)).withDeploy(Duration.ofMinutes(5)));
    operations.createChannel("trade");  // each orderer and member peer joins, reached through port-forwards
    DeployedChaincode asset = operations.deployChaincode("asset", "asset-server:9999");
    asset.changes();  // [installed asset_1.0:… on peer0 of org1, …, approved by Org1MSP, …, committed sequence 1 on channel trade]
    // README: end

    try (deployment) {

      List<String> joined = new ArrayList<>();
      List<String> forwarded = new ArrayList<>();
      NETWORK.ordererOrgs().forEach(org -> org.orderers().forEach(o -> {
        joined.add(org.workload(o.name()));
        forwarded.add(org.workload(o.name()) + "-0:" + o.adminPort());
      }));
      NETWORK.peerOrgs().forEach(org -> org.peers().forEach(p -> {
        joined.add(org.workload(p.name()) + " JoinChain");
        forwarded.add(org.workload(p.name()) + "-0:" + p.port());
      }));
      assertThat(nodes.joins).containsExactlyInAnyOrderElementsOf(joined);
      assertThat(relay.forwarded).as("every node reached through the API server").containsAll(forwarded);
      assertThat(asset.changes()).hasSize(7).endsWith("committed sequence 1 on channel trade");
      assertThat(nodes.lifecycle.calls).as("the lifecycle run through the port-forwards")
          .contains("Org1MSP ApproveChaincodeDefinitionForMyOrg", "Org2MSP ApproveChaincodeDefinitionForMyOrg", "Org1MSP CommitChaincodeDefinition");
    }
  }
}
