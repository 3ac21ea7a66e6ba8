package io.chainwright.ethereum.bridge;

import io.chainwright.api.Container;
import io.chainwright.api.Dependency;
import io.chainwright.api.DisruptionBudget;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Port;
import io.chainwright.api.Resources;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.policy.Reach;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.ethereum.common.ContainerLayout;

/**
 * Turns a {@link Bridge} into three workloads: the Redis queue, the listener and the executor.
 * Listener and executor are stateful sets of one, because a stateful set never runs a second
 * replica beside the first during an update, as a deployment would.
 */
final class BridgeCompiler {
  static final String ROLE_LABEL = "ethereum.chainwright.io/role";
  static final String SIGNER_DIR = "/secrets/signer";

  private BridgeCompiler() {}

  static Workload redis(Bridge b) {
    DataVolume.Builder data = DataVolume.builder().name("data").size(b.redisStorage());
    b.storageClass().ifPresent(data::storageClass);
    // --askpass reads the password from stdin, so it appears in no command line and no environment.
    Probe ping = Probe.exec("sh", "-c", "redis-cli --askpass -p " + RedisConf.PORT + " ping < "
        + RedisConf.AUTH_DIR + "/" + RedisConf.PASSWORD + " | grep -q PONG");
    Container redis = Container.builder().name(b.redisWorkloadName()).image(b.redisImage())
        // redis-server itself rather than the image's entrypoint, which would change owners and users.
        .addCommand("redis-server").addArgs(RedisConf.CONF_DIR + "/" + RedisConf.CONF_FILE)
        .addPort(Port.tcp("redis", RedisConf.PORT))
        .addMount(VolumeMount.readOnly("config", RedisConf.CONF_DIR))
        .addMount(VolumeMount.readOnly("auth", RedisConf.AUTH_DIR))
        .addMount(VolumeMount.of("data", ContainerLayout.DATA_DIR))
        .resources(Resources.of("100m", "1", "256Mi", RedisConf.MEMORY_LIMIT))
        .readiness(ping)
        .liveness(Probe.tcp("redis"))
        .build();
    return Workload.builder().name(b.redisWorkloadName()).kind(WorkloadKind.STATEFUL)
        .putLabel(ROLE_LABEL, "bridge-queue")
        .addVolume(ConfigVolume.builder().name("config").putFile(RedisConf.CONF_FILE, b.redisConf()).build())
        .addVolume(SecretVolume.of("auth", b.authSecretName()))
        .addVolume(data.build())
        .addContainer(redis)
        .build();
  }

  static Workload listener(Bridge b) {
    Container listener = clientContainer(b, b.listenerWorkloadName()).image(b.listenerImage())
        .addEnv(EnvVar.literal(BridgeEnv.CONFIRMATIONS, String.valueOf(b.confirmations())))
        .build();
    return clientWorkload(b, b.listenerWorkloadName(), "bridge-listener").addContainer(listener).build();
  }

  static Workload executor(Bridge b) {
    Container executor = clientContainer(b, b.executorWorkloadName()).image(b.executorImage())
        .addEnv(EnvVar.literal(BridgeEnv.SIGNER_KEY_FILE, SIGNER_DIR + "/" + b.signerKey().key()))
        .addMount(VolumeMount.readOnly("signer", SIGNER_DIR))
        .build();
    return clientWorkload(b, b.executorWorkloadName(), "bridge-executor")
        .addVolume(SecretVolume.builder().name("signer").secret(b.signerKey().secret())
            .putItem(b.signerKey().key(), b.signerKey().key()).build())
        // One replica that must stay up: a drain waits until someone moves the executor on purpose.
        .disruptionBudget(DisruptionBudget.minAvailable("1"))
        .addContainer(executor)
        .build();
  }

  /** What listener and executor containers share: both chains, the queue's address, name and password file. */
  private static Container.Builder clientContainer(Bridge b, String name) {
    Container.Builder c = Container.builder().name(name)
        .addEnv(EnvVar.literal(BridgeEnv.REDIS_ADDRESS, b.redisWorkloadName() + ":" + RedisConf.PORT))
        .addEnv(EnvVar.literal(BridgeEnv.REDIS_PASSWORD_FILE, RedisConf.AUTH_DIR + "/" + RedisConf.PASSWORD))
        .addEnv(EnvVar.literal(BridgeEnv.QUEUE, b.queue()))
        .addMount(VolumeMount.readOnly("queue-auth", RedisConf.AUTH_DIR))
        .resources(Resources.of("100m", "1", "128Mi", "512Mi"));
    chainEnv(c, "SOURCE", b.source());
    chainEnv(c, "DESTINATION", b.destination());
    b.healthPort().ifPresent(port -> c.addEnv(EnvVar.literal(BridgeEnv.HEALTH_PORT, String.valueOf(port)))
        .addPort(Port.tcp("health", port))
        .readiness(Probe.http("health", b.healthPath()))
        .liveness(Probe.tcp("health")));
    return c;
  }

  /**
   * A stateful set of one that starts once the queue is ready, sees only the password of the
   * queue's Secret, and reaches both chains.
   */
  private static Workload.Builder clientWorkload(Bridge b, String name, String role) {
    return Workload.builder().name(name).kind(WorkloadKind.STATEFUL).replicas(1)
        .putLabel(ROLE_LABEL, role)
        .addVolume(SecretVolume.builder().name("queue-auth").secret(b.authSecretName())
            .putItem(RedisConf.PASSWORD, RedisConf.PASSWORD).build())
        .addReaches(Reach.url(b.source().rpcUrl()), Reach.url(b.destination().rpcUrl()))
        .addDependsOn(Dependency.ready(b.redisWorkloadName()));
  }

  private static void chainEnv(Container.Builder c, String side, BridgeChain chain) {
    c.addEnv(EnvVar.literal(BridgeEnv.side(side, BridgeEnv.CHAIN), chain.name()))
        .addEnv(EnvVar.literal(BridgeEnv.side(side, BridgeEnv.CHAIN_ID), String.valueOf(chain.chainId())))
        .addEnv(EnvVar.literal(BridgeEnv.side(side, BridgeEnv.RPC_URL), chain.rpcUrl().toString()));
  }
}
