package io.github.openaivideos.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates picocli's command objects, handing the {@link Session} to each class that has a
 * constructor taking one. Everything else (mixins, converters) is created by picocli's default.
 */
final class SessionFactory implements CommandLine.IFactory {
  private final Session session;

  SessionFactory(Session session) {
    this.session = session;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Constructor<K> withSession;
    try {
      withSession = type.getDeclaredConstructor(Session.class);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(type);
    }
    return withSession.newInstance(session);
  }
}
