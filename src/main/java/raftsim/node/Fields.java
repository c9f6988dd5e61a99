package raftsim.node;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Typed reads of JSON fields that say which field is wrong and what it must be. */
final class Fields {
  private Fields() {}

  static String text(JsonNode o, String name) throws BadRequest {
    JsonNode v = o.get(name);
    if (v == null || !v.isTextual()) {
      throw new BadRequest(name + ": " + (v == null ? "missing" : "expected a string, got " + v.getNodeType()
          .name().toLowerCase(Locale.ROOT)));
    }
    return v.textValue();
  }

  static long longField(JsonNode o, String name) throws BadRequest {
    JsonNode v = o.get(name);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new BadRequest(name + ": " + (v == null ? "missing" : "expected a whole number, got " + v));
    }
    return v.longValue();
  }

  static int intField(JsonNode o, String name) throws BadRequest {
    long v = longField(o, name);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new BadRequest(name + ": " + v + " is out of range");
    }
    return (int) v;
  }

  static boolean bool(JsonNode o, String name) throws BadRequest {
    JsonNode v = o.get(name);
    if (v == null || !v.isBoolean()) {
      throw new BadRequest(name + ": " + (v == null ? "missing" : "expected true or false, got " + v));
    }
    return v.booleanValue();
  }

  static <E extends Enum<E>> E enumField(JsonNode o, String name, Class<E> type) throws BadRequest {
    String v = text(o, name);
    try {
      return Enum.valueOf(type, v);
    } catch (IllegalArgumentException e) {
      throw new BadRequest(name + ": unknown value '" + v + "'");
    }
  }
}
