/** The JSON views of keys, strategies and task types behind the operators' API. */
package org.keytriage.web.ops.internal;
