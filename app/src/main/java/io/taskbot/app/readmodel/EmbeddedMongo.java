package io.taskbot.app.readmodel;

import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The in-process MongoDB wire server of the zero-setup run, keeping its data in an H2 file under the data dir so that
 * read models and accounts survive restarts. Listens on a free loopback port only, and only over TLS with the client
 * certificate of {@link EmbeddedMongoTls}: mongo-java-server has no accounts, so the key in the data dir is what
 * keeps other local processes out.
 * <p>
 * The listener is mongo-java-server's own wire pipeline, set up here rather than by its {@code MongoServer}, whose
 * TLS option cannot require a client certificate.
 */
final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final RecoverableH2Backend backend;
    private final EmbeddedMongoTls tls;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final ChannelGroup clients;
    private final Channel listener;
    private final String connectionString;

    EmbeddedMongo(Path dataDir) {
        Path file = dataDir.resolve("readmodels.mv.db");
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data dir " + dataDir, e);
        }
        this.tls = EmbeddedMongoTls.loadOrCreate(dataDir);
        this.backend = new RecoverableH2Backend(file);
        SslContext serverTls = tls.serverContext();
        this.acceptors = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("embedded-mongo-accept", true),
                NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("embedded-mongo", true),
                NioIoHandler.newFactory());
        this.clients = new DefaultChannelGroup("embedded-mongo-clients", workers.next());
        try {
            this.listener = new ServerBootstrap()
                    .group(acceptors, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 100)
                    .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(
                                    serverTls.newHandler(channel.alloc()),
                                    new MongoWireReplyEncoder(),
                                    new MongoWireMessageEncoder(),
                                    new MongoWireProtocolHandler(),
                                    new MongoDatabaseHandler(backend, clients),
                                    new MongoExceptionHandler());
                        }
                    })
                    .bind(EmbeddedMongoTls.HOST, 0).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            stopEventLoops();
            backend.close();
            throw e;
        }
        int port = ((InetSocketAddress) listener.localAddress()).getPort();
        this.connectionString = "mongodb://" + EmbeddedMongoTls.HOST + ":" + port + "/?tls=true";
        log.info("Embedded MongoDB for read models listening on {} for clients with the certificate in {} (data in "
                + "{})", connectionString, tls.file(), file);
    }

    String connectionString() {
        return connectionString;
    }

    /** What the application's client needs: the certificate to present, and the only server it trusts. */
    SSLContext clientTls() {
        return tls.clientContext();
    }

    /** Commits the H2 store now instead of at its next autocommit. */
    void flush() {
        backend.commit();
    }

    /** Whether the store can be used; false after a failed write (a full disk) closed it, until it is reopened. */
    boolean isOpen() {
        return backend.isOpen();
    }

    /** Reopens the store if a failed write closed it; returns whether it is open now. */
    boolean reopenIfClosed() {
        return backend.reopenIfClosed();
    }

    /** Stops listening, closes the clients' connections, then commits and closes the H2 store. */
    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        clients.close().awaitUninterruptibly();
        stopEventLoops();
        backend.close();
    }

    private void stopEventLoops() {
        acceptors.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
