package io.chainwright.fabric.channel;

import com.google.protobuf.Message;
import io.chainwright.fabric.policy.PolicyDsl;
import java.util.Map;
import org.hyperledger.fabric.protos.common.Capabilities;
import org.hyperledger.fabric.protos.common.Capability;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigPolicy;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.Policy;

/** The building blocks of a config tree: values and policies, each modifiable by the group's admins. */
final class ConfigItems {
  static final String ADMINS = "Admins";
  static final String READERS = "Readers";
  static final String WRITERS = "Writers";
  static final String ENDORSEMENT = "Endorsement";

  private ConfigItems() {}

  static void value(ConfigGroup.Builder group, String key, Message value) {
    group.putValues(key, ConfigValue.newBuilder().setModPolicy(ADMINS).setValue(value.toByteString()).build());
  }

  static void capabilities(ConfigGroup.Builder group, String level) {
    value(group, "Capabilities", Capabilities.newBuilder().putAllCapabilities(Map.of(level, Capability.getDefaultInstance())).build());
  }

  /** An implicit meta policy such as {@code ANY Readers}: it combines the same-named policies of the sub-groups. */
  static void implicitMeta(ConfigGroup.Builder group, String key, ImplicitMetaPolicy.Rule rule, String subPolicy) {
    ImplicitMetaPolicy meta = ImplicitMetaPolicy.newBuilder().setRule(rule).setSubPolicy(subPolicy).build();
    policy(group, key, Policy.PolicyType.IMPLICIT_META, meta);
  }

  /** A signature policy written in the policy DSL. */
  static void signature(ConfigGroup.Builder group, String key, String dsl) {
    policy(group, key, Policy.PolicyType.SIGNATURE, PolicyDsl.envelope(dsl));
  }

  private static void policy(ConfigGroup.Builder group, String key, Policy.PolicyType type, Message value) {
    Policy policy = Policy.newBuilder().setType(type.getNumber()).setValue(value.toByteString()).build();
    group.putPolicies(key, ConfigPolicy.newBuilder().setModPolicy(ADMINS).setPolicy(policy).build());
  }

  /** The three policies every group has: anyone of a sub-group reads or writes, a majority administers. */
  static void readersWritersAdmins(ConfigGroup.Builder group) {
    implicitMeta(group, READERS, ImplicitMetaPolicy.Rule.ANY, READERS);
    implicitMeta(group, WRITERS, ImplicitMetaPolicy.Rule.ANY, WRITERS);
    implicitMeta(group, ADMINS, ImplicitMetaPolicy.Rule.MAJORITY, ADMINS);
  }
}
