package io.taskbot.app.readmodel;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells the operator in plain words, instead of a stack trace, why a node with a read store of its own stopped. */
class ForeignReadStoreFailureAnalyzer extends AbstractFailureAnalyzer<ReadStoreBinding.ForeignReadStoreException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ReadStoreBinding.ForeignReadStoreException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
