package io.chainwright.l2;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.chainwright.api.Network;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.kubernetes.KubernetesBackend;
import io.chainwright.l2.opstack.CustomRollup;
import io.chainwright.l2.opstack.OpBatcher;
import io.chainwright.l2.opstack.OpNetwork;
import io.chainwright.l2.opstack.OpNodeRpc;
import io.chainwright.l2.opstack.OpProposer;
import io.chainwright.l2.opstack.OpSequencer;
import io.chainwright.l2.opstack.OpStackChain;
import io.chainwright.l2.opstack.SyncStatus;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Layer 2 examples of the README, exactly as written there, so they keep compiling and running. */
class ReadmeExamplesTest {
  private final String rollupJson = Chains.ROLLUP_JSON;
  private final String genesisJson = Chains.GENESIS_JSON;

  @Test
  void anOpSepoliaNodeAndAChainOfOnesOwnRender() {
    // README: op-stack
    Network replica = OpStackChain.builder()
        .name("op-sepolia")
        .network(OpNetwork.OP_SEPOLIA)
        .l1(ParentChain.external("sepolia-l1", "rpc-url", "beacon-url"))   // URLs with API keys stay in a secret
        .build()
        .addTo(Network.builder().name("op-sepolia").addSecret(Secret.provided("sepolia-l1")))
        .build();

    OpStackChain own = OpStackChain.builder()
        .name("devnet")
        .customRollup(CustomRollup.builder().rollupJson(rollupJson).genesisJson(genesisJson).build())
        .l1(ParentChain.external("sepolia-l1", "rpc-url", "beacon-url"))
        .sequencer(OpSequencer.of(SecretKeyRef.of("op-keys", "sequencer")))
        .batcher(OpBatcher.withKey("op-keys", "batcher"))
        .proposer(OpProposer.builder().privateKey(SecretKeyRef.of("op-keys", "proposer"))
            .gameFactoryAddress("0x05F9613aDB30026FFd634f38e5C4dFd30a197Fa1").build())
        .build();
    // README: end
    Network stack = own.addTo(Network.builder().name("devnet")
        .addSecret(Secret.provided("sepolia-l1")).addSecret(Secret.provided("op-keys"))).build();

    assertThat(KubernetesBackend.create().render(replica).yaml()).contains("--rollup.sequencerhttp=https://sepolia-sequencer.optimism.io");
    assertThat(stack.workloads()).hasSize(4);
  }

  @Test
  void theSyncStatusOfAStandInOpNode() throws Exception {
    // Stands in for op-node: answers optimism_syncStatus with the shape op-node returns, safe head at 42.
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String block = "{\"hash\":\"0x01\",\"number\":%d,\"parentHash\":\"0x00\",\"timestamp\":%d,\"l1origin\":{\"hash\":\"0x02\",\"number\":7}}";
    byte[] reply = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"current_l1\":" + block.formatted(7, 1_700_000_084L)
        + ",\"head_l1\":" + block.formatted(9, 1_700_000_108L) + ",\"unsafe_l2\":" + block.formatted(50, 1_700_000_100L)
        + ",\"safe_l2\":" + block.formatted(42, 1_700_000_084L) + ",\"finalized_l2\":" + block.formatted(30, 1_700_000_060L) + "}}")
        .getBytes(StandardCharsets.UTF_8);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, reply.length);
      exchange.getResponseBody().write(reply);
      exchange.close();
    });
    server.start();
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    try {
      // README: op-node-sync
      OpNodeRpc node = OpNodeRpc.connect(endpoint);
      SyncStatus status = node.awaitSafeHead(42, Duration.ofMinutes(5), ProgressListener.logging());
      System.out.println(status);   // unsafe #50 (L1 origin #7), safe #42 (L1 origin #7), finalized #30 (L1 origin #7), L1 7/9 (2 behind)
      // README: end

      assertThat(status.toString()).isEqualTo("unsafe #50 (L1 origin #7), safe #42 (L1 origin #7), finalized #30 (L1 origin #7), L1 7/9 (2 behind)");
      assertThat(status.l1Lag()).isEqualTo(Duration.ofSeconds(24));
    } finally {
      server.stop(0);
    }
  }
}
