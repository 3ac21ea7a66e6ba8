package io.chainwright.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Optional;

/** What a probe does: HTTP, TCP, exec, gRPC or a JSON-RPC call. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = HttpCheck.class, name = "http"),
  @JsonSubTypes.Type(value = TcpCheck.class, name = "tcp"),
  @JsonSubTypes.Type(value = ExecCheck.class, name = "exec"),
  @JsonSubTypes.Type(value = GrpcCheck.class, name = "grpc"),
  @JsonSubTypes.Type(value = JsonRpcCheck.class, name = "json-rpc")
})
public interface ProbeCheck {
  /** The named port the check talks to, if it talks to one. */
  Optional<String> port();
}
