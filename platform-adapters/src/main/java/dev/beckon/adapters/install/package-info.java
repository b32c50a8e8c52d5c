/**
 * What every platform's install flow shares: {@link dev.beckon.adapters.install.InstallException}, the typed
 * failure an install callback answers with.
 */
package dev.beckon.adapters.install;
