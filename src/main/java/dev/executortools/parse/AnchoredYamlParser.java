package dev.executortools.parse;

import java.io.CharArrayReader;
import java.io.Reader;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Jackson's YAML parser, which reports the anchor of an object or array but forgets the one on a
 * scalar value ({@code title: &t hello}); this one remembers the event each token came from, so
 * {@link TreeBuilder} sees every anchor.
 */
final class AnchoredYamlParser extends YAMLParser implements TreeBuilder.Anchors {
  private Event last;

  private AnchoredYamlParser(
      ObjectReadContext readCtxt,
      IOContext ioCtxt,
      BufferRecycler br,
      int streamReadFeatures,
      int formatReadFeatures,
      LoadSettings settings,
      Reader reader) {
    super(readCtxt, ioCtxt, br, streamReadFeatures, formatReadFeatures, settings, reader);
  }

  @Override
  protected Event nextEvent() {
    Event event = super.nextEvent();
    last = event;
    return event;
  }

  @Override
  public String anchor() {
    JsonToken token = currentToken();
    boolean value = token != null && (token.isScalarValue() || token.isStructStart());
    return value && last instanceof NodeEvent node && !(last instanceof AliasEvent)
        ? node.getAnchor().map(Anchor::getValue).orElse(null)
        : null;
  }

  @Override
  public boolean isAlias() {
    return isCurrentAlias();
  }

  /** A {@link YAMLFactory} whose parsers are {@link AnchoredYamlParser}s. */
  static final class Factory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    Factory(YAMLFactory configured) {
      super(configured);
    }

    @Override
    protected YAMLParser _createParser(
        ObjectReadContext readCtxt, IOContext ioCtxt, Reader reader) {
      return new AnchoredYamlParser(
          readCtxt,
          ioCtxt,
          _getBufferRecycler(),
          readCtxt.getStreamReadFeatures(_streamReadFeatures),
          readCtxt.getFormatReadFeatures(_formatReadFeatures),
          _loadSettings,
          reader);
    }

    @Override
    protected YAMLParser _createParser(
        ObjectReadContext readCtxt,
        IOContext ioCtxt,
        char[] data,
        int offset,
        int len,
        boolean recyclable) {
      return _createParser(readCtxt, ioCtxt, new CharArrayReader(data, offset, len));
    }
  }
}
