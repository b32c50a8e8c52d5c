/**
 * Who may publish and subscribe where on the MQTT broker, free of any broker's types so the suite can adapt it to
 * the embedded Moquette broker's authorizator (or generate an external broker's ACL from it):
 * {@link dev.beckon.gateway.acl.TopicAcl} decides, {@link dev.beckon.gateway.acl.JdbcCredentialStore} issues and
 * checks the per-scanner and per-app-install credentials (secrets stored hashed), and
 * {@link dev.beckon.gateway.acl.BrokerAuthenticator} turns a CONNECT's username and password into a
 * {@link dev.beckon.gateway.acl.ClientIdentity}.
 */
package dev.beckon.gateway.acl;
