package io.fincopilot.security;

/** A credential was presented and is not acceptable. The message is safe to show the caller. */
public class InvalidCredentialException extends Exception {

    public InvalidCredentialException(String message) {
        super(message);
    }

    public InvalidCredentialException(String message, Throwable cause) {
        super(message, cause);
    }
}
