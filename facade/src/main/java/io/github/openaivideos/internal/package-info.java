/**
 * Implementation details of the client: transport, retries, polling, wire encoding and mapping from
 * the generated models. Not an API: anything here may change in any release.
 */
@NullMarked
package io.github.openaivideos.internal;

import org.jspecify.annotations.NullMarked;
