package io.fincopilot.launcher;

import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Binds S3Mock's plain-HTTP connector to the loopback address. S3Mock's --server.address only
 * reaches its HTTPS connector; this post-processor, put on its -Dloader.path by ./fincopilot,
 * makes the HTTP one reachable only from this machine too.
 */
public class LoopbackConnectors implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof Connector connector) {
            connector.setProperty("address", System.getProperty("fincopilot.s3.address", "127.0.0.1"));
        }
        return bean;
    }
}
