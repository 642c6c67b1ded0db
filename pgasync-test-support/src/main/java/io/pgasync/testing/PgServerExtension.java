package io.pgasync.testing;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit extension behind {@link PgTest}: injects the JVM's {@link PgTestServer} and evaluates
 * {@link RequiresOwnCluster} and {@link MinServerVersion}.
 */
public final class PgServerExtension implements ParameterResolver, ExecutionCondition {

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == PgTestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return PgTestServer.get();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<AnnotatedElement> element = context.getElement();
        if (element.isEmpty()) {
            return ConditionEvaluationResult.enabled("no element");
        }
        RequiresOwnCluster own = element.get().getAnnotation(RequiresOwnCluster.class);
        MinServerVersion min = element.get().getAnnotation(MinServerVersion.class);
        if (own == null && min == null) {
            return ConditionEvaluationResult.enabled("no server condition");
        }
        PgTestServer server = PgTestServer.get();
        if (own != null && !server.ownsCluster()) {
            return ConditionEvaluationResult.disabled("needs the harness's own cluster"
                    + (own.value().isEmpty() ? "" : " (" + own.value() + ")") + ", but the server is "
                    + server.description() + "; unset PGASYNC_TEST_URL / PGASYNC_TEST_MODE to run it");
        }
        if (min != null && server.majorVersion() < min.value()) {
            return ConditionEvaluationResult.disabled("needs PostgreSQL " + min.value() + " or newer; the server is "
                    + server.serverVersion());
        }
        return ConditionEvaluationResult.enabled("server conditions hold");
    }
}
