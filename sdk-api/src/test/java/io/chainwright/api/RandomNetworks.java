package io.chainwright.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.NetworkSpecs.*;
import io.chainwright.api.exposure.TrafficPolicy;
import io.chainwright.api.policy.ScalingMetricSource;
import io.chainwright.api.policy.TrafficDirection;
import io.chainwright.api.policy.TrafficPeerKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCases;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.ShrinkingDistance;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ListArbitrary;

/**
 * Random networks for property tests, valid and broken, shared with every module's tests (this
 * module's test jar). The generators produce plain specs (records of what to build), and
 * {@link ModelBuilder} turns a spec into model values inside the property, the way a user's code
 * would, so a failure other than {@link ValidationException} fails the property and is shrunk
 * instead of breaking generation.
 *
 * <p>Each network is generated at a "chaos" level: the percentage of choices that take a broken
 * value. Level 0 yields consistent models, so a good share of networks is valid; higher levels
 * produce everything from one subtle problem to wreckage.
 *
 * <p>This file is long on purpose: it is one fixed graph of generators over shared value pools
 * (see {@code network}), and {@link Consistency} repairs exactly what those generators draw.
 * Spreading them over files would separate each pool from the choices that draw on it.
 *
 * <pre>{@code
 * @Property
 * void rendersOrRefuses(@ForAll("networks") NetworkSpec spec) {
 *   ModelBuilder.build(spec).network().ifPresent(MyBackend::render);
 * }
 *
 * @Provide
 * Arbitrary<NetworkSpec> networks() {
 *   return RandomNetworks.networks();
 * }
 * }</pre>
 */
public final class RandomNetworks {
  private RandomNetworks() {}
  // ------------------------------------------------------------------------------------------
  // Value pools: valid and broken values side by side
  // ------------------------------------------------------------------------------------------

  private static final List<String> WORKLOAD_NAMES = List.of("geth", "beacon", "db", "proxy", "validator");
  /** Upper case, too long, empty, dots, underscores, leading and trailing dashes. */
  private static final List<String> BAD_NAMES =
      List.of("Geth", "a".repeat(64), "", "my.node", "my_node", "-geth", "geth-");
  private static final List<String> MISSING_NAMES = List.of("ghost", "geth2");

  private static final List<String> MAIN_CONTAINER_NAMES = List.of("node", "client");
  private static final List<String> SIDECAR_NAMES = List.of("exporter", "proxy");
  private static final List<String> INIT_NAMES = List.of("init", "migrate");

  /** Port names and typical numbers a kind of container uses; main containers and sidecars do not overlap. */
  public record PortPool(List<String> names, List<Integer> numbers) {}

  private static final PortPool MAIN_PORTS =
      new PortPool(List.of("rpc", "ws", "p2p", "metrics", "engine-api"), List.of(8545, 8546, 8551, 30303, 9000, 5052));
  private static final PortPool SIDECAR_PORTS = new PortPool(List.of("admin", "scrape"), List.of(9100, 9545));
  private static final PortPool NO_PORTS = new PortPool(List.of(), List.of());
  private static final List<String> BAD_PORT_NAMES = List.of("RPC", "much-too-long-port", "", "8545", "a--b", "p_2");

  private static final List<String> QUANTITIES = List.of("500m", "2", "16Gi", "2Ti", "1.5", "1e3");
  private static final List<String> BAD_QUANTITIES = List.of("abc", "", "-1", "1Xi", "1e999999999999", "16 Gi");

  private static final List<String> IMAGES = List.of(
      "ethereum/client-go:v1.15.11", "busybox", "postgres:16", "ghcr.io/chain/app@sha256:" + "a".repeat(64));
  /**
   * {@link #LONG_IMAGE} stands for an absurdly long reference (built only when the container is):
   * a model read from an untrusted file can hold anything, and must be reported, not crash the check.
   */
  static final String LONG_IMAGE = "<a.a.a... 40001 characters>";
  private static final List<String> BAD_IMAGES = List.of("", "Upper/Case", "bad image", "img:tag:tag", LONG_IMAGE);

  private static final List<String> CRONS = List.of("0 3 * * *", "*/5 * * * *", "@daily", "@hourly");
  private static final List<String> BAD_CRONS = List.of("", "0 3 * * ", "0 3 * *", "@sometimes", "0 3 * * * *", "0 3 * * ;");

  private static final List<String> SECRET_NAMES = List.of("jwt", "tls", "keys");
  private static final List<String> BAD_SECRET_NAMES = List.of("JWT", "jwt_key", "", "-jwt");
  private static final List<String> SECRET_KEYS = List.of("jwt.hex", "tls.crt", "tls.key", "password");
  private static final List<String> BAD_SECRET_KEYS = List.of("bad key", "a/b", "");

  private static final List<String> STORAGE_CLASS_NAMES = List.of("fast", "standard");
  private static final List<String> BAD_STORAGE_CLASS_NAMES = List.of("Fast", "fast_disk", "");
  private static final List<String> MISSING_STORAGE_CLASSES = List.of("ghost-class");

  private static final List<String> VOLUME_NAMES = List.of("data", "keys", "config", "scratch");
  private static final List<String> MOUNT_PATHS = List.of("/data", "/keys", "/etc/chain", "/tmp/scratch");

  private static final List<String> ENV_NAMES = List.of("NETWORK", "JWT_PATH", "POD", "chain.id");
  private static final List<String> BAD_ENV_NAMES = List.of("1BAD", "BAD NAME", "");
  /** Literal values include the ones YAML treats specially. */
  private static final List<String> ENV_VALUES = List.of("mainnet", "", "null", "true", "8545", "~");

  private static final List<String> LABEL_KEYS = List.of("app", "chainwright.io/tier");
  private static final List<String> LABEL_VALUES = List.of("geth", "", "v1.0", "true", "null");
  private static final List<String> BAD_LABEL_KEYS = List.of("Bad Key", "/x", "-x", "a/b/c", "");
  private static final List<String> BAD_LABEL_VALUES = List.of("has space", "x".repeat(64), "-x");

  // ------------------------------------------------------------------------------------------
  // Generators
  // ------------------------------------------------------------------------------------------

  /** Random networks at mixed chaos levels: about half are valid. */
  public static Arbitrary<NetworkSpec> networks() {
    // Half the networks are generated without chaos, so a fair share of them is valid.
    return choice(List.of(
        Tuple.of(5, network(0, false)), Tuple.of(2, network(2, false)),
        Tuple.of(2, network(8, false)), Tuple.of(1, network(25, false))));
  }

  /** Mostly consistent networks whose secret values survive a trip through YAML. */
  public static Arbitrary<NetworkSpec> roundTripNetworks() {
    // Mostly consistent networks, since only those that build are round-tripped; secret values
    // come only from the environment or files, because in-memory literals are redacted on write.
    return choice(List.of(Tuple.of(8, network(0, true)), Tuple.of(2, network(2, true))));
  }

  /**
   * All networks of one chaos level, as one fixed graph of arbitraries. Generating parts from
   * other parts (flatMap) would build arbitraries for every network, and jqwik looks generators
   * up by a hash of the whole arbitrary tree, which made generation several times slower. So
   * references (dependencies, secrets, storage classes, policy targets) are drawn from the same
   * pools that declarations use, and a network without chaos is made consistent afterwards by
   * {@link Consistency}; under chaos, references point wherever they happen to.
   */
  private static Arbitrary<NetworkSpec> network(int chaos, boolean roundTrip) {
    Arbitrary<NetworkSpec> network = Combinators.combine(name(chaos, List.of("devnet", "mainnet-1"), BAD_NAMES),
            namespace(chaos), labels(chaos), storageClasses(chaos), secrets(chaos, roundTrip), workloads(chaos), policies(chaos))
        .as((name, namespace, labels, classes, secrets, workloads, policies) ->
            new NetworkSpec(chaos, name, namespace, labels, classes, secrets, workloads, policies));
    return chaos == 0 ? network.map(Consistency::repair) : network;
  }

  // --- mixing valid and broken values

  /** Valid values, except for a chaos-percent share of broken ones. */
  private static <T> Arbitrary<T> mix(int chaos, Arbitrary<T> valid, Arbitrary<T> broken) {
    if (chaos == 0) {
      return valid;
    }
    return choice(List.of(Tuple.of(100 - chaos, valid), Tuple.of(chaos, broken)));
  }

  /** One of several arbitraries, equally likely. */
  private static <T> Arbitrary<T> anyOf(List<? extends Arbitrary<? extends T>> arbitraries) {
    return choice(arbitraries.stream().map(a -> Tuple.<Integer, Arbitrary<? extends T>>of(1, a)).toList());
  }

  /** Null with probability {@code p}, else a value of {@code arbitrary}. */
  private static <T> Arbitrary<T> orNull(Arbitrary<T> arbitrary, double p) {
    int percent = (int) Math.round(p * 100);
    return percent == 0 ? arbitrary : choice(List.of(Tuple.of(percent, Arbitraries.just((T) null)), Tuple.of(100 - percent, arbitrary)));
  }

  private static <T> Arbitrary<T> choice(List<? extends Tuple.Tuple2<Integer, ? extends Arbitrary<? extends T>>> weighted) {
    return new Choice<>(weighted);
  }

  /**
   * A weighted choice between arbitraries, standing in for jqwik's frequencyOf, oneOf and
   * injectNull. Those look the chosen branch's generator up on every draw, keyed by a hash of the
   * branch's whole arbitrary tree; with trees as deep as a network that lookup was most of the
   * generation time. This one makes each branch's generator once. Like frequencyOf, it shrinks
   * towards earlier branches (valid before broken, null before a value), then within the branch.
   */
  private static final class Choice<T> implements Arbitrary<T> {
    private final List<? extends Tuple.Tuple2<Integer, ? extends Arbitrary<? extends T>>> branches;
    private final Map<Integer, RandomGenerator<T>> generators = new ConcurrentHashMap<>();

    Choice(List<? extends Tuple.Tuple2<Integer, ? extends Arbitrary<? extends T>>> branches) {
      this.branches = List.copyOf(branches);
    }

    @Override
    public RandomGenerator<T> generator(int genSize) {
      return generators.computeIfAbsent(genSize, this::createGenerator);
    }

    @SuppressWarnings("unchecked")
    private RandomGenerator<T> createGenerator(int genSize) {
      List<RandomGenerator<T>> each = branches.stream().map(b -> (RandomGenerator<T>) b.get2().generator(genSize)).toList();
      int[] weights = branches.stream().mapToInt(Tuple.Tuple2::get1).toArray();
      int total = IntStream.of(weights).sum();
      return random -> {
        int roll = random.nextInt(total);
        int index = 0;
        while (roll >= weights[index]) {
          roll -= weights[index];
          index++;
        }
        long seed = random.nextLong();
        return new Chosen<>(each, index, each.get(index).next(new Random(seed)), seed);
      };
    }

    /** None: the properties run without edge cases, and the value pools hold the edges that matter. */
    @Override
    public EdgeCases<T> edgeCases(int maxEdgeCases) {
      return EdgeCases.none();
    }
  }

  /** A value drawn by {@link Choice}: shrinks to the same draw from an earlier branch, then within its own branch. */
  private record Chosen<T>(List<RandomGenerator<T>> generators, int index, Shrinkable<T> inner, long seed)
      implements Shrinkable<T> {
    @Override
    public T value() {
      return inner.value();
    }

    @Override
    public Stream<Shrinkable<T>> shrink() {
      Stream<Shrinkable<T>> earlier = IntStream.range(0, index)
          .mapToObj(i -> new Chosen<>(generators, i, generators.get(i).next(new Random(seed)), seed));
      return Stream.concat(earlier, inner.shrink().map(s -> new Chosen<>(generators, index, s, seed)));
    }

    @Override
    public ShrinkingDistance distance() {
      return ShrinkingDistance.of(index).append(inner.distance());
    }
  }

  /**
   * For problems that only the whole-network checks see (clashing node ports, missing TLS, cron
   * jobs without a schedule): under any chaos they make up a fixed 30%, so that those checks are
   * reached often enough even in networks whose other parts are sound.
   */
  private static <T> Arbitrary<T> refMix(int chaos, Arbitrary<T> valid, Arbitrary<T> broken) {
    return chaos == 0 ? valid : choice(List.of(Tuple.of(70, valid), Tuple.of(30, broken)));
  }

  /**
   * Whether a part keeps the structural rules (unique names, references within the workload):
   * always without chaos, and all but a chaos-percent share of the time with it. Breaking them
   * part by part, rather than everywhere at once, lets most parts of a chaotic network build, so
   * that the whole-network checks get to run.
   */
  private static Arbitrary<Boolean> keepsRules(int chaos) {
    return mix(chaos, Arbitraries.just(true), Arbitraries.just(false));
  }

  /** A list of distinct elements (by {@code key}), except for a chaos-percent share of unconstrained ones. */
  private static <T> Arbitrary<List<T>> distinct(int chaos, ListArbitrary<T> list, Function<T, Object> key) {
    return mix(chaos, list.uniqueElements(key).map(RandomNetworks::frozen), list.map(RandomNetworks::frozen));
  }

  /** A name from a pool of valid ones or, under chaos, a broken one or null. */
  private static Arbitrary<String> name(int chaos, List<String> valid, List<String> broken) {
    return mix(chaos, Arbitraries.of(valid), orNull(Arbitraries.of(broken), 0.2));
  }

  /** Unset, or one of {@code valid}; under chaos also an explicit null or a broken value. */
  private static <T> Arbitrary<Val<T>> setting(int chaos, Arbitrary<T> valid, Arbitrary<T> broken) {
    Arbitrary<Val<T>> good = anyOf(List.of(Arbitraries.just(Val.<T>unset()), valid.map(Val::of)));
    Arbitrary<Val<T>> bad = broken == null
        ? Arbitraries.just(Val.<T>of(null))
        : anyOf(List.of(Arbitraries.just(Val.<T>of(null)), broken.map(Val::of)));
    return mix(chaos, good, bad);
  }

  private static Arbitrary<String> quantity(int chaos) {
    return mix(chaos, Arbitraries.of(QUANTITIES), orNull(Arbitraries.of(BAD_QUANTITIES), 0.15));
  }

  /** A quantity for an optional attribute: null means unset. */
  private static Arbitrary<String> optionalQuantity(int chaos) {
    return orNull(quantity(chaos), 0.4);
  }

  private static <T> Arbitrary<List<T>> upTo(int max, Arbitrary<T> element) {
    return element.list().ofMaxSize(max).map(RandomNetworks::frozen);
  }

  /** An unmodifiable copy that, unlike List.copyOf, keeps nulls (chaos puts null names in lists). */
  static <T> List<T> frozen(List<? extends T> list) {
    return Collections.unmodifiableList(new ArrayList<>(list));
  }

  private static Arbitrary<Boolean> bools() {
    return Arbitraries.of(false, true);
  }

  /** Names a reference may use: declared ones, unknown ones and, under chaos, broken ones. */
  private static Arbitrary<String> workloadRef(int chaos) {
    Arbitrary<String> known = Arbitraries.of(Stream.concat(WORKLOAD_NAMES.stream(), MISSING_NAMES.stream()).toList());
    return mix(chaos, known, Arbitraries.of(BAD_NAMES));
  }

  // --- what the network declares besides workloads

  private static Arbitrary<List<StorageClassSpec>> storageClasses(int chaos) {
    Arbitrary<Val<String>> provisioner = setting(chaos, Arbitraries.of("ebs.csi.aws.com", "pd.csi.storage.gke.io"),
        Arbitraries.of("", "not a provisioner!"));
    Arbitrary<StorageClassSpec> storageClass = Combinators
        .combine(name(chaos, STORAGE_CLASS_NAMES, BAD_STORAGE_CLASS_NAMES), bools(), provisioner)
        .as(StorageClassSpec::new);
    // An own class needs a provisioner; an existing one does not.
    return mix(chaos, distinct(chaos, storageClass.filter(s -> s.existing() || s.provisioner().set()).list().ofMaxSize(2),
        StorageClassSpec::name), upTo(2, storageClass));
  }

  private static Arbitrary<List<SecretSpec>> secrets(int chaos, boolean roundTrip) {
    List<ValueSource> usable = roundTrip ? List.of(ValueSource.ENV, ValueSource.FILE)
        : List.of(ValueSource.LITERAL, ValueSource.ENV, ValueSource.FILE);
    Arbitrary<ValueSource> source = mix(chaos, Arbitraries.of(usable),
        roundTrip ? Arbitraries.of(usable) : Arbitraries.of(ValueSource.REDACTED, ValueSource.TWO_SOURCES));
    Arbitrary<SecretEntry> entry = Combinators.combine(
        mix(chaos, Arbitraries.of(SECRET_KEYS), Arbitraries.of(BAD_SECRET_KEYS)), source).as(SecretEntry::new);
    Arbitrary<List<SecretEntry>> data = mix(chaos,
        entry.list().ofMinSize(1).ofMaxSize(2).uniqueElements(SecretEntry::key).map(RandomNetworks::frozen), upTo(2, entry));
    Arbitrary<SecretSpec> secret = Combinators.combine(name(chaos, SECRET_NAMES, BAD_SECRET_NAMES), bools(), data, keepsRules(chaos))
        // A secret that keeps the rules is either provided by the platform (no data) or carries data.
        .as((name, provided, entries, keeps) -> new SecretSpec(name, provided, keeps && provided ? List.of() : entries));
    return distinct(chaos, secret.list().ofMaxSize(3), SecretSpec::name);
  }

  private static Arbitrary<Val<String>> namespace(int chaos) {
    return setting(chaos, Arbitraries.of("chain", "devnet-ns"), Arbitraries.of("Chain_NS", ""));
  }

  private static Arbitrary<List<LabelSpec>> labels(int chaos) {
    Arbitrary<LabelSpec> label = Combinators.combine(
        mix(chaos, Arbitraries.of(LABEL_KEYS), Arbitraries.of(BAD_LABEL_KEYS)),
        mix(chaos, Arbitraries.of(LABEL_VALUES), Arbitraries.of(BAD_LABEL_VALUES))).as(LabelSpec::new);
    return upTo(2, label);
  }

  // --- workloads

  /**
   * One arbitrary per kind, since the kind decides what else is consistent (schedules, rollouts,
   * exposure of jobs); under chaos the kind can also be null. Duplicate names, broken names and
   * networks without workloads are part of the chaos.
   */
  private static Arbitrary<List<WorkloadSpec>> workloads(int chaos) {
    List<Arbitrary<WorkloadSpec>> byKind = new ArrayList<>();
    byKind.add(workloadOfKind(chaos, Val.unset()));
    Stream.of(WorkloadKind.values()).forEach(k -> byKind.add(workloadOfKind(chaos, Val.of(k))));
    Arbitrary<WorkloadSpec> workload = mix(chaos, anyOf(byKind), workloadOfKind(chaos, Val.of(null)));
    return mix(chaos, workload.list().ofMinSize(1).ofMaxSize(4).uniqueElements(WorkloadSpec::name).map(RandomNetworks::frozen),
        upTo(4, workload));
  }

  private static Arbitrary<WorkloadSpec> workloadOfKind(int chaos, Val<WorkloadKind> kind) {
    // The kind the workload will have, or null when it is explicitly null.
    WorkloadKind effective = kind.set() ? kind.value() : WorkloadKind.STATELESS;
    Arbitrary<Containers> containers = Combinators.combine(
        containers(chaos, effective, MAIN_CONTAINER_NAMES, MAIN_PORTS, 1, 2),
        containers(chaos, effective, SIDECAR_NAMES, SIDECAR_PORTS, 0, 1),
        containers(chaos, effective, INIT_NAMES, NO_PORTS, 0, 1)).as(Containers::new);
    Arbitrary<Tuple.Tuple2<String, Integer>> nameAndReplicas = Combinators.combine(name(chaos, WORKLOAD_NAMES, BAD_NAMES), replicas(chaos))
        .as(Tuple::of);
    return Combinators.combine(nameAndReplicas, volumes(chaos), containers, cron(chaos, effective), dependsOn(chaos),
            rollout(chaos, effective), metricsPort(chaos), keepsRules(chaos))
        .as((nr, volumes, c, cron, deps, rollout, metrics, keeps) -> {
          WorkloadSpec w = new WorkloadSpec(nr.get1(), kind, nr.get2(), cron, volumes, c, deps, metrics, rollout);
          return keeps ? consistentReferences(w) : w;
        });
  }

  /**
   * Makes a workload's containers refer to what the workload has: mounts to its own volumes
   * (others are moved onto one, or dropped when there is none), the metrics endpoint to a port it
   * serves. Fixing up after the fact is much cheaper than generating one part from another.
   */
  private static WorkloadSpec consistentReferences(WorkloadSpec w) {
    List<String> volumeNames = w.volumes().stream().map(VolumeSpec::name).filter(Objects::nonNull).distinct().toList();
    Containers c = w.containers();
    Containers fixed = new Containers(onOwnVolumes(c.main(), volumeNames), onOwnVolumes(c.sidecars(), volumeNames),
        onOwnVolumes(c.init(), volumeNames));
    return new WorkloadSpec(w.name(), w.kind(), w.replicas(), w.cron(), w.volumes(), fixed, w.dependsOn(),
        servedOrNone(w.metricsPort(), fixed), w.rollout());
  }

  private static List<ContainerSpec> onOwnVolumes(List<ContainerSpec> containers, List<String> volumeNames) {
    return containers.stream().map(c -> {
      List<MountSpec> mounts = volumeNames.isEmpty() ? List.of() : IntStream.range(0, c.mounts().size())
          .mapToObj(i -> {
            MountSpec m = c.mounts().get(i);
            return volumeNames.contains(m.volume()) ? m : new MountSpec(pick(volumeNames, i), m.path(), m.readOnly());
          }).toList();
      return new ContainerSpec(c.name(), c.image(), c.ports(), c.env(), mounts, c.resources(), c.probes(), c.security());
    }).toList();
  }

  /** A deterministic choice among {@code options} (never empty), so that repairs shrink along with the spec. */
  private static <T> T pick(List<T> options, int seed) {
    return options.get(Math.floorMod(seed, options.size()));
  }

  private static Arbitrary<Integer> replicas(int chaos) {
    return mix(chaos, Arbitraries.integers().between(0, 20), Arbitraries.integers().between(-3, -1));
  }

  /** A schedule when the kind needs one; under chaos, missing, misplaced or malformed. Null is none. */
  private static Arbitrary<String> cron(int chaos, WorkloadKind kind) {
    Arbitrary<String> valid = kind == WorkloadKind.CRON_JOB ? Arbitraries.of(CRONS) : Arbitraries.just(null);
    Arbitrary<String> broken = anyOf(List.of(Arbitraries.of(BAD_CRONS), Arbitraries.of(CRONS), Arbitraries.just(null)));
    return refMix(chaos, valid, broken);
  }

  /**
   * Dependencies on any workload name: without chaos only those on earlier workloads survive
   * {@link Consistency}; with it, dependencies on later workloads and on itself form cycles, and
   * unknown names are missing workloads.
   */
  private static Arbitrary<List<DependencySpec>> dependsOn(int chaos) {
    Arbitrary<Val<DependencyCondition>> condition = setting(chaos,
        Arbitraries.of(DependencyCondition.READY, DependencyCondition.STARTED), Arbitraries.just(DependencyCondition.COMPLETED));
    Arbitrary<DependencySpec> dependency = Combinators.combine(orNull(workloadRef(chaos), chaos == 0 ? 0 : 0.05), condition)
        .as(DependencySpec::new);
    return distinct(chaos, dependency.list().ofMaxSize(2), DependencySpec::workload);
  }

  private static Arbitrary<RolloutSpec> rollout(int chaos, WorkloadKind kind) {
    boolean longRunning = kind != WorkloadKind.JOB && kind != WorkloadKind.CRON_JOB;
    Arbitrary<Update> update = mix(chaos,
        !longRunning ? Arbitraries.just(Update.NONE)
            : kind == WorkloadKind.STATEFUL ? Arbitraries.of(Update.NONE, Update.ONE_AT_A_TIME, Update.PARTITION)
            : Arbitraries.of(Update.NONE, Update.ONE_AT_A_TIME, Update.SURGE),
        Arbitraries.of(Update.values()));
    Arbitrary<Budget> budget = mix(chaos,
        longRunning ? Arbitraries.of(Budget.NONE, Budget.MIN_ONE, Budget.MAX_HALF) : Arbitraries.just(Budget.NONE),
        Arbitraries.of(Budget.values()));
    return Combinators.combine(update, budget).as(RolloutSpec::new);
  }

  /** Null for none; may name a port the workload does not serve (see {@link #servedOrNone}). */
  private static Arbitrary<String> metricsPort(int chaos) {
    List<String> names = Stream.concat(MAIN_PORTS.names().stream(), SIDECAR_PORTS.names().stream()).toList();
    return orNull(mix(chaos, Arbitraries.of(names), Arbitraries.of("ghost")), 0.5);
  }

  /** A consistent metrics endpoint names a port the workload serves, or there is none. */
  private static String servedOrNone(String port, Containers containers) {
    List<String> served = containers.serving().flatMap(c -> c.ports().stream()).map(PortSpec::name)
        .filter(Objects::nonNull).distinct().toList();
    return port == null || served.isEmpty() ? null : served.contains(port) ? port : served.get(0);
  }

  // --- volumes

  private static Arbitrary<List<VolumeSpec>> volumes(int chaos) {
    Arbitrary<VolumeSpec> volume = anyOf(Stream.of(VolumeKind.values())
        .map(kind -> Combinators.combine(name(chaos, VOLUME_NAMES, BAD_NAMES), volumeArg(chaos, kind), storageClassRef(chaos, kind))
            .as((name, arg, storageClass) -> new VolumeSpec(kind, name, arg, storageClass)))
        .toList());
    return distinct(chaos, volume.list().ofMaxSize(3), VolumeSpec::name);
  }

  private static Arbitrary<String> volumeArg(int chaos, VolumeKind kind) {
    return switch (kind) {
      case DATA -> mix(chaos, Arbitraries.of(QUANTITIES), orNull(Arbitraries.of("0", "abc", "-1", "", "1e999999999999"), 0.2));
      case SECRET -> mix(chaos, Arbitraries.of(SECRET_NAMES), orNull(Arbitraries.of("ghost-secret", "Bad_Secret", ""), 0.2));
      case SCRATCH -> optionalQuantity(chaos);
      case CONFIG -> mix(chaos, Arbitraries.of("genesis.json", "config.toml"), Arbitraries.of("..", "../etc/passwd", "a b"));
      case DEVICE -> mix(chaos, Arbitraries.just("/dev/sgx_enclave"), orNull(Arbitraries.of("/tmp/device", ""), 0.3));
    };
  }

  /** Null for none (the platform default); otherwise a class the network may or may not declare. */
  private static Arbitrary<String> storageClassRef(int chaos, VolumeKind kind) {
    if (kind != VolumeKind.DATA) {
      return Arbitraries.just(null);
    }
    Arbitrary<String> known = Arbitraries.of(Stream.concat(STORAGE_CLASS_NAMES.stream(), MISSING_STORAGE_CLASSES.stream()).toList());
    return orNull(mix(chaos, known, Arbitraries.of(BAD_STORAGE_CLASS_NAMES)), 0.3);
  }

  // --- containers

  /** Between {@code min} and one container; breaking the rules, none up to {@code max} with names repeated. */
  private static Arbitrary<List<ContainerSpec>> containers(int chaos, WorkloadKind kind,
      List<String> names, PortPool portPool, int min, int max) {
    // Pods that keep the rules have one main container: two would draw the same port names.
    Arbitrary<ContainerSpec> container = container(chaos, kind, names, portPool);
    return mix(chaos, container.list().ofMinSize(min).ofMaxSize(1).map(RandomNetworks::frozen), upTo(max, container));
  }

  private static Arbitrary<ContainerSpec> container(int chaos, WorkloadKind kind, List<String> names, PortPool portPool) {
    // Readiness, liveness, and whether they keep to the container's own ports.
    Arbitrary<Tuple.Tuple3<ProbeSpec, ProbeSpec, Boolean>> probes = Combinators
        .combine(probe(chaos, portPool.names()), probe(chaos, portPool.names()), keepsRules(chaos)).as(Tuple::of);
    return Combinators.combine(name(chaos, names, BAD_NAMES), image(chaos), ports(chaos, kind, portPool), envs(chaos),
            mounts(chaos), resources(chaos), probes, security(chaos))
        .as((name, image, ports, env, mounts, resources, p, security) -> new ContainerSpec(name, image, ports, env, mounts,
            resources, p.get3() ? new Probes(onOwnPort(p.get1(), ports), onOwnPort(p.get2(), ports)) : new Probes(p.get1(), p.get2()),
            security));
  }

  /**
   * Probes draw their port from the names this kind of container may have; a probe that keeps the
   * rules is moved onto a port the container really has (or becomes an exec probe when it has none).
   */
  private static ProbeSpec onOwnPort(ProbeSpec probe, List<PortSpec> ports) {
    if (probe == null || probe.check() == CheckKind.EXEC) {
      return probe;
    }
    List<String> own = ports.stream().map(PortSpec::name).filter(Objects::nonNull).distinct().toList();
    if (own.isEmpty()) {
      return new ProbeSpec(CheckKind.EXEC, null, probe.periodSeconds());
    }
    return own.contains(probe.port()) ? probe : new ProbeSpec(probe.check(), pick(own, probe.periodSeconds()), probe.periodSeconds());
  }

  private static Arbitrary<String> image(int chaos) {
    return mix(chaos, Arbitraries.of(IMAGES), orNull(Arbitraries.of(BAD_IMAGES), 0.2));
  }

  private static Arbitrary<Val<Security>> security(int chaos) {
    return setting(chaos, Arbitraries.of(Security.RESTRICTED, Security.INSECURE_ROOT),
        Arbitraries.of(Security.ROOT_BUT_NON_ROOT, Security.PRIVILEGED_NON_ROOT, Security.BAD_CAPABILITY));
  }

  private static Arbitrary<List<PortSpec>> ports(int chaos, WorkloadKind kind, PortPool pool) {
    if (pool.names().isEmpty()) {
      return Arbitraries.just(List.of());
    }
    Arbitrary<Integer> number = mix(chaos,
        anyOf(List.of(Arbitraries.of(pool.numbers()), Arbitraries.integers().between(1, 65535))),
        anyOf(List.of(Arbitraries.integers().between(-5, 0), Arbitraries.integers().between(65536, 70000))));
    Arbitrary<Val<Protocol>> protocol = setting(chaos, Arbitraries.of(Protocol.values()), null);
    Arbitrary<PortSpec> port = Combinators.combine(name(chaos, pool.names(), BAD_PORT_NAMES), number, protocol, exposureAndInternalOnly(chaos, kind))
        .as((name, n, p, exposure) -> new PortSpec(name, n, p, exposure.get1(), exposure.get2()));
    // Port names and number/protocol pairs must be unique across a pod; within one container is the most a generator can see.
    Function<PortSpec, Object> numberAndProtocol = p -> p.number() + "/" + (p.protocol().set() ? p.protocol().value() : Protocol.TCP);
    return mix(chaos,
        port.list().ofMaxSize(3).uniqueElements(PortSpec::name).uniqueElements(numberAndProtocol).map(RandomNetworks::frozen),
        upTo(3, port));
  }

  /**
   * Ports of long-running workloads may leave the network unless internal-only; jobs keep theirs
   * inside. Under chaos, any exposure meets any internal-only flag now and then.
   */
  private static Arbitrary<Tuple.Tuple2<Val<ExposureSpec>, Boolean>> exposureAndInternalOnly(int chaos, WorkloadKind kind) {
    boolean longRunning = kind != WorkloadKind.JOB && kind != WorkloadKind.CRON_JOB;
    Arbitrary<ExposureSpec> internal = bools().map(Internal::new);
    // Under chaos node ports come up more often, so that they clash now and then.
    Arbitrary<ExposureSpec> valid = !longRunning ? internal : chaos == 0
        ? anyOf(List.of(internal, nodePort(chaos), loadBalancer(chaos), ingress(chaos)))
        : anyOf(List.of(internal, nodePort(chaos), nodePort(chaos), nodePort(chaos), loadBalancer(chaos), ingress(chaos)));
    Arbitrary<ExposureSpec> broken = anyOf(List.of(nodePort(chaos), loadBalancer(chaos), ingress(chaos)));
    Arbitrary<Val<ExposureSpec>> exposure = setting(chaos, valid, broken);
    return Combinators.combine(exposure, bools(), keepsRules(chaos)).as((e, internalOnly, keeps) -> {
      boolean leaves = e.set() && e.value() != null && e.value().leavesNetwork();
      return Tuple.of(e, internalOnly && !(keeps && leaves));
    });
  }

  private static Arbitrary<ExposureSpec> nodePort(int chaos) {
    // Under chaos half the fixed ports are one port, so that they clash; out-of-range ones too.
    Arbitrary<Integer> anyFixed = orNull(Arbitraries.integers().between(30000, 32767).withoutEdgeCases(), 0.5);
    Arbitrary<Integer> fixed = mix(chaos,
        chaos == 0 ? anyFixed : choice(List.of(Tuple.of(1, anyFixed), Tuple.of(1, Arbitraries.just(30303)))),
        Arbitraries.of(29999, 32768, 80));
    Arbitrary<Val<TrafficPolicy>> policy = setting(chaos, Arbitraries.of(TrafficPolicy.values()), null);
    return Combinators.combine(fixed, policy).as(NodePort::new);
  }

  private static Arbitrary<ExposureSpec> loadBalancer(int chaos) {
    return setting(chaos, Arbitraries.of(TrafficPolicy.values()), null).map(LoadBalancer::new);
  }

  private static Arbitrary<ExposureSpec> ingress(int chaos) {
    Arbitrary<String> host = mix(chaos, Arbitraries.of("rpc.example.org", "ws.chain.io"),
        orNull(Arbitraries.of("RPC.example.org", "bad_host", ""), 0.2));
    Arbitrary<Val<String>> path = setting(chaos, Arbitraries.of("/", "/rpc"), Arbitraries.of("rpc", ""));
    // TLS from a secret (which the network may not declare) or an issuer; under chaos also neither or both.
    Arbitrary<String[]> validTls = anyOf(List.of(
        Arbitraries.of(SECRET_NAMES).map(s -> new String[] {s, null}), Arbitraries.just(new String[] {null, "letsencrypt"})));
    Arbitrary<String[]> brokenTls = Arbitraries.of(
        new String[] {null, null}, new String[] {"tls", "letsencrypt"}, new String[] {"ghost-tls", null}, new String[] {"Bad_TLS", null});
    Arbitrary<String[]> tls = refMix(chaos, validTls, brokenTls);
    Arbitrary<String> basicAuth = mix(chaos, Arbitraries.just((String) null),
        anyOf(List.of(Arbitraries.of(SECRET_NAMES), Arbitraries.of("ghost-auth"))));
    Arbitrary<Integer> rateLimit = mix(chaos, orNull(Arbitraries.of(10, 100), 0.5), Arbitraries.of(0, -1, 2_000_000));
    Arbitrary<String> maxBody = optionalQuantity(chaos);
    return Combinators.combine(host, path, tls, basicAuth, rateLimit, maxBody)
        .as((h, p, t, auth, rate, body) -> new Ingress(h, p, t[0], t[1], auth, rate, body));
  }

  /** Null for no probe. The port is one a container of this kind may have; see {@link #onOwnPort}. */
  private static Arbitrary<ProbeSpec> probe(int chaos, List<String> portNames) {
    Arbitrary<ProbeSpec> valid = portNames.isEmpty()
        ? Arbitraries.integers().between(1, 60).map(period -> new ProbeSpec(CheckKind.EXEC, null, period))
        : Combinators.combine(Arbitraries.of(CheckKind.HTTP, CheckKind.TCP, CheckKind.GRPC, CheckKind.EXEC, CheckKind.JSON_RPC),
            Arbitraries.of(portNames), Arbitraries.integers().between(1, 60)).as(ProbeSpec::new);
    Arbitrary<ProbeSpec> broken = Combinators.combine(Arbitraries.of(CheckKind.values()),
            orNull(Arbitraries.of("ghost", "rpc", "metrics"), 0.3), Arbitraries.of(0, -1, 10))
        .as(ProbeSpec::new);
    return orNull(mix(chaos, valid, broken), 0.5);
  }

  /** Env vars; secret references name a secret and key the network may or may not have. */
  private static Arbitrary<List<EnvSpec>> envs(int chaos) {
    Arbitrary<String[]> ref = Combinators.combine(
            mix(chaos, Arbitraries.of(SECRET_NAMES), Arbitraries.of("ghost-secret", "Bad_Secret", "")),
            mix(chaos, Arbitraries.of(SECRET_KEYS), Arbitraries.of("nope")))
        .as((s, k) -> new String[] {s, k});
    Arbitrary<EnvSource> source = mix(chaos, Arbitraries.of(EnvSource.LITERAL, EnvSource.FIELD, EnvSource.SECRET),
        Arbitraries.of(EnvSource.values()));
    Arbitrary<EnvSpec> env = Combinators.combine(
            mix(chaos, Arbitraries.of(ENV_NAMES), orNull(Arbitraries.of(BAD_ENV_NAMES), 0.2)),
            source, Arbitraries.of(ENV_VALUES), ref)
        .as((name, src, value, r) -> src == EnvSource.SECRET
            ? new EnvSpec(name, src, null, r[0], r[1])
            : new EnvSpec(name, src, value, null, null));
    return distinct(chaos, env.list().ofMaxSize(3), EnvSpec::name);
  }

  /** Mounts at distinct absolute paths (and of their workload's volumes, see {@link #consistentReferences}). */
  private static Arbitrary<List<MountSpec>> mounts(int chaos) {
    Arbitrary<String> volume = mix(chaos, Arbitraries.of(VOLUME_NAMES), orNull(Arbitraries.of("ghost-vol", "Data", ""), 0.2));
    Arbitrary<String> path = mix(chaos, Arbitraries.of(MOUNT_PATHS), orNull(Arbitraries.of("relative/path", "", "/data"), 0.2));
    Arbitrary<MountSpec> mount = Combinators.combine(volume, path, bools()).as(MountSpec::new);
    return distinct(chaos, mount.list().ofMaxSize(2), MountSpec::path);
  }

  /** Resources that keep the rules never request more than their limit (when both parse). */
  private static Arbitrary<ResourcesSpec> resources(int chaos) {
    Arbitrary<String> q = optionalQuantity(chaos);
    return Combinators.combine(q, q, q, q, keepsRules(chaos)).as((cpuRequest, cpuLimit, memoryRequest, memoryLimit, keeps) -> keeps
        ? new ResourcesSpec(lower(cpuRequest, cpuLimit), higher(cpuRequest, cpuLimit), lower(memoryRequest, memoryLimit), higher(memoryRequest, memoryLimit))
        : new ResourcesSpec(cpuRequest, cpuLimit, memoryRequest, memoryLimit));
  }

  private static String lower(String a, String b) {
    return inOrder(a, b) ? a : b;
  }

  private static String higher(String a, String b) {
    return inOrder(a, b) ? b : a;
  }

  private static boolean inOrder(String a, String b) {
    Optional<Quantity> qa = Quantity.tryParse(a);
    Optional<Quantity> qb = Quantity.tryParse(b);
    return qa.isEmpty() || qb.isEmpty() || qa.get().compareTo(qb.get()) <= 0;
  }

  // --- policies

  private static Arbitrary<PolicySpec> policies(int chaos) {
    return Combinators.combine(isolation(chaos), backups(chaos), autoscalers(chaos), verticalScaling(chaos), quota(chaos),
            secretSource(chaos))
        .as(PolicySpec::new);
  }

  /** Null for none. */
  private static Arbitrary<IsolationSpec> isolation(int chaos) {
    Arbitrary<RuleSpec> rule = Combinators.combine(workloadRef(chaos),
            mix(chaos, Arbitraries.of(TrafficDirection.class), Arbitraries.just(null)), peer(chaos), rulePorts(chaos))
        .as(RuleSpec::new);
    return orNull(Combinators.combine(bools(), upTo(2, rule)).as(IsolationSpec::new), 0.4);
  }

  /** Null for no peer at all (the rule's peer is then set to null). */
  private static Arbitrary<PeerSpec> peer(int chaos) {
    Arbitrary<PeerSpec> valid = anyOf(List.of(
        Arbitraries.of(WORKLOAD_NAMES).map(w -> new PeerSpec(TrafficPeerKind.WORKLOAD, Val.of(w))),
        Arbitraries.just(new PeerSpec(TrafficPeerKind.NAMESPACE, Val.of("ops"))),
        Arbitraries.just(new PeerSpec(TrafficPeerKind.MONITORING, Val.unset())),
        Arbitraries.just(new PeerSpec(TrafficPeerKind.CIDR, Val.of("10.0.0.0/8")))));
    Arbitrary<PeerSpec> broken = Arbitraries.of(
        new PeerSpec(TrafficPeerKind.WORKLOAD, Val.of("ghost")), new PeerSpec(TrafficPeerKind.WORKLOAD, Val.of(null)),
        new PeerSpec(TrafficPeerKind.CIDR, Val.of("10.0.0.0")), new PeerSpec(TrafficPeerKind.MONITORING, Val.of("prometheus")),
        new PeerSpec(TrafficPeerKind.MONITORING, Val.of(null)), new PeerSpec(null, Val.of("ops")));
    return mix(chaos, valid, orNull(broken, 0.15));
  }

  /** Port numbers and names; under chaos also out-of-range numbers and unknown names. */
  private static Arbitrary<List<String>> rulePorts(int chaos) {
    Arbitrary<String> valid = anyOf(List.of(Arbitraries.of("8545", "30303"), Arbitraries.of(MAIN_PORTS.names())));
    Arbitrary<String> broken = Arbitraries.of("0", "70000", "99999", "nope", "engine-api");
    return upTo(2, mix(chaos, valid, broken));
  }

  private static Arbitrary<List<BackupSpec>> backups(int chaos) {
    Arbitrary<BackupSpec> backup = Combinators.combine(
            name(chaos, List.of("nightly", "hourly"), BAD_NAMES), upTo(2, workloadRef(chaos)),
            mix(chaos, Arbitraries.of(CRONS), orNull(Arbitraries.of(BAD_CRONS), 0.3)),
            mix(chaos, Arbitraries.integers().between(1, 30), Arbitraries.of(0, -1, 10_001)),
            name(chaos, List.of("csi-snapclass"), List.of("Bad_Class", "")),
            setting(chaos, Arbitraries.of("ebs.csi.aws.com"), Arbitraries.just("")))
        .as(BackupSpec::new);
    return distinct(chaos, backup.list().ofMaxSize(2), BackupSpec::name);
  }

  private static Arbitrary<List<AutoscalerSpec>> autoscalers(int chaos) {
    Arbitrary<MetricSpec> metric = mix(chaos,
        Arbitraries.of(new MetricSpec(ScalingMetricSource.RESOURCE, "cpu", 80, null),
            new MetricSpec(ScalingMetricSource.PODS, "queue_depth", null, "10"),
            new MetricSpec(ScalingMetricSource.EXTERNAL, "proof_queue", null, "500m")),
        Arbitraries.of(new MetricSpec(ScalingMetricSource.RESOURCE, "disk", 80, null),
            new MetricSpec(ScalingMetricSource.RESOURCE, "memory", null, null),
            new MetricSpec(ScalingMetricSource.PODS, "queue_depth", 50, null),
            new MetricSpec(ScalingMetricSource.PODS, "queue_depth", null, "abc"),
            new MetricSpec(null, "cpu", 80, null),
            new MetricSpec(ScalingMetricSource.RESOURCE, null, 80, null)));
    Arbitrary<List<MetricSpec>> metrics = mix(chaos,
        metric.list().ofMinSize(1).ofMaxSize(2).uniqueElements(m -> m.source() + ":" + m.name()).map(RandomNetworks::frozen),
        upTo(2, metric));
    // min > max happens under chaos: both bounds are drawn independently then.
    Arbitrary<AutoscalerSpec> scaler = Combinators.combine(workloadRef(chaos),
            mix(chaos, Arbitraries.integers().between(1, 3), Arbitraries.integers().between(0, 12)),
            mix(chaos, Arbitraries.integers().between(3, 10), Arbitraries.integers().between(0, 12)), metrics)
        .as(AutoscalerSpec::new);
    return distinct(chaos, scaler.list().ofMaxSize(2), AutoscalerSpec::workload);
  }

  private static Arbitrary<List<VerticalSpec>> verticalScaling(int chaos) {
    Arbitrary<VerticalSpec> vertical = Combinators.combine(workloadRef(chaos),
            mix(chaos, Arbitraries.just("500m"), Arbitraries.of("4", "abc")),
            orNull(mix(chaos, Arbitraries.just("2"), Arbitraries.of("1", "16 Gi")), 0.3))
        .as(VerticalSpec::new);
    return upTo(1, vertical);
  }

  /** Null for none. */
  private static Arbitrary<QuotaSpec> quota(int chaos) {
    return orNull(Combinators.combine(optionalQuantity(chaos), optionalQuantity(chaos),
            mix(chaos, orNull(Arbitraries.of(10, 100), 0.5), Arbitraries.of(-1, 2_000_000)))
        .as(QuotaSpec::new), 0.6);
  }

  private static Arbitrary<Val<SecretSourceKind>> secretSource(int chaos) {
    return setting(chaos,
        Arbitraries.of(SecretSourceKind.PLATFORM, SecretSourceKind.VAULT_AGENT, SecretSourceKind.EXTERNAL),
        Arbitraries.of(SecretSourceKind.EXTERNAL_WITHOUT_STORE, SecretSourceKind.PLATFORM_WITH_STORE,
            SecretSourceKind.BAD_REFRESH, SecretSourceKind.NO_KIND));
  }

  // ------------------------------------------------------------------------------------------
  // Consistency: what makes a network generated without chaos valid
  // ------------------------------------------------------------------------------------------

  /**
   * Points every reference of a chaos-free network at something the network has: dependencies at
   * earlier workloads (so there are no cycles), env vars and volumes at declared secrets and keys,
   * data volumes at declared storage classes, policies at workloads that suit them. A reference
   * with nothing to point at is dropped. Choices are deterministic, so repairs shrink with the spec.
   */
  static final class Consistency {
    private Consistency() {}

    static NetworkSpec repair(NetworkSpec n) {
      List<String> secrets = n.secrets().stream().map(SecretSpec::name).toList();
      List<String[]> secretKeys = secretKeys(n.secrets());
      List<String> classes = n.storageClasses().stream().map(StorageClassSpec::name).toList();
      List<String> names = n.workloads().stream().map(WorkloadSpec::name).toList();
      List<WorkloadSpec> workloads = IntStream.range(0, n.workloads().size())
          .mapToObj(i -> workload(n.workloads().get(i), names.subList(0, i), secrets, secretKeys, classes)).toList();
      return new NetworkSpec(n.chaos(), n.name(), n.namespace(), n.labels(), n.storageClasses(), n.secrets(),
          frozen(workloads), policies(n.policies(), workloads));
    }

    /** Secret and key pairs an env var may use: every key of a secret with data, any key of a provided one. */
    private static List<String[]> secretKeys(List<SecretSpec> secrets) {
      List<String[]> pairs = new ArrayList<>();
      for (SecretSpec s : secrets) {
        if (s.provided()) {
          pairs.add(new String[] {s.name(), "anything"});
        }
        s.data().forEach(e -> pairs.add(new String[] {s.name(), e.key()}));
      }
      return pairs;
    }

    private static WorkloadSpec workload(WorkloadSpec w, List<String> earlier, List<String> secrets,
        List<String[]> secretKeys, List<String> classes) {
      List<DependencySpec> deps = w.dependsOn().stream().filter(d -> earlier.contains(d.workload())).toList();
      List<VolumeSpec> volumes = new ArrayList<>();
      for (int i = 0; i < w.volumes().size(); i++) {
        VolumeSpec v = w.volumes().get(i);
        if (v.kind() == VolumeKind.SECRET && !secrets.contains(v.arg())) {
          if (!secrets.isEmpty()) {
            volumes.add(new VolumeSpec(v.kind(), v.name(), pick(secrets, i), v.storageClass()));
          }
        } else if (v.storageClass() != null && !classes.contains(v.storageClass())) {
          volumes.add(new VolumeSpec(v.kind(), v.name(), v.arg(), classes.isEmpty() ? null : pick(classes, i)));
        } else {
          volumes.add(v);
        }
      }
      Containers c = w.containers();
      Containers containers = new Containers(containers(c.main(), secrets, secretKeys), containers(c.sidecars(), secrets, secretKeys),
          containers(c.init(), secrets, secretKeys));
      // Dropped volumes may leave mounts without one; consistentReferences moves them again.
      return consistentReferences(new WorkloadSpec(w.name(), w.kind(), w.replicas(), w.cron(), frozen(volumes), containers, deps,
          w.metricsPort(), w.rollout()));
    }

    private static List<ContainerSpec> containers(List<ContainerSpec> containers, List<String> secrets, List<String[]> secretKeys) {
      return containers.stream().map(c -> new ContainerSpec(c.name(), c.image(), ports(c.ports(), secrets), env(c.env(), secretKeys),
          c.mounts(), c.resources(), c.probes(), c.security())).toList();
    }

    private static List<EnvSpec> env(List<EnvSpec> env, List<String[]> secretKeys) {
      return IntStream.range(0, env.size()).mapToObj(i -> {
        EnvSpec e = env.get(i);
        if (e.source() != EnvSource.SECRET || secretKeys.stream().anyMatch(p -> p[0].equals(e.secret()) && p[1].equals(e.key()))) {
          return e;
        }
        if (secretKeys.isEmpty()) {
          return new EnvSpec(e.name(), EnvSource.LITERAL, "mainnet", null, null);
        }
        String[] p = pick(secretKeys, i);
        return new EnvSpec(e.name(), EnvSource.SECRET, null, p[0], p[1]);
      }).toList();
    }

    /** Ingress TLS from a declared secret, or else from an issuer. */
    private static List<PortSpec> ports(List<PortSpec> ports, List<String> secrets) {
      return IntStream.range(0, ports.size()).mapToObj(i -> {
        PortSpec p = ports.get(i);
        if (!(p.exposure().value() instanceof Ingress in) || in.tlsSecret() == null || secrets.contains(in.tlsSecret())) {
          return p;
        }
        Ingress fixed = secrets.isEmpty()
            ? new Ingress(in.host(), in.path(), null, "letsencrypt", in.basicAuthSecret(), in.rateLimit(), in.maxBodySize())
            : new Ingress(in.host(), in.path(), pick(secrets, i), null, in.basicAuthSecret(), in.rateLimit(), in.maxBodySize());
        return new PortSpec(p.name(), p.number(), p.protocol(), Val.of(fixed), p.internalOnly());
      }).toList();
    }

    private static PolicySpec policies(PolicySpec p, List<WorkloadSpec> workloads) {
      List<String> names = workloads.stream().map(WorkloadSpec::name).toList();
      // Backups need a data volume to snapshot; autoscalers a workload that scales.
      List<String> withData = workloads.stream()
          .filter(w -> w.volumes().stream().anyMatch(v -> v.kind() == VolumeKind.DATA)).map(WorkloadSpec::name).toList();
      List<String> scalable = workloads.stream()
          .filter(w -> !w.kind().set() || w.kind().value() == WorkloadKind.STATELESS || w.kind().value() == WorkloadKind.STATEFUL)
          .map(WorkloadSpec::name).toList();
      IsolationSpec isolation = p.isolation() == null || names.isEmpty() ? null
          : new IsolationSpec(p.isolation().defaultDeny(), IntStream.range(0, p.isolation().rules().size())
              .mapToObj(i -> rule(p.isolation().rules().get(i), i, names, workloads)).toList());
      List<BackupSpec> backups = p.backups().stream()
          .map(b -> new BackupSpec(b.name(), b.workloads().stream().filter(withData::contains).distinct().toList(),
              b.schedule(), b.retain(), b.snapshotClass(), b.snapshotDriver()))
          .filter(b -> !b.workloads().isEmpty()).toList();
      List<AutoscalerSpec> autoscalers = scalable.isEmpty() ? List.of() : IntStream.range(0, p.autoscalers().size())
          .mapToObj(i -> {
            AutoscalerSpec a = p.autoscalers().get(i);
            return scalable.contains(a.workload()) ? a : new AutoscalerSpec(pick(scalable, i), a.min(), a.max(), a.metrics());
          })
          .filter(distinctBy(AutoscalerSpec::workload)).toList();
      List<VerticalSpec> vertical = names.isEmpty() ? List.of() : p.verticalScaling().stream()
          .map(v -> names.contains(v.workload()) ? v : new VerticalSpec(names.get(0), v.minCpu(), v.maxCpu())).toList();
      return new PolicySpec(isolation, backups, autoscalers, vertical, p.quota(), p.secretSource());
    }

    private static RuleSpec rule(RuleSpec r, int i, List<String> names, List<WorkloadSpec> workloads) {
      String workload = names.contains(r.workload()) ? r.workload() : pick(names, i);
      PeerSpec peer = r.peer();
      if (peer != null && peer.kind() == TrafficPeerKind.WORKLOAD && !names.contains(peer.name().value())) {
        peer = new PeerSpec(TrafficPeerKind.WORKLOAD, Val.of(pick(names, i + 1)));
      }
      return new RuleSpec(workload, r.direction(), peer, ownedRulePorts(workloads, workload, r.direction(), peer, r.ports()));
    }

    /**
     * Rule ports are numbers, or names of ports the workload they belong to really has (the target
     * for ingress, a workload peer for egress); other names are dropped.
     */
    private static List<String> ownedRulePorts(List<WorkloadSpec> workloads, String workload,
        TrafficDirection direction, PeerSpec peer, List<String> ports) {
      String owner = direction == TrafficDirection.INGRESS ? workload
          : peer != null && peer.kind() == TrafficPeerKind.WORKLOAD ? peer.name().value() : null;
      List<String> named = workloads.stream().filter(w -> w.name().equals(owner))
          .flatMap(w -> w.containers().serving()).flatMap(c -> c.ports().stream()).map(PortSpec::name).toList();
      return ports.stream().filter(p -> p.matches("\\d+") || named.contains(p)).distinct().toList();
    }

    private static <T> Predicate<T> distinctBy(Function<T, Object> key) {
      Set<Object> seen = new HashSet<>();
      return t -> seen.add(key.apply(t));
    }
  }
}
