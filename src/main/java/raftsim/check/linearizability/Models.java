package raftsim.check.linearizability;

import raftsim.check.history.HistoryFormat;

/** The model that checks histories of each format. */
public final class Models {
  private Models() {}

  /** The model whose command language the readers of {@code format} write. */
  public static Model<?, ?, ?> forFormat(HistoryFormat format) {
    return switch (format) {
      case RAFTSIM -> new KvModel();
      case PORCUPINE_KV -> new PorcupineKvModel();
      case JEPSEN_ETCD -> new EtcdRegisterModel();
    };
  }
}
