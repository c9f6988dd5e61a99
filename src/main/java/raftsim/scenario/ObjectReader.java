package raftsim.scenario;

import java.util.List;

/**
 * Reads the fields of one JSON object of a scenario file by name, each checked by {@link ValueReader}.
 * A field that is absent takes the default the caller gives, or is an error when it is required.
 */
final class ObjectReader {

  private final ValueReader values;
  private final LocatedJson.Obj object;
  private final String path;

  ObjectReader(ValueReader values, LocatedJson.Obj object, String path) {
    this.values = values;
    this.object = object;
    this.path = path;
  }

  /**
   * Rejects the first field, in file order, whose name is not one of {@code validNames}; the error
   * points at the field's name and lists the valid names.
   */
  ObjectReader allowOnly(List<String> validNames) throws ScenarioException {
    for (LocatedJson.Member member : object.members().values()) {
      if (!validNames.contains(member.name())) {
        throw values.error(member.nameOffset(), JsonPath.member(path, member.name()),
            "unknown field; valid: " + String.join(", ", validNames));
      }
    }
    return this;
  }

  /** Where the object starts in the file. */
  SourcePosition position() {
    return values.position(object);
  }

  /** An error about the object as a whole, located at its opening brace. */
  ScenarioException error(String reason) {
    return values.error(object, path, reason);
  }

  /** An error about the field {@code name}, which is present, located at its value. */
  ScenarioException error(String name, String reason) {
    return values.error(object.members().get(name).value(), pathOf(name), reason);
  }

  String pathOf(String name) {
    return JsonPath.member(path, name);
  }

  boolean has(String name) {
    return object.members().containsKey(name);
  }

  /** The value of a field that must be present; an absent one is reported at the object's opening brace. */
  LocatedJson require(String name) throws ScenarioException {
    LocatedJson.Member member = object.members().get(name);
    if (member == null) {
      throw missing(name, "");
    }
    return member.value();
  }

  /** The error for a required field that is absent, located at the object's opening brace, with a hint if any. */
  ScenarioException missing(String name, String hint) {
    return values.error(object, pathOf(name), "required field is missing" + (hint.isEmpty() ? "" : "; " + hint));
  }

  /** The value of a field, or null when it is absent. */
  LocatedJson get(String name) {
    LocatedJson.Member member = object.members().get(name);
    return member == null ? null : member.value();
  }

  /** The object in field {@code name}, with only {@code validNames} allowed in it, or null when it is absent. */
  ObjectReader object(String name, List<String> validNames) throws ScenarioException {
    return has(name) ? values.object(get(name), pathOf(name)).allowOnly(validNames) : null;
  }

  /** The items of the array in field {@code name}, or an empty list when it is absent. */
  List<LocatedJson> array(String name, String what) throws ScenarioException {
    return has(name) ? values.array(get(name), pathOf(name), what) : List.of();
  }

  List<LocatedJson> requiredArray(String name, String what) throws ScenarioException {
    return values.array(require(name), pathOf(name), what);
  }

  String requiredString(String name) throws ScenarioException {
    return values.string(require(name), pathOf(name));
  }

  String string(String name, String ifAbsent) throws ScenarioException {
    return has(name) ? values.string(get(name), pathOf(name)) : ifAbsent;
  }

  boolean requiredBool(String name) throws ScenarioException {
    return values.bool(require(name), pathOf(name));
  }

  boolean bool(String name, boolean ifAbsent) throws ScenarioException {
    return has(name) ? values.bool(get(name), pathOf(name)) : ifAbsent;
  }

  Boolean optionalBool(String name) throws ScenarioException {
    return has(name) ? values.bool(get(name), pathOf(name)) : null;
  }

  long requiredWholeNumber(String name, long min, long max) throws ScenarioException {
    return values.wholeNumber(require(name), pathOf(name), min, max);
  }

  long wholeNumber(String name, long ifAbsent, long min, long max) throws ScenarioException {
    return has(name) ? values.wholeNumber(get(name), pathOf(name), min, max) : ifAbsent;
  }

  Long optionalWholeNumber(String name, long min, long max) throws ScenarioException {
    return has(name) ? values.wholeNumber(get(name), pathOf(name), min, max) : null;
  }

  double number(String name, double ifAbsent, long min, long max) throws ScenarioException {
    return has(name) ? values.number(get(name), pathOf(name), min, max) : ifAbsent;
  }

  Double optionalNumber(String name, long min, long max) throws ScenarioException {
    return has(name) ? values.number(get(name), pathOf(name), min, max) : null;
  }

  Range range(String name, Range ifAbsent, long lowest) throws ScenarioException {
    return has(name) ? values.range(get(name), pathOf(name), lowest) : ifAbsent;
  }

  Range optionalRange(String name, long lowest) throws ScenarioException {
    return has(name) ? values.range(get(name), pathOf(name), lowest) : null;
  }
}
