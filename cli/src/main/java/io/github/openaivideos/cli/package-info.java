/**
 * The {@code videos} command-line tool. Start reading at {@link io.github.openaivideos.cli.Cli},
 * which wires the picocli commands ({@code *Command}) to a {@link
 * io.github.openaivideos.cli.Session} holding the streams, the environment and the factories that
 * tests replace.
 */
@NullMarked
package io.github.openaivideos.cli;

import org.jspecify.annotations.NullMarked;
