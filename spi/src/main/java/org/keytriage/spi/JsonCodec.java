package org.keytriage.spi;

/**
 * JSON text to object trees and back. Its tree model is THE one JSON model handlers see: every
 * tree the gateway parses for them (an {@link UpstreamResponse} body, a {@link TaskInput} that
 * arrived as JSON) and every tree this codec parses is made of these types alone, so a handler
 * needs no JSON library of its own and never meets two types for one JSON number.
 *
 * <table>
 *   <caption>What {@link #parse(String)} gives</caption>
 *   <tr><th>JSON</th><th>Java</th></tr>
 *   <tr><td>object</td><td>{@code Map<String,Object>}, unmodifiable, keys in the text's order; a
 *       duplicate key keeps its last value</td></tr>
 *   <tr><td>array</td><td>{@code List<Object>}, unmodifiable</td></tr>
 *   <tr><td>string</td><td>{@code String}</td></tr>
 *   <tr><td>number</td><td>{@link java.math.BigDecimal}, for every number: {@code 42}, {@code
 *       4.2} and {@code 4.2e1} alike, with the text's exact digits (never a rounded
 *       double)</td></tr>
 *   <tr><td>{@code true}, {@code false}</td><td>{@code Boolean}</td></tr>
 *   <tr><td>{@code null}</td><td>{@code null}</td></tr>
 * </table>
 *
 * <p>A handler gets the gateway's codec from {@link ProviderConfig#json()} when its factory creates
 * it. Implementations are thread-safe.
 */
public interface JsonCodec {

  /**
   * Parses exactly one JSON value (RFC 8259), with only whitespace around it.
   *
   * @throws IllegalArgumentException when {@code json} is null or not exactly one JSON value, or
   *     nests deeper than the implementation allows; the message names the position (line and
   *     column) and never quotes the text, which may be patient data
   */
  Object parse(String json);

  /**
   * Writes a tree as compact JSON (no whitespace between tokens), maps in their iteration order.
   * Accepts the tree model above, with a {@code Map}'s keys strings, and any finite {@link Number}
   * (a {@code Long}, a {@code Double}, ...).
   *
   * @throws IllegalArgumentException for anything else: another type, a key that is not a string, a
   *     NaN or infinite number, nesting deeper than the implementation allows (such as a map that
   *     holds itself); the message names the type, never the value
   */
  String write(Object tree);
}
