package dev.beckon.suite.broker;

import dev.beckon.gateway.acl.BrokerAuthenticator;
import dev.beckon.gateway.acl.ClientIdentity;
import dev.beckon.gateway.acl.TopicAcl;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gateway's {@link BrokerAuthenticator} and {@link TopicAcl} as Moquette's authenticator and authorizator:
 * CONNECT is checked against the suite's service account and the issued scanner and app-install credentials (no
 * username, a wrong password or a database failure refuses the connection), and every PUBLISH and SUBSCRIBE is
 * checked against the identity the username authenticated as. Moquette passes only the username and client id to
 * the authorizator, so the identity of each username's latest successful CONNECT is remembered (a username is one
 * scanner or app install; a failed CONNECT never replaces it). Anything without a remembered identity is denied.
 *
 * <p>Thread-safe. {@link #checkValid} blocks on the database for non-suite usernames (once per connection);
 * {@link #canWrite} and {@link #canRead} do not block and never throw.
 */
public final class BrokerSecurity implements IAuthenticator, IAuthorizatorPolicy {

    private static final System.Logger LOG = System.getLogger(BrokerSecurity.class.getName());

    private final BrokerAuthenticator authenticator;
    private final TopicAcl acl;
    private final Map<String, ClientIdentity> identities = new ConcurrentHashMap<>();
    private final LongAdder refusedConnections = new LongAdder();
    private final LongAdder deniedPublishes = new LongAdder();
    private final LongAdder deniedSubscriptions = new LongAdder();

    public BrokerSecurity(BrokerAuthenticator authenticator, TopicAcl acl) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.acl = Objects.requireNonNull(acl, "acl");
    }

    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
        Optional<ClientIdentity> identity;
        try {
            identity = authenticator.authenticate(username, password);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "MQTT client {0} refused: checking user {1} failed: {2}", clientId,
                    username, e.getMessage());
            refusedConnections.increment();
            return false;
        }
        if (identity.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "MQTT client {0} refused: {1}", clientId,
                    username == null ? "anonymous" : "bad credentials for user " + username);
            refusedConnections.increment();
            return false;
        }
        identities.put(username, identity.get());
        return true;
    }

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
        ClientIdentity identity = identity(user);
        boolean allowed = identity != null && topic != null && acl.canPublish(identity, topic.toString());
        if (!allowed) {
            deniedPublishes.increment();
            LOG.log(System.Logger.Level.DEBUG, "MQTT publish of user {0} (client {1}) to {2} denied", user, client,
                    topic);
        }
        return allowed;
    }

    @Override
    public boolean canRead(Topic topic, String user, String client) {
        ClientIdentity identity = identity(user);
        boolean allowed = identity != null && topic != null && acl.canSubscribe(identity, topic.toString());
        if (!allowed) {
            deniedSubscriptions.increment();
            LOG.log(System.Logger.Level.INFO, "MQTT subscription of user {0} (client {1}) to {2} denied", user,
                    client, topic);
        }
        return allowed;
    }

    /** Connections refused so far (anonymous, bad credentials, database failure). */
    public long refusedConnections() {
        return refusedConnections.sum();
    }

    /** Publishes denied so far (the message was not delivered to anyone). */
    public long deniedPublishes() {
        return deniedPublishes.sum();
    }

    /** Subscriptions denied so far. */
    public long deniedSubscriptions() {
        return deniedSubscriptions.sum();
    }

    /** The identity {@code username} last authenticated as, or null. */
    ClientIdentity identity(String username) {
        return username == null ? null : identities.get(username);
    }
}
