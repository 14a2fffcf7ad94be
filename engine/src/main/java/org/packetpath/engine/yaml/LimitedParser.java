package org.packetpath.engine.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * snakeyaml's event parser with a limit on nesting, which snakeyaml's settings do not have:
 * its composer recurses once per level, so a document nested thousands of levels deep would
 * end in a {@link StackOverflowError}. It also remembers where the last event was, to locate
 * the few errors snakeyaml reports without a position. Not thread-safe; one per document.
 */
final class LimitedParser implements Parser {
  /** Lists and mappings nested deeper than {@link #maxDepth}. */
  static final class TooDeep extends MarkedYamlEngineException {
    private static final long serialVersionUID = 1L;

    TooDeep(Optional<Mark> mark, int maxDepth) {
      super("", Optional.empty(), "nested more than " + maxDepth + " levels deep", mark);
    }
  }

  private final Parser parser;
  private final int maxDepth;
  private int depth;
  private Optional<Mark> last = Optional.empty();

  LimitedParser(Parser parser, int maxDepth) {
    this.parser = parser;
    this.maxDepth = maxDepth;
  }

  /** Where the last event taken started, if any was. */
  Optional<Mark> lastMark() {
    return last;
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    return parser.checkEvent(id);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return parser.hasNext();
  }

  @Override
  public Event next() {
    Event event = parser.next();
    last = event.getStartMark().or(() -> last);
    switch (event.getEventId()) {
      case SequenceStart, MappingStart -> {
        depth++;
        if (depth > maxDepth) {
          throw new TooDeep(event.getStartMark(), maxDepth);
        }
      }
      case SequenceEnd, MappingEnd -> depth--;
      case Alias, Comment, DocumentEnd, DocumentStart, Scalar, StreamEnd, StreamStart -> { }
    }
    return event;
  }
}
