package io.github.openaivideos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API compatibility gate: the public and protected signatures of the two public packages are
 * recorded in {@code facade/api/*.api}; any change fails here with a diff. An intended change is
 * accepted with {@code mvn -B -pl facade test -Dtest=ApiSignatureTest -Dapi.update=true}, which
 * rewrites the files (commit them with the change; the diff is what reviewers check).
 */
class ApiSignatureTest {

  private static final String UPDATE_COMMAND =
      "mvn -B -pl facade test -Dtest=ApiSignatureTest -Dapi.update=true";

  @Test
  void facadePublicApiMatchesTheRecordedSignatures() throws Exception {
    check("io.github.openaivideos", Paths.get("api", "openai-videos.api"));
  }

  @Test
  void generatedModelsPublicApiMatchesTheRecordedSignatures() throws Exception {
    check("io.github.openaivideos.models", Paths.get("api", "openai-videos-generated.api"));
  }

  @Test
  void dumpListsPublicMembersWithGenericSignaturesAndLeavesOutPrivateOnes() throws Exception {
    List<String> dump = dump("io.github.openaivideos");
    assertThat(dump)
        .contains(
            "public final class io.github.openaivideos.ListVideos",
            "  public io.github.openaivideos.ListVideos io.github.openaivideos.ListVideos.limit(int)")
        .noneMatch(line -> line.contains("io.github.openaivideos.internal."))
        .noneMatch(line -> line.trim().startsWith("private "));
  }

  private static void check(String pkg, Path file) throws Exception {
    List<String> actual = dump(pkg);
    if (Boolean.getBoolean("api.update")) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file)
        .withFailMessage(
            "No recorded API for %s at %s; record it with: %s", pkg, file, UPDATE_COMMAND)
        .exists();
    List<String> recorded = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (!recorded.equals(actual)) {
      TreeSet<String> removed = new TreeSet<>(recorded);
      removed.removeAll(actual);
      TreeSet<String> added = new TreeSet<>(actual);
      added.removeAll(recorded);
      String diff =
          Stream.concat(
                  removed.stream().map(l -> "- " + l.trim()),
                  added.stream().map(l -> "+ " + l.trim()))
              .collect(Collectors.joining("\n"));
      throw new AssertionError(
          "The public API of "
              + pkg
              + " differs from "
              + file
              + ":\n"
              + diff
              + "\nA removal or a changed signature breaks users (a major version). If the change is"
              + " intended, accept it with: "
              + UPDATE_COMMAND);
    }
  }

  /** One line per public class, then one indented line per public or protected member, sorted. */
  static List<String> dump(String pkg) throws IOException, URISyntaxException {
    List<String> out = new ArrayList<>();
    for (String name : classNames(pkg)) {
      Class<?> type;
      try {
        type = Class.forName(name, false, ApiSignatureTest.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IOException(e);
      }
      if (!isVisible(type)) {
        continue;
      }
      out.add(header(type));
      TreeSet<String> members = new TreeSet<>();
      for (Field f : type.getDeclaredFields()) {
        if (isExposed(f)) {
          members.add("  " + f.toGenericString());
        }
      }
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (isExposed(c)) {
          members.add("  " + c.toGenericString());
        }
      }
      for (Method m : type.getDeclaredMethods()) {
        if (isExposed(m) && !m.isBridge()) {
          members.add("  " + m.toGenericString());
        }
      }
      out.addAll(members);
    }
    return out;
  }

  private static String header(Class<?> type) {
    // Not Class.toGenericString(): its wording changes between JDKs (JDK 25 adds "sealed").
    StringBuilder sb = new StringBuilder();
    String mods = Modifier.toString(type.getModifiers() & ~Modifier.INTERFACE);
    sb.append(mods.isEmpty() ? "" : mods + " ");
    if (type.isSealed()) {
      sb.append("sealed ");
    }
    sb.append(
            type.isAnnotation()
                ? "@interface"
                : type.isInterface()
                    ? "interface"
                    : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class")
        .append(' ')
        .append(type.getName());
    TypeVariable<?>[] params = type.getTypeParameters();
    if (params.length > 0) {
      List<String> names = new ArrayList<>();
      for (TypeVariable<?> v : params) {
        List<String> bounds = new ArrayList<>();
        for (Type b : v.getBounds()) {
          if (b != Object.class) {
            bounds.add(b.getTypeName());
          }
        }
        names.add(v.getName() + (bounds.isEmpty() ? "" : " extends " + String.join(" & ", bounds)));
      }
      sb.append('<').append(String.join(", ", names)).append('>');
    }
    Type superclass = type.getGenericSuperclass();
    if (superclass != null
        && superclass != Object.class
        && !type.isEnum()
        && !type.isRecord()
        && !type.isInterface()) {
      sb.append(" extends ").append(superclass.getTypeName());
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0) {
      List<String> names = new ArrayList<>();
      for (Type i : interfaces) {
        names.add(i.getTypeName());
      }
      Collections.sort(names);
      sb.append(type.isInterface() ? " extends " : " implements ").append(String.join(", ", names));
    }
    return sb.toString();
  }

  private static boolean isVisible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
        return false;
      }
    }
    return !type.isSynthetic();
  }

  private static boolean isExposed(Member m) {
    int mod = m.getModifiers();
    boolean visible = Modifier.isPublic(mod) || Modifier.isProtected(mod);
    return visible && !m.isSynthetic();
  }

  /** The top-level and nested classes of exactly this package (not its subpackages), sorted. */
  private static List<String> classNames(String pkg) throws IOException, URISyntaxException {
    String dir = pkg.replace('.', '/');
    TreeSet<String> names = new TreeSet<>();
    Enumeration<URL> roots = ApiSignatureTest.class.getClassLoader().getResources(dir);
    while (roots.hasMoreElements()) {
      URL url = roots.nextElement();
      if (url.getProtocol().equals("file")) {
        try (Stream<Path> files = Files.list(Paths.get(url.toURI()))) {
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
              .forEach(n -> names.add(pkg + "." + n.substring(0, n.length() - 6)));
        }
      } else if (url.getProtocol().equals("jar")) {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          for (JarEntry e : Collections.list(jar.entries())) {
            String n = e.getName();
            if (n.startsWith(dir + "/")
                && n.endsWith(".class")
                && n.indexOf('/', dir.length() + 1) < 0
                && !n.endsWith("package-info.class")) {
              names.add(n.substring(0, n.length() - 6).replace('/', '.'));
            }
          }
        }
      }
    }
    // Test classes of the same package live in target/test-classes: only main classes are API.
    names.removeIf(ApiSignatureTest::isTestClass);
    return new ArrayList<>(names);
  }

  private static boolean isTestClass(String name) {
    URL location;
    try {
      Class<?> c = Class.forName(name, false, ApiSignatureTest.class.getClassLoader());
      location = c.getProtectionDomain().getCodeSource().getLocation();
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
    return location != null && location.getPath().contains("/test-classes/");
  }
}
