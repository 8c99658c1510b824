package io.taskbot.app.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three API contracts, each on its own base path and each with its own error body. Every error under a base path
 * is rendered in that contract's format, whichever layer (security, MVC, servlet container) produced it.
 */
public enum ApiContract {

    /** Contract 000: {@code {"detail": "..."}}. */
    API_V1("/api/v1") {
        @Override
        Object errorBody(ApiError error) {
            return Map.of("detail", error.message());
        }
    },
    /** Contract 003: {@code {"error": {"code", "message", "details"}}}. */
    CHAT("/api/chat") {
        @Override
        Object errorBody(ApiError error) {
            return Map.of("error", errorObject(chatCode(error.kind()), error));
        }
    },
    /** Contract 004: {@code {"success": false, "error": {"code", "message", "details"}}}. */
    V1("/v1") {
        @Override
        Object errorBody(ApiError error) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("success", false);
            body.put("error", errorObject(error.code() != null ? error.code() : v1Code(error.kind()), error));
            return body;
        }
    },
    /** Anything else (Actuator, unknown paths): the 003/004 style without an envelope. */
    OTHER("") {
        @Override
        Object errorBody(ApiError error) {
            return Map.of("error", errorObject(error.kind().name(), error));
        }
    };

    private final String basePath;

    ApiContract(String basePath) {
        this.basePath = basePath;
    }

    public String basePath() {
        return basePath;
    }

    abstract Object errorBody(ApiError error);

    public static ApiContract forPath(String path) {
        if (path == null) {
            return OTHER;
        }
        for (ApiContract contract : values()) {
            if (contract != OTHER && (path.equals(contract.basePath) || path.startsWith(contract.basePath + "/"))) {
                return contract;
            }
        }
        return OTHER;
    }

    private static Map<String, Object> errorObject(String code, ApiError error) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("code", error.code() != null && !code.equals(error.code()) ? error.code() : code);
        object.put("message", error.message());
        if (error.details() != null) {
            object.put("details", error.details());
        }
        return object;
    }

    private static String chatCode(ApiError.Kind kind) {
        return switch (kind) {
            case UNAUTHORIZED -> "UNAUTHORIZED";
            case FORBIDDEN -> "FORBIDDEN";
            case NOT_FOUND -> "NOT_FOUND";
            case RATE_LIMITED -> "RATE_LIMIT_EXCEEDED";
            case UNAVAILABLE -> "SERVICE_UNAVAILABLE";
            case INTERNAL -> "INTERNAL_ERROR";
            default -> "INVALID_REQUEST";
        };
    }

    private static String v1Code(ApiError.Kind kind) {
        return switch (kind) {
            case UNAUTHORIZED -> "UNAUTHORIZED";
            case FORBIDDEN -> "FORBIDDEN";
            case NOT_FOUND -> "NOT_FOUND";
            case RATE_LIMITED -> "RATE_LIMIT_EXCEEDED";
            case INTERNAL, UNAVAILABLE, CONFLICT -> "INTERNAL_ERROR";
            default -> "INVALID_INPUT";
        };
    }
}
