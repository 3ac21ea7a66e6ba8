package io.chainwright.ethereum.loadbalancer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.route.v3.FilterConfig;
import io.envoyproxy.envoy.extensions.access_loggers.stream.v3.StdoutAccessLog;
import io.envoyproxy.envoy.extensions.filters.http.buffer.v3.Buffer;
import io.envoyproxy.envoy.extensions.filters.http.json_to_metadata.v3.JsonToMetadata;
import io.envoyproxy.envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit;
import io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate;
import io.envoyproxy.pgv.validate.Validate.FieldRules;
import io.envoyproxy.pgv.validate.Validate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an Envoy bootstrap back into Envoy's own API messages, as Envoy does when it starts: a key
 * Envoy does not know, a value of the wrong type or an unknown {@code @type} fails the read. It then
 * checks what Envoy checks after reading (the validation rules written beside each field, such as
 * "required" or "at least one item") and lists every field Envoy marks deprecated.
 */
final class EnvoyApi {
  /** Every typed config the generated bootstrap may hold; one missing here fails the read, naming it. */
  private static final JsonFormat.TypeRegistry TYPES = JsonFormat.TypeRegistry.newBuilder().add(List.of(
      HttpConnectionManager.getDescriptor(), Router.getDescriptor(), LocalRateLimit.getDescriptor(),
      Buffer.getDescriptor(), JsonToMetadata.getDescriptor(), RBAC.getDescriptor(), FilterConfig.getDescriptor(),
      StdoutAccessLog.getDescriptor(), PreviousHostsPredicate.getDescriptor())).build();

  private EnvoyApi() {}

  /** The bootstrap as Envoy reads it; fails on anything its API does not define. */
  static Bootstrap read(String yaml) throws Exception {
    String json = new ObjectMapper().writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(yaml));
    Bootstrap.Builder bootstrap = Bootstrap.newBuilder();
    JsonFormat.parser().usingTypeRegistry(TYPES).merge(json, bootstrap);
    return bootstrap.build();
  }

  /** Each broken validation rule and each deprecated field in use, with its path. */
  static List<String> problems(Message message) throws InvalidProtocolBufferException {
    List<String> problems = new ArrayList<>();
    walk(message, message.getDescriptorForType().getName(), problems);
    return problems;
  }

  private static void walk(Message message, String path, List<String> problems) throws InvalidProtocolBufferException {
    // Inside a message read from an Any, a nested Any is a dynamic message too: it is told by its type.
    if (message.getDescriptorForType().equals(Any.getDescriptor())) {
      Any any = Any.parseFrom(message.toByteString());
      Descriptor type = TYPES.find(any.getTypeUrl().substring(any.getTypeUrl().lastIndexOf('/') + 1));
      walk(DynamicMessage.parseFrom(type, any.getValue()), path + "<" + type.getName() + ">", problems);
      return;
    }
    for (OneofDescriptor oneof : message.getDescriptorForType().getRealOneofs()) {
      if (oneof.getOptions().getExtension(Validate.required) && !message.hasOneof(oneof)) {
        problems.add(path + "." + oneof.getName() + ": one of its fields is required");
      }
    }
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      String at = path + "." + field.getName();
      boolean set = field.isRepeated() ? message.getRepeatedFieldCount(field) > 0 : message.hasField(field);
      if (set && field.getOptions().getDeprecated()) {
        problems.add(at + ": deprecated");
      }
      // A member of a oneof is checked only when it is the one set.
      if (set || field.getRealContainingOneof() == null) {
        check(field.getOptions().getExtension(Validate.rules), field, message, at, problems);
      }
      for (Message child : children(message, field)) {
        walk(child, at, problems);
      }
    }
  }

  private static List<Message> children(Message message, FieldDescriptor field) {
    if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
      return List.of();
    }
    if (field.isMapField()) {
      List<Message> values = new ArrayList<>();
      for (Object entry : (List<?>) message.getField(field)) {
        Message pair = (Message) entry;
        Object value = pair.getField(pair.getDescriptorForType().findFieldByName("value"));
        if (value instanceof Message m) {
          values.add(m);
        }
      }
      return values;
    }
    if (field.isRepeated()) {
      return ((List<?>) message.getField(field)).stream().map(Message.class::cast).toList();
    }
    return message.hasField(field) ? List.of((Message) message.getField(field)) : List.of();
  }

  /** The rules Envoy applies to the fields of this configuration: presence, counts, lengths and bounds. */
  private static void check(FieldRules rules, FieldDescriptor field, Message message, String at, List<String> problems) {
    if (rules.hasMessage() && rules.getMessage().getRequired() && !message.hasField(field)) {
      problems.add(at + ": required");
    }
    if (rules.hasAny() && rules.getAny().getRequired() && !message.hasField(field)) {
      problems.add(at + ": required");
    }
    if (rules.hasDuration() && rules.getDuration().getRequired() && !message.hasField(field)) {
      problems.add(at + ": required");
    }
    if (field.isRepeated()) {
      int count = message.getRepeatedFieldCount(field);
      if (rules.hasRepeated() && count < rules.getRepeated().getMinItems()) {
        problems.add(at + ": at least " + rules.getRepeated().getMinItems() + " items");
      }
      if (rules.hasRepeated() && rules.getRepeated().hasMaxItems() && count > rules.getRepeated().getMaxItems()) {
        problems.add(at + ": at most " + rules.getRepeated().getMaxItems() + " items");
      }
      if (rules.hasMap() && count < rules.getMap().getMinPairs()) {
        problems.add(at + ": at least " + rules.getMap().getMinPairs() + " entries");
      }
      return;
    }
    if (!message.hasField(field) && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      return;
    }
    Object value = unwrap(message.getField(field));
    if (rules.hasString() && value instanceof String s) {
      if (s.length() < rules.getString().getMinLen() || s.getBytes(StandardCharsets.UTF_8).length
          < rules.getString().getMinBytes()) {
        problems.add(at + ": '" + s + "' is too short");
      }
      if (rules.getString().hasMaxLen() && s.length() > rules.getString().getMaxLen()) {
        problems.add(at + ": '" + s + "' is too long");
      }
    }
    for (Message bounds : List.of(rules.getUint32(), rules.getInt32(), rules.getUint64(), rules.getInt64(), rules.getDouble(),
        rules.getDuration())) {
      bounds(bounds, value, at, problems);
    }
  }

  private static Object unwrap(Object value) {
    if (value instanceof Duration d) {
      return d.getSeconds() + d.getNanos() / 1e9;
    }
    if (value instanceof Message m && m.getDescriptorForType().getFullName().startsWith("google.protobuf.")
        && m.getDescriptorForType().findFieldByName("value") != null) {
      return m.getField(m.getDescriptorForType().findFieldByName("value"));
    }
    return value;
  }

  /** Checks {@code gt}, {@code gte}, {@code lt} and {@code lte} of one numeric or duration rule set. */
  private static void bounds(Message bounds, Object value, String at, List<String> problems) {
    if (!(value instanceof Number number)) {
      return;
    }
    double v = number.doubleValue();
    for (Map.Entry<FieldDescriptor, Object> bound : bounds.getAllFields().entrySet()) {
      Object limit = unwrap(bound.getValue());
      if (!(limit instanceof Number n)) {
        continue;
      }
      double l = n.doubleValue();
      boolean broken = switch (bound.getKey().getName()) {
        case "gt" -> !(v > l);
        case "gte" -> !(v >= l);
        case "lt" -> !(v < l);
        case "lte" -> !(v <= l);
        case "const" -> v != l;
        default -> false;
      };
      if (broken) {
        problems.add(at + ": " + value + " breaks " + bound.getKey().getName() + " " + limit);
      }
    }
  }
}
