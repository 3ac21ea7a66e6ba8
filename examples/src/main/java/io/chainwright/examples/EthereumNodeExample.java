package io.chainwright.examples;

import io.chainwright.api.Container;
import io.chainwright.api.CronSchedule;
import io.chainwright.api.Dependency;
import io.chainwright.api.Image;
import io.chainwright.api.MetricsEndpoint;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Protocol;
import io.chainwright.api.Resources;
import io.chainwright.api.Secret;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.exposure.IngressController;
import io.chainwright.api.exposure.IngressExposure;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.api.policy.AlertRule;
import io.chainwright.api.policy.BackupPolicy;
import io.chainwright.api.policy.MonitoringPolicy;
import io.chainwright.api.policy.Reach;
import io.chainwright.api.policy.StorageClasses;
import io.chainwright.api.probe.JsonRpcExpectation;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.ethereum.common.JwtSecret;

/**
 * A mainnet Ethereum node written directly in the platform-neutral model: an execution client and
 * a consensus client sharing a fresh JWT secret, public RPC behind TLS and basic auth, P2P on
 * node ports, isolation, alerts and daily snapshots.
 */
public final class EthereumNodeExample {
  private EthereumNodeExample() {}

  public static Network network(MaterialStore store) {
    Workload geth = Workload.builder()
        .name("geth").kind(WorkloadKind.STATEFUL)
        .addContainer(Container.builder()
            .name("geth").image(Image.of("ethereum/client-go:v1.15.11"))
            .addArgs("--mainnet", "--datadir=/data", "--http", "--http.addr=0.0.0.0", "--http.vhosts=rpc.example.org",
                "--authrpc.addr=0.0.0.0", "--authrpc.jwtsecret=/secrets/jwt/jwt.hex", "--metrics", "--metrics.addr=0.0.0.0")
            .addPort(Port.builder().name("p2p").number(30303).exposure(Exposure.nodePort()).build())
            .addPort(Port.builder().name("p2p-udp").number(30303).protocol(Protocol.UDP).exposure(Exposure.nodePort()).build())
            .addPort(Port.builder().name("rpc").number(8545).exposure(IngressExposure.builder()
                .host("rpc.example.org").tlsIssuer("letsencrypt").basicAuthSecret("rpc-users")
                .rateLimitPerSecond(50).controller(IngressController.NGINX_COMPATIBLE).build()).build())
            .addPort(Port.builder().name("engine").number(8551).internalOnly(true).build())
            .addPort(Port.tcp("metrics", 6060))
            .addMount(VolumeMount.of("data", "/data"))
            .addMount(VolumeMount.readOnly("jwt", "/secrets/jwt"))
            .resources(Resources.of("4", "8", "16Gi", "32Gi"))
            .readiness(Probe.jsonRpc("rpc", "eth_syncing", JsonRpcExpectation.equalTo("false")))
            .liveness(Probe.tcp("rpc"))
            .build())
        .addVolume(DataVolume.builder().name("data").size("2Ti").storageClass("chain-data").build())
        .addVolume(SecretVolume.of("jwt", "jwt"))
        .metrics(MetricsEndpoint.of("metrics", "/debug/metrics/prometheus"))
        // Peers listen wherever they like. What else it needs, the namespace's default deny lets through by itself.
        .addReaches(Reach.outside())
        .build();

    Workload lighthouse = Workload.builder()
        .name("lighthouse").kind(WorkloadKind.STATEFUL)
        .addContainer(Container.builder()
            .name("lighthouse").image(Image.of("sigp/lighthouse:v7.0.1"))
            .addArgs("lighthouse", "beacon_node", "--network=mainnet", "--datadir=/data",
                "--execution-endpoint=http://geth:8551", "--execution-jwt=/secrets/jwt/jwt.hex",
                "--checkpoint-sync-url=https://checkpoint.example.org",
                // Lighthouse listens on 127.0.0.1 unless told otherwise: probes and scrapes come from outside the pod.
                "--http", "--http-address=0.0.0.0", "--metrics", "--metrics-address=0.0.0.0")
            .addPort(Port.builder().name("p2p").number(9000).exposure(Exposure.nodePort()).build())
            .addPort(Port.builder().name("p2p-udp").number(9000).protocol(Protocol.UDP).exposure(Exposure.nodePort()).build())
            .addPort(Port.tcp("http", 5052))
            .addPort(Port.tcp("metrics", 5054))
            .addMount(VolumeMount.of("data", "/data"))
            .addMount(VolumeMount.readOnly("jwt", "/secrets/jwt"))
            .resources(Resources.of("4", "16Gi"))
            .readiness(Probe.http("http", "/eth/v1/node/health"))
            .build())
        .addVolume(DataVolume.builder().name("data").size("300Gi").storageClass("chain-data").build())
        .addVolume(SecretVolume.of("jwt", "jwt"))
        .addDependsOn(Dependency.ready("geth"))
        .metrics(MetricsEndpoint.of("metrics", "/metrics"))
        // Peers and the checkpoint server are outside; its Engine API address is in its arguments.
        .addReaches(Reach.outside())
        .build();

    return Network.builder()
        .name("eth-mainnet")
        .putLabel("team", "platform")
        .addWorkload(geth)
        .addWorkload(lighthouse)
        .addSecret(JwtSecret.of("jwt", store.forNetwork("eth-mainnet")))
        .addSecret(Secret.provided("rpc-users"))
        .addStorageClass(StorageClasses.awsGp3("chain-data"))
        .monitoring(MonitoringPolicy.builder()
            .putLabel("release", "prometheus")
            .addAlert(AlertRule.builder().name("ExecutionLowPeers").expression("p2p_peers < 10")
                .forDuration("10m").summary("geth has fewer than 10 peers").build())
            .build())
        .addBackup(BackupPolicy.builder().name("daily").addWorkload("geth")
            .schedule(CronSchedule.of("0 3 * * *")).retain(7).snapshotClass("ebs-snapshots")
            .snapshotDriver("ebs.csi.aws.com").build())
        .build();
  }
}
