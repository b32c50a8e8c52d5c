/** How plugins are named and found, and Beckon's one exception family. */
package dev.beckon.api.plugin;
