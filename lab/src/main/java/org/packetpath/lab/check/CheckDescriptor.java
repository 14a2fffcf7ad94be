package org.packetpath.lab.check;

import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.packetpath.lab.Check;
import org.packetpath.lab.Content;
import org.packetpath.lab.Exercise;

/** A check as a test, named by its goal, tagged with its points and its exercise. */
final class CheckDescriptor extends AbstractTestDescriptor {
  static final String SEGMENT = "check";
  /** The report entry that carries the expectation in words. */
  static final String EXPECTED = "expected";
  /** The prefix of the tag that carries the points. */
  static final String POINTS = "points=";

  private final Check check;
  private final Set<TestTag> tags;

  CheckDescriptor(ExerciseDescriptor parent, Exercise exercise, Check check, Content content) {
    super(parent.getUniqueId().append(SEGMENT, check.id()), check.goal(),
        Sources.of(content, exercise.folder() + "/exercise.yaml", check.position().line()));
    this.check = check;
    this.tags = Set.of(TestTag.create(POINTS + check.points()),
        TestTag.create("exercise=" + exercise.id()));
  }

  Check check() {
    return check;
  }

  String expected() {
    return Explain.expected(check.expect());
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }

  @Override
  public Set<TestTag> getTags() {
    return tags;
  }

  @Override
  public String getLegacyReportingName() {
    return check.id();
  }
}
