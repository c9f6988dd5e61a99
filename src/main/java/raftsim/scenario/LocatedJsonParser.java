package raftsim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds a {@link LocatedJson} tree from Jackson's streaming parser, turning every syntax problem
 * into a located {@link ScenarioException}.
 */
final class LocatedJsonParser {

  /** Strict JSON: no comments, no single quotes, no NaN, no leading zeros (Jackson's defaults). */
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  /** The parts of Jackson's messages that name its settings; see {@link #withoutAdvice}. */
  private static final Pattern JACKSON_ADVICE = Pattern.compile(": enable `[^`]*` to allow|, from `[^`]*`");

  private LocatedJsonParser() {}

  /**
   * Parses the whole source as one JSON value. Syntax errors, duplicate field names, an empty file
   * and text after the value are errors.
   */
  static LocatedJson parse(SourceText source) throws ScenarioException {
    try (JsonParser parser = FACTORY.createParser(source.text())) {
      try {
        return document(parser, source);
      } catch (StreamConstraintsException e) {
        // Jackson's limits on nesting depth and on the length of numbers and strings; the exception
        // has no location, but the parser is still where it stopped.
        throw source.error(offsetOf(parser.currentLocation()), "",
            "invalid JSON: " + withoutAdvice(e.getOriginalMessage()));
      } catch (JsonEOFException e) {
        throw source.error(offsetOf(e.getLocation()), "",
            "invalid JSON: the file ends before the JSON value is complete");
      } catch (JsonProcessingException e) {
        int offset = offsetOf(e.getLocation());
        throw source.error(offset, "", "invalid JSON: " + syntaxProblem(e, source, offset));
      }
    } catch (IOException e) {
      // The parser reads a String, which cannot fail to be read.
      throw new UncheckedIOException(e);
    }
  }

  private static LocatedJson document(JsonParser parser, SourceText source) throws IOException, ScenarioException {
    if (parser.nextToken() == null) {
      throw source.error(0, "", "the file is empty; expected a JSON object");
    }
    LocatedJson root = value(parser, source, "");
    int rest = source.skipWhitespace(offsetOf(parser.currentLocation()));
    if (rest < source.text().length()) {
      throw source.error(rest, "", "unexpected text after the end of the top-level JSON value");
    }
    return root;
  }

  /** Jackson's description of a syntax error, with comments (a common slip) named plainly. */
  private static String syntaxProblem(JsonProcessingException e, SourceText source, int offset) {
    if (source.text().startsWith("//", offset) || source.text().startsWith("/*", offset)) {
      return "comments are not allowed";
    }
    return withoutAdvice(e.getOriginalMessage());
  }

  /**
   * A Jackson message without its references to Jackson's own settings ("enable `...` to allow",
   * "from `StreamReadConstraints...`"): raftsim reads standard JSON only, so they would mislead.
   */
  private static String withoutAdvice(String message) {
    return JACKSON_ADVICE.matcher(message).replaceAll("");
  }

  /** Reads the value whose first token is the parser's current token. */
  private static LocatedJson value(JsonParser parser, SourceText source, String path)
      throws IOException, ScenarioException {
    int offset = offsetOf(parser.currentTokenLocation());
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        return object(parser, source, path, offset);
      case START_ARRAY:
        List<LocatedJson> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(parser, source, JsonPath.index(path, items.size())));
        }
        return new LocatedJson.Arr(offset, List.copyOf(items));
      case VALUE_STRING:
        return new LocatedJson.Str(offset, parser.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return number(parser.getText(), token == JsonToken.VALUE_NUMBER_INT, source, path, offset);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new LocatedJson.Bool(offset, token == JsonToken.VALUE_TRUE);
      case VALUE_NULL:
        return new LocatedJson.Null(offset);
      default:
        throw new IllegalStateException("a JSON value cannot start with " + token);
    }
  }

  private static LocatedJson.Obj object(JsonParser parser, SourceText source, String path, int offset)
      throws IOException, ScenarioException {
    Map<String, LocatedJson.Member> members = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      int nameOffset = offsetOf(parser.currentTokenLocation());
      String memberPath = JsonPath.member(path, name);
      if (members.containsKey(name)) {
        throw source.error(nameOffset, memberPath, "duplicate field; each field may appear only once in an object");
      }
      parser.nextToken();
      members.put(name, new LocatedJson.Member(name, nameOffset, value(parser, source, memberPath)));
    }
    return new LocatedJson.Obj(offset, Collections.unmodifiableMap(members));
  }

  private static LocatedJson.Num number(String text, boolean integral, SourceText source, String path, int offset)
      throws ScenarioException {
    try {
      return new LocatedJson.Num(offset, text, new BigDecimal(text), integral);
    } catch (NumberFormatException e) {
      // Only an exponent beyond the range of an int gets here, such as 1e99999999999.
      throw source.error(offset, path, text + " has too large an exponent");
    }
  }

  /** The character offset of a location; Jackson knows it for every location in a String source. */
  private static int offsetOf(JsonLocation location) {
    return location == null ? 0 : (int) Math.max(0, location.getCharOffset());
  }
}
